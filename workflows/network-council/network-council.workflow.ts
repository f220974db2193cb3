import { condition, setHandler } from '@temporalio/workflow';
import type {
  CouncilAgreementsInput,
  CouncilMeetingInput,
  InvitationsInput,
  NetworkCouncilState,
  NetworkCouncilStatus,
  NetworkCouncilStepKind,
  StartNetworkCouncilInput,
} from '../../libs/domain/youth/network-council.types';
import { onDecisions, onReadModelMessages, refuseUnencrypted, settleWrites } from '../case/case-decisions';
import { NETWORK_COUNCIL_DECISIONS } from '../../libs/domain/youth/network-council.decisions';
import { caseEvent } from '../case/case-event';
import { CaseSteps } from '../case/case-steps';
import { onStepDeadlineDecisions } from '../case/step-deadlines';
import { councilReadModelSyncedUpdate, networkCouncilStateQuery } from './network-council.messages';
import { ReadModelWriter } from '../case/read-model-writer';
import { CASE_WORKFLOWS } from '../../libs/domain/case/case-workflows';
import { SYSTEM_ACTOR_ID } from '../../libs/domain/case/case-transition';
import { NETWORK_COUNCIL_STATUS } from '../../libs/domain/youth/network-council.types';
import { COUNCIL_YOUTH_DECISIONS } from '../../libs/domain/youth/youth-case.decisions';
import { YouthCaseTrack } from '../case/case-level';

export const NETWORK_COUNCIL_WORKFLOW_ID_PREFIX = CASE_WORKFLOWS.network_council.workflowIdPrefix;

/**
 * One network council (DOMAIN.md §2): convening — the invitations — is due by the end of the 7th Danish
 * calendar day after the police's documentation was received; then the meeting and its agreements.
 */
export async function networkCouncilWorkflow(input: StartNetworkCouncilInput): Promise<NetworkCouncilState> {
  refuseUnencrypted(input);
  const council = new NetworkCouncil(input);
  council.start();
  // Before the read-model handlers: a youth already 18 has the handover step in the case's first answer.
  const youth = new YouthCaseTrack(council, council.deadlineSteps, input, () =>
    NETWORK_COUNCIL_STATUS.isFinal(council.status),
  );
  void youth.watchAdulthood();

  setHandler(networkCouncilStateQuery, () => council.snapshot());
  onReadModelMessages(councilReadModelSyncedUpdate, council);
  onDecisions(council, NETWORK_COUNCIL_DECISIONS, {
    invitations: (decision) => council.recordInvitations(decision),
    meeting: (decision) => council.recordMeeting(decision),
    agreements: (decision) => council.recordAgreements(decision),
  });
  onStepDeadlineDecisions(council, council.deadlineSteps);
  youth.register(COUNCIL_YOUTH_DECISIONS);

  await condition(() => council.status === 'agreements_made');
  youth.closeOpen(council.snapshot().closedAt ?? new Date().toISOString(), { id: SYSTEM_ACTOR_ID });
  await settleWrites(council.writer);
  return council.snapshot();
}

class NetworkCouncil {
  readonly writer: ReadModelWriter;
  status: NetworkCouncilStatus = 'awaiting_convening';
  private readonly steps: CaseSteps<NetworkCouncilStepKind>;

  /** The steps, for the kernel's deadline decisions (suspend, resume, extend, missed reason). */
  get deadlineSteps(): CaseSteps<string> {
    return this.steps as CaseSteps<string>;
  }
  private invitedAt?: string;
  private heldAt?: string;
  private closedAt?: string;

  constructor(private readonly input: StartNetworkCouncilInput) {
    this.writer = new ReadModelWriter(input.caseId, 'network_council');
    this.steps = new CaseSteps<NetworkCouncilStepKind>(this.writer, { warningWindows: input.warningWindows });
  }

  snapshot(): NetworkCouncilState {
    return {
      caseId: this.input.caseId,
      status: this.status,
      documentationReceivedAt: this.input.documentationReceivedAt,
      steps: this.steps.steps.map((step) => ({ ...step })),
      ...(this.invitedAt ? { invitedAt: this.invitedAt } : {}),
      ...(this.heldAt ? { heldAt: this.heldAt } : {}),
      ...(this.closedAt ? { closedAt: this.closedAt } : {}),
    };
  }

  start(): void {
    const { input } = this;
    this.writer.enqueue({
      opened: {
        caseType: 'network_council',
        workflowId: `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`,
        personRef: input.personRef,
        orgUnit: input.municipalityCode,
        status: this.status,
        openedAt: input.documentationReceivedAt,
      },
      events: [
        caseEvent('network_council_registered', input.documentationReceivedAt, input.actor, {
          details: { suspicion: input.suspicion },
        }),
      ],
    });
    this.steps.openByRule(
      'network_council_convening',
      input.deadlines.networkCouncilConvening,
      input.documentationReceivedAt,
      input.actor,
    );
  }

  recordInvitations(decision: InvitationsInput): void {
    const completed = this.steps.complete('network_council_convening', decision.invitedAt, 'convened');
    this.status = 'convened';
    this.invitedAt = decision.invitedAt;
    this.writer.enqueue({
      status: { status: this.status },
      stepsClosed: [completed.record],
      events: [
        caseEvent('council_convened', decision.invitedAt, decision.actor, {
          details: { participants: decision.participants.map((participant) => participant.role).join(',') },
        }),
        completed.event(decision.actor),
      ],
    });
  }

  recordMeeting(decision: CouncilMeetingInput): void {
    this.status = 'meeting_held';
    this.heldAt = decision.heldAt;
    this.writer.enqueue({
      status: { status: this.status },
      events: [caseEvent('council_meeting_held', decision.heldAt, decision.actor)],
    });
  }

  recordAgreements(decision: CouncilAgreementsInput): void {
    this.status = 'agreements_made';
    this.closedAt = decision.agreedAt;
    this.writer.enqueue({
      status: { status: this.status, closedAt: decision.agreedAt },
      events: decision.agreements.map((agreement) =>
        caseEvent('council_agreement_made', decision.agreedAt, decision.actor, {
          reason: agreement.description,
          details: { kind: agreement.kind },
        }),
      ),
    });
  }
}
