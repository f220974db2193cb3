import type { AccessChange, DecisionTable } from '../case/case-decision';
import {
  refuseActionPlanAgreements,
  refuseCouncilExpectedRelease,
  refuseCouncilMeeting,
  refuseCouncilRelease,
  refuseInitiativeFollowUp,
  refuseInvitations,
  refuseMeetingPlan,
} from './network-council.rules';
import {
  NETWORK_COUNCIL_STATUS,
  type CouncilAgreementsInput,
  type CouncilExpectedReleaseInput,
  type CouncilMeetingInput,
  type CouncilMeetingPlanInput,
  type CouncilReleaseInput,
  type InitiativeFollowUpInput,
  type InvitationsInput,
  type NetworkCouncilState,
  type NetworkCouncilStatus,
  type NetworkCouncilStepKind,
} from './network-council.types';

/** What decides which decisions a network council admits. */
export interface NetworkCouncilFacts {
  status: NetworkCouncilStatus;
  /** The youth's release is registered on the council. */
  released: boolean;
}

export function networkCouncilFacts(state: NetworkCouncilState): NetworkCouncilFacts {
  return { status: state.status, released: state.releasedAt !== undefined };
}

export interface NetworkCouncilDecisionInputs {
  invitations: InvitationsInput;
  meeting: CouncilMeetingInput;
  agreements: CouncilAgreementsInput;
  'meeting-plan': CouncilMeetingPlanInput;
  'initiative-follow-up': InitiativeFollowUpInput;
  'expected-release': CouncilExpectedReleaseInput;
  release: CouncilReleaseInput;
}

export type NetworkCouncilDecisionName = keyof NetworkCouncilDecisionInputs;

const beforeRelease = (facts: NetworkCouncilFacts) => !facts.released && !NETWORK_COUNCIL_STATUS.isFinal(facts.status);

/** The initiatives' owners read the council (their own unit already holding it gains nothing). */
export function initiativeOwnersAccess(state: NetworkCouncilState, input: CouncilAgreementsInput): AccessChange[] {
  const owners = new Set(input.agreements.flatMap((agreement) => (agreement.ownerUnit ? [agreement.ownerUnit] : [])));
  return [...owners]
    .filter((unit) => unit !== state.municipalityCode)
    .sort()
    .map((orgUnit) => ({ orgUnit, access: 'read' as const }));
}

/** Every decision on a network council (DOMAIN.md §2), in the order the page offers them. */
export const NETWORK_COUNCIL_DECISIONS: DecisionTable<
  NetworkCouncilState,
  NetworkCouncilDecisionInputs,
  NetworkCouncilFacts,
  NetworkCouncilStepKind
> = {
  invitations: {
    name: 'invitations',
    update: 'recordInvitations',
    label: 'Indkaldelse',
    permission: 'council:decide',
    completesStep: 'network_council_convening',
    allowedIn: (facts) => facts.status === 'awaiting_convening',
    refuse: refuseInvitations,
  },
  meeting: {
    name: 'meeting',
    update: 'recordCouncilMeeting',
    label: 'Samrådet er holdt',
    permission: 'council:decide',
    allowedIn: (facts) => facts.status === 'convened',
    refuse: refuseCouncilMeeting,
  },
  agreements: {
    name: 'agreements',
    update: 'recordCouncilAgreements',
    label: 'Handleplan: aftaler med ejer og frist',
    permission: 'council:decide',
    allowedIn: (facts) => facts.status === 'meeting_held',
    refuse: refuseActionPlanAgreements,
    accessAfter: initiativeOwnersAccess,
  },
  'meeting-plan': {
    name: 'meeting-plan',
    update: 'recordCouncilMeetingPlan',
    label: 'Planlæg mødet',
    permission: 'council:decide',
    allowedIn: (facts) => facts.status === 'awaiting_convening' || facts.status === 'convened',
    refuse: refuseMeetingPlan,
  },
  'initiative-follow-up': {
    name: 'initiative-follow-up',
    update: 'recordInitiativeFollowUp',
    label: 'Opfølgning på initiativ',
    permission: 'council:follow-up',
    completesStep: 'council_initiative_follow_up',
    allowedIn: (facts) => facts.status === 'action_plan_running',
    refuse: refuseInitiativeFollowUp,
    // An initiative's owner reads the council only; the API lets it follow up its own initiatives.
    readAccessSuffices: (status) => status === 'action_plan_running',
  },
  'expected-release': {
    name: 'expected-release',
    update: 'recordCouncilExpectedRelease',
    label: 'Forventet løsladelse',
    permission: 'council:decide',
    allowedIn: beforeRelease,
    refuse: refuseCouncilExpectedRelease,
  },
  release: {
    name: 'release',
    update: 'recordCouncilRelease',
    label: 'Den unge er løsladt',
    permission: 'council:decide',
    allowedIn: beforeRelease,
    refuse: refuseCouncilRelease,
  },
};
