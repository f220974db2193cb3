import type { WarningWindows } from '../case/step-kinds';
import { CaseStatuses, type StatusDefinition } from '../case/case-status';
import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';

/**
 * A network council (*netværkssamråd*, DOMAIN.md §2): when a youth under 18 is suspected or charged with
 * serious crime, the municipality convenes a network council no later than 7 days after receiving the
 * police's documentation, and agrees support during custody, at release, and mentor support.
 */
const NETWORK_COUNCIL_STATUS_TABLE = {
  awaiting_convening: { text: 'afventer indkaldelse', final: false },
  convened: { text: 'indkaldt', final: false },
  meeting_held: { text: 'samrådet er holdt', final: false },
  /** The council's agreements are made: the case ends. */
  agreements_made: { text: 'aftaler indgået', final: true },
} as const satisfies Record<string, StatusDefinition>;
export type NetworkCouncilStatus = keyof typeof NETWORK_COUNCIL_STATUS_TABLE;

export const NETWORK_COUNCIL_STATUS = new CaseStatuses<NetworkCouncilStatus>(NETWORK_COUNCIL_STATUS_TABLE);
export const NETWORK_COUNCIL_STATUSES = NETWORK_COUNCIL_STATUS.codes;

export type NetworkCouncilStepKind = 'network_council_convening';

/**
 * The council's values with their Danish names, as they read inside a sentence (served by
 * `GET /api/reference-data`, `choices`; the page starts them with a capital letter in its forms).
 */
export const SUSPICIONS = ['suspected', 'charged'] as const;
export type Suspicion = (typeof SUSPICIONS)[number];
export const SUSPICION_LABELS: Record<Suspicion, string> = {
  suspected: 'mistænkt',
  charged: 'sigtet',
};

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
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  youth: 'den unge',
  parents: 'forældre',
  school: 'skole',
  police: 'politiet',
  ssp: 'SSP',
  social_services: 'socialforvaltningen',
  mentor: 'mentor',
  kriminalforsorgen: 'Kriminalforsorgen',
  other: 'andre',
};

export const AGREEMENT_KINDS = ['support_in_custody', 'support_at_release', 'mentor_support', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  support_in_custody: 'støtte under varetægt',
  support_at_release: 'støtte ved løsladelse',
  mentor_support: 'mentorstøtte',
  other: 'anden aftale',
};

export interface StartNetworkCouncilInput {
  caseId: string;
  personRef: string;
  municipalityCode: string;
  suspicion: Suspicion;
  /** ISO instant the police's documentation was received: the 7 days count from here. */
  documentationReceivedAt: string;
  deadlines: DeadlinePolicySnapshot;
  /** Warning windows in force when the case started (hours before each step kind's deadline). */
  warningWindows?: WarningWindows;
  /** The youth's birth date (YYYY-MM-DD, from the CPR number): the 18+ handover step opens on the 18th birthday. */
  birthDate?: string;
  actor: Actor;
}

export interface InvitationsInput {
  invitedAt: string;
  participants: { role: ParticipantRole }[];
  actor: Actor;
}

export interface CouncilMeetingInput {
  heldAt: string;
  actor: Actor;
}

export interface CouncilAgreementsInput {
  agreedAt: string;
  agreements: { kind: AgreementKind; description: string }[];
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
