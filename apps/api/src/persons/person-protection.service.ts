import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { PROTECTION_REASON_LABELS } from '../../../../libs/domain/persons/person-protection';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import { isCaseId } from '../cases/case-id';
import type { PersonProtectionDto, RevealPersonDto } from './person-protection.dto';
import type { PersonProtectionView } from './person.views';
import {
  PERSON_ROW_COLUMNS,
  responsibleCondition,
  revealedPerson,
  type PersonRow,
  type ShownPerson,
} from './protected-persons';

/**
 * Protected persons (udvidet adressebeskyttelse): setting and lifting the flag, by the unit holding one of
 * the person's cases with write access, and the reveal of a protected person's name and CPR number to the
 * caseworkers of the unit holding the case with write access, with the reason logged.
 */
@Injectable()
export class PersonProtectionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly accessLog: AccessLogService,
  ) {}

  async change(personRef: string, dto: PersonProtectionDto, user: AuthenticatedUser): Promise<PersonProtectionView> {
    const params = new SqlParameters();
    const refParam = params.add(personRef);
    const found: { id: string; protected: boolean }[] = await this.dataSource.query(
      `SELECT p.id, p.protected FROM persons p
        WHERE p.id::text = ${refParam}
          AND EXISTS (SELECT 1 FROM cases c WHERE c.person_ref = p.id::text AND ${visibleCaseCondition(user, 'c', params, 'write')})`,
      params.values,
    );
    if (!found[0]) throw new ApiError(HttpStatus.NOT_FOUND, 'PERSON_NOT_FOUND', 'Personen findes ikke.');
    if (found[0].protected === dto.protected) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'ILLEGAL_TRANSITION',
        dto.protected ? 'Personen er allerede beskyttet.' : 'Personen er ikke beskyttet.',
      );
    }
    if (dto.protected === (dto.reason === 'protection_ended')) {
      throw ApiError.invalidDomainData(
        dto.protected
          ? `Årsagen »${PROTECTION_REASON_LABELS.protection_ended}« kan kun ophæve en beskyttelse.`
          : `En beskyttelse ophæves med årsagen »${PROTECTION_REASON_LABELS.protection_ended}«.`,
        [{ field: 'reason', problems: ['Årsagen passer ikke til ændringen.'] }],
      );
    }
    const changedAt = new Date();
    await this.dataSource.transaction(async (db) => {
      // Address protection is the person's, not one register entry's: every organisation's entry for the same CPR
      // number (docs/need-to-know.md) is protected with it, so no other organisation's lists show the name.
      await db.query(
        `UPDATE persons SET protected = $2, protection_changed_by = $3, protection_changed_at = $4
          WHERE cpr_lookup = (SELECT cpr_lookup FROM persons WHERE id = $1)`,
        [found[0].id, dto.protected, user.id, changedAt],
      );
      await this.accessLog.record(
        user,
        'person_protection_change',
        { personRef: found[0].id, details: { protected: dto.protected, reason: dto.reason } },
        db,
      );
    });
    return { personRef: found[0].id, protected: dto.protected, changedBy: user.id, changedAt: changedAt.toISOString() };
  }

  /**
   * The name and CPR number of a case's protected person, for a caseworker of the unit holding the case with
   * write access; the read is logged with its reason. 404 outside the user's scope; 403 for every other
   * reader; 409 for a person who is not protected (whose name the case shows anyway).
   */
  async reveal(caseId: string, dto: RevealPersonDto, user: AuthenticatedUser): Promise<ShownPerson> {
    if (!isCaseId(caseId)) throw ApiError.caseNotFound(caseId);
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const rows: (PersonRow & { responsible: boolean })[] = await this.dataSource.query(
      `SELECT ${PERSON_ROW_COLUMNS}, ${responsibleCondition(user, 'c', params)} AS responsible
         FROM cases c JOIN persons p ON p.id::text = c.person_ref
        WHERE c.id = ${idParam} AND ${visibleCaseCondition(user, 'c', params)}`,
      params.values,
    );
    const row = rows[0];
    if (!row) throw ApiError.caseNotFound(caseId);
    if (!row.protected) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'ILLEGAL_TRANSITION',
        'Personen er ikke beskyttet: navnet står på sagen.',
      );
    }
    if (!row.responsible) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Kun sagsbehandlerne i den enhed, der har sagen, kan få vist en beskyttet persons navn og CPR-nummer.',
      );
    }
    await this.accessLog.record(user, 'protected_person_read', {
      caseId,
      personRef: row.id,
      details: { reason: dto.reason, ...(dto.note ? { note: dto.note } : {}) },
    });
    return revealedPerson(row, this.config.personalData.keyring);
  }
}
