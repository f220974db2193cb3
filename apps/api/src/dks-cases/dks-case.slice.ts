import {
  DKS_CASE_DECISIONS,
  type DksCaseDecisionInputs,
  type DksCaseFacts,
} from '../../../../libs/domain/youth/dks-case.decisions';
import { DKS_CASE_STATUS, type DksCaseState } from '../../../../libs/domain/youth/dks-case.types';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { givenReasonCode } from '../common/dto-fields';
import { instantOrNow } from '../common/instant-or-now';
import {
  DksAssessmentDto,
  DksCaseEndDto,
  DksCaseMoveDto,
  FollowUpCheckDto,
  HomeVisitDto,
  HomeVisitPlanDto,
  SocialServicesParticipationDto,
} from './dks-case.dto';
import { municipalityReference, policeDistrictReference } from '../../../../libs/domain/organisations/unit-references';
import type { YouthCaseState } from '../../../../libs/domain/youth/case-level.types';
import {
  DKS_YOUTH_DECISIONS,
  type YouthCaseDecisionInputs,
  type YouthCaseFacts,
} from '../../../../libs/domain/youth/youth-case.decisions';
import { caseLevelOf, YOUTH_CASE_ROUTES } from '../youth-cases/youth-case.routes';

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
    'home-visit-plan': decisionRoute(
      HomeVisitPlanDto,
      (body, actor) => ({
        plannedFor: instantOrNow(body.plannedFor),
        ...(body.municipalityCode ? { municipalityCode: body.municipalityCode } : {}),
        actor,
      }),
      (input) => (input.municipalityCode ? [municipalityReference(input.municipalityCode)] : []),
    ),
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
    'case-end': decisionRoute(DksCaseEndDto, (body, actor) => ({
      outcome: body.outcome,
      ...givenReasonCode(body),
      reason: body.reason ?? '',
      endedAt: instantOrNow(body.endedAt),
      actor,
    })),
    move: decisionRoute(
      DksCaseMoveDto,
      (body, actor) => ({
        toPoliceDistrictCode: body.toPoliceDistrictCode,
        movedAt: instantOrNow(body.movedAt),
        actor,
      }),
      (input) => [policeDistrictReference(input.toPoliceDistrictCode)],
    ),
    // The reference arrives in plain text and is sealed by HomeVisitsService before the workflow gets it.
    'social-services': decisionRoute(SocialServicesParticipationDto, (body, actor) => ({
      participates: body.participates,
      recordedAt: new Date().toISOString(),
      actor,
    })),
    ...YOUTH_CASE_ROUTES,
  },
};
