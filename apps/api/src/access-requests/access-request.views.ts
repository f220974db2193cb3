import { ApiProperty } from '@nestjs/swagger';
import {
  ACCESS_REQUEST_CHANNELS,
  ACCESS_REQUEST_OUTCOMES,
  ACCESS_REQUEST_STATUSES,
  WITHHOLDING_GROUNDS,
  type AccessRequestChannel,
  type AccessRequestOutcome,
  type AccessRequestStatus,
  type WithholdingGround,
} from '../../../../libs/domain/access-request/access-request.types';
import { WithCaseDetail } from '../cases/case.views';
import {
  BooleanView,
  ChoiceView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  ObjectView,
  PageOf,
  TextView,
} from '../common/view-properties';

export class AccessRequestSummaryView {
  @IdView({ description: 'Anmodningens id (også sagens).' }) id!: string;
  @TextView() workflowId!: string;
  @TextView({ description: 'CPR-nummeret med de sidste fire cifre skjult (DDMMÅÅ-XXXX).' }) maskedCpr!: string;
  @ChoiceView(ACCESS_REQUEST_CHANNELS) channel!: AccessRequestChannel;
  @TextView() channelText!: string;
  @MomentView() receivedAt!: string;
  @MomentView({ description: 'Svarfristen: en måned efter modtagelsen (forlænget: op til tre).' }) dueAt!: string;
  @BooleanView({ description: 'Fristen er overskredet, og anmodningen er ikke besvaret.' }) overdue!: boolean;
  @ChoiceView(ACCESS_REQUEST_STATUSES) status!: AccessRequestStatus;
  @TextView() statusText!: string;
  @MomentView({ nullable: true }) closedAt!: string | null;
}

export class AccessRequestAnswerView {
  @ChoiceView(ACCESS_REQUEST_OUTCOMES) outcome!: AccessRequestOutcome;
  @TextView() outcomeText!: string;
  @ChoiceView(WITHHOLDING_GROUNDS, { nullable: true }) withholdingGround!: WithholdingGround | null;
  @TextView({ nullable: true }) withholdingGroundText!: string | null;
  @TextView({ nullable: true }) reason!: string | null;
  @MomentView() decidedAt!: string;
}

export class AccessRequestView extends WithCaseDetail(AccessRequestSummaryView) {
  @TextView({ description: 'Hele CPR-nummeret (DDMMÅÅ-XXXX); læsningen logges.' }) cpr!: string;
  @IntegerView({ description: 'Måneder, fristen er forlænget med (0: ingen).' }) extensionMonths!: number;
  @NestedView(AccessRequestAnswerView, { nullable: true }) answer!: AccessRequestAnswerView | null;
}

export class AccessRequestSummaryPage extends PageOf(AccessRequestSummaryView) {}

/** The export's JSON (docs/access-requests.md describes each part). */
/** A list of the export's records: each part's fields are described in docs/access-requests.md. */
const RecordList = (description: string) =>
  ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description, required: true });

export class AccessExportView {
  @IdView() requestId!: string;
  @MomentView() generatedAt!: string;
  @ObjectView({ description: 'Den dataansvarlige organisation, og enhederne, hvor den svarer for enheder.' })
  scope!: object;
  @TextView() cpr!: string;
  @RecordList('Registrets oplysninger: navn, CPR-nummer, registreringer i omfanget.')
  persons!: object[];
  @RecordList(
    'Hver sag i omfanget: hændelser, afslutningsårsager, journalnotater, dokumentliste, mentorkontakter, beskeder og læsninger.',
  )
  cases!: object[];
  @RecordList('Læsninger af personens oplysninger (ikke af en sag) af brugere i omfanget.')
  personReads!: object[];
}
