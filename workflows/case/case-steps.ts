import { ApplicationFailure, condition, patched, uuid4 } from '@temporalio/workflow';
import type { CaseStep } from '../../libs/domain/case/case-step';
import {
  SYSTEM_ACTOR_ID,
  type CaseEventRecord,
  type CaseTransition,
  type StepClosedRecord,
} from '../../libs/domain/case/case-transition';
import {
  deadlineAfterWait,
  type ExtendDeadlineInput,
  type MissedDeadlineReasonInput,
  type ResumeDeadlineInput,
  type SuspendDeadlineInput,
} from '../../libs/domain/case/step-deadline';
import { WARNING_WINDOWS_BEFORE_SNAPSHOT, warningAt, type WarningWindows } from '../../libs/domain/case/step-kinds';
import { computeDueAt, latenessSeconds, type DeadlineRule } from '../../libs/domain/deadlines/deadline-rule';
import type { Actor } from '../../libs/domain/case/actor';
import { caseEvent } from './case-event';
import type { ReadModelWriter } from './read-model-writer';
import { PATCHES } from './patches';

/**
 * The steps of one case and their durable deadline timers, for any workflow type. An expired deadline
 * never closes a step: it becomes overdue, an escalation is recorded and the step stays open; a deadline
 * already past (a fact registered late) makes it overdue at once; a deadline that moves re-arms.
 * Before the deadline, at its kind's warning time, the step is recorded as due soon (a warning notice).
 */
export class CaseSteps<Kind extends string> {
  readonly steps: CaseStep<Kind>[] = [];

  private readonly warningWindows: WarningWindows;
  private readonly escalationDetails: (step: CaseStep<Kind>) => Record<string, string>;

  constructor(
    private readonly writer: ReadModelWriter,
    options: {
      /** The case's warning windows, from its input; a case started before they travelled there has none. */
      warningWindows?: WarningWindows;
      /** Extra details for a step's escalation (e.g. what is still missing). */
      escalationDetails?: (step: CaseStep<Kind>) => Record<string, string>;
    } = {},
  ) {
    this.warningWindows = options.warningWindows ?? WARNING_WINDOWS_BEFORE_SNAPSHOT;
    this.escalationDetails = options.escalationDetails ?? (() => ({}));
  }

  findOpen(kind: Kind): CaseStep<Kind> | undefined {
    return this.steps.find((step) => step.kind === kind && step.status === 'open');
  }

  openByRule(kind: Kind, rule: DeadlineRule, from: string, actor: Actor): void {
    this.open(kind, computeDueAt(rule, new Date(from)).toISOString(), from, actor);
  }

  /** `responsibleUnit`: the unit whose turn the step is, for a kind whose unit is the step's own (`step_unit`). */
  open(kind: Kind, dueAt: string, from: string, actor: Actor, responsibleUnit?: string): CaseStep<Kind> {
    const step: CaseStep<Kind> = { stepId: uuid4(), kind, status: 'open', openedAt: from, dueAt };
    this.steps.push(step);
    this.writer.enqueue({
      stepsOpened: [
        {
          stepId: step.stepId,
          kind,
          openedAt: step.openedAt,
          dueAt: step.dueAt,
          ...(responsibleUnit ? { responsibleUnit } : {}),
        },
      ],
      events: [caseEvent('step_opened', from, actor, { stepId: step.stepId, details: { kind, dueAt: step.dueAt } })],
    });
    void this.watch(step);
    return step;
  }

  /**
   * Completes the open step of a kind (or, with `stepId`, that one of several open of the kind); the caller
   * enqueues the returned record and event with its own.
   */
  complete(kind: Kind, completedAt: string, outcome: string, stepId?: string) {
    const step = stepId
      ? this.steps.find((candidate) => candidate.stepId === stepId && candidate.status === 'open')
      : this.findOpen(kind);
    if (!step) throw ApplicationFailure.nonRetryable(`No open ${kind} step`); // the validator already refused this
    step.status = 'completed';
    step.completedAt = completedAt;
    // Completed while its deadline waits: measured against the deadline moved by the time suspended until then.
    // Only what the read model is told changes (no command), so replay needs no patch.
    if (step.suspension) {
      step.dueAt = deadlineAfterWait(step.dueAt, step.suspension.since, new Date(completedAt)).dueAt;
      delete step.suspension;
    }
    step.latenessSeconds = latenessSeconds(new Date(step.dueAt), new Date(completedAt));
    const record: StepClosedRecord = {
      stepId: step.stepId,
      status: 'completed',
      completedAt,
      latenessSeconds: step.latenessSeconds,
      outcome,
    };
    return {
      step,
      record,
      event: (actor: Actor) =>
        caseEvent('step_completed', completedAt, actor, {
          stepId: step.stepId,
          details: { kind, latenessSeconds: step.latenessSeconds ?? 0 },
        }),
    };
  }

  /**
   * Moves the open step of a kind to a new deadline (its timer re-arms; an escalation is lifted) and returns
   * the record for the caller to enqueue with its own; `undefined` when no such step is open.
   */
  reschedule(kind: Kind, dueAt: string, stepId?: string): { stepId: string; dueAt: string } | undefined {
    const step = stepId
      ? this.steps.find((candidate) => candidate.stepId === stepId && candidate.status === 'open')
      : this.findOpen(kind);
    if (!step) return undefined;
    step.dueAt = dueAt;
    delete step.overdueAt;
    return { stepId: step.stepId, dueAt };
  }

  /**
   * Suspends an open step's deadline (its timers stop, see `watch`): the record, the audit event and the
   * notice to the unit whose turn it is, for the caller to enqueue. The validator already checked the rule.
   */
  suspendDeadline(input: SuspendDeadlineInput): Omit<CaseTransition, 'caseId' | 'seq'> {
    const step = this.byId(input.stepId);
    const since = new Date().toISOString();
    step.suspension = {
      since,
      reason: input.reason,
      note: input.note,
      ...(input.expectedUntil ? { expectedUntil: input.expectedUntil } : {}),
    };
    return {
      stepsSuspended: [
        {
          stepId: step.stepId,
          suspension: { since, reason: input.reason, note: input.note, expectedUntil: input.expectedUntil ?? null },
        },
      ],
      deadlineChanges: [{ notificationId: uuid4(), stepId: step.stepId, dueAt: step.dueAt }],
      events: [
        caseEvent('deadline_suspended', since, input.actor, {
          stepId: step.stepId,
          reason: input.note,
          details: {
            kind: step.kind,
            waitReason: input.reason,
            previousDueAt: step.dueAt,
            dueAt: null,
            expectedUntil: input.expectedUntil ?? null,
          },
        }),
      ],
    };
  }

  /** Resumes a suspended deadline: it moves by the time actually suspended (elapsed milliseconds). */
  resumeDeadline(input: ResumeDeadlineInput): Omit<CaseTransition, 'caseId' | 'seq'> {
    const step = this.byId(input.stepId);
    const suspension = step.suspension!;
    const now = new Date();
    const previousDueAt = step.dueAt;
    const { dueAt, suspendedMs } = deadlineAfterWait(previousDueAt, suspension.since, now);
    delete step.suspension;
    step.dueAt = dueAt;
    delete step.overdueAt;
    return {
      stepsSuspended: [{ stepId: step.stepId, suspension: null }],
      stepsRescheduled: [{ stepId: step.stepId, dueAt }],
      deadlineChanges: [{ notificationId: uuid4(), stepId: step.stepId, dueAt }],
      events: [
        caseEvent('deadline_resumed', now.toISOString(), input.actor, {
          stepId: step.stepId,
          reason: suspension.note,
          details: {
            kind: step.kind,
            waitReason: suspension.reason,
            suspendedAt: suspension.since,
            suspendedMs,
            previousDueAt,
            dueAt,
          },
        }),
      ],
    };
  }

  /** Extends an open step's deadline to the later moment the caseworker gave (an escalation is lifted). */
  extendDeadline(input: ExtendDeadlineInput): Omit<CaseTransition, 'caseId' | 'seq'> {
    const step = this.byId(input.stepId);
    const previousDueAt = step.dueAt;
    const dueAt = new Date(input.dueAt).toISOString();
    step.dueAt = dueAt;
    delete step.overdueAt;
    return {
      stepsRescheduled: [{ stepId: step.stepId, dueAt }],
      deadlineChanges: [{ notificationId: uuid4(), stepId: step.stepId, dueAt }],
      events: [
        caseEvent('deadline_extended', new Date().toISOString(), input.actor, {
          stepId: step.stepId,
          reason: input.note,
          details: { kind: step.kind, waitReason: input.reason, previousDueAt, dueAt },
        }),
      ],
    };
  }

  /** Why a legal deadline was missed, on its step (open or completed late). */
  recordMissedReason(input: MissedDeadlineReasonInput): Omit<CaseTransition, 'caseId' | 'seq'> {
    const step = this.byId(input.stepId);
    const recordedAt = new Date().toISOString();
    step.missedReason = { reason: input.reason, note: input.note, recordedAt };
    return {
      stepsMissedReason: [{ stepId: step.stepId, reason: input.reason, note: input.note, recordedAt }],
      events: [
        caseEvent('deadline_missed_reason', recordedAt, input.actor, {
          stepId: step.stepId,
          reason: input.note,
          details: { kind: step.kind, missedReason: input.reason, dueAt: step.dueAt },
        }),
      ],
    };
  }

  private byId(stepId: string): CaseStep<Kind> {
    const step = this.steps.find((candidate) => candidate.stepId === stepId);
    if (!step) throw ApplicationFailure.nonRetryable(`No step ${stepId}`); // the validator already refused this
    return step;
  }

  /**
   * Cancels every open step (the case ends or leaves this organisation): the records, and the
   * `step_cancelled` events, for the caller to enqueue with its own. `events()` is called where the events
   * stand in the transition, after the caller's own: event ids are drawn in that order.
   */
  cancelOpen(at: string, actor: Actor): { records: StepClosedRecord[]; events: () => CaseEventRecord[] } {
    const open = this.steps.filter((step) => step.status === 'open');
    for (const step of open) {
      step.status = 'cancelled';
      step.completedAt = at;
    }
    return {
      records: open.map((step) => ({ stepId: step.stepId, status: 'cancelled' as const, completedAt: at })),
      events: () =>
        open.map((step) =>
          caseEvent('step_cancelled', at, actor, { stepId: step.stepId, details: { kind: step.kind } }),
        ),
    };
  }

  /**
   * Cancels the open step of a kind (it no longer applies: a case that left level 1): the record and the
   * `step_cancelled` event for the caller to enqueue; `undefined` when no such step is open.
   */
  cancel(kind: Kind, at: string, actor: Actor): { record: StepClosedRecord; event: CaseEventRecord } | undefined {
    const step = this.findOpen(kind);
    if (!step) return undefined;
    step.status = 'cancelled';
    step.completedAt = at;
    return {
      record: { stepId: step.stepId, status: 'cancelled', completedAt: at },
      event: caseEvent('step_cancelled', at, actor, { stepId: step.stepId, details: { kind } }),
    };
  }

  /** After continue-as-new: re-arm every open step; an escalated one waits for its deadline to move. */
  resume(): void {
    for (const step of this.steps) if (step.status === 'open') void this.resumeWatch(step);
  }

  private async resumeWatch(step: CaseStep<Kind>): Promise<void> {
    if (step.overdueAt) {
      const escalatedDue = step.dueAt;
      await condition(() => step.status !== 'open' || step.dueAt !== escalatedDue);
      if (step.status !== 'open') return;
    }
    await this.watch(step);
  }

  private async watch(step: CaseStep<Kind>): Promise<void> {
    for (;;) {
      // A suspended deadline fires nothing: the step waits until it is resumed (its deadline moved) or closes.
      if (step.suspension && patched(PATCHES.deadlineSuspension.id)) {
        await condition(() => step.status !== 'open' || step.suspension === undefined);
        if (step.status !== 'open') return;
      }
      const armedDue = step.dueAt;
      const changed = () => step.status !== 'open' || step.dueAt !== armedDue || step.suspension !== undefined;
      // Runs recorded before warnings existed replay without the warning timer.
      if (patched(PATCHES.deadlineWarning.id)) {
        const warnInMs = Date.parse(warningAt(step.kind, armedDue, this.warningWindows)) - Date.now();
        if (warnInMs > 0 && (await condition(changed, warnInMs))) {
          if (step.status !== 'open') return;
          continue;
        }
        if (step.status !== 'open') return;
        if (step.dueAt !== armedDue || step.suspension) continue;
        // A step opened already late is not "due soon": its overdue notice follows at once.
        if (Date.parse(armedDue) > Date.now() && step.warnedFor !== armedDue) this.warn(step);
      }
      const remainingMs = Date.parse(armedDue) - Date.now();
      if (remainingMs > 0 && (await condition(changed, remainingMs))) {
        if (step.status !== 'open') return;
        continue;
      }
      if (step.status !== 'open') return;
      if (step.dueAt !== armedDue || step.suspension) continue;
      this.escalate(step);
      // No timer here (so no command): wait until the step closes or its deadline moves, then go again.
      await condition(() => step.status !== 'open' || step.dueAt !== armedDue);
      if (step.status !== 'open') return;
    }
  }

  private warn(step: CaseStep<Kind>): void {
    step.warnedFor = step.dueAt;
    this.writer.enqueue({
      stepsWarned: [{ stepId: step.stepId, dueAt: step.dueAt }],
      events: [
        caseEvent(
          'step_due_soon',
          new Date().toISOString(),
          { id: SYSTEM_ACTOR_ID },
          { stepId: step.stepId, details: { kind: step.kind, dueAt: step.dueAt } },
        ),
      ],
    });
  }

  private escalate(step: CaseStep<Kind>): void {
    const now = new Date().toISOString();
    step.overdueAt = now;
    const details: Record<string, string> = { kind: step.kind, dueAt: step.dueAt, ...this.escalationDetails(step) };
    this.writer.enqueue({
      stepsOverdue: [{ stepId: step.stepId, overdueAt: now }],
      events: [caseEvent('step_overdue', step.dueAt, { id: SYSTEM_ACTOR_ID }, { stepId: step.stepId, details })],
    });
  }
}
