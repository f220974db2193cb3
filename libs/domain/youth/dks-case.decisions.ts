import type { DecisionTable } from '../case/case-decision';
import { refuseDksAssessment, refuseFollowUpCheck, refuseHomeVisitHeld, refuseHomeVisitPlan } from './dks-case.rules';
import type {
  DksAssessmentInput,
  DksCaseState,
  DksCaseStatus,
  DksStepKind,
  FollowUpCheckInput,
  HomeVisitHeldInput,
  HomeVisitPlanInput,
} from './dks-case.types';

/** What decides which decisions a DKS case admits. */
export interface DksCaseFacts {
  status: DksCaseStatus;
}

export function dksCaseFacts(state: DksCaseState): DksCaseFacts {
  return { status: state.status };
}

export interface DksCaseDecisionInputs {
  assessment: DksAssessmentInput;
  'home-visit-plan': HomeVisitPlanInput;
  'home-visit': HomeVisitHeldInput;
  'follow-up': FollowUpCheckInput;
}

export type DksCaseDecisionName = keyof DksCaseDecisionInputs;

const homeVisitAhead = (facts: DksCaseFacts) => ['awaiting_home_visit', 'home_visit_planned'].includes(facts.status);

/** Every decision on a DKS case (DOMAIN.md §3), in the order the page offers them. */
export const DKS_CASE_DECISIONS: DecisionTable<DksCaseState, DksCaseDecisionInputs, DksCaseFacts, DksStepKind> = {
  assessment: {
    name: 'assessment',
    update: 'recordDksAssessment',
    label: 'DKS-vurdering',
    permission: 'dks:decide',
    completesStep: 'dks_assessment',
    allowedIn: (facts) => facts.status === 'awaiting_assessment',
    refuse: refuseDksAssessment,
  },
  'home-visit-plan': {
    name: 'home-visit-plan',
    update: 'planHomeVisit',
    label: 'Planlæg hjemmebesøget',
    permission: 'dks:decide',
    completesStep: 'home_visit_planning',
    allowedIn: homeVisitAhead,
    refuse: refuseHomeVisitPlan,
  },
  'home-visit': {
    name: 'home-visit',
    update: 'recordHomeVisit',
    label: 'Hjemmebesøget er holdt',
    permission: 'dks:decide',
    completesStep: 'home_visit',
    allowedIn: homeVisitAhead,
    refuse: refuseHomeVisitHeld,
  },
  'follow-up': {
    name: 'follow-up',
    update: 'recordFollowUpCheck',
    label: 'Opfølgningstjek',
    permission: 'dks:decide',
    completesStep: 'follow_up_check',
    allowedIn: (facts) => facts.status === 'awaiting_follow_up',
    refuse: refuseFollowUpCheck,
  },
};
