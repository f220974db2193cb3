import { HANDOVER_CONTINUATIONS, READINESS_ITEMS } from '../../../../libs/domain/exit-course/exit-course.types';
import {
  HANDOVER_RECOMMENDATIONS,
  HANDOVER_VIEW_PARTIES,
  PLAN_STATUSES,
  READINESS_OWNERS,
} from '../../../../libs/domain/exit-course/handover-preparation.types';
import { AvailableDecisionView } from '../cases/available-decisions';
import {
  BooleanView,
  ChoiceView,
  DateView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  PageOf,
  TextListView,
  TextView,
  UnitRefView,
} from '../common/view-properties';

class ReadinessOwnershipView {
  @ChoiceView(READINESS_ITEMS) item!: string;
  @ChoiceView(READINESS_OWNERS, { description: 'Hvem der sørger for punktet efter løsladelsen.' }) owner!: string;
  @BooleanView({ description: 'Om punktet var på plads, da rapporten blev skrevet.' }) ready!: boolean;
}

/** The Kriminalforsorgen caseworker's handover report (never an address: see handover-preparation.types.ts). */
export class HandoverReportView {
  @MomentView() submittedAt!: string;
  @TextView() plan!: string;
  @ChoiceView(PLAN_STATUSES) planStatus!: string;
  @TextView({ nullable: true, description: 'Mentoren, da rapporten blev skrevet.' }) mentorRef!: string | null;
  @IntegerView({ description: 'Mentorkontakternes samlede minutter, da rapporten blev skrevet.' })
  mentorMinutes!: number;
  @IntegerView() mentorContacts!: number;
  @TextView({ description: 'Psykologforløbets status, da rapporten blev skrevet.' }) psychologistCourse!: string;
  @NestedView([ReadinessOwnershipView]) readiness!: ReadinessOwnershipView[];
  @TextView() riskAssessment!: string;
  @BooleanView({ description: 'Ja: adressen oplyses kun efter behov gennem kontaktpersonen.' })
  extendedAddressProtection!: boolean;
  @TextView({ nullable: true }) paroleConditions!: string | null;
  @TextView({ description: 'Kriminalforsorgens kontaktperson.' }) contactName!: string;
  @TextView() contactPhone!: string;
}

export class HandoverPartyView {
  @IdView() id!: string;
  @ChoiceView(HANDOVER_VIEW_PARTIES) party!: string;
  @ChoiceView(HANDOVER_RECOMMENDATIONS) recommendation!: string;
  @TextView() view!: string;
  @MomentView() recordedAt!: string;
}

class DecisionBeforeReleaseView {
  @NestedView(UnitRefView) policeDistrict!: UnitRefView;
  @ChoiceView(['accept', 'decline']) decision!: string;
  @ChoiceView(HANDOVER_CONTINUATIONS, { nullable: true }) continuation!: string | null;
  @MomentView() decidedAt!: string;
}

/** The handover as prepared before release: what the exit unit and the municipality read from the notice. */
export class HandoverPreparationView {
  @NestedView(HandoverReportView, { nullable: true }) report!: HandoverReportView | null;
  @NestedView([HandoverPartyView], { description: 'Kommunens og Kriminalforsorgens udtalelser, ældste først.' })
  views!: HandoverPartyView[];
  @NestedView(DecisionBeforeReleaseView, { nullable: true, description: 'Exitenhedens afgørelse før løsladelsen.' })
  decisionBeforeRelease!: DecisionBeforeReleaseView | null;
}

/** A course notified to the user's district or municipality and not yet released. */
export class ComingHandoverView {
  @IdView() caseId!: string;
  @TextView() personRef!: string;
  @TextView({ nullable: true, description: 'Personens navn for brugere med adgang til personer (visningen logges).' })
  personName!: string | null;
  @NestedView(UnitRefView) institution!: UnitRefView;
  @DateView() expectedReleaseDate!: string;
  @IntegerView({ description: 'Dage til den forventede løsladelse (dansk kalender).' }) daysToRelease!: number;
  @BooleanView({ description: 'Hele tjeklisten for løsladelse er på plads.' }) ready!: boolean;
  @TextListView({ description: 'Det, der mangler på tjeklisten, på dansk.' }) missing!: string[];
  @BooleanView() paroleLinked!: boolean;
  @MomentView({ nullable: true }) reportSubmittedAt!: string | null;
  @ChoiceView(['accept', 'decline'], { nullable: true, description: 'Exitenhedens afgørelse før løsladelsen.' })
  decisionBeforeRelease!: string | null;
  @NestedView([AvailableDecisionView], { description: 'De beslutninger, brugeren kan træffe på sagen nu.' })
  availableDecisions!: AvailableDecisionView[];
}

export class ComingHandoverPage extends PageOf(ComingHandoverView) {}
