import {
  ASSESSMENT_PARTIES,
  EXIT_COURSE_STATUSES,
  HANDOVER_CONTINUATIONS,
  MENTOR_CONTACT_FORMS,
  PSYCHOLOGIST_COURSE_STATUSES,
  type ExitCourseStatus,
  type PsychologistCourseStatus,
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
  PageOf,
  TextListView,
  TextView,
  UnitRefView,
} from '../common/view-properties';
import { WithCaseDetail } from '../cases/case.views';
import { AvailableDecisionView } from '../cases/available-decisions';
import { HandoverPreparationView } from './handover-preparation.views';

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

export class MentorContactView {
  @IdView() id!: string;
  @MomentView() contactAt!: string;
  @ChoiceView(MENTOR_CONTACT_FORMS) form!: (typeof MENTOR_CONTACT_FORMS)[number];
  @IntegerView() durationMinutes!: number;
  @TextView() mentorRef!: string;
}

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

export class ExitCourseDetailView extends WithCaseDetail(ExitCourseSummaryView) {
  @BooleanView() paroleLinked!: boolean;
  @NestedView(MentorSupportView) mentor!: MentorSupportView;
  @ChoiceView(PSYCHOLOGIST_COURSE_STATUSES) psychologistCourse!: PsychologistCourseStatus;
  @NestedView(JointAssessmentView) jointAssessment!: JointAssessmentView;
  @NestedView(ReleasePlanView, { nullable: true }) releasePlan!: ReleasePlanView | null;
  @NestedView(ReadinessView) readiness!: ReadinessView;
  @MomentView({ nullable: true }) releaseNoticeSentAt!: string | null;
  @NestedView(HandoverView, { nullable: true }) handover!: HandoverView | null;
  @NestedView(HandoverPreparationView) handoverPreparation!: HandoverPreparationView;
  @MomentView({ nullable: true }) closedAt!: string | null;
}

/** A row of the police exit unit's handover inbox. */
export class HandoverInboxItemView {
  @IdView() caseId!: string;
  @TextView() personRef!: string;
  @TextView({ nullable: true, description: 'Personens navn for brugere med adgang til personer (visningen logges).' })
  personName!: string | null;
  @NestedView(UnitRefView) institution!: UnitRefView;
  @MomentView() releasedAt!: string;
  @MomentView() dueAt!: string;
  @BooleanView() overdue!: boolean;
  @BooleanView() paroleLinked!: boolean;
  @NestedView(HandoverPreparationView, {
    description: 'Overdragelsesrapporten, udtalelserne og en afgørelse før løsladelsen.',
  })
  handoverPreparation!: HandoverPreparationView;
  @NestedView([AvailableDecisionView], { description: 'De beslutninger, brugeren kan træffe på sagen nu.' })
  availableDecisions!: AvailableDecisionView[];
}

export class ExitCourseSummaryPage extends PageOf(ExitCourseSummaryView) {}
export class MentorContactPage extends PageOf(MentorContactView) {}
export class HandoverInboxPage extends PageOf(HandoverInboxItemView) {}

// The names the services use.
export type ExitCourseSummary = ExitCourseSummaryView;
export type ExitCourseDetail = ExitCourseDetailView;
export type HandoverInboxItem = HandoverInboxItemView;
