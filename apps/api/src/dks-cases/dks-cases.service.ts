import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { CLOCK_SKEW_MS } from '../../../../libs/domain/case/refusal';
import { findUnit, unitView } from '../../../../libs/domain/organisations/organisation-units';
import { describeDksStatus } from '../../../../libs/domain/youth/dks-case.rules';
import type { DksCaseState, DksCaseStatus } from '../../../../libs/domain/youth/dks-case.types';
import { DKS_CASE_STATUS } from '../../../../libs/domain/youth/dks-case.types';
import {
  dksReadModelSyncedUpdate,
  planHomeVisitUpdate,
  recordDksAssessmentUpdate,
  recordFollowUpCheckUpdate,
  recordHomeVisitUpdate,
} from '../../../../workflows/dks-case/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../../../workflows/dks-case/dks-case.workflow';
import { API_CONFIG } from '../api.tokens';
import { CaseDecisionsService, type StatusWording } from '../cases/case-decisions.service';
import { CaseRecordsRepository, type CaseRecordRow } from '../cases/case-records.repository';
import { IdempotencyKeysService, type StartResult } from '../cases/idempotency-keys.service';
import { requireYouthAt } from '../cases/youth-check';
import { ApiError } from '../common/api-error';
import { instantOrNow } from '../common/instant-or-now';
import type { Page } from '../common/page';
import type { DksCaseSummaryView, DksCaseView } from './dks-case.views';
import { PersonsService } from '../persons/persons.service';
import type {
  DksAssessmentDto,
  FollowUpCheckDto,
  HomeVisitDto,
  HomeVisitPlanDto,
  StartDksCaseDto,
} from './dks-case.dto';

const DKS_WORDING: StatusWording = {
  closedMessage: (status) => `Sagen er ${describeDksStatus(status as DksCaseStatus)} og kan ikke ændres.`,
  isFinal: (status) => DKS_CASE_STATUS.isFinal(status as DksCaseStatus),
};

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
    await this.decisions.startCase(
      caseId,
      dksCaseWorkflow,
      `${DKS_CASE_WORKFLOW_ID_PREFIX}${caseId}`,
      dksReadModelSyncedUpdate,
      [
        {
          caseId,
          personRef: dto.personRef,
          policeDistrictCode: dto.policeDistrictCode,
          trigger: dto.trigger,
          triggeredAt,
          deadlines: this.config.deadlines,
          actor: { id: user.id },
        },
      ],
    );
    return claim;
  }

  assess(caseId: string, dto: DksAssessmentDto, user: AuthenticatedUser) {
    const input = {
      concernConversation: dto.concernConversation,
      reason: dto.reason,
      decidedAt: instantOrNow(dto.decidedAt),
      actor: { id: user.id },
    };
    return this.decide(caseId, user, recordDksAssessmentUpdate, input);
  }

  planHomeVisit(caseId: string, dto: HomeVisitPlanDto, user: AuthenticatedUser) {
    return this.decide(caseId, user, planHomeVisitUpdate, {
      plannedFor: instantOrNow(dto.plannedFor),
      actor: { id: user.id },
    });
  }

  recordHomeVisit(caseId: string, dto: HomeVisitDto, user: AuthenticatedUser) {
    const input = {
      heldAt: instantOrNow(dto.heldAt),
      withSocialServices: dto.withSocialServices,
      initiatives: dto.initiatives,
      actor: { id: user.id },
    };
    return this.decide(caseId, user, recordHomeVisitUpdate, input);
  }

  recordFollowUp(caseId: string, dto: FollowUpCheckDto, user: AuthenticatedUser) {
    return this.decide(caseId, user, recordFollowUpCheckUpdate, {
      checkedAt: instantOrNow(dto.checkedAt),
      findings: dto.findings,
      actor: { id: user.id },
    });
  }

  private decide<Input>(
    caseId: string,
    user: AuthenticatedUser,
    update: UpdateDefinition<DksCaseState, [Input]>,
    input: Input,
  ) {
    return this.decisions.send(caseId, 'dks_assessment', user, update, input, DKS_WORDING);
  }

  detail(caseId: string, user: AuthenticatedUser): Promise<DksCaseView | undefined> {
    return this.records.scopedDetail(caseId, 'dks_assessment', user, summary);
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
