import {
  ASSESSMENT_PARTIES,
  EXIT_COURSE_STATUSES,
  HANDOVER_CONTINUATIONS,
  MENTOR_CONTACT_FORMS,
  type ExitCourseStatus,
} from '../../../../libs/domain/exit-course/exit-course.types';
import {
  BooleanView,
  ChoiceListView,
  ChoiceView,
  DateView,
  IdView,
  IntegerView,
  MapView,
  MomentView,
  NestedView,
  ObjectView,
  PageOf,
  TextListView,
  TextView,
  UnitRefView,
} from '../common/view-properties';

/** What the API answers about exit courses (read from the read model). */
export class ExitCourseSummaryView {
  @IdView() id!: string;
  @TextView() workflowId!: string;
  @TextView({ description: 'Pseudonym personreference.' }) personRef!: string;
  @NestedView(UnitRefView) institution!: UnitRefView;
  @ChoiceView(EXIT_COURSE_STATUSES) status!: ExitCourseStatus;
  @TextView({ description: 'Status på dansk.' }) statusText!: string;
  @MomentView() referredAt!: string;
  @DateView() expectedReleaseDate!: string;
  @MomentView({ nullable: true, optional: true, description: 'I listen: den nærmeste frist for et åbent trin.' })
  nextDueAt?: string | null;
  @IntegerView({ optional: true, description: 'I listen: antal åbne trin efter fristen.' }) overdueSteps?: number;
}

export const STEP_STATUSES = ['open', 'completed', 'cancelled'] as const;

export class StepView {
  @IdView() id!: string;
  @TextView() kind!: string;
  @TextView() label!: string;
  @ChoiceView(STEP_STATUSES) status!: (typeof STEP_STATUSES)[number];
  @MomentView() openedAt!: string;
  @MomentView() dueAt!: string;
  @BooleanView({ description: 'Åbent og efter fristen nu.' }) overdue!: boolean;
  @MomentView({ nullable: true, description: 'Da fristens timer eskalerede trinnet (det forbliver åbent).' })
  escalatedAt!: string | null;
  @MomentView({ nullable: true }) completedAt!: string | null;
  @IntegerView({ nullable: true, description: 'Hvor mange sekunder for sent trinnet blev afsluttet.' })
  latenessSeconds!: number | null;
  @TextView({ nullable: true }) outcome!: string | null;
}

export class HistoryEntryView {
  @IdView() id!: string;
  @TextView() action!: string;
  @MomentView() occurredAt!: string;
  @MomentView() recordedAt!: string;
  @TextView() actorId!: string;
  @TextView({
    nullable: true,
    description: 'Medarbejderens navn, når aktøren er en kendt bruger (aldrig sagens person).',
  })
  actorName!: string | null;
  @TextView({ nullable: true }) reason!: string | null;
  @IdView({ nullable: true }) stepId!: string | null;
  @ObjectView({ description: 'Hændelsens egne fakta.' }) details!: Record<string, unknown>;
}

export class MentorContactView {
  @IdView() id!: string;
  @MomentView() contactAt!: string;
  @ChoiceView(MENTOR_CONTACT_FORMS) form!: (typeof MENTOR_CONTACT_FORMS)[number];
  @IntegerView() durationMinutes!: number;
  @TextView() mentorRef!: string;
}

/** A case's steps and the first entries of its history, as every case type's detail shows them: added to its summary. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern requires any[]
export function WithCaseProgress<Summary extends new (...args: any[]) => object>(summary: Summary) {
  class WithProgress extends summary {
    @NestedView([StepView]) openSteps!: StepView[];
    @NestedView([StepView]) steps!: StepView[];
    /** The first HISTORY_IN_DETAIL entries; an exit course's whole history is paged at `GET /api/exit-courses/:id/history`. */
    @NestedView([HistoryEntryView], { description: 'De første historikposter.' }) history!: HistoryEntryView[];
    @IntegerView() historyTotal!: number;
  }
  return WithProgress;
}

export class CaseProgressView extends WithCaseProgress(class {}) {}

class MentorSupportView {
  @TextView({ nullable: true }) mentorRef!: string | null;
  @IntegerView() contactCount!: number;
  @IntegerView() contactMinutes!: number;
  @MomentView({ nullable: true }) lastContactAt!: string | null;
}

class JointAssessmentView {
  @BooleanView({ description: 'Knyttet til prøveløsladelse: vurderingen skal være fælles.' }) required!: boolean;
  @ChoiceListView(ASSESSMENT_PARTIES, { description: 'De parter, hvis udtalelse er modtaget.' }) received!: string[];
}

class ReleasePlanView {
  @NestedView(UnitRefView) municipality!: UnitRefView;
  @NestedView(UnitRefView) policeDistrict!: UnitRefView;
}

class ReadinessView {
  @MapView('boolean', { description: 'Tjeklistens punkter: på plads eller ej.' }) items!: Record<string, boolean>;
  @TextListView({ description: 'Det, der mangler, på dansk.' }) missing!: string[];
}

class HandoverView {
  @MomentView() releasedAt!: string;
  @NestedView(UnitRefView) policeDistrict!: UnitRefView;
  @ChoiceView(HANDOVER_CONTINUATIONS, { nullable: true }) continuation!: string | null;
}

export class ExitCourseDetailView extends WithCaseProgress(ExitCourseSummaryView) {
  @BooleanView() paroleLinked!: boolean;
  @NestedView(MentorSupportView) mentor!: MentorSupportView;
  @ChoiceView(['not_started', 'ongoing', 'ended']) psychologistCourse!: 'not_started' | 'ongoing' | 'ended';
  @NestedView(JointAssessmentView) jointAssessment!: JointAssessmentView;
  @NestedView(ReleasePlanView, { nullable: true }) releasePlan!: ReleasePlanView | null;
  @NestedView(ReadinessView) readiness!: ReadinessView;
  @MomentView({ nullable: true }) releaseNoticeSentAt!: string | null;
  @NestedView(HandoverView, { nullable: true }) handover!: HandoverView | null;
  @MomentView({ nullable: true }) closedAt!: string | null;
}

/** A row of the police exit unit's handover inbox. */
export class HandoverInboxItemView {
  @IdView() caseId!: string;
  @TextView() personRef!: string;
  @NestedView(UnitRefView) institution!: UnitRefView;
  @MomentView() releasedAt!: string;
  @MomentView() dueAt!: string;
  @BooleanView() overdue!: boolean;
  @BooleanView() paroleLinked!: boolean;
}

export class ExitCourseSummaryPage extends PageOf(ExitCourseSummaryView) {}
export class HistoryEntryPage extends PageOf(HistoryEntryView) {}
export class MentorContactPage extends PageOf(MentorContactView) {}
export class HandoverInboxPage extends PageOf(HandoverInboxItemView) {}

// The names the services use.
export type ExitCourseSummary = ExitCourseSummaryView;
export type ExitCourseDetail = ExitCourseDetailView;
export type HistoryEntry = HistoryEntryView;
export type CaseProgress = CaseProgressView;
export type HandoverInboxItem = HandoverInboxItemView;
