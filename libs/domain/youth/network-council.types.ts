import type { WarningWindows } from '../case/step-kinds';
import { CaseStatuses, type StatusDefinition } from '../case/case-status';
import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';
import type { Organisation } from '../organisations/organisation-units';
import type { DocumentationChannel, InitiativeFollowUpOutcome, PoliceSenderFunction } from './youth-vocabulary';

/**
 * A network council (*netværkssamråd*, DOMAIN.md §2): when a youth under 18 is suspected or charged with
 * serious crime, the municipality convenes a network council no later than 7 days after receiving the
 * police's documentation, and agrees support during custody, at release, and mentor support.
 */
const NETWORK_COUNCIL_STATUS_TABLE = {
  awaiting_convening: { text: 'afventer indkaldelse', final: false },
  convened: { text: 'indkaldt', final: false },
  meeting_held: { text: 'samrådet er holdt', final: false },
  /** The council's agreements are made: the case ends (councils that agreed before the action plan existed). */
  agreements_made: { text: 'aftaler indgået', final: true },
  /** The agreements are initiatives with owners and due dates: each waits for its follow-up. */
  action_plan_running: { text: 'handleplanen følges', final: false },
  /** Every initiative of the action plan is followed up: the case ends. */
  action_plan_followed_up: { text: 'handleplanen er fulgt op', final: true },
} as const satisfies Record<string, StatusDefinition>;
export type NetworkCouncilStatus = keyof typeof NETWORK_COUNCIL_STATUS_TABLE;

export const NETWORK_COUNCIL_STATUS = new CaseStatuses<NetworkCouncilStatus>(NETWORK_COUNCIL_STATUS_TABLE);
export const NETWORK_COUNCIL_STATUSES = NETWORK_COUNCIL_STATUS.codes;

export type NetworkCouncilStepKind = 'network_council_convening' | 'council_initiative_follow_up';

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

/** Who may own an initiative of the action plan (with a unit of that organisation). */
export const INITIATIVE_OWNER_ORGANISATION_LABELS: Record<Organisation, string> = {
  kommune: 'kommunen',
  politi: 'politiet',
  kriminalforsorgen: 'Kriminalforsorgen',
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
  /** How the documentation came; absent on councils started before it travelled here (outside_system). */
  documentationVia?: DocumentationChannel;
  /** Sent by the police through the system (the send is the receipt); absent: registered by the municipality. */
  policeDocumentation?: PoliceDocumentationInput;
  actor: Actor;
}

/** The police's documentation as sent through the system: who sent it, and the offence (sealed by the API). */
export interface PoliceDocumentationInput {
  senderUnit: string;
  senderFunction: PoliceSenderFunction;
  offenceSealed: string;
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
  /** Owner and due date: absent on agreements recorded before the action plan existed. */
  agreements: {
    kind: AgreementKind;
    description: string;
    ownerOrganisation?: Organisation;
    ownerUnit?: string;
    /** YYYY-MM-DD; a support at release tied to the release (`followsRelease`) takes the release's date. */
    dueDate?: string;
    followsRelease?: boolean;
  }[];
  actor: Actor;
}

/** The meeting's planned moment, when convening or after (a new plan replaces the earlier one). */
export interface CouncilMeetingPlanInput {
  plannedFor: string;
  actor: Actor;
}

/** One initiative's follow-up, by the council's municipality or by the initiative's owner. */
export interface InitiativeFollowUpInput {
  initiativeId: string;
  outcome: InitiativeFollowUpOutcome;
  note: string;
  followedUpAt: string;
  actor: Actor;
}

/** The youth in custody: the expected release date (YYYY-MM-DD) the support at release follows. */
export interface CouncilExpectedReleaseInput {
  expectedReleaseDate: string;
  actor: Actor;
}

/** The youth released: the support at release is due that day and its owners get a release notice. */
export interface CouncilReleaseInput {
  releasedAt: string;
  actor: Actor;
}

/** An agreement of the council's action plan: owned by a unit, due on a date, followed up once. */
export interface CouncilInitiative {
  initiativeId: string;
  kind: AgreementKind;
  ownerOrganisation: Organisation;
  ownerUnit: string;
  dueDate: string;
  followsRelease: boolean;
  stepId: string;
  followUp?: { outcome: InitiativeFollowUpOutcome; followedUpAt: string };
}

export interface NetworkCouncilState {
  caseId: string;
  municipalityCode: string;
  status: NetworkCouncilStatus;
  documentationReceivedAt: string;
  steps: CaseStep<NetworkCouncilStepKind>[];
  invitedAt?: string;
  heldAt?: string;
  closedAt?: string;
  /** Absent on councils registered before it existed: `outside_system`. */
  documentationVia?: DocumentationChannel;
  plannedFor?: string;
  /** When the action plan's agreements were made (councils with an action plan). */
  agreedAt?: string;
  initiatives?: CouncilInitiative[];
  expectedReleaseDate?: string;
  releasedAt?: string;
}
