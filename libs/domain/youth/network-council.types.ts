import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';

/**
 * A network council (*netværkssamråd*, DOMAIN.md §2): when a youth under 18 is suspected or charged with
 * serious crime, the municipality convenes a network council no later than 7 days after receiving the
 * police's documentation, and agrees support during custody, at release, and mentor support.
 */
export const NETWORK_COUNCIL_STATUSES = ['awaiting_convening', 'convened', 'meeting_held', 'agreements_made'] as const;
export type NetworkCouncilStatus = (typeof NETWORK_COUNCIL_STATUSES)[number];

export type NetworkCouncilStepKind = 'network_council_convening';

export const SUSPICIONS = ['suspected', 'charged'] as const;
export const PARTICIPANT_ROLES = [
  'youth',
  'parents',
  'school',
  'police',
  'ssp',
  'social_services',
  'mentor',
  'kriminalforsorgen',
  'other',
] as const;
export const AGREEMENT_KINDS = ['support_in_custody', 'support_at_release', 'mentor_support', 'other'] as const;

export interface StartNetworkCouncilInput {
  caseId: string;
  personRef: string;
  municipalityCode: string;
  suspicion: (typeof SUSPICIONS)[number];
  /** ISO instant the police's documentation was received: the 7 days count from here. */
  documentationReceivedAt: string;
  deadlines: DeadlinePolicySnapshot;
  actor: Actor;
}

export interface InvitationsInput {
  invitedAt: string;
  participants: { role: (typeof PARTICIPANT_ROLES)[number] }[];
  actor: Actor;
}

export interface CouncilMeetingInput {
  heldAt: string;
  actor: Actor;
}

export interface CouncilAgreementsInput {
  agreedAt: string;
  agreements: { kind: (typeof AGREEMENT_KINDS)[number]; description: string }[];
  actor: Actor;
}

export interface NetworkCouncilState {
  caseId: string;
  status: NetworkCouncilStatus;
  documentationReceivedAt: string;
  steps: CaseStep<NetworkCouncilStepKind>[];
  invitedAt?: string;
  heldAt?: string;
  closedAt?: string;
}
