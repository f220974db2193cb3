import type { WarningWindows } from '../case/step-kinds';
import { CaseStatuses, type StatusDefinition } from '../case/case-status';
import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';
import type {
  CommitteeParty,
  ConcernLetterDecision,
  ConcernLetterOutcome,
  ConcernLetterProposer,
  DeliveryResult,
} from '../youth/youth-vocabulary';

/**
 * A concern letter (*bekymringsbrev*, DOMAIN.md §4–5, 002 appendix 2): one case per candidate put on a
 * coordination round of a police district. The committee (EAS, DKS, SSP, the municipal exit unit) decides
 * jointly whether the candidate gets a letter; only then may the police exit unit deliver it in person. Not
 * reached or refused: the parents are contacted (Retsplejelovens § 115a). A follow-up, then an outcome.
 */
const CONCERN_LETTER_STATUS_TABLE = {
  awaiting_committee: { text: 'afventer koordinationsudvalgets beslutning', final: false },
  awaiting_delivery: { text: 'afventer aflevering af bekymringsbrevet', final: false },
  awaiting_parents_contact: { text: 'afventer kontakt til forældrene', final: false },
  awaiting_follow_up: { text: 'afventer opfølgning', final: false },
  awaiting_outcome: { text: 'afventer udfald', final: false },
  /** The committee decided that no letter is sent. */
  not_sent: { text: 'afsluttet: der sendes ikke bekymringsbrev', final: true },
  /** The address stayed unknown and the exit unit ended the delivery. */
  closed_undelivered: { text: 'afsluttet uden aflevering', final: true },
  /** Delivered (or the parents contacted), followed up, and its outcome recorded. */
  concluded: { text: 'afsluttet med udfald', final: true },
} as const satisfies Record<string, StatusDefinition>;
export type ConcernLetterStatus = keyof typeof CONCERN_LETTER_STATUS_TABLE;

export const CONCERN_LETTER_STATUS = new CaseStatuses<ConcernLetterStatus>(CONCERN_LETTER_STATUS_TABLE);
export const CONCERN_LETTER_STATUSES = CONCERN_LETTER_STATUS.codes;

export type ConcernLetterStepKind =
  'committee_decision' | 'letter_delivery' | 'parents_contact' | 'concern_letter_follow_up';

/** The committee's police parties: a joint decision has one of them and one of the municipality's. */
export const POLICE_COMMITTEE_PARTIES: readonly CommitteeParty[] = ['eas', 'dks'];
export const MUNICIPAL_COMMITTEE_PARTIES: readonly CommitteeParty[] = ['ssp', 'municipal_exit_unit'];

/** Results that mean the letter reached the person; `not_reached` and `refused` go to the parents. */
export const DELIVERED_RESULTS: readonly DeliveryResult[] = ['delivered_dialogue', 'delivered_no_dialogue'];
export const PARENTS_CONTACT_RESULTS: readonly DeliveryResult[] = ['not_reached', 'refused'];

export interface StartConcernLetterInput {
  caseId: string;
  personRef: string;
  roundId: string;
  policeDistrictCode: string;
  proposedBy: ConcernLetterProposer;
  /** The unit that proposed the candidate: the district itself, or a municipality (which keeps read access). */
  proposingUnitCode: string;
  proposedAt: string;
  /** ISO instant: the end of the round's meeting day, by which the committee decides. */
  committeeDueAt: string;
  deadlines: DeadlinePolicySnapshot;
  warningWindows?: WarningWindows;
  actor: Actor;
}

export interface CommitteeDecisionInput {
  decision: ConcernLetterDecision;
  participants: CommitteeParty[];
  reason: string;
  decidedAt: string;
  actor: Actor;
}

export interface DeliveryAttemptInput {
  result: DeliveryResult;
  attemptedAt: string;
  note?: string;
  actor: Actor;
}

export interface ParentsContactInput {
  reached: boolean;
  contactedAt: string;
  note: string;
  actor: Actor;
}

export interface ConcernLetterFollowUpInput {
  followedUpAt: string;
  findings: string;
  actor: Actor;
}

export interface ConcernLetterOutcomeInput {
  outcome: ConcernLetterOutcome;
  /** The course started from the letter (the API starts it first): with `exit_course` only. */
  exitCourseId?: string;
  reason?: string;
  decidedAt: string;
  actor: Actor;
}

export interface ConcernLetterState {
  caseId: string;
  status: ConcernLetterStatus;
  roundId: string;
  proposedAt: string;
  steps: CaseStep<ConcernLetterStepKind>[];
  decidedAt?: string;
  /** Each delivery attempt's result, in order. */
  attempts: DeliveryResult[];
  lastAttemptAt?: string;
  parentsContactedAt?: string;
  followedUpAt?: string;
  outcome?: ConcernLetterOutcome;
  exitCourseId?: string;
  closedAt?: string;
}
