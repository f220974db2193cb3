import { uuid4 } from '@temporalio/workflow';
import { SYSTEM_ACTOR_ID } from '../../libs/domain/case/case-transition';
import type { AccessChange } from '../../libs/domain/case/case-decision';
import { calendarDays, startOfDaysBefore } from '../../libs/domain/deadlines/deadline-rule';
import { reasonCodeOf } from '../../libs/domain/case/ending-reasons';
import {
  READINESS_ITEMS,
  type HandoverContinuation,
  type HandoverDecisionInput,
} from '../../libs/domain/exit-course/exit-course.types';
import type { HandoverReportInput, HandoverViewInput } from '../../libs/domain/exit-course/handover-preparation.types';
import { parseLocalDate } from '../../libs/domain/time/copenhagen-calendar';
import { caseEvent } from '../case/case-event';
import type { CourseParts } from './release-preparation';

/**
 * The handover prepared before release (handover-preparation.types.ts): the release plan's district and
 * municipality read the course from the notice, the caseworker's handover report, the parties' views, and
 * the exit unit's decision taken before the release.
 */
export class HandoverPreparation {
  constructor(private readonly course: CourseParts) {}

  /** At the release notice: the plan's units read the course (read only; every read of theirs is logged). */
  accessAtNotice(): AccessChange[] {
    const plan = this.course.state.releasePlan;
    return plan
      ? [
          { orgUnit: plan.municipalityCode, access: 'read' },
          { orgUnit: plan.policeDistrictCode, access: 'read' },
        ]
      : [];
  }

  /** At the release notice, after its own transition: the handover report is due before the release. */
  openReport(at: string): void {
    this.course.state.handoverPreparation = {};
    this.course.steps.open('handover_report', this.reportDueAt(), at, { id: SYSTEM_ACTOR_ID });
  }

  /** The report's deadline, a policy period before the expected release (it follows the date). */
  reportDueAt(): string {
    return startOfDaysBefore(
      // Opened only at the release notice, so only for a course in prison, which has a date.
      parseLocalDate(this.course.state.expectedReleaseDate!)!,
      calendarDays(this.course.deadline('handoverReport')),
    ).toISOString();
  }

  submitReport(input: HandoverReportInput): void {
    const { state, steps, writer } = this.course;
    const open = steps.steps.some((step) => step.kind === 'handover_report' && step.status === 'open');
    const completed = open ? steps.complete('handover_report', input.submittedAt, 'submitted') : undefined;
    state.handoverPreparation = { ...state.handoverPreparation, reportSubmittedAt: input.submittedAt };
    const owners = new Map(input.readinessOwners.map((ownership) => [ownership.item, ownership.owner]));
    writer.enqueue({
      stepsClosed: completed ? [completed.record] : [],
      handoverPreparation: {
        report: {
          submittedAt: input.submittedAt,
          actorId: input.actor.id,
          planEncrypted: input.plan,
          planStatus: input.planStatus,
          readinessOwners: READINESS_ITEMS.map((item) => ({
            item,
            owner: owners.get(item)!,
            ready: state.readiness[item],
          })),
          mentorRef: state.mentor.mentorRef ?? null,
          mentorMinutes: state.mentor.contactMinutes,
          mentorContacts: state.mentor.contactCount,
          psychologistCourse: state.psychologistCourse,
          riskEncrypted: input.riskAssessment,
          extendedAddressProtection: input.extendedAddressProtection,
          paroleConditionsEncrypted: input.paroleConditions ?? null,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
        },
      },
      events: [
        caseEvent('handover_report_submitted', input.submittedAt, input.actor, {
          ...(completed ? { stepId: completed.step.stepId } : {}),
          details: { planStatus: input.planStatus, extendedAddressProtection: input.extendedAddressProtection },
        }),
        ...(completed ? [completed.event(input.actor)] : []),
      ],
    });
  }

  recordView(input: HandoverViewInput): void {
    const viewId = uuid4();
    this.course.writer.enqueue({
      handoverPreparation: {
        view: {
          viewId,
          party: input.party,
          recommendation: input.recommendation,
          viewEncrypted: input.view,
          recordedAt: input.recordedAt,
          actorId: input.actor.id,
        },
      },
      events: [
        caseEvent('handover_view_recorded', input.recordedAt, input.actor, {
          details: { party: input.party, recommendation: input.recommendation, viewId },
        }),
      ],
    });
  }

  /**
   * The release plan's district decides before the release. An acceptance is recorded at its moment and
   * takes effect at the release; a decline leaves the course with Kriminalforsorgen, which changes the plan's
   * district (and the new one decides) or releases as planned (and the district decides again then).
   */
  decideBeforeRelease(input: HandoverDecisionInput): void {
    const { state, writer } = this.course;
    const policeDistrictCode = state.releasePlan!.policeDistrictCode;
    const continuation = input.decision === 'accept' ? input.continuation : undefined;
    state.handoverPreparation = {
      ...state.handoverPreparation,
      decidedBeforeRelease: {
        policeDistrictCode,
        decision: input.decision,
        ...(continuation ? { continuation } : {}),
        decidedAt: input.decidedAt,
      },
    };
    writer.enqueue({
      handoverPreparation: {
        decisionBeforeRelease: {
          policeDistrictCode,
          decision: input.decision,
          continuation: continuation ?? null,
          decidedAt: input.decidedAt,
        },
      },
      events: [
        input.decision === 'accept'
          ? caseEvent('handover_accepted', input.decidedAt, input.actor, {
              ...(input.reason ? { reason: input.reason } : {}),
              ...(input.continuation === 'closed' ? { reasonCode: reasonCodeOf(input.reasonCode) } : {}),
              details: { continuation: input.continuation, policeDistrictCode, beforeRelease: true },
            })
          : caseEvent('handover_declined', input.decidedAt, input.actor, {
              reason: input.reason,
              reasonCode: reasonCodeOf(input.reasonCode),
              details: { policeDistrictCode, beforeRelease: true },
            }),
      ],
    });
  }

  /** A release plan naming another district: a decision taken before the release was the old district's. */
  withdrawDecisionFor(policeDistrictCode: string): { decisionBeforeRelease: null } | undefined {
    const decided = this.course.state.handoverPreparation?.decidedBeforeRelease;
    if (!decided || decided.policeDistrictCode === policeDistrictCode) return undefined;
    delete this.course.state.handoverPreparation!.decidedBeforeRelease;
    return { decisionBeforeRelease: null };
  }

  /** The acceptance the release goes straight on from: taken before it, by the district released to. */
  acceptedFor(policeDistrictCode: string): { continuation: HandoverContinuation } | undefined {
    const decided = this.course.state.handoverPreparation?.decidedBeforeRelease;
    if (decided?.decision !== 'accept' || decided.policeDistrictCode !== policeDistrictCode) return undefined;
    return { continuation: decided.continuation! };
  }
}
