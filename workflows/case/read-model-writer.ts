import { ActivityFailure, ApplicationFailure, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ReadModelActivities } from '../../activities/read-model.activities';
import type { CaseTransition, CaseType } from '../../libs/domain/case/case-transition';
import { READ_MODEL_REJECTED, type ReadModelAttention } from '../../libs/domain/case/read-model-attention';
import { PATCHES } from './patches';

const { recordTransition, recordAttention, resolveAttention } = proxyActivities<ReadModelActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximum attempts: a database outage delays the read model, it never loses a transition. What the
  // database refuses for good is not retried at all: the activity fails it as ReadModelRejected.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Sends a case's transitions to the read model one at a time, in order, each with the next sequence
 * number. `flush()` resolves when everything queued so far is written — or held.
 *
 * A transition the read model refuses (ReadModelRejected) is held, with every later one queued behind it,
 * and the case is put on operations' list (recordAttention). Nothing is lost and nothing is written out
 * of order; the case stays readable as it was. When operations have fixed the cause, `redrive()` sends
 * the held transitions again.
 */
export class ReadModelWriter {
  private tail: Promise<void> = Promise.resolve();
  private seq: number;
  private held?: ReadModelAttention;
  /** The last one held, kept after a re-drive to count how often the same transition failed. */
  private lastHeld?: ReadModelAttention;
  /** The held transition first, then those queued behind it, in order. */
  private waiting: CaseTransition[] = [];

  /** `lastSeq`: where a previous run of the same case left off (continue-as-new), else 0. */
  constructor(
    private readonly caseId: string,
    private readonly caseType: CaseType,
    lastSeq = 0,
  ) {
    this.seq = lastSeq;
  }

  enqueue(transition: Omit<CaseTransition, 'caseId' | 'seq'>): void {
    const numbered: CaseTransition = { ...transition, caseId: this.caseId, seq: ++this.seq };
    this.tail = this.tail.then(() => this.write(numbered));
  }

  flush(): Promise<void> {
    return this.tail;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** The refused transition the case waits with, if any. */
  get attention(): ReadModelAttention | undefined {
    return this.held;
  }

  /** Operations say the cause is fixed: the held transitions are sent again, in order. `false` when none is held. */
  redrive(): boolean {
    if (!this.held) return false;
    const { seq } = this.held;
    const resend = this.waiting;
    this.waiting = [];
    this.held = undefined;
    this.tail = this.tail.then(async () => {
      // Refused again, the first is held once more and write() queues the rest behind it.
      for (const [index, transition] of resend.entries()) await this.write(transition, index === 0 ? seq : undefined);
    });
    return true;
  }

  /** `resolvesSeq`: the transition is a held one sent again; written, its attention is resolved. */
  private async write(transition: CaseTransition, resolvesSeq?: number): Promise<void> {
    if (this.held) {
      this.waiting.push(transition);
      return;
    }
    try {
      await recordTransition(transition);
    } catch (error) {
      if (!isRejection(error) || !patched(PATCHES.readModelAttention.id)) throw error;
      await this.hold(transition, error as ActivityFailure);
      return;
    }
    if (resolvesSeq !== undefined) await resolveAttention({ caseId: this.caseId, seq: resolvesSeq }).catch(keepGoing);
  }

  private async hold(transition: CaseTransition, error: ActivityFailure): Promise<void> {
    const details = ((error.cause as ApplicationFailure).details?.[0] ?? {}) as {
      errorClass?: string;
      errorCode?: string | null;
      schemaObject?: string | null;
    };
    const step =
      transition.stepsOpened?.[0] ??
      transition.stepsClosed?.[0] ??
      transition.stepsOverdue?.[0] ??
      transition.stepsWarned?.[0];
    const stepKind = transition.stepsOpened?.[0]?.kind;
    const failures = this.lastHeld?.seq === transition.seq ? this.lastHeld.failures + 1 : 1;
    this.held = {
      caseId: this.caseId,
      caseType: this.caseType,
      workflowId: workflowInfo().workflowId,
      seq: transition.seq,
      ...(step ? { stepId: step.stepId } : {}),
      ...(stepKind ? { stepKind } : {}),
      errorClass: details.errorClass ?? 'Error',
      ...(details.errorCode ? { errorCode: details.errorCode } : {}),
      ...(details.schemaObject ? { schemaObject: details.schemaObject } : {}),
      failures,
    };
    this.lastHeld = this.held;
    this.waiting.unshift(transition);
    await recordAttention(this.held).catch(keepGoing);
  }
}

/**
 * The list of cases needing attention is a help for operations, not part of the case: if writing to it
 * fails for good as well, the case is still held (and the failure is in the worker's log), never failed.
 */
function keepGoing(): void {}

function isRejection(error: unknown): boolean {
  return (
    error instanceof ActivityFailure &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === READ_MODEL_REJECTED
  );
}
