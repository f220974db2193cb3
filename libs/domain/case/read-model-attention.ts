import type { CaseType } from './case-transition';

/**
 * A transition the read model refused for good (bad data, a constraint, a value out of range): the case
 * waits for operations with it, and everything after it, queued. Ids, kinds and error codes only — never
 * the transition's contents, which may hold free text.
 */
export interface ReadModelAttention {
  caseId: string;
  caseType: CaseType;
  workflowId: string;
  /** The refused transition's sequence number (later ones wait behind it). */
  seq: number;
  /** The first step the transition touches, if any: where in the process the case stopped. */
  stepId?: string;
  stepKind?: string;
  /** `QueryFailedError`, and PostgreSQL's SQLSTATE when there is one (`22021`). */
  errorClass: string;
  errorCode?: string;
  /** The table, column or constraint PostgreSQL named (`steps_lateness_seconds_check`). */
  schemaObject?: string;
  /** 1 the first time, 2 after a re-drive that failed again, … */
  failures: number;
}

/** The failure type a read-model activity refuses with when trying again cannot help. */
export const READ_MODEL_REJECTED = 'ReadModelRejected';

/** The failure type of a decision on a case that waits for operations (the API answers 503). */
export const CASE_NEEDS_ATTENTION = 'CaseNeedsAttention';

export const CASE_NEEDS_ATTENTION_MESSAGE =
  'Sagen venter på driften: en tidligere registrering kunne ikke gemmes i oversigten. Driften er underrettet; prøv igen, når den er rettet.';

/** What a re-drive found: the case caught up, or it is held again (the same or a later transition). */
export interface RedriveResult {
  caughtUp: boolean;
  attention: ReadModelAttention | null;
}
