import { condition, setHandler } from '@temporalio/workflow';
import {
  ACCESS_REQUEST_STATUS,
  type AccessRequestDecisionInput,
  type AccessRequestExtensionInput,
  type AccessRequestOutcome,
  type AccessRequestState,
  type AccessRequestStatus,
  type AccessRequestStepKind,
  type StartAccessRequestInput,
} from '../../libs/domain/access-request/access-request.types';
import { ACCESS_REQUEST_DECISIONS } from '../../libs/domain/access-request/access-request.decisions';
import { CASE_WORKFLOWS } from '../../libs/domain/case/case-workflows';
import { computeDueAt, type DeadlineRule } from '../../libs/domain/deadlines/deadline-rule';
import { onDecisions, onReadModelMessages, refuseUnencrypted, settleWrites } from '../case/case-decisions';
import { caseEvent } from '../case/case-event';
import { CaseSteps } from '../case/case-steps';
import { ReadModelWriter } from '../case/read-model-writer';
import { accessRequestReadModelSyncedUpdate, accessRequestStateQuery } from './access-request.messages';

export const ACCESS_REQUEST_WORKFLOW_ID_PREFIX = CASE_WORKFLOWS.access_request.workflowIdPrefix;

/**
 * One request for access (GDPR art. 15, retshåndhævelseslovens § 15): the answer is due a month after
 * receipt (art. 12(3)), once extendable by up to two further months with a reason; the answer ends it, with
 * the legal ground and reason of anything withheld. It holds the request's id only, never the CPR number.
 */
export async function accessRequestWorkflow(input: StartAccessRequestInput): Promise<AccessRequestState> {
  refuseUnencrypted(input);
  const request = new AccessRequest(input);
  request.start();

  setHandler(accessRequestStateQuery, () => request.snapshot());
  onReadModelMessages(accessRequestReadModelSyncedUpdate, request);
  onDecisions(request, ACCESS_REQUEST_DECISIONS, {
    'access-request-decision': (decision) => request.decide(decision),
    'access-request-extension': (extension) => request.extend(extension),
  });

  await condition(() => ACCESS_REQUEST_STATUS.isFinal(request.status));
  await settleWrites(request.writer);
  return request.snapshot();
}

class AccessRequest {
  readonly writer: ReadModelWriter;
  status: AccessRequestStatus = 'received';
  private readonly steps: CaseSteps<AccessRequestStepKind>;
  private extensionMonths = 0;
  private outcome?: AccessRequestOutcome;
  private decidedAt?: string;

  constructor(private readonly input: StartAccessRequestInput) {
    this.writer = new ReadModelWriter(input.caseId, 'access_request');
    this.steps = new CaseSteps<AccessRequestStepKind>(this.writer, { warningWindows: input.warningWindows });
  }

  snapshot(): AccessRequestState {
    return {
      caseId: this.input.caseId,
      status: this.status,
      receivedAt: this.input.receivedAt,
      steps: this.steps.steps.map((step) => ({ ...step })),
      extensionMonths: this.extensionMonths,
      ...(this.outcome ? { outcome: this.outcome } : {}),
      ...(this.decidedAt ? { decidedAt: this.decidedAt } : {}),
    };
  }

  start(): void {
    const { input } = this;
    this.writer.enqueue({
      opened: {
        caseType: 'access_request',
        workflowId: `${ACCESS_REQUEST_WORKFLOW_ID_PREFIX}${input.caseId}`,
        // The request's own id: the person asking need not be in the register, and no case of theirs links here.
        personRef: input.caseId,
        orgUnit: input.orgUnit,
        organisation: input.organisation,
        status: this.status,
        openedAt: input.receivedAt,
      },
      events: [
        caseEvent('access_request_received', input.receivedAt, input.actor, { details: { channel: input.channel } }),
      ],
    });
    this.steps.openByRule('access_request_answer', this.answerRule(0), input.receivedAt, input.actor);
  }

  /** The answer's deadline moves to one month plus the extension, from receipt (not from the extension). */
  extend(extension: AccessRequestExtensionInput): void {
    this.extensionMonths = extension.months;
    const dueAt = computeDueAt(this.answerRule(extension.months), new Date(this.input.receivedAt)).toISOString();
    const previousDueAt = this.steps.findOpen('access_request_answer')?.dueAt ?? null;
    const moved = this.steps.reschedule('access_request_answer', dueAt);
    this.writer.enqueue({
      ...(moved ? { stepsRescheduled: [moved] } : {}),
      events: [
        caseEvent('access_request_extended', extension.decidedAt, extension.actor, {
          reason: extension.reason,
          ...(moved ? { stepId: moved.stepId } : {}),
          details: { months: extension.months, previousDueAt, dueAt },
        }),
      ],
    });
  }

  decide(decision: AccessRequestDecisionInput): void {
    this.outcome = decision.outcome;
    this.decidedAt = decision.decidedAt;
    this.status = decision.outcome;
    const completed = this.steps.complete('access_request_answer', decision.decidedAt, decision.outcome);
    this.writer.enqueue({
      status: { status: this.status, closedAt: decision.decidedAt },
      stepsClosed: [completed.record],
      events: [
        caseEvent('access_request_decided', decision.decidedAt, decision.actor, {
          ...(decision.reason ? { reason: decision.reason } : {}),
          details: {
            outcome: decision.outcome,
            withholdingGround: decision.withholdingGround ?? null,
          },
        }),
        completed.event(decision.actor),
      ],
    });
  }

  private answerRule(extensionMonths: number): DeadlineRule {
    const rule = this.input.deadlines.accessRequestAnswer;
    return rule.unit === 'calendar-months' ? { ...rule, months: rule.months + extensionMonths } : rule;
  }
}
