import {
  DKS_CASE_DECISIONS,
  type DksCaseDecisionInputs,
  type DksCaseFacts,
} from '../../../../libs/domain/youth/dks-case.decisions';
import { DKS_CASE_STATUS, type DksCaseState } from '../../../../libs/domain/youth/dks-case.types';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { givenReasonCode } from '../common/dto-fields';
import { instantOrNow } from '../common/instant-or-now';
import type { YouthCaseState } from '../../../../libs/domain/youth/case-level.types';
import {
  DKS_YOUTH_DECISIONS,
  type YouthCaseDecisionInputs,
  type YouthCaseFacts,
} from '../../../../libs/domain/youth/youth-case.decisions';
import { caseLevelOf, YOUTH_CASE_ROUTES } from '../youth-cases/youth-case.routes';
import { DksAssessmentDto, FollowUpCheckDto, HomeVisitDto, HomeVisitPlanDto } from './dks-case.dto';

/** The DKS case as the API's case kernel knows it: its decisions, and the body each route takes. */
export const DKS_CASE_SLICE: CaseSlice<
  DksCaseState & YouthCaseState,
  DksCaseDecisionInputs & YouthCaseDecisionInputs,
  DksCaseFacts & YouthCaseFacts
> = {
  caseType: 'dks_assessment',
  decisions: { ...DKS_CASE_DECISIONS, ...DKS_YOUTH_DECISIONS },
  statuses: DKS_CASE_STATUS,
  closedMessage: (statusText) => `Sagen er ${statusText} og kan ikke ændres.`,
  routes: {
    assessment: decisionRoute(DksAssessmentDto, (body, actor) => ({
      concernConversation: body.concernConversation,
      ...givenReasonCode(body),
      reason: body.reason ?? '',
      decidedAt: instantOrNow(body.decidedAt),
      ...(body.caseLevel ? { caseLevel: caseLevelOf(body.caseLevel) } : {}),
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
    ...YOUTH_CASE_ROUTES,
  },
};
