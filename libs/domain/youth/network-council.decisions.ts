import type { DecisionTable } from '../case/case-decision';
import { refuseCouncilAgreements, refuseCouncilMeeting, refuseInvitations } from './network-council.rules';
import type {
  CouncilAgreementsInput,
  CouncilMeetingInput,
  InvitationsInput,
  NetworkCouncilState,
  NetworkCouncilStatus,
  NetworkCouncilStepKind,
} from './network-council.types';

/** What decides which decisions a network council admits. */
export interface NetworkCouncilFacts {
  status: NetworkCouncilStatus;
}

export function networkCouncilFacts(state: NetworkCouncilState): NetworkCouncilFacts {
  return { status: state.status };
}

export interface NetworkCouncilDecisionInputs {
  invitations: InvitationsInput;
  meeting: CouncilMeetingInput;
  agreements: CouncilAgreementsInput;
}

export type NetworkCouncilDecisionName = keyof NetworkCouncilDecisionInputs;

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
    label: 'Aftaler',
    permission: 'council:decide',
    allowedIn: (facts) => facts.status === 'meeting_held',
    refuse: refuseCouncilAgreements,
  },
};
