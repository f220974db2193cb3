import { condition, patched, uuid4 } from '@temporalio/workflow';
import { SYSTEM_ACTOR_ID, type NotificationRecord } from '../../libs/domain/case/case-transition';
import type { DeadlineName } from '../../libs/domain/deadlines/deadline-policy';
import { calendarDays, startOfDaysBefore, type DeadlineRule } from '../../libs/domain/deadlines/deadline-rule';
import { missingReadiness } from '../../libs/domain/exit-course/exit-course.rules';
import {
  EXIT_COURSE_STATUS,
  type ExitCourseStepKind,
  type ReadinessInput,
  type ReleaseDateChangeInput,
  type ReleasePlanInput,
} from '../../libs/domain/exit-course/exit-course.types';
import { parseLocalDate } from '../../libs/domain/time/copenhagen-calendar';
import { caseEvent } from '../case/case-event';
import type { CaseSteps } from '../case/case-steps';
import type { ReadModelWriter } from '../case/read-model-writer';
import type { CourseFacts } from './course-state';
import { PATCHES } from '../case/patches';
import { EXIT_COURSE_DECISIONS } from '../../libs/domain/exit-course/exit-course.decisions';
import type { HandoverPreparation } from './handover-preparation';

/** What the release part of a course works on: the course's state, steps, read-model writer and policy. */
export interface CourseParts {
  readonly state: CourseFacts;
  readonly writer: ReadModelWriter;
  readonly steps: CaseSteps<ExitCourseStepKind>;
  deadline(name: DeadlineName): DeadlineRule;
}

/**
 * The course's way towards release (DOMAIN.md §1, §5): the release plan and who is told about it, the
 * expected release date, the release notice a policy period before it, and the readiness checklist that
 * release preparation waits for.
 */
export class ReleasePreparation {
  constructor(
    private readonly course: CourseParts,
    private readonly handover: HandoverPreparation,
  ) {}

  /** One notice to each of the release plan's municipality and police district (none before there is a plan). */
  notify(kind: NotificationRecord['kind']): NotificationRecord[] {
    if (!this.course.state.releasePlan) return [];
    return [this.course.state.releasePlan.municipalityCode, this.course.state.releasePlan.policeDistrictCode].map(
      (recipientUnit) => ({
        notificationId: uuid4(),
        recipientUnit,
        kind,
      }),
    );
  }

  setReleasePlan(input: ReleasePlanInput): void {
    // After the notice the plan's units read the course: a changed plan moves that grant (and a decision
    // taken before the release by a district the plan no longer names lapses).
    const preparing = this.course.state.releaseNoticeSentAt !== undefined && patched(PATCHES.handoverPreparation.id);
    const accessChanges = preparing
      ? (EXIT_COURSE_DECISIONS['release-plan'].accessAfter?.({ ...this.course.state, steps: [] }, input) ?? [])
      : [];
    const withdrawn = preparing ? this.handover.withdrawDecisionFor(input.policeDistrictCode) : undefined;
    this.course.state.releasePlan = {
      municipalityCode: input.municipalityCode,
      policeDistrictCode: input.policeDistrictCode,
    };
    this.course.writer.enqueue({
      ...(accessChanges.length > 0 ? { accessChanges } : {}),
      ...(withdrawn ? { handoverPreparation: withdrawn } : {}),
      exitCourseFacts: { releaseMunicipality: input.municipalityCode, releaseDistrict: input.policeDistrictCode },
      // A plan made (or changed) after the release notice: its units must be told now, not never.
      notifications: this.course.state.releaseNoticeSentAt ? this.notify('release_notice') : [],
      events: [
        caseEvent('release_plan_set', new Date().toISOString(), input.actor, {
          details: { municipalityCode: input.municipalityCode, policeDistrictCode: input.policeDistrictCode },
        }),
      ],
    });
  }

  changeExpectedReleaseDate(input: ReleaseDateChangeInput): void {
    const from = this.releaseDate;
    this.course.state.expectedReleaseDate = input.expectedReleaseDate;
    const moved = [
      this.course.steps.reschedule('release_preparation', this.preparationDueAt()),
      // Opened only by the handover-preparation patch's notice: no earlier history has one to move.
      this.course.steps.reschedule('handover_report', this.handover.reportDueAt()),
    ].filter((step) => step !== undefined);
    this.course.writer.enqueue({
      exitCourseFacts: { expectedReleaseDate: input.expectedReleaseDate },
      stepsRescheduled: moved,
      // Those already told about the release are told that its date moved.
      notifications: this.course.state.releaseNoticeSentAt ? this.notify('release_date_changed') : [],
      events: [
        caseEvent('expected_release_date_changed', new Date().toISOString(), input.actor, {
          reason: input.reason,
          details: { from, to: input.expectedReleaseDate },
        }),
        ...moved.map((step) =>
          caseEvent('step_rescheduled', new Date().toISOString(), input.actor, {
            stepId: step.stepId,
            details: { dueAt: step.dueAt },
          }),
        ),
      ],
    });
    // Moved inside the notice period: notify now, within this decision, so it is read back with it.
    if (!this.course.state.releaseNoticeSentAt && this.noticeAt(input.expectedReleaseDate).getTime() <= Date.now())
      this.sendReleaseNotice();
  }

  updateReadiness(input: ReadinessInput): void {
    this.course.state.readiness[input.item] = input.ready;
    const preparation = this.course.steps.steps.find(
      (step) => step.kind === 'release_preparation' && step.status === 'open',
    );
    const now = new Date().toISOString();
    const completed =
      preparation && missingReadiness(this.course.state.readiness).length === 0
        ? this.course.steps.complete('release_preparation', now, 'ready')
        : undefined;
    this.course.writer.enqueue({
      exitCourseFacts: { readiness: { ...this.course.state.readiness } },
      stepsClosed: completed ? [completed.record] : [],
      events: [
        caseEvent('readiness_updated', now, input.actor, {
          reason: input.note,
          details: { item: input.item, ready: input.ready },
        }),
        ...(completed ? [completed.event(input.actor)] : []),
      ],
    });
  }

  /**
   * Sends the release notice a policy period before the expected release, re-arming whenever the date
   * moves; a date already inside the period sends it at once. The notice opens release preparation,
   * due a policy period before release, done when the readiness checklist is complete.
   */
  async watch(): Promise<void> {
    while (this.inPrison && !this.course.state.releaseNoticeSentAt) {
      const armedFor = this.releaseDate;
      const waitMs = this.noticeAt(armedFor).getTime() - Date.now();
      if (waitMs > 0) {
        await condition(() => this.course.state.expectedReleaseDate !== armedFor || !this.inPrison, waitMs);
        if (this.course.state.expectedReleaseDate !== armedFor) continue;
        if (!this.inPrison) return;
      }
      this.sendReleaseNotice();
    }
  }

  private sendReleaseNotice(): void {
    const now = new Date().toISOString();
    this.course.state.releaseNoticeSentAt = now;
    const notifications = this.notify('release_notice');
    // Added after the first histories were recorded: the handover is prepared from the notice.
    const preparing = patched(PATCHES.handoverPreparation.id);
    const accessChanges = preparing ? this.handover.accessAtNotice() : [];
    this.course.writer.enqueue({
      exitCourseFacts: { releaseNoticeSentAt: now },
      ...(accessChanges.length > 0 ? { accessChanges } : {}),
      notifications,
      events: [
        caseEvent(
          'release_notice_sent',
          now,
          { id: SYSTEM_ACTOR_ID },
          {
            details: {
              expectedReleaseDate: this.releaseDate,
              recipients: notifications.map((notice) => notice.recipientUnit).join(',') || null,
            },
          },
        ),
      ],
    });
    if (missingReadiness(this.course.state.readiness).length > 0) {
      this.course.steps.open('release_preparation', this.preparationDueAt(), now, { id: SYSTEM_ACTOR_ID });
    }
    if (preparing) this.handover.openReport(now);
  }

  private noticeAt(releaseDate: string): Date {
    return startOfDaysBefore(parseLocalDate(releaseDate)!, calendarDays(this.course.deadline('releaseNotice')));
  }

  private preparationDueAt(): string {
    return startOfDaysBefore(
      parseLocalDate(this.releaseDate)!,
      calendarDays(this.course.deadline('releaseReadiness')),
    ).toISOString();
  }

  /** Release preparation is only ever armed for a course in prison, and every one of those has a date. */
  private get releaseDate(): string {
    return this.course.state.expectedReleaseDate!;
  }

  /** In prison, with Kriminalforsorgen responsible (release preparation applies). */
  private get inPrison(): boolean {
    return EXIT_COURSE_STATUS.inPrison(this.course.state.status);
  }
}
