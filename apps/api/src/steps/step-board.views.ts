import { ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import { AssignableView } from '../staff/staff.views';
import { DEADLINE_WAIT_REASON_LABELS } from '../../../../libs/domain/case/step-deadline';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import { ORGANISATIONS, type Organisation } from '../../../../libs/domain/organisations/organisation-units';
import {
  BooleanView,
  ChoiceView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  PageOf,
  TextView,
} from '../common/view-properties';

class ResponsibleUnitView {
  @TextView() code!: string;
  @TextView() name!: string;
  @ChoiceView(ORGANISATIONS, { nullable: true }) organisation!: Organisation | null;
}

/** A deadline that waits, as the boards show it: »afventer <reasonText>«. */
class BoardSuspensionView {
  @MomentView() since!: string;
  @ChoiceView(Object.keys(DEADLINE_WAIT_REASON_LABELS)) reason!: string;
  @TextView({
    description: 'Årsagen på dansk: tavlen viser »afventer …« i stedet for overskredet eller snart forfalden.',
  })
  reasonText!: string;
  @MomentView({ nullable: true }) expectedUntil!: string | null;
}

/** An open step as the boards and inboxes show it: what, by when, and whose turn it is. */
export class BoardStepView {
  @IdView() stepId!: string;
  @IdView() caseId!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @TextView() caseTypeLabel!: string;
  @TextView() kind!: string;
  @TextView() label!: string;
  @MomentView() openedAt!: string;
  @MomentView() dueAt!: string;
  @MomentView({ description: 'Herfra er trinnet snart forfaldent (trintypens varslingsvindue før fristen).' })
  warningAt!: string;
  @BooleanView() overdue!: boolean;
  @IntegerView({ description: 'Hvor mange sekunder for sent nu (0 før fristen).' }) latenessSeconds!: number;
  @IntegerView({ description: 'Sekunder til fristen (0 efter den).' }) remainingSeconds!: number;
  @MomentView({ nullable: true, description: 'Da workflowets timer registrerede trinnet som overskredet.' })
  escalatedAt!: string | null;
  @NestedView(AssignableView, { nullable: true, description: 'Sagens ansvarlige sagsbehandler (null: ufordelt).' })
  assignee!: AssignableView | null;
  @NestedView(ResponsibleUnitView) responsibleUnit!: ResponsibleUnitView;
  @ChoiceView(ROLES) responsibleRole!: Role;
  @TextView({ description: 'Hvis tur det er: enhed og rolle, på dansk.' }) whoseTurn!: string;
  @TextView({ description: 'API-stien til sagen.' }) casePath!: string;
  @NestedView(BoardSuspensionView, {
    nullable: true,
    description:
      'Fristen er sat i bero (kun på Mine opgaver; tavlerne over overskredne og snart forfaldne udelader den).',
  })
  suspension!: BoardSuspensionView | null;
}

export class UnitCountView {
  @TextView() unit!: string;
  @TextView() unitName!: string;
  @IntegerView() count!: number;
}

export class BoardStepPage extends PageOf(BoardStepView) {}

export class StepBoardView extends BoardStepPage {
  @NestedView([UnitCountView], { description: 'Alle træf (alle sider) pr. ansvarlig enhed, flest først.' })
  countsByUnit!: UnitCountView[];
}

export type BoardStep = BoardStepView;
export type UnitCount = UnitCountView;
export type StepBoard = StepBoardView;
