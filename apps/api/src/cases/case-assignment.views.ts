import { ASSIGNMENT_CHANGE_LABELS, type AssignmentChange } from '../../../../libs/domain/case/case-assignment';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import {
  BooleanView,
  ChoiceView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  TextView,
  UnitRefView,
} from '../common/view-properties';
import { AssignableView, StaffRefView } from '../staff/staff.views';

const CHANGES = Object.keys(ASSIGNMENT_CHANGE_LABELS) as AssignmentChange[];

export class AssignmentHistoryView {
  @ChoiceView(CHANGES) change!: AssignmentChange;
  @TextView({ description: 'Ændringen på dansk.' }) changeLabel!: string;
  @NestedView(StaffRefView, { nullable: true }) from!: StaffRefView | null;
  @NestedView(StaffRefView, { nullable: true }) to!: StaffRefView | null;
  @NestedView(StaffRefView, { description: 'Hvem ændrede (systemet ved overførsel eller overdragelse).' })
  changedBy!: StaffRefView;
  @TextView({ nullable: true }) reason!: string | null;
  @TextView({ description: 'Enheden, der havde sagen.' }) unit!: string;
  @MomentView() at!: string;
}

/** A case's responsible caseworker, who may become it, and every change so far. */
export class CaseAssignmentView {
  @IdView() caseId!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @NestedView(UnitRefView, { description: 'Enheden, der har sagen.' }) unit!: UnitRefView;
  @NestedView(AssignableView, { nullable: true, description: 'Den ansvarlige sagsbehandler (null: ufordelt).' })
  assignee!: AssignableView | null;
  @MomentView({ nullable: true }) assignedAt!: string | null;
  @BooleanView({ description: 'Brugeren kan tage sagen nu ("Tag sagen").' }) mayTake!: boolean;
  @BooleanView({ description: 'Brugeren kan tildele eller flytte sagen.' }) mayAssign!: boolean;
  @NestedView([AssignableView], {
    description: 'Dem, sagen kan tildeles: aktive brugere i enheden med sagstypens rolle.',
  })
  candidates!: AssignableView[];
  @NestedView([AssignmentHistoryView], { description: 'Ændringerne, ældste først.' })
  history!: AssignmentHistoryView[];
}

export class BulkAssignmentView {
  @IntegerView({ description: 'Antal sager, der fik ny ansvarlig.' }) changed!: number;
  @NestedView([CaseAssignmentView]) items!: CaseAssignmentView[];
}
