import type { CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';
import { CaseLevelTextView, CaseLevelView } from '../youth-cases/case-level.views';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import {
  BooleanView,
  ChoiceView,
  IdView,
  MomentView,
  NestedView,
  PageOf,
  TextView,
  UnitRefView,
} from '../common/view-properties';
import { StaffRefView } from '../staff/staff.views';

/** A case in the list across case types. */
export class CaseListItemView {
  @IdView() id!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @TextView({ description: 'Sagstypen på dansk.' }) caseTypeLabel!: string;
  @TextView({ description: 'API-ressourcen: /api/<resource>/<id>.' }) resource!: string;
  @TextView() status!: string;
  @TextView({ description: 'Status på dansk.' }) statusText!: string;
  @NestedView(UnitRefView, { description: 'Den ansvarlige enhed.' }) unit!: UnitRefView;
  @TextView({ description: 'Den pseudonyme personreference.' }) personRef!: string;
  @TextView({
    nullable: true,
    description: 'Personens navn for brugere med adgang til personer (læsningen logges); ellers null.',
  })
  personName!: string | null;
  @MomentView() openedAt!: string;
  @MomentView({ nullable: true }) closedAt!: string | null;
  @MomentView({ nullable: true, description: 'Den nærmeste frist for et åbent trin.' }) nextDueAt!: string | null;
  @TextView({
    nullable: true,
    description: 'Exit-forløb: hvem forløbet er henvist af, på dansk; andre sagstyper: null.',
  })
  referralSourceText!: string | null;
  @BooleanView({ description: 'Et åbent trin er over fristen.' }) overdue!: boolean;
  @BooleanView({ description: 'Et åbent trin forfalder snart (varslingsvinduet er begyndt).' }) dueSoon!: boolean;
  @NestedView(StaffRefView, { nullable: true, description: 'Den ansvarlige sagsbehandler (null: ufordelt).' })
  assignee!: StaffRefView | null;
  @CaseLevelView() caseLevel!: CaseLevel | null;
  @CaseLevelTextView() caseLevelText!: string | null;
}

export class CaseListPage extends PageOf(CaseListItemView) {}
