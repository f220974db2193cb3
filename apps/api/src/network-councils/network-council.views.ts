import type { CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';
import { CaseLevelTextView, CaseLevelView } from '../youth-cases/case-level.views';
import {
  NETWORK_COUNCIL_STATUSES,
  type NetworkCouncilStatus,
} from '../../../../libs/domain/youth/network-council.types';
import { WithCaseDetail } from '../cases/case.views';
import { ChoiceView, IdView, MomentView, NestedView, PageOf, TextView, UnitRefView } from '../common/view-properties';

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

export class NetworkCouncilView extends WithCaseDetail(NetworkCouncilSummaryView) {}

export class NetworkCouncilSummaryPage extends PageOf(NetworkCouncilSummaryView) {}
