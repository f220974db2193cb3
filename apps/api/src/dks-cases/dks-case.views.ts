import type { CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';
import { CaseLevelTextView, CaseLevelView } from '../youth-cases/case-level.views';
import { DKS_CASE_STATUSES, type DksCaseStatus } from '../../../../libs/domain/youth/dks-case.types';
import { WithCaseDetail } from '../cases/case.views';
import { ChoiceView, IdView, MomentView, NestedView, PageOf, TextView, UnitRefView } from '../common/view-properties';

export class DksCaseSummaryView {
  @IdView() id!: string;
  @TextView() workflowId!: string;
  @TextView({ description: 'Den unges pseudonyme personreference.' }) personRef!: string;
  @NestedView(UnitRefView) policeDistrict!: UnitRefView;
  @ChoiceView(DKS_CASE_STATUSES) status!: DksCaseStatus;
  @TextView() statusText!: string;
  @MomentView({ description: 'Sigtelsen eller observationen: de 24 timer regnes herfra.' }) triggeredAt!: string;
  @MomentView({ nullable: true }) closedAt!: string | null;
  @CaseLevelView() caseLevel!: CaseLevel | null;
  @CaseLevelTextView() caseLevelText!: string | null;
}

export class DksCaseView extends WithCaseDetail(DksCaseSummaryView) {}

export class DksCaseSummaryPage extends PageOf(DksCaseSummaryView) {}
