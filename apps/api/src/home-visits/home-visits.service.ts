import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { decryptField, encryptField } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { ApiError } from '../common/api-error';
import { DKS_CASE_SLICE } from '../dks-cases/dks-case.slice';
import type { SocialServicesParticipationDto } from '../dks-cases/dks-case.dto';
import { PersonsService } from '../persons/persons.service';
import { OrganisationUnits } from '../reference/organisation-units.service';
import type { HomeVisitView } from './home-visit.views';

/** The statuses in which the social services see a visit: planned, or held and awaiting its follow-up. */
const VISIBLE_STATUSES = ['home_visit_planned', 'awaiting_follow_up'];

interface HomeVisitRow {
  case_id: string;
  workflow_id: string;
  status: string;
  person_ref: string;
  police_district: string;
  planned_for: Date;
  municipality_code: string;
  participates: boolean | null;
  level_one_case_ref_encrypted: string | null;
  participation_recorded_at: Date | null;
}

/**
 * The municipality's social services in DKS's joint home visits: the visits their municipality is named
 * for, read from `dks_home_visits` alone (never through the case's access rows, which they have none of),
 * and their participation sent to the case's workflow. Every visit shown is logged as a read of the case.
 */
@Injectable()
export class HomeVisitsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly dataSource: DataSource,
    private readonly persons: PersonsService,
    private readonly units: OrganisationUnits,
    private readonly accessLog: AccessLogService,
    private readonly decisions: CaseDecisionsService,
  ) {}

  async list(user: AuthenticatedUser): Promise<HomeVisitView[]> {
    const rows = await this.rows(user);
    return Promise.all(rows.map((row) => this.shown(row, user)));
  }

  async record(caseId: string, dto: SocialServicesParticipationDto, user: AuthenticatedUser): Promise<HomeVisitView> {
    // Any visit their municipality is named for, whatever its status: a closed case answers 409, not 404.
    const [found] = await this.rows(user, caseId, false);
    if (!found) throw ApiError.caseNotFound(caseId);
    const route = DKS_CASE_SLICE.routes['social-services'];
    const reference = dto.levelOneCaseRef?.trim();
    const input = {
      ...route.toInput(dto, { id: user.id }, user),
      ...(reference ? { levelOneCaseRefEncrypted: this.seal(caseId, reference) } : {}),
    };
    await this.decisions.sendUpdate(
      caseId,
      { workflowId: found.workflow_id, status: found.status },
      DKS_CASE_SLICE.decisions['social-services'].update,
      input,
      DKS_CASE_SLICE,
    );
    const [after] = await this.rows(user, caseId, false);
    return this.shown(after, user);
  }

  /** The visits of the user's municipalities (one case's with `caseId`), only those planned or held when `visible`. */
  private async rows(user: AuthenticatedUser, caseId?: string, visible = true): Promise<HomeVisitRow[]> {
    return this.dataSource.query(
      `SELECT h.case_id, c.workflow_id, c.status, c.person_ref, c.org_unit AS police_district, h.planned_for,
              h.municipality_code, h.participates, h.level_one_case_ref_encrypted, h.participation_recorded_at
       FROM dks_home_visits h JOIN cases c ON c.id = h.case_id
       WHERE c.case_type = 'dks_assessment' AND h.municipality_code = ANY($1::text[])
         AND ($2::text[] IS NULL OR c.status = ANY($2::text[]))
         AND ($3::uuid IS NULL OR h.case_id = $3::uuid)
       ORDER BY h.planned_for, h.case_id`,
      [user.units, visible ? VISIBLE_STATUSES : null, caseId ?? null],
    );
  }

  private async shown(row: HomeVisitRow, user: AuthenticatedUser): Promise<HomeVisitView> {
    await this.accessLog.record(user, 'case_read', { caseId: row.case_id, details: { view: 'home_visit' } });
    return {
      caseId: row.case_id,
      plannedFor: row.planned_for.toISOString(),
      held: row.status === 'awaiting_follow_up',
      policeDistrict: await this.units.view(row.police_district),
      municipality: await this.units.view(row.municipality_code),
      person: await this.persons.ofHomeVisit(row.person_ref, row.case_id, user),
      participates: row.participates,
      levelOneCaseRef: row.level_one_case_ref_encrypted
        ? decryptField(row.level_one_case_ref_encrypted, this.config.personalData.keyring, boundTo(row.case_id))
        : null,
      participationRecordedAt: row.participation_recorded_at?.toISOString() ?? null,
    };
  }

  private seal(caseId: string, reference: string): string {
    return encryptField(reference, this.config.personalData.keyring, boundTo(caseId));
  }
}

/** Bound to the case and the field: a ciphertext copied to another case does not open. */
const boundTo = (caseId: string) => `home_visit.level_one_case_ref:${caseId}`;
