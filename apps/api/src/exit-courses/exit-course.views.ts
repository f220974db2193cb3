import {
  ASSESSMENT_PARTIES,
  EXIT_COURSE_STATUSES,
  HANDOVER_CONTINUATIONS,
  MENTOR_CONTACT_FORMS,
  PSYCHOLOGIST_COURSE_STATUSES,
  type ExitCourseStatus,
  type PsychologistCourseStatus,
} from '../../../../libs/domain/exit-course/exit-course.types';
import { REFERRAL_SOURCES, type ReferralSource } from '../../../../libs/domain/exit-course/police-phase.types';
import {
  MENTOR_ORGANISATIONS,
  POLICE_COURSE_OUTCOMES,
  POLICE_PLAN_RUNNERS,
  type MentorOrganisation,
  type PoliceCourseOutcome,
  type PolicePlanRunner,
} from '../../../../libs/domain/exit-course/police-phase.types';
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
  @NestedView(UnitRefView, {
    description:
      'Den enhed, der har forløbet: institutionen, eller politikredsen/kommunen, der startede det uden for fængslet.',
  })
  institution!: UnitRefView;
  @ChoiceView(EXIT_COURSE_STATUSES) status!: ExitCourseStatus;
  @TextView({ description: 'Status på dansk.' }) statusText!: string;
  @MomentView() referredAt!: string;
  @ChoiceView(REFERRAL_SOURCES, { description: 'Hvem forløbet er henvist af.' }) referralSource!: ReferralSource;
  @TextView({ description: 'Henvist af, på dansk.' }) referralSourceText!: string;
  @BooleanView({ description: 'Startet uden for fængslet af politiets exitenhed eller kommunen.' })
  outsidePrison!: boolean;
  @DateView({ nullable: true, description: 'Ingen for et forløb uden for fængslet.' })
  expectedReleaseDate!: string | null;
  @MomentView({ nullable: true, optional: true, description: 'I listen: den nærmeste frist for et åbent trin.' })
  nextDueAt?: string | null;
  @IntegerView({ optional: true, description: 'I listen: antal åbne trin efter fristen.' }) overdueSteps?: number;
}

export class MentorContactView {
  @IdView() id!: string;
  @MomentView() contactAt!: string;
  @ChoiceView(MENTOR_CONTACT_FORMS) form!: (typeof MENTOR_CONTACT_FORMS)[number];
  @IntegerView() durationMinutes!: number;
  @TextView({ nullable: true, description: 'Kriminalforsorgens mentor; tom for politiets og kommunens.' })
  mentorRef!: string | null;
  @ChoiceView(MENTOR_ORGANISATIONS, { description: 'Hvis mentor holdt kontakten.' })
  organisation!: MentorOrganisation;
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

class PolicePlanView {
  @TextView() summary!: string;
  @ChoiceView(POLICE_PLAN_RUNNERS) runBy!: PolicePlanRunner;
  @MomentView() recordedAt!: string;
}

class PoliceReviewView {
  @TextView() summary!: string;
  @MomentView() reviewedAt!: string;
}

/** The course run by the police exit unit after release: its plan, reviews, outcome and the check after it. */
class PolicePhaseView {
  @MomentView() startedAt!: string;
  @NestedView(UnitRefView, { description: 'Den politikreds, hvis exitenhed kører forløbet nu.' })
  policeDistrict!: UnitRefView;
  @NestedView(PolicePlanView, { nullable: true }) plan!: PolicePlanView | null;
  @NestedView([PoliceReviewView], { description: 'Opfølgningerne, ældste først.' }) reviews!: PoliceReviewView[];
  @ChoiceView(POLICE_COURSE_OUTCOMES, { nullable: true }) outcome!: PoliceCourseOutcome | null;
  @MomentView({ nullable: true }) endedAt!: string | null;
  @BooleanView({ nullable: true, description: 'Tilbagefaldskontrollen: ny kriminalitet (tom før kontrollen).' })
  reoffended!: boolean | null;
  @MomentView({ nullable: true }) reoffendingCheckedAt!: string | null;
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
  @NestedView(PolicePhaseView, { nullable: true }) policePhase!: PolicePhaseView | null;
  @NestedView(HandoverPreparationView) handoverPreparation!: HandoverPreparationView;
  @IdView({
    nullable: true,
    description:
      'Bekymringsbrevet, forløbet blev startet ud fra (henvist af bekymringsbrev); sagen ses med egen adgang.',
  })
  concernLetterId!: string | null;
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
