import { DEADLINE_POLICY } from '../deadlines/deadline-policy';
import { formatDanishDateTime } from '../time/copenhagen-calendar';
import type { Actor } from './actor';
import type { DecisionTable } from './case-decision';
import type { CaseStep } from './case-step';
import type { Refusal } from './refusal';
import { isStepKind, STEP_KINDS, stepLabel } from './step-kinds';

/**
 * Deadlines that may wait, for every case type (the case kernel): a caseworker suspends an open step's
 * deadline (the timer stops; the boards show "afventer …"), resumes it (the deadline moves by the time
 * actually suspended, in elapsed milliseconds) or extends it to a later moment. Only a configurable
 * default moves (deadline-policy.ts `movable`); a deadline fixed by law never does. When a legal deadline
 * is missed, the caseworker records why, and the SLA report counts the reasons.
 */

/** Why a deadline waits (or is extended). */
export const DEADLINE_WAIT_REASON_LABELS = {
  other_authority: 'venter på anden myndighed',
  citizen: 'venter på borgeren',
  hospitalised: 'indlagt',
  other: 'andet',
} as const;
export type DeadlineWaitReason = keyof typeof DEADLINE_WAIT_REASON_LABELS;

/** What boards and the page show for a suspended deadline instead of overdue or due soon. */
export const DEADLINE_WAIT_TEXTS: Readonly<Record<DeadlineWaitReason, string>> = {
  other_authority: 'afventer anden myndighed',
  citizen: 'afventer borgeren',
  hospitalised: 'afventer udskrivning (indlagt)',
  other: 'afventer andet',
};

export function waitText(reason: string): string {
  return DEADLINE_WAIT_TEXTS[reason as DeadlineWaitReason] ?? `afventer ${reason}`;
}

/** Why a deadline fixed by law was missed. */
export const MISSED_DEADLINE_REASON_LABELS = {
  documentation_late: 'oplysningerne kom for sent',
  person_unreachable: 'den unge eller familien kunne ikke træffes',
  capacity: 'manglende kapacitet',
  registered_late: 'sagen blev registreret for sent',
  other: 'andet',
} as const;
export type MissedDeadlineReason = keyof typeof MISSED_DEADLINE_REASON_LABELS;

export interface SuspendDeadlineInput {
  stepId: string;
  reason: DeadlineWaitReason;
  note: string;
  /** When the wait is expected to end (ISO instant), if anyone knows. */
  expectedUntil?: string;
  actor: Actor;
}

export interface ResumeDeadlineInput {
  stepId: string;
  actor: Actor;
}

export interface ExtendDeadlineInput {
  stepId: string;
  reason: DeadlineWaitReason;
  note: string;
  /** The new deadline (ISO instant), later than the current one. */
  dueAt: string;
  actor: Actor;
}

export interface MissedDeadlineReasonInput {
  stepId: string;
  reason: MissedDeadlineReason;
  note: string;
  actor: Actor;
}

export interface StepDeadlineInputs {
  suspend: SuspendDeadlineInput;
  resume: ResumeDeadlineInput;
  extend: ExtendDeadlineInput;
  'missed-reason': MissedDeadlineReasonInput;
}

export type StepDeadlineDecisionName = keyof StepDeadlineInputs;

/** What every case workflow's state has for these decisions: its steps. */
export interface CaseWithSteps {
  steps: readonly CaseStep[];
}

/** What decides which of these decisions one step admits now. */
export interface StepDeadlineFacts {
  kind: string;
  status: CaseStep['status'];
  dueAt: string;
  suspended: boolean;
  /** Past its deadline: open and due, or completed late. */
  late: boolean;
  missedReasonRecorded: boolean;
  /** The case has ended (its workflow takes no decision). */
  caseClosed: boolean;
}

/** Whether a step kind's deadline is a configurable default that may wait or be extended. */
export function deadlineMovable(kind: string): boolean {
  const deadline = isStepKind(kind) ? STEP_KINDS[kind].deadline : undefined;
  return deadline !== undefined && DEADLINE_POLICY[deadline].movable;
}

/** Whether a step kind's deadline is fixed by law (the missed-deadline reason is recorded for these). */
export function deadlineFixedByLaw(kind: string): boolean {
  const deadline = isStepKind(kind) ? STEP_KINDS[kind].deadline : undefined;
  return deadline !== undefined && !DEADLINE_POLICY[deadline].movable;
}

/** What fixes a step kind's deadline, in Danish ("DKS-vurdering inden for 24 timer …"), if law does. */
export function legalSourceOf(kind: string): string | undefined {
  const deadline = isStepKind(kind) ? STEP_KINDS[kind].deadline : undefined;
  return deadline ? DEADLINE_POLICY[deadline].legalSource : undefined;
}

const conflict = (message: string): Refusal => ({ kind: 'illegal-transition', message });
const invalid = (message: string): Refusal => ({ kind: 'invalid-data', message });
const at = (instant: string) => formatDanishDateTime(new Date(instant));

function stepOf(state: CaseWithSteps, stepId: string): CaseStep | undefined {
  return state.steps.find((step) => step.stepId === stepId);
}

/** The step must be open; a legal deadline never moves; a step without a deadline rule has a planned time. */
function refuseMove(state: CaseWithSteps, stepId: string, verb: string): Refusal | CaseStep {
  const step = stepOf(state, stepId);
  if (!step) return conflict('Trinnet findes ikke på sagen.');
  if (step.status !== 'open')
    return conflict(`Trinnet »${stepLabel(step.kind)}« er afsluttet; fristen kan ikke ${verb}.`);
  const legal = legalSourceOf(step.kind);
  if (legal) return conflict(`Fristen er fastsat ved lov og kan ikke ${verb}: ${legal}.`);
  if (!deadlineMovable(step.kind)) {
    return conflict(`Trinnet »${stepLabel(step.kind)}« har et planlagt tidspunkt, ikke en frist; planlæg det igen.`);
  }
  return step;
}

export function refuseSuspendDeadline(
  state: CaseWithSteps,
  input: SuspendDeadlineInput,
  now: Date,
): Refusal | undefined {
  const step = refuseMove(state, input.stepId, 'sættes i bero');
  if ('kind' in step && 'message' in step) return step;
  const open = step as CaseStep;
  if (open.suspension) return conflict(`Fristen er allerede sat i bero (siden ${at(open.suspension.since)}).`);
  if (Date.parse(open.dueAt) <= now.getTime()) {
    return conflict(`Fristen er allerede overskredet (${at(open.dueAt)}); forlæng den i stedet.`);
  }
  if (input.expectedUntil !== undefined) {
    const until = Date.parse(input.expectedUntil);
    if (Number.isNaN(until)) return invalid('Den forventede afslutning er ikke et gyldigt tidspunkt.');
    if (until <= now.getTime()) return invalid('Den forventede afslutning ligger ikke i fremtiden.');
  }
  return undefined;
}

export function refuseResumeDeadline(state: CaseWithSteps, input: ResumeDeadlineInput): Refusal | undefined {
  const step = stepOf(state, input.stepId);
  if (!step) return conflict('Trinnet findes ikke på sagen.');
  if (step.status !== 'open') return conflict(`Trinnet »${stepLabel(step.kind)}« er afsluttet.`);
  if (!step.suspension) return conflict('Fristen er ikke sat i bero.');
  return undefined;
}

export function refuseExtendDeadline(state: CaseWithSteps, input: ExtendDeadlineInput, now: Date): Refusal | undefined {
  const step = refuseMove(state, input.stepId, 'forlænges');
  if ('kind' in step && 'message' in step) return step;
  const open = step as CaseStep;
  if (open.suspension) return conflict('Fristen er sat i bero; genoptag den, før den forlænges.');
  const dueAt = Date.parse(input.dueAt);
  if (Number.isNaN(dueAt)) return invalid('Den nye frist er ikke et gyldigt tidspunkt.');
  if (dueAt <= Date.parse(open.dueAt)) {
    return invalid(`Den nye frist skal ligge efter den nuværende frist (${at(open.dueAt)}).`);
  }
  if (dueAt <= now.getTime()) return invalid('Den nye frist ligger ikke i fremtiden.');
  return undefined;
}

export function refuseMissedDeadlineReason(
  state: CaseWithSteps,
  input: MissedDeadlineReasonInput,
  now: Date,
): Refusal | undefined {
  const step = stepOf(state, input.stepId);
  if (!step) return conflict('Trinnet findes ikke på sagen.');
  if (!deadlineFixedByLaw(step.kind)) {
    return conflict(
      `Fristen for »${stepLabel(step.kind)}« er ikke fastsat ved lov; årsagen registreres kun for lovbundne frister.`,
    );
  }
  if (!stepIsLate(step, now)) return conflict('Fristen er ikke overskredet.');
  if (step.missedReason) return conflict('Årsagen til den overskredne frist er allerede registreret.');
  return undefined;
}

/**
 * A suspended deadline as it stands at `until` (a resumption, or the step completed while it waited): moved by
 * the elapsed time suspended, none if `until` lies before the suspension began.
 */
export function deadlineAfterWait(dueAt: string, since: string, until: Date): { dueAt: string; suspendedMs: number } {
  const suspendedMs = Math.max(0, until.getTime() - Date.parse(since));
  return { dueAt: new Date(Date.parse(dueAt) + suspendedMs).toISOString(), suspendedMs };
}

/** Past its deadline now (open) or when it was completed. */
export function stepIsLate(step: Pick<CaseStep, 'status' | 'dueAt' | 'latenessSeconds'>, now: Date): boolean {
  if (step.status === 'open') return Date.parse(step.dueAt) <= now.getTime();
  return step.status === 'completed' && (step.latenessSeconds ?? 0) > 0;
}

/**
 * The deadline decisions on a step, in the order the page offers them, for every case type: each
 * workflow registers their updates once (workflows/case/step-deadlines.ts); the API routes them at
 * `POST /api/cases/:caseId/steps/:stepId/<name>`.
 */
export const STEP_DEADLINE_DECISIONS: DecisionTable<CaseWithSteps, StepDeadlineInputs, StepDeadlineFacts> = {
  suspend: {
    name: 'suspend',
    update: 'suspendStepDeadline',
    label: 'Sæt fristen i bero',
    permission: 'deadline:manage',
    allowedIn: (facts) =>
      !facts.caseClosed && facts.status === 'open' && deadlineMovable(facts.kind) && !facts.suspended && !facts.late,
    refuse: refuseSuspendDeadline,
  },
  resume: {
    name: 'resume',
    update: 'resumeStepDeadline',
    label: 'Genoptag fristen',
    permission: 'deadline:manage',
    allowedIn: (facts) => !facts.caseClosed && facts.status === 'open' && facts.suspended,
    refuse: refuseResumeDeadline,
  },
  extend: {
    name: 'extend',
    update: 'extendStepDeadline',
    label: 'Forlæng fristen',
    permission: 'deadline:manage',
    allowedIn: (facts) =>
      !facts.caseClosed && facts.status === 'open' && deadlineMovable(facts.kind) && !facts.suspended,
    refuse: refuseExtendDeadline,
  },
  'missed-reason': {
    name: 'missed-reason',
    update: 'recordMissedDeadlineReason',
    label: 'Årsag til overskredet frist',
    permission: 'deadline:manage',
    allowedIn: (facts) =>
      !facts.caseClosed && deadlineFixedByLaw(facts.kind) && facts.late && !facts.missedReasonRecorded,
    refuse: refuseMissedDeadlineReason,
  },
};
