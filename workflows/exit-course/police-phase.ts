import { condition, uuid4 } from '@temporalio/workflow';
import type { AccessChange } from '../../libs/domain/case/case-decision';
import { SYSTEM_ACTOR_ID } from '../../libs/domain/case/case-transition';
import { reasonCodeOf } from '../../libs/domain/case/ending-reasons';
import { computeDueAt, calendarDays } from '../../libs/domain/deadlines/deadline-rule';
import { EXIT_COURSE_DECISIONS } from '../../libs/domain/exit-course/exit-course.decisions';
import type {
  PoliceCourseEndInput,
  PolicePhaseStart,
  PolicePlanInput,
  PoliceReviewInput,
  ReoffendingCheckInput,
} from '../../libs/domain/exit-course/police-phase.types';
import { addCalendarDays, danishDateOf, startOfDanishDay } from '../../libs/domain/time/copenhagen-calendar';
import { caseEvent } from '../case/case-event';
import type { CourseParts } from './release-preparation';

/**
 * The course after release, run by the police exit unit (DOMAIN.md §5): it begins at an accepted handover
 * or, for a course started outside prison, at the agreement. Everything that happens in it lives here: the
 * plan, the contact cadence, the periodic reviews, the end with its outcome (or the move to another
 * district), and the reoffending check a policy period after the end.
 */
export class PolicePhase {
  constructor(private readonly course: CourseParts) {}

  /**
   * The police exit unit runs the course from `start.at`: a plan is due, the contact cadence runs on (by the
   * police's or the municipality's mentors, so the release municipality may now log contacts), and the first
   * review is due a policy period later.
   */
  begin(start: PolicePhaseStart): void {
    const { state, writer, steps } = this.course;
    state.status = 'police_course_active';
    state.policePhase = { startedAt: start.at, policeDistrictCode: start.policeDistrictCode, via: start.via };
    const municipality = state.handover?.municipalityCode;
    const accessChanges: AccessChange[] = [
      { orgUnit: start.policeDistrictCode, access: 'write' },
      ...(municipality ? [{ orgUnit: municipality, access: 'write' as const }] : []),
    ];
    writer.enqueue({
      status: { status: state.status },
      exitCourseFacts: { policePhaseStartedAt: start.at, policeDistrict: start.policeDistrictCode },
      accessChanges,
      events: [
        caseEvent('police_course_started', start.at, start.actor, {
          details: { policeDistrictCode: start.policeDistrictCode, via: start.via },
        }),
      ],
    });
    steps.openByRule('police_plan', this.course.deadline('policePlan'), start.at, start.actor);
    if (!steps.findOpen('mentor_contact'))
      steps.openByRule('mentor_contact', this.course.deadline('mentorContactCadence'), start.at, start.actor);
    steps.openByRule('police_review', this.course.deadline('policeReview'), start.at, start.actor);
  }

  recordPlan(input: PolicePlanInput): void {
    const { state, writer, steps } = this.course;
    const completed = steps.complete('police_plan', input.recordedAt, input.runBy);
    state.policePhase!.plan = { summary: input.summary, runBy: input.runBy, recordedAt: input.recordedAt };
    writer.enqueue({
      stepsClosed: [completed.record],
      events: [
        caseEvent('police_plan_recorded', input.recordedAt, input.actor, {
          stepId: completed.step.stepId,
          reason: input.summary,
          details: { runBy: input.runBy, policeDistrictCode: state.policePhase!.policeDistrictCode },
        }),
        completed.event(input.actor),
      ],
    });
  }

  /** Completes the open review; the next one is due a policy period after it. */
  recordReview(input: PoliceReviewInput): void {
    const { state, writer, steps } = this.course;
    const completed = steps.complete('police_review', input.reviewedAt, 'reviewed');
    const phase = state.policePhase!;
    phase.reviewCount = (phase.reviewCount ?? 0) + 1;
    phase.lastReviewAt = input.reviewedAt;
    writer.enqueue({
      stepsClosed: [completed.record],
      events: [
        caseEvent('police_review_recorded', input.reviewedAt, input.actor, {
          stepId: completed.step.stepId,
          reason: input.summary,
          details: { review: phase.reviewCount, policeDistrictCode: phase.policeDistrictCode },
        }),
        completed.event(input.actor),
      ],
    });
    steps.openByRule('police_review', this.course.deadline('policeReview'), input.reviewedAt, input.actor);
  }

  /**
   * The end with its outcome: the course counts as ended (its reservation freed) and waits for the
   * reoffending check ({@link watch}). `moved` ends nothing: the course is handed over to the exit unit of
   * the district the person moved to, which accepts or declines it as at a release.
   */
  end(input: PoliceCourseEndInput): void {
    const { state, writer, steps } = this.course;
    const phase = state.policePhase!;
    const from = phase.policeDistrictCode;
    const cancelled = steps.cancelOpen(input.endedAt, input.actor);
    const ended = caseEvent('police_course_ended', input.endedAt, input.actor, {
      ...(input.reason.trim() ? { reason: input.reason } : {}),
      reasonCode: reasonCodeOf(input.reasonCode),
      details: {
        outcome: input.outcome,
        policeDistrictCode: from,
        ...(input.outcome === 'moved' ? { toPoliceDistrictCode: input.toPoliceDistrictCode! } : {}),
      },
    });
    if (input.outcome === 'moved') {
      const to = input.toPoliceDistrictCode!;
      const accessChanges = EXIT_COURSE_DECISIONS['police-course-end'].accessAfter!(
        { ...state, steps: steps.steps },
        input,
      );
      // The new district decides its continuation anew; the release (date, municipality) stays as it was.
      state.handover = { ...state.handover!, policeDistrictCode: to };
      state.status = 'awaiting_handover_decision';
      writer.enqueue({
        status: { status: state.status },
        stepsClosed: cancelled.records,
        exitCourseFacts: { handoverDistrict: to },
        accessChanges,
        notifications: [{ notificationId: uuid4(), recipientUnit: to, kind: 'handover' }],
        events: [
          ended,
          caseEvent('handed_over', input.endedAt, input.actor, {
            details: { policeDistrictCode: to, municipalityCode: state.handover.municipalityCode },
          }),
          ...cancelled.events(),
        ],
      });
      steps.openByRule('handover_decision', this.course.deadline('handoverDecision'), input.endedAt, input.actor);
      return;
    }
    phase.outcome = input.outcome;
    phase.endedAt = input.endedAt;
    state.status = 'police_course_ended';
    state.closedAt = input.endedAt;
    writer.enqueue({
      status: { status: state.status, closedAt: input.endedAt },
      stepsClosed: cancelled.records,
      exitCourseFacts: { policeOutcome: input.outcome, policeOutcomeAt: input.endedAt },
      events: [ended, ...cancelled.events()],
    });
  }

  recordReoffendingCheck(input: ReoffendingCheckInput): void {
    const { state, writer, steps } = this.course;
    const completed = steps.complete('reoffending_check', input.checkedAt, input.reoffended ? 'reoffended' : 'none');
    const phase = state.policePhase!;
    phase.reoffended = input.reoffended;
    phase.reoffendingCheckedAt = input.checkedAt;
    state.status = 'police_course_followed_up';
    writer.enqueue({
      status: { status: state.status },
      stepsClosed: [completed.record],
      exitCourseFacts: { reoffended: input.reoffended, reoffendingCheckedAt: input.checkedAt },
      events: [
        caseEvent('reoffending_checked', input.checkedAt, input.actor, {
          stepId: completed.step.stepId,
          ...(input.note ? { reason: input.note } : {}),
          details: { reoffended: input.reoffended },
        }),
        completed.event(input.actor),
      ],
    });
  }

  /**
   * Once the course has ended, opens the reoffending check at the start of the Danish day a policy period
   * after the end (at once for an end stated that long ago); a continued run that finds it open, or the
   * course followed up, arms nothing. Before the end it only waits (no timer: nothing in the history).
   */
  async watch(): Promise<void> {
    const { state, steps } = this.course;
    await condition(() => state.status === 'police_course_ended');
    if (steps.steps.some((step) => step.kind === 'reoffending_check')) return;
    const endedAt = new Date(state.policePhase!.endedAt!);
    const days = calendarDays(this.course.deadline('reoffendingCheck'));
    const opensAt = startOfDanishDay(addCalendarDays(danishDateOf(endedAt), days));
    const waitMs = opensAt.getTime() - Date.now();
    if (waitMs > 0) await condition(() => false, waitMs);
    const now = new Date().toISOString();
    steps.open(
      'reoffending_check',
      computeDueAt(this.course.deadline('reoffendingCheckRecording'), new Date(now)).toISOString(),
      now,
      { id: SYSTEM_ACTOR_ID },
    );
  }
}
