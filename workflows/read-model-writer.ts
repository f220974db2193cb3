import { proxyActivities } from '@temporalio/workflow';
import type { ReadModelActivities } from '../activities/read-model.activities';
import type { CaseTransition } from '../libs/domain/case-record/case-transition';

const { recordTransition } = proxyActivities<ReadModelActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximum attempts: a database outage delays the read model, it never loses a transition.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Sends a case's transitions to the read model one at a time, in order, each with the next sequence
 * number. `flush()` resolves when everything queued so far is written.
 */
export class ReadModelWriter {
  private tail: Promise<void> = Promise.resolve();
  private seq: number;

  /** `lastSeq`: where a previous run of the same case left off (continue-as-new), else 0. */
  constructor(
    private readonly caseId: string,
    lastSeq = 0,
  ) {
    this.seq = lastSeq;
  }

  enqueue(transition: Omit<CaseTransition, 'caseId' | 'seq'>): void {
    const numbered: CaseTransition = { ...transition, caseId: this.caseId, seq: ++this.seq };
    this.tail = this.tail.then(() => recordTransition(numbered));
  }

  flush(): Promise<void> {
    return this.tail;
  }

  get lastSeq(): number {
    return this.seq;
  }
}
