import {
  CONCERN_LETTER_STATUSES,
  type ConcernLetterStatus,
} from '../../../../libs/domain/concern-letter/concern-letter.types';
import { CONCERN_LETTER_PROPOSERS, type ConcernLetterProposer } from '../../../../libs/domain/youth/youth-vocabulary';
import { WithCaseDetail } from '../cases/case.views';
import {
  ChoiceView,
  DateView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  PageOf,
  TextView,
  UnitRefView,
} from '../common/view-properties';

export class ConcernLetterSummaryView {
  @IdView() id!: string;
  @TextView() workflowId!: string;
  @TextView({ description: 'Kandidatens pseudonyme personreference.' }) personRef!: string;
  @NestedView(UnitRefView) policeDistrict!: UnitRefView;
  @ChoiceView(CONCERN_LETTER_STATUSES) status!: ConcernLetterStatus;
  @TextView() statusText!: string;
  @IdView({ description: 'Runden, kandidaten er indstillet til.' }) roundId!: string;
  @DateView({ description: 'Rundens mødedato: udvalgets beslutning skal foreligge ved mødet.' }) meetingDate!: string;
  @ChoiceView(CONCERN_LETTER_PROPOSERS) proposedBy!: ConcernLetterProposer;
  @TextView() proposedByText!: string;
  @NestedView(UnitRefView, { description: 'Den indstillende enhed (politikredsen eller kommunen).' })
  proposingUnit!: UnitRefView;
  @MomentView() proposedAt!: string;
  @IdView({ nullable: true, description: 'Exit-forløbet, der blev startet ud fra bekymringsbrevet.' })
  exitCourseId!: string | null;
  @MomentView({ nullable: true }) closedAt!: string | null;
}

export class ConcernLetterView extends WithCaseDetail(ConcernLetterSummaryView) {}

export class ConcernLetterSummaryPage extends PageOf(ConcernLetterSummaryView) {}

export class ConcernLetterRoundView {
  @IdView() id!: string;
  @NestedView(UnitRefView) policeDistrict!: UnitRefView;
  @DateView() meetingDate!: string;
  @IntegerView({ description: 'Hvor mange kandidater runden har plads til.' }) capacity!: number;
  @IntegerView({ description: 'Hvor mange kandidater der er indstillet (alle, også dem brugeren ikke ser).' })
  candidateCount!: number;
  @MomentView() createdAt!: string;
}

export class ConcernLetterRoundPage extends PageOf(ConcernLetterRoundView) {}

export class ConcernLetterRoundDetailView extends ConcernLetterRoundView {
  @NestedView([ConcernLetterSummaryView], { description: 'De kandidater, brugeren må se.' })
  candidates!: ConcernLetterSummaryView[];
}
