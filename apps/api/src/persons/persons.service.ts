import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition, visiblePersonCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/roles';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { findUnit } from '../../../../libs/domain/organisations/organisation-units';
import { checkCpr } from '../../../../libs/personal-data/cpr';
import { decryptField, encryptField, keyIdOf, lookupHash } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';

/** Associated data binding each ciphertext to its column: a value moved elsewhere does not decrypt. */
const NAME_FIELD = 'persons.name';
const CPR_FIELD = 'persons.cpr';

export interface PersonView {
  personRef: string;
  name: string;
  cpr: string;
  birthDate: string;
  /** The person's cases the user may see, newest first (earlier agreements included). */
  cases: { id: string; caseType: string; status: string; unit: { code: string; name: string }; openedAt: string; closedAt: string | null }[];
}

/**
 * The person register: names and CPR numbers encrypted at rest (AES-256-GCM, key id stored for
 * rotation) and found again by a keyed hash of the CPR number. Cases refer to persons only by the
 * pseudonymous reference, so Temporal and the case tables never hold a name or CPR number.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly accessLog: AccessLogService,
  ) {}

  /** Finds the person by CPR number or registers them; either way answers the person reference. */
  async register(name: string, cpr: string, user: AuthenticatedUser): Promise<{ personRef: string; created: boolean }> {
    const normalized = this.validCpr(cpr);
    const registeredUnit = user.units[0];
    if (!registeredUnit) throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Din bruger er ikke knyttet til en enhed.');
    const { keyring, hmacKey } = this.config.personalData;
    const nameEncrypted = encryptField(name.trim(), keyring, NAME_FIELD);
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO persons (id, name_encrypted, cpr_encrypted, key_id, cpr_lookup, registered_unit, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cpr_lookup) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        nameEncrypted,
        encryptField(normalized, keyring, CPR_FIELD),
        keyIdOf(nameEncrypted),
        lookupHash(normalized, hmacKey),
        registeredUnit,
        user.id,
      ],
    );
    if (inserted.length) return { personRef: inserted[0].id, created: true };
    const [existing]: { id: string }[] = await this.dataSource.query(`SELECT id FROM persons WHERE cpr_lookup = $1`, [
      lookupHash(normalized, hmacKey),
    ]);
    return { personRef: existing.id, created: false };
  }

  async read(personRef: string, user: AuthenticatedUser): Promise<PersonView> {
    const view = await this.findVisible('id::text', personRef, user);
    if (!view) throw notFound();
    await this.accessLog.record(user, 'person_read', { personRef: view.personRef });
    return view;
  }

  async lookup(cpr: string, user: AuthenticatedUser): Promise<PersonView> {
    const view = await this.findVisible('cpr_lookup', lookupHash(this.validCpr(cpr), this.config.personalData.hmacKey), user);
    if (!view) throw notFound();
    await this.accessLog.record(user, 'person_lookup', { personRef: view.personRef });
    return view;
  }

  private validCpr(cpr: string): string {
    const check = checkCpr(cpr);
    if (!check.ok) throw ApiError.invalidDomainData(check.message);
    return check.normalized;
  }

  private async findVisible(column: 'id::text' | 'cpr_lookup', value: string, user: AuthenticatedUser): Promise<PersonView | undefined> {
    const params = new SqlParameters();
    const valueParam = params.add(value);
    const rows: { id: string; name_encrypted: string; cpr_encrypted: string }[] = await this.dataSource.query(
      `SELECT p.id, p.name_encrypted, p.cpr_encrypted FROM persons p
        WHERE p.${column} = ${valueParam} AND ${visiblePersonCondition(user, 'p', params)}`,
      params.values,
    );
    const row = rows[0];
    if (!row) return undefined;
    const { keyring } = this.config.personalData;
    const cpr = decryptField(row.cpr_encrypted, keyring, CPR_FIELD);
    const check = checkCpr(cpr);
    const caseParams = new SqlParameters();
    const personParam = caseParams.add(row.id);
    const cases: { id: string; case_type: string; status: string; org_unit: string; opened_at: Date; closed_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT c.id, c.case_type, c.status, c.org_unit, c.opened_at, c.closed_at FROM cases c
          WHERE c.person_ref = ${personParam} AND ${visibleCaseCondition(user, 'c', caseParams)}
          ORDER BY c.opened_at DESC, c.id`,
        caseParams.values,
      );
    return {
      personRef: row.id,
      name: decryptField(row.name_encrypted, keyring, NAME_FIELD),
      cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
      birthDate: check.ok ? check.birthDate : '',
      cases: cases.map((c) => ({
        id: c.id,
        caseType: c.case_type,
        status: c.status,
        unit: { code: c.org_unit, name: findUnit(c.org_unit)?.name ?? c.org_unit },
        openedAt: c.opened_at.toISOString(),
        closedAt: c.closed_at?.toISOString() ?? null,
      })),
    };
  }
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'PERSON_NOT_FOUND', 'Personen findes ikke.');
}
