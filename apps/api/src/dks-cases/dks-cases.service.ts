import { currentWarningWindows } from '../../../../libs/domain/case/step-kinds';
import { DKS_CASE_SLICE } from './dks-case.slice';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { CLOCK_SKEW_MS } from '../../../../libs/domain/case/refusal';
import { findUnit, unitView } from '../../../../libs/domain/organisations/organisation-units';
import { describeDksStatus } from '../../../../libs/domain/youth/dks-case.rules';
import type { DksCaseStatus } from '../../../../libs/domain/youth/dks-case.types';
import { API_CONFIG } from '../api.tokens';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseRecordsRepository, type CaseRecordRow } from '../cases/case-records.repository';
import { IdempotencyKeysService, type StartResult } from '../cases/idempotency-keys.service';
import { requireYouthAt } from '../cases/youth-check';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import type { DksCaseSummaryView, DksCaseView } from './dks-case.views';
import { PersonsService } from '../persons/persons.service';
import type { StartDksCaseDto } from './dks-case.dto';

/** DKS cases: registration with the under-18 check, decisions, and scoped reads. */
@Injectable()
export class DksCasesService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
    private readonly idempotency: IdempotencyKeysService,
  ) {}

  async start(dto: StartDksCaseDto, idempotencyKey: string | undefined, user: AuthenticatedUser): Promise<StartResult> {
    const triggeredAt = new Date(dto.triggeredAt).toISOString();
    if (findUnit(dto.policeDistrictCode)?.kind !== 'police_district') {
      throw ApiError.invalidDomainData(`Politikredsen '${dto.policeDistrictCode}' kendes ikke.`);
    }
    if (!actsForUnit(user, dto.policeDistrictCode)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Du kan kun registrere sager for din egen politikreds.');
    }
    if (Date.parse(triggeredAt) > Date.now() + CLOCK_SKEW_MS) {
      throw ApiError.invalidDomainData('Tidspunktet for sigtelsen eller observationen ligger i fremtiden.');
    }
    await requireYouthAt(
      this.persons,
      dto.personRef,
      user,
      triggeredAt,
      'på tidspunktet for sigtelsen eller observationen',
    );
    const claim = await this.idempotency.claim('dks-case-start', user, idempotencyKey, dto);
    // A replay whose case is recorded is answered from the read model: nothing is started again.
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    const caseId = claim.caseId;
    await this.decisions.startCase('dks_assessment', caseId, {
      caseId,
      personRef: dto.personRef,
      policeDistrictCode: dto.policeDistrictCode,
      trigger: dto.trigger,
      triggeredAt,
      deadlines: this.config.deadlines,
      warningWindows: currentWarningWindows(),
      actor: { id: user.id },
    });
    return claim;
  }

  detail(caseId: string, user: AuthenticatedUser): Promise<DksCaseView | undefined> {
    return this.records.scopedDetail(caseId, DKS_CASE_SLICE, user, summary);
  }

  list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<DksCaseSummaryView>> {
    return this.records.scopedList('dks_assessment', user, page, pageSize, summary);
  }
}

function summary(row: CaseRecordRow): DksCaseSummaryView {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    policeDistrict: unitView(row.org_unit),
    status: row.status as DksCaseStatus,
    statusText: describeDksStatus(row.status as DksCaseStatus),
    triggeredAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
