import type { WarningWindows } from '../case/step-kinds';
import { CaseStatuses, type StatusDefinition } from '../case/case-status';
import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';
import type { Organisation } from '../organisations/organisation-units';

/**
 * A person's request for access to the data held about them (GDPR art. 15; for the police and
 * Kriminalforsorgen retshåndhævelseslovens § 15): one case per request, answered by the organisation's
 * data-protection officer within a month of receipt (art. 12(3)), extendable by two further months. The
 * answer is the export, or — where the law allows withholding — a part of it or none, with the ground.
 * The workflow knows the request by its id only: the CPR number stays in the API's `access_requests` table.
 */
const ACCESS_REQUEST_STATUS_TABLE = {
  received: { text: 'modtaget og afventer svar', final: false },
  answered: { text: 'besvaret med fuld indsigt', final: true },
  partly_withheld: { text: 'besvaret med delvis indsigt', final: true },
  withheld: { text: 'besvaret med afslag på indsigt', final: true },
} as const satisfies Record<string, StatusDefinition>;
export type AccessRequestStatus = keyof typeof ACCESS_REQUEST_STATUS_TABLE;

export const ACCESS_REQUEST_STATUS = new CaseStatuses<AccessRequestStatus>(ACCESS_REQUEST_STATUS_TABLE);
export const ACCESS_REQUEST_STATUSES = ACCESS_REQUEST_STATUS.codes;

export type AccessRequestStepKind = 'access_request_answer';

/** The answer's outcome: each is a final status of the same name. */
export const ACCESS_REQUEST_OUTCOMES = ['answered', 'partly_withheld', 'withheld'] as const;
export type AccessRequestOutcome = (typeof ACCESS_REQUEST_OUTCOMES)[number];

export const ACCESS_REQUEST_OUTCOME_LABELS: Record<AccessRequestOutcome, string> = {
  answered: 'Fuld indsigt',
  partly_withheld: 'Delvis indsigt (oplysninger undtaget)',
  withheld: 'Afslag på indsigt',
};

/**
 * The grounds on which access may be restricted. For the police and Kriminalforsorgen (law enforcement):
 * retshåndhævelseslovens § 16, stk. 1 (Directive (EU) 2016/680 art. 15(1)(a)–(e)); for a municipality:
 * databeskyttelseslovens § 22 (GDPR art. 23). `third_parties` covers another person's data in both.
 */
export const WITHHOLDING_GROUNDS = [
  'investigation',
  'crime_prevention',
  'public_security',
  'national_security',
  'third_parties',
] as const;
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];

export const WITHHOLDING_GROUND_LABELS: Record<WithholdingGround, string> = {
  investigation: 'Hensyn til efterforskning eller retlige undersøgelser og procedurer',
  crime_prevention: 'Hensyn til forebyggelse, efterforskning eller retsforfølgning af strafbare handlinger',
  public_security: 'Hensyn til den offentlige sikkerhed',
  national_security: 'Hensyn til den nationale sikkerhed',
  third_parties: 'Hensyn til andres rettigheder (oplysninger om andre personer)',
};

/** How the request reached the organisation. */
export const ACCESS_REQUEST_CHANNELS = ['letter', 'email', 'digital_post', 'in_person'] as const;
export type AccessRequestChannel = (typeof ACCESS_REQUEST_CHANNELS)[number];

export const ACCESS_REQUEST_CHANNEL_LABELS: Record<AccessRequestChannel, string> = {
  letter: 'Brev',
  email: 'E-mail',
  digital_post: 'Digital Post',
  in_person: 'Personligt fremmøde',
};

/** How many further months the answer may be extended by (GDPR art. 12(3)). */
export const MAX_EXTENSION_MONTHS = 2;

export interface StartAccessRequestInput {
  /** The request's id, also the case id: the workflow never holds the CPR number. */
  caseId: string;
  /** The unit holding the request: the officer's unit, or the organisation's data-protection code. */
  orgUnit: string;
  organisation: Organisation;
  channel: AccessRequestChannel;
  receivedAt: string;
  deadlines: DeadlinePolicySnapshot;
  warningWindows?: WarningWindows;
  actor: Actor;
}

export interface AccessRequestDecisionInput {
  outcome: AccessRequestOutcome;
  /** With `partly_withheld` and `withheld` only. */
  withholdingGround?: WithholdingGround;
  /** Why: required for any withholding (retshåndhævelseslovens § 16, stk. 3: the refusal is reasoned). */
  reason?: string;
  decidedAt: string;
  actor: Actor;
}

export interface AccessRequestExtensionInput {
  /** One or two further months, counted on from the month after receipt. */
  months: number;
  reason: string;
  decidedAt: string;
  actor: Actor;
}

export interface AccessRequestState {
  caseId: string;
  status: AccessRequestStatus;
  receivedAt: string;
  steps: CaseStep<AccessRequestStepKind>[];
  /** Further months the answer was extended by (0 when none). */
  extensionMonths: number;
  outcome?: AccessRequestOutcome;
  decidedAt?: string;
}
