import { DKS_CASE_SLICE } from './dks-case.slice';
import { refuseFutureMoment, requireOwnUnit } from '../cases/case-start-checks';
import { Injectable } from '@nestjs/common';
import { caseLevelFields } from '../youth-cases/case-level.views';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { UnitLookup } from '../../../../libs/persistence/organisation-units-directory';
import { policeDistrictReference } from '../../../../libs/domain/organisations/unit-references';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { describeDksStatus } from '../../../../libs/domain/youth/dks-case.rules';
import type { DksCaseStatus } from '../../../../libs/domain/youth/dks-case.types';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseRecordsRepository, type CaseRecordRow } from '../cases/case-records.repository';
import { type StartResult } from '../cases/idempotency-keys.service';
import { requireYouthAt } from '../cases/youth-check';
import type { Page } from '../common/page';
import type { DksCaseSummaryView, DksCaseView } from './dks-case.views';
import { PersonsService } from '../persons/persons.service';
import type { StartDksCaseDto } from './dks-case.dto';

/** DKS cases: registration with the under-18 check, decisions, and scoped reads. */
@Injectable()
export class DksCasesService {
  constructor(
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
    private readonly units: OrganisationUnits,
  ) {}

  async start(dto: StartDksCaseDto, idempotencyKey: string | undefined, user: AuthenticatedUser): Promise<StartResult> {
    const triggeredAt = new Date(dto.triggeredAt).toISOString();
    await requireOwnUnit(this.units, user, policeDistrictReference(dto.policeDistrictCode), {
      notOwn: 'Du kan kun registrere sager for din egen politikreds.',
    });
    refuseFutureMoment(triggeredAt, 'Tidspunktet for sigtelsen eller observationen ligger i fremtiden.');
    const birthDate = await requireYouthAt(
      this.persons,
      dto.personRef,
      user,
      triggeredAt,
      'på tidspunktet for sigtelsen eller observationen',
    );
    return this.decisions.startOnce('dks_assessment', user, idempotencyKey, dto, (caseId) => ({
      caseId,
      personRef: dto.personRef,
      policeDistrictCode: dto.policeDistrictCode,
      trigger: dto.trigger,
      triggeredAt,
      birthDate,
    }));
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<DksCaseView | undefined> {
    return this.records.scopedDetail(caseId, DKS_CASE_SLICE, user, summaryIn(await this.units.lookup()));
  }

  async list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<DksCaseSummaryView>> {
    return this.records.scopedList('dks_assessment', user, page, pageSize, summaryIn(await this.units.lookup()));
  }
}

const summaryIn =
  (units: UnitLookup) =>
  (row: CaseRecordRow): DksCaseSummaryView => ({
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    policeDistrict: units.view(row.org_unit),
    status: row.status as DksCaseStatus,
    statusText: describeDksStatus(row.status as DksCaseStatus),
    triggeredAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    ...caseLevelFields(row.case_level),
  });
