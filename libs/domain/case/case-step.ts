/** A step of any case with its deadline, as a workflow tracks it (plain data: it crosses Temporal as JSON). */
export interface CaseStep<Kind extends string = string> {
  stepId: string;
  kind: Kind;
  status: 'open' | 'completed' | 'cancelled';
  /** ISO instant: the legally relevant moment the deadline counts from. */
  openedAt: string;
  dueAt: string;
  /** ISO instant at which the durable timer found the step past its deadline. */
  overdueAt?: string;
  /** The deadline a due-soon warning went out for (a moved deadline is warned again). */
  warnedFor?: string;
  completedAt?: string;
  latenessSeconds?: number;
  /** The deadline waits (step-deadline.ts): its timer is stopped until the step is resumed. */
  suspension?: StepSuspension;
  /** Why a deadline fixed by law was missed, as the caseworker recorded it. */
  missedReason?: { reason: string; note: string; recordedAt: string };
}

/** A suspended deadline: since when, why, and until when the wait is expected to last. */
export interface StepSuspension {
  since: string;
  reason: string;
  note: string;
  expectedUntil?: string;
}
