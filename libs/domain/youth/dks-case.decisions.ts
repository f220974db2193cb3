import type { DecisionTable } from '../case/case-decision';
import {
  dksOutcomeAllowedIn,
  refuseDksAssessment,
  refuseDksCaseEnd,
  refuseDksCaseMove,
  refuseFollowUpCheck,
  refuseHomeVisitHeld,
  refuseHomeVisitPlan,
  refuseSocialServicesParticipation,
} from './dks-case.rules';
import { DKS_CASE_STATUS } from './dks-case.types';
import type {
  DksAssessmentInput,
  DksCaseEndInput,
  DksCaseMoveInput,
  SocialServicesParticipationInput,
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
  'case-end': DksCaseEndInput;
  move: DksCaseMoveInput;
  'social-services': SocialServicesParticipationInput;
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
  'case-end': {
    name: 'case-end',
    update: 'endDksCase',
    label: 'Afslut sagen uden hjemmebesøg',
    permission: 'dks:decide',
    allowedIn: (facts) => dksOutcomeAllowedIn('existing_action_plan', facts.status),
    refuse: refuseDksCaseEnd,
  },
  move: {
    name: 'move',
    update: 'moveDksCase',
    label: 'Den unge er flyttet til en anden politikreds',
    permission: 'dks:decide',
    allowedIn: (facts) => !DKS_CASE_STATUS.isFinal(facts.status),
    refuse: refuseDksCaseMove,
    // The new district's DKS gains the case; the old one keeps its history.
    accessAfter: (state, input) => [
      { orgUnit: state.policeDistrictCode, access: 'read' },
      { orgUnit: input.toPoliceDistrictCode, access: 'write' },
    ],
  },
  // Taken by the municipality's social services through their own narrow route, never from the case page.
  'social-services': {
    name: 'social-services',
    update: 'recordSocialServicesParticipation',
    label: 'Socialforvaltningens deltagelse i hjemmebesøget',
    permission: 'home-visit:participate',
    allowedIn: (facts) => ['home_visit_planned', 'awaiting_follow_up'].includes(facts.status),
    refuse: (state, input) => refuseSocialServicesParticipation(state, input),
  },
};
