import {
  DKS_CASE_DECISIONS,
  type DksCaseDecisionInputs,
  type DksCaseFacts,
} from '../../../../libs/domain/youth/dks-case.decisions';
import { DKS_CASE_STATUS, type DksCaseState } from '../../../../libs/domain/youth/dks-case.types';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { givenReasonCode } from '../common/dto-fields';
import { instantOrNow } from '../common/instant-or-now';
import { DksAssessmentDto, FollowUpCheckDto, HomeVisitDto, HomeVisitPlanDto } from './dks-case.dto';

/** The DKS case as the API's case kernel knows it: its decisions, and the body each route takes. */
export const DKS_CASE_SLICE: CaseSlice<DksCaseState, DksCaseDecisionInputs, DksCaseFacts> = {
  caseType: 'dks_assessment',
  decisions: DKS_CASE_DECISIONS,
  statuses: DKS_CASE_STATUS,
  closedMessage: (statusText) => `Sagen er ${statusText} og kan ikke ændres.`,
  routes: {
    assessment: decisionRoute(DksAssessmentDto, (body, actor) => ({
      concernConversation: body.concernConversation,
      ...givenReasonCode(body),
      reason: body.reason ?? '',
      decidedAt: instantOrNow(body.decidedAt),
      actor,
    })),
    'home-visit-plan': decisionRoute(HomeVisitPlanDto, (body, actor) => ({
      plannedFor: instantOrNow(body.plannedFor),
      actor,
    })),
    'home-visit': decisionRoute(HomeVisitDto, (body, actor) => ({
      heldAt: instantOrNow(body.heldAt),
      withSocialServices: body.withSocialServices,
      initiatives: body.initiatives,
      actor,
    })),
    'follow-up': decisionRoute(FollowUpCheckDto, (body, actor) => ({
      checkedAt: instantOrNow(body.checkedAt),
      findings: body.findings,
      actor,
    })),
  },
};
