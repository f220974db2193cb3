import { condition, patched, setHandler, uuid4 } from '@temporalio/workflow';
import type {
  CouncilAgreementsInput,
  CouncilExpectedReleaseInput,
  CouncilInitiative,
  CouncilMeetingInput,
  CouncilMeetingPlanInput,
  CouncilReleaseInput,
  InitiativeFollowUpInput,
  InvitationsInput,
  NetworkCouncilState,
  NetworkCouncilStatus,
  NetworkCouncilStepKind,
  StartNetworkCouncilInput,
} from '../../libs/domain/youth/network-council.types';
import { onDecisions, onReadModelMessages, refuseUnencrypted, settleWrites } from '../case/case-decisions';
import { initiativeOwnersAccess, NETWORK_COUNCIL_DECISIONS } from '../../libs/domain/youth/network-council.decisions';
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
import { PATCHES } from '../case/patches';
import {
  addCalendarDays,
  danishDateOf,
  formatLocalDate,
  parseLocalDate,
  startOfDanishDay,
} from '../../libs/domain/time/copenhagen-calendar';

export const NETWORK_COUNCIL_WORKFLOW_ID_PREFIX = CASE_WORKFLOWS.network_council.workflowIdPrefix;

/**
 * One network council (DOMAIN.md §2): convening — the invitations — is due by the end of the 7th Danish
 * calendar day after the police's documentation was received; then the meeting and its agreements. Each
 * agreement is an initiative of the action plan with an owner, a due date and a follow-up step; the council
 * ends when every initiative is followed up (councils that agreed before the action plan ended at the agreements).
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
    'meeting-plan': (decision) => council.recordMeetingPlan(decision),
    'initiative-follow-up': (decision) => council.recordFollowUp(decision),
    'expected-release': (decision) => council.recordExpectedRelease(decision),
    release: (decision) => council.recordRelease(decision),
  });
  onStepDeadlineDecisions(council, council.deadlineSteps);
  youth.register(COUNCIL_YOUTH_DECISIONS);

  await condition(() => NETWORK_COUNCIL_STATUS.isFinal(council.status));
  youth.closeOpen(council.snapshot().closedAt ?? new Date().toISOString(), { id: SYSTEM_ACTOR_ID });
  await settleWrites(council.writer);
  return council.snapshot();
}

/** A due date's deadline: the end of that Danish day. */
function endOfDanishDate(date: string): string {
  return startOfDanishDay(addCalendarDays(parseLocalDate(date)!, 1)).toISOString();
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
  private plannedFor?: string;
  private agreedAt?: string;
  private initiatives?: CouncilInitiative[];
  private expectedReleaseDate?: string;
  private releasedAt?: string;

  constructor(private readonly input: StartNetworkCouncilInput) {
    this.writer = new ReadModelWriter(input.caseId, 'network_council');
    this.steps = new CaseSteps<NetworkCouncilStepKind>(this.writer, { warningWindows: input.warningWindows });
  }

  snapshot(): NetworkCouncilState {
    return {
      caseId: this.input.caseId,
      municipalityCode: this.input.municipalityCode,
      status: this.status,
      documentationReceivedAt: this.input.documentationReceivedAt,
      steps: this.steps.steps.map((step) => ({ ...step })),
      ...(this.invitedAt ? { invitedAt: this.invitedAt } : {}),
      ...(this.heldAt ? { heldAt: this.heldAt } : {}),
      ...(this.closedAt ? { closedAt: this.closedAt } : {}),
      ...(this.input.documentationVia ? { documentationVia: this.input.documentationVia } : {}),
      ...(this.plannedFor ? { plannedFor: this.plannedFor } : {}),
      ...(this.agreedAt ? { agreedAt: this.agreedAt } : {}),
      ...(this.initiatives
        ? { initiatives: this.initiatives.map((initiative) => ({ ...initiative, followUp: initiative.followUp })) }
        : {}),
      ...(this.expectedReleaseDate ? { expectedReleaseDate: this.expectedReleaseDate } : {}),
      ...(this.releasedAt ? { releasedAt: this.releasedAt } : {}),
    };
  }

  start(): void {
    const { input } = this;
    const documentation = input.policeDocumentation;
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
        ...(documentation
          ? [
              caseEvent('police_documentation_sent', input.documentationReceivedAt, input.actor, {
                details: {
                  senderUnit: documentation.senderUnit,
                  senderFunction: documentation.senderFunction,
                  suspicion: input.suspicion,
                },
              }),
            ]
          : []),
        caseEvent('network_council_registered', input.documentationReceivedAt, input.actor, {
          details: {
            suspicion: input.suspicion,
            // Councils started before the channel travelled in the input record none (outside_system).
            ...(input.documentationVia ? { documentationVia: input.documentationVia } : {}),
          },
        }),
      ],
      ...(documentation
        ? {
            // The police's send lands in the municipality's inbox: a notice, and the documentation itself.
            notifications: [
              { notificationId: uuid4(), recipientUnit: input.municipalityCode, kind: 'police_documentation' as const },
            ],
            council: {
              policeDocumentation: {
                senderUnit: documentation.senderUnit,
                senderFunction: documentation.senderFunction,
                suspicion: input.suspicion,
                offenceEncrypted: documentation.offenceSealed,
                sentAt: input.documentationReceivedAt,
                senderActorId: input.actor.id,
              },
            },
          }
        : {}),
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

  recordMeetingPlan(decision: CouncilMeetingPlanInput): void {
    this.plannedFor = new Date(decision.plannedFor).toISOString();
    this.writer.enqueue({
      council: { plannedFor: this.plannedFor },
      events: [
        caseEvent('council_meeting_planned', new Date().toISOString(), decision.actor, {
          details: { plannedFor: this.plannedFor },
        }),
      ],
    });
  }

  recordAgreements(decision: CouncilAgreementsInput): void {
    if (!patched(PATCHES.councilActionPlan.id)) {
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
      return;
    }
    this.status = 'action_plan_running';
    this.agreedAt = decision.agreedAt;
    const accessChanges = initiativeOwnersAccess(this.snapshot(), decision);
    const agreed = decision.agreements.map((agreement) => ({
      agreement,
      initiativeId: uuid4(),
      dueDate: agreement.followsRelease ? this.releaseDate()! : agreement.dueDate!,
    }));
    this.writer.enqueue({
      status: { status: this.status },
      accessChanges,
      events: agreed.map(({ agreement, initiativeId, dueDate }) =>
        caseEvent('council_initiative_agreed', decision.agreedAt, decision.actor, {
          reason: agreement.description,
          details: {
            initiativeId,
            kind: agreement.kind,
            ownerOrganisation: agreement.ownerOrganisation!,
            ownerUnit: agreement.ownerUnit!,
            dueDate,
          },
        }),
      ),
    });
    this.initiatives = agreed.map(({ agreement, initiativeId, dueDate }) => {
      const step = this.steps.open(
        'council_initiative_follow_up',
        endOfDanishDate(dueDate),
        decision.agreedAt,
        decision.actor,
        agreement.ownerUnit,
      );
      return {
        initiativeId,
        kind: agreement.kind,
        ownerOrganisation: agreement.ownerOrganisation!,
        ownerUnit: agreement.ownerUnit!,
        dueDate,
        followsRelease: agreement.followsRelease === true,
        stepId: step.stepId,
      };
    });
    this.writer.enqueue({
      council: {
        initiatives: agreed.map(({ agreement, initiativeId, dueDate }, index) => ({
          initiativeId,
          kind: agreement.kind,
          description: agreement.description,
          ownerOrganisation: agreement.ownerOrganisation!,
          ownerUnit: agreement.ownerUnit!,
          dueDate,
          followsRelease: agreement.followsRelease === true,
          stepId: this.initiatives![index].stepId,
          agreedAt: decision.agreedAt,
        })),
      },
      events: [],
    });
  }

  recordFollowUp(decision: InitiativeFollowUpInput): void {
    const initiative = this.initiatives!.find((candidate) => candidate.initiativeId === decision.initiativeId)!;
    initiative.followUp = { outcome: decision.outcome, followedUpAt: decision.followedUpAt };
    const completed = this.steps.complete(
      'council_initiative_follow_up',
      decision.followedUpAt,
      decision.outcome,
      initiative.stepId,
    );
    const allDone = this.initiatives!.every((candidate) => candidate.followUp);
    if (allDone) {
      this.status = 'action_plan_followed_up';
      this.closedAt = decision.followedUpAt;
    }
    this.writer.enqueue({
      ...(allDone ? { status: { status: this.status, closedAt: decision.followedUpAt } } : {}),
      stepsClosed: [completed.record],
      council: {
        followUps: [
          {
            initiativeId: initiative.initiativeId,
            outcome: decision.outcome,
            note: decision.note,
            followedUpAt: decision.followedUpAt,
          },
        ],
      },
      events: [
        caseEvent('council_initiative_followed_up', decision.followedUpAt, decision.actor, {
          reason: decision.note,
          stepId: initiative.stepId,
          details: { initiativeId: initiative.initiativeId, outcome: decision.outcome },
        }),
        completed.event(decision.actor),
      ],
    });
  }

  recordExpectedRelease(decision: CouncilExpectedReleaseInput): void {
    this.expectedReleaseDate = decision.expectedReleaseDate;
    this.writer.enqueue({
      council: { expectedReleaseDate: decision.expectedReleaseDate, ...this.moveReleaseInitiatives() },
      events: [
        caseEvent('council_expected_release_set', new Date().toISOString(), decision.actor, {
          details: { expectedReleaseDate: decision.expectedReleaseDate },
        }),
      ],
    });
  }

  /** The release: the support at release is due that day, and every initiative's owner gets a release notice. */
  recordRelease(decision: CouncilReleaseInput): void {
    this.releasedAt = decision.releasedAt;
    const owners = [...new Set((this.initiatives ?? []).map((initiative) => initiative.ownerUnit))]
      .filter((unit) => unit !== this.input.municipalityCode)
      .sort();
    const moved = this.moveReleaseInitiatives();
    this.writer.enqueue({
      council: { releasedAt: decision.releasedAt, ...moved },
      notifications: owners.map((recipientUnit) => ({
        notificationId: uuid4(),
        recipientUnit,
        kind: 'council_release' as const,
      })),
      events: [caseEvent('council_youth_released', decision.releasedAt, decision.actor)],
    });
  }

  /** The youth's release date as the council knows it: the release's, else the expected one. */
  private releaseDate(): string | undefined {
    return this.releasedAt ? formatLocalDate(danishDateOf(new Date(this.releasedAt))) : this.expectedReleaseDate;
  }

  /** The open support-at-release initiatives take the release date: their steps' deadlines move with it. */
  private moveReleaseInitiatives(): { dueDates?: { initiativeId: string; dueDate: string }[] } {
    const dueDate = this.releaseDate()!;
    const moving = (this.initiatives ?? []).filter(
      (initiative) => initiative.followsRelease && !initiative.followUp && initiative.dueDate !== dueDate,
    );
    if (moving.length === 0) return {};
    const rescheduled = moving.flatMap((initiative) => {
      initiative.dueDate = dueDate;
      const moved = this.steps.reschedule('council_initiative_follow_up', endOfDanishDate(dueDate), initiative.stepId);
      return moved ? [moved] : [];
    });
    this.writer.enqueue({
      stepsRescheduled: rescheduled,
      events: rescheduled.map((step) =>
        caseEvent(
          'step_rescheduled',
          new Date().toISOString(),
          { id: 'system' },
          {
            stepId: step.stepId,
            details: { kind: 'council_initiative_follow_up', dueAt: step.dueAt },
          },
        ),
      ),
    });
    return { dueDates: moving.map((initiative) => ({ initiativeId: initiative.initiativeId, dueDate })) };
  }
}
