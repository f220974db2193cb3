import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import {
  BooleanView,
  ChoiceView,
  DateView,
  IdView,
  MomentView,
  NestedView,
  TextListView,
  TextView,
  UnitRefView,
} from '../common/view-properties';

/** A level-1 case the unit's monthly coordination meeting is to review. */
export class LevelOneReviewCaseView {
  @IdView() id!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @TextView({ description: 'Sagstypen på dansk.' }) caseTypeLabel!: string;
  @TextView({ description: 'API-ressourcen: /api/<resource>/<id>.' }) resource!: string;
  @NestedView(UnitRefView) unit!: UnitRefView;
  @TextView({ description: 'Den pseudonyme personreference.' }) personRef!: string;
  @TextView({
    nullable: true,
    description: 'Personens navn for brugere med adgang til personer (læsningen logges); ellers null.',
  })
  personName!: string | null;
  @MomentView({ description: 'Hvornår trinnet blev åbnet (sagen kom på niveau 1, eller efter sidste møde).' })
  openedAt!: string;
  @MomentView({ description: 'Gennemgangen skal ske senest her (udgangen af måneden som standard).' }) dueAt!: string;
  @BooleanView() overdue!: boolean;
}

export class LevelOneReviewsView {
  @NestedView([LevelOneReviewCaseView], { description: 'Nærmeste frist først.' }) cases!: LevelOneReviewCaseView[];
  @MomentView({ nullable: true, description: 'Den nærmeste frist: hvornår månedens møde senest skal holdes.' })
  nextDueAt!: string | null;
}

export class LevelOneReviewResultView {
  @DateView() meetingDate!: string;
  @TextListView({ description: 'De sager, mødet nu har gennemgået.' }) reviewed!: string[];
  @TextListView({ description: 'Sager, der allerede var registreret som gennemgået på dette eller et senere møde.' })
  alreadyReviewed!: string[];
}
