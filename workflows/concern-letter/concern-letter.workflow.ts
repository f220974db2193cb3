import { condition, setHandler } from '@temporalio/workflow';
import type { CaseEventRecord, StepClosedRecord } from '../../libs/domain/case/case-transition';
import type { Actor } from '../../libs/domain/case/actor';
import {
  CONCERN_LETTER_STATUS,
  DELIVERED_RESULTS,
  PARENTS_CONTACT_RESULTS,
  type CommitteeDecisionInput,
  type ConcernLetterFollowUpInput,
  type ConcernLetterOutcomeInput,
  type ConcernLetterState,
  type ConcernLetterStatus,
  type ConcernLetterStepKind,
  type DeliveryAttemptInput,
  type ParentsContactInput,
  type StartConcernLetterInput,
} from '../../libs/domain/concern-letter/concern-letter.types';
import type { DeliveryResult } from '../../libs/domain/youth/youth-vocabulary';
import { CONCERN_LETTER_DECISIONS } from '../../libs/domain/concern-letter/concern-letter.decisions';
import { CASE_WORKFLOWS } from '../../libs/domain/case/case-workflows';
import { onDecisions, onReadModelMessages, refuseUnencrypted, settleWrites } from '../case/case-decisions';
import { caseEvent } from '../case/case-event';
import { CaseSteps } from '../case/case-steps';
import { ReadModelWriter } from '../case/read-model-writer';
import { onStepDeadlineDecisions } from '../case/step-deadlines';
import { concernLetterReadModelSyncedUpdate, concernLetterStateQuery } from './concern-letter.messages';

export const CONCERN_LETTER_WORKFLOW_ID_PREFIX = CASE_WORKFLOWS.concern_letter.workflowIdPrefix;

/**
 * One concern letter (DOMAIN.md §5): the committee's decision due at the round's meeting; on a decision to
 * send, the delivery by the police exit unit; not reached or refused, the parents' contact (§ 115a); then
 * the follow-up and the outcome. Deadlines escalate as everywhere; facts may be registered late.
 */
export async function concernLetterWorkflow(input: StartConcernLetterInput): Promise<ConcernLetterState> {
  refuseUnencrypted(input);
  const letter = new ConcernLetter(input);
  letter.start();

  setHandler(concernLetterStateQuery, () => letter.snapshot());
  onReadModelMessages(concernLetterReadModelSyncedUpdate, letter);
  onDecisions(letter, CONCERN_LETTER_DECISIONS, {
    'committee-decision': (decision) => letter.recordCommitteeDecision(decision),
    'delivery-attempt': (decision) => letter.recordDeliveryAttempt(decision),
    'parents-contact': (decision) => letter.recordParentsContact(decision),
    'follow-up': (decision) => letter.recordFollowUp(decision),
    outcome: (decision) => letter.recordOutcome(decision),
  });
  onStepDeadlineDecisions(letter, letter.deadlineSteps);

  await condition(() => CONCERN_LETTER_STATUS.isFinal(letter.status));
  await settleWrites(letter.writer);
  return letter.snapshot();
}

class ConcernLetter {
  readonly writer: ReadModelWriter;
  status: ConcernLetterStatus = 'awaiting_committee';
  private readonly steps: CaseSteps<ConcernLetterStepKind>;
  private decidedAt?: string;
  private readonly attempts: DeliveryResult[] = [];
  private lastAttemptAt?: string;
  private parentsContactedAt?: string;
  private followedUpAt?: string;
  private outcome?: ConcernLetterOutcomeInput['outcome'];
  private exitCourseId?: string;
  private closedAt?: string;

  /** The steps, for the kernel's deadline decisions (suspend, resume, extend, missed reason). */
  get deadlineSteps(): CaseSteps<string> {
    return this.steps as CaseSteps<string>;
  }

  constructor(private readonly input: StartConcernLetterInput) {
    this.writer = new ReadModelWriter(input.caseId, 'concern_letter');
    this.steps = new CaseSteps<ConcernLetterStepKind>(this.writer, { warningWindows: input.warningWindows });
  }

  snapshot(): ConcernLetterState {
    return {
      caseId: this.input.caseId,
      status: this.status,
      roundId: this.input.roundId,
      proposedAt: this.input.proposedAt,
      steps: this.steps.steps.map((step) => ({ ...step })),
      attempts: [...this.attempts],
      ...(this.decidedAt ? { decidedAt: this.decidedAt } : {}),
      ...(this.lastAttemptAt ? { lastAttemptAt: this.lastAttemptAt } : {}),
      ...(this.parentsContactedAt ? { parentsContactedAt: this.parentsContactedAt } : {}),
      ...(this.followedUpAt ? { followedUpAt: this.followedUpAt } : {}),
      ...(this.outcome ? { outcome: this.outcome } : {}),
      ...(this.exitCourseId ? { exitCourseId: this.exitCourseId } : {}),
      ...(this.closedAt ? { closedAt: this.closedAt } : {}),
    };
  }

  start(): void {
    const { input } = this;
    const proposingMunicipality = input.proposingUnitCode !== input.policeDistrictCode;
    this.writer.enqueue({
      opened: {
        caseType: 'concern_letter',
        workflowId: `${CONCERN_LETTER_WORKFLOW_ID_PREFIX}${input.caseId}`,
        personRef: input.personRef,
        orgUnit: input.policeDistrictCode,
        status: this.status,
        openedAt: input.proposedAt,
      },
      // The proposing municipality keeps reading its candidate's case.
      ...(proposingMunicipality
        ? { accessChanges: [{ orgUnit: input.proposingUnitCode, access: 'read' as const }] }
        : {}),
      events: [
        caseEvent('concern_letter_proposed', input.proposedAt, input.actor, {
          details: {
            roundId: input.roundId,
            proposedBy: input.proposedBy,
            policeDistrictCode: input.policeDistrictCode,
          },
        }),
      ],
    });
    this.steps.open('committee_decision', input.committeeDueAt, input.proposedAt, input.actor);
  }

  recordCommitteeDecision(decision: CommitteeDecisionInput): void {
    this.decidedAt = decision.decidedAt;
    const completed = this.steps.complete('committee_decision', decision.decidedAt, decision.decision);
    const events = [
      caseEvent('concern_letter_decided', decision.decidedAt, decision.actor, {
        reason: decision.reason,
        details: {
          decision: decision.decision,
          participants: decision.participants.join(','),
          roundId: this.input.roundId,
        },
      }),
      completed.event(decision.actor),
    ];
    if (decision.decision === 'not_send') {
      this.close('not_sent', decision.decidedAt, [completed.record], events);
      return;
    }
    this.status = 'awaiting_delivery';
    this.writer.enqueue({ status: { status: this.status }, stepsClosed: [completed.record], events });
    this.steps.openByRule(
      'letter_delivery',
      this.input.deadlines.concernLetterDelivery,
      decision.decidedAt,
      decision.actor,
    );
  }

  /**
   * Delivered: the follow-up. Not reached or refused: the parents. An unknown address keeps the delivery
   * step open for another attempt (or the case is ended without delivery, `recordOutcome`).
   */
  recordDeliveryAttempt(decision: DeliveryAttemptInput): void {
    this.attempts.push(decision.result);
    this.lastAttemptAt = decision.attemptedAt;
    const attempted = caseEvent('concern_letter_delivery_attempted', decision.attemptedAt, decision.actor, {
      ...(decision.note ? { reason: decision.note } : {}),
      details: { result: decision.result, attempt: this.attempts.length },
    });
    if (decision.result === 'address_unknown') {
      this.writer.enqueue({ events: [attempted] });
      return;
    }
    const completed = this.steps.complete('letter_delivery', decision.attemptedAt, decision.result);
    const toParents = PARENTS_CONTACT_RESULTS.includes(decision.result);
    this.status = toParents ? 'awaiting_parents_contact' : 'awaiting_follow_up';
    this.writer.enqueue({
      status: { status: this.status },
      stepsClosed: [completed.record],
      events: [attempted, completed.event(decision.actor)],
    });
    if (toParents) {
      this.steps.openByRule(
        'parents_contact',
        this.input.deadlines.concernLetterParentsContact,
        decision.attemptedAt,
        decision.actor,
      );
    } else if (DELIVERED_RESULTS.includes(decision.result)) {
      this.openFollowUp(decision.attemptedAt, decision.actor);
    }
  }

  recordParentsContact(decision: ParentsContactInput): void {
    this.parentsContactedAt = decision.contactedAt;
    const completed = this.steps.complete(
      'parents_contact',
      decision.contactedAt,
      decision.reached ? 'reached' : 'not_reached',
    );
    this.status = 'awaiting_follow_up';
    this.writer.enqueue({
      status: { status: this.status },
      stepsClosed: [completed.record],
      events: [
        caseEvent('parents_contacted', decision.contactedAt, decision.actor, {
          reason: decision.note,
          details: { reached: decision.reached },
        }),
        completed.event(decision.actor),
      ],
    });
    this.openFollowUp(decision.contactedAt, decision.actor);
  }

  recordFollowUp(decision: ConcernLetterFollowUpInput): void {
    this.followedUpAt = decision.followedUpAt;
    const completed = this.steps.complete('concern_letter_follow_up', decision.followedUpAt, 'followed_up');
    this.status = 'awaiting_outcome';
    this.writer.enqueue({
      status: { status: this.status },
      stepsClosed: [completed.record],
      events: [
        caseEvent('concern_letter_followed_up', decision.followedUpAt, decision.actor, { reason: decision.findings }),
        completed.event(decision.actor),
      ],
    });
  }

  /** The outcome ends the case; recorded on a letter never delivered (unknown address), its open step is cancelled. */
  recordOutcome(decision: ConcernLetterOutcomeInput): void {
    this.outcome = decision.outcome;
    this.exitCourseId = decision.exitCourseId;
    const undelivered = this.status === 'awaiting_delivery';
    const cancelled = this.steps.cancelOpen(decision.decidedAt, decision.actor);
    const events = [
      caseEvent('concern_letter_outcome_recorded', decision.decidedAt, decision.actor, {
        ...(decision.reason ? { reason: decision.reason } : {}),
        details: {
          outcome: decision.outcome,
          ...(decision.exitCourseId ? { exitCourseId: decision.exitCourseId } : {}),
        },
      }),
    ];
    this.close(undelivered ? 'closed_undelivered' : 'concluded', decision.decidedAt, cancelled.records, [
      ...events,
      ...cancelled.events(),
    ]);
  }

  private openFollowUp(from: string, actor: Actor): void {
    this.steps.openByRule('concern_letter_follow_up', this.input.deadlines.concernLetterFollowUp, from, actor);
  }

  private close(
    status: ConcernLetterStatus,
    at: string,
    stepsClosed: StepClosedRecord[],
    events: CaseEventRecord[],
  ): void {
    this.status = status;
    this.closedAt = at;
    this.writer.enqueue({ status: { status, closedAt: at }, stepsClosed, events });
  }
}
