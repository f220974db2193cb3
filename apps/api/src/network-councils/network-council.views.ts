import type { CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';
import { CaseLevelTextView, CaseLevelView } from '../youth-cases/case-level.views';
import {
  AGREEMENT_KINDS,
  NETWORK_COUNCIL_STATUSES,
  SUSPICIONS,
  type AgreementKind,
  type NetworkCouncilStatus,
  type Suspicion,
} from '../../../../libs/domain/youth/network-council.types';
import { ORGANISATIONS, type Organisation } from '../../../../libs/domain/organisations/organisation-units';
import {
  DOCUMENTATION_CHANNELS,
  INITIATIVE_FOLLOW_UP_OUTCOMES,
  POLICE_SENDER_FUNCTIONS,
  type DocumentationChannel,
  type InitiativeFollowUpOutcome,
  type PoliceSenderFunction,
} from '../../../../libs/domain/youth/youth-vocabulary';
import { WithCaseDetail } from '../cases/case.views';
import {
  BooleanView,
  ChoiceView,
  DateView,
  IdView,
  MomentView,
  NestedView,
  PageOf,
  TextView,
  UnitRefView,
} from '../common/view-properties';

export class NetworkCouncilSummaryView {
  @IdView() id!: string;
  @TextView() workflowId!: string;
  @TextView({ description: 'Den unges pseudonyme personreference.' }) personRef!: string;
  @NestedView(UnitRefView) municipality!: UnitRefView;
  @ChoiceView(NETWORK_COUNCIL_STATUSES) status!: NetworkCouncilStatus;
  @TextView() statusText!: string;
  @MomentView({ description: 'Politiets dokumentation modtaget: de 7 dage regnes herfra.' })
  documentationReceivedAt!: string;
  @MomentView({ nullable: true }) closedAt!: string | null;
  @CaseLevelView() caseLevel!: CaseLevel | null;
  @CaseLevelTextView() caseLevelText!: string | null;
}

/** One initiative of the council's action plan: its owner, due date and follow-up. */
export class CouncilInitiativeView {
  @IdView() id!: string;
  @ChoiceView(AGREEMENT_KINDS) kind!: AgreementKind;
  @TextView() description!: string;
  @ChoiceView(ORGANISATIONS) ownerOrganisation!: Organisation;
  @NestedView(UnitRefView) owner!: UnitRefView;
  @DateView({ description: 'Fristen (dagen med); for støtte, der følger løsladelsen, løsladelsesdatoen.' })
  dueDate!: string;
  @BooleanView() followsRelease!: boolean;
  @IdView({ description: 'Initiativets opfølgningstrin.' }) stepId!: string;
  @ChoiceView(INITIATIVE_FOLLOW_UP_OUTCOMES, { nullable: true }) outcome!: InitiativeFollowUpOutcome | null;
  @TextView({ nullable: true }) note!: string | null;
  @MomentView({ nullable: true }) followedUpAt!: string | null;
}

/** The police's documentation, when it came through the system. */
export class CouncilDocumentationView {
  @ChoiceView(DOCUMENTATION_CHANNELS, {
    description: 'system: sendt af politiet i systemet; outside_system: registreret af kommunen.',
  })
  via!: DocumentationChannel;
  @NestedView(UnitRefView, { nullable: true }) sender!: UnitRefView | null;
  @ChoiceView(POLICE_SENDER_FUNCTIONS, { nullable: true }) senderFunction!: PoliceSenderFunction | null;
}

export class NetworkCouncilView extends WithCaseDetail(NetworkCouncilSummaryView) {
  @NestedView(CouncilDocumentationView) documentation!: CouncilDocumentationView;
  @MomentView({ nullable: true, description: 'Det planlagte mødetidspunkt.' }) plannedFor!: string | null;
  @DateView({ nullable: true, description: 'Den unge i varetægt: den forventede løsladelsesdato.' })
  expectedReleaseDate!: string | null;
  @MomentView({ nullable: true }) releasedAt!: string | null;
  @NestedView([CouncilInitiativeView], { description: 'Handleplanens initiativer, i aftalt rækkefølge.' })
  initiatives!: CouncilInitiativeView[];
}

export class NetworkCouncilSummaryPage extends PageOf(NetworkCouncilSummaryView) {}

/** One documentation the police sent through the system, as the municipality's inbox and the sender list it. */
export class PoliceDocumentationView {
  @IdView({ description: 'Netværkssamrådets id: dokumentationen startede det.' }) caseId!: string;
  @TextView({ description: 'Den unges pseudonyme personreference.' }) personRef!: string;
  @NestedView(UnitRefView) municipality!: UnitRefView;
  @NestedView(UnitRefView) sender!: UnitRefView;
  @ChoiceView(POLICE_SENDER_FUNCTIONS) senderFunction!: PoliceSenderFunction;
  @ChoiceView(SUSPICIONS) suspicion!: Suspicion;
  @MomentView({ description: 'Sendt og dermed modtaget i kommunen: de 7 dage regnes herfra.' }) sentAt!: string;
  @ChoiceView(NETWORK_COUNCIL_STATUSES) councilStatus!: NetworkCouncilStatus;
  @TextView() councilStatusText!: string;
}

export class PoliceDocumentationDetailView extends PoliceDocumentationView {
  @TextView({ description: 'Lovovertrædelsen, som politiet beskrev den.' }) offence!: string;
}

export class PoliceDocumentationPage extends PageOf(PoliceDocumentationView) {}
