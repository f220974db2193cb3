import { ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import {
  BooleanView,
  DateView,
  IdView,
  IntegerView,
  MomentView,
  NestedView,
  PageOf,
  ChoiceView,
  TextListView,
  TextView,
} from '../common/view-properties';

/** A colleague as the page names them: id and display name (never a person of a case). */
export class StaffRefView {
  @TextView({ description: 'Brugerens id.' }) id!: string;
  @TextView({ description: 'Brugerens navn.' }) displayName!: string;
}

/** A colleague who is, or may become, a case's caseworker, and whether they are away today. */
export class AssignableView extends StaffRefView {
  @BooleanView({ description: 'Har fravær i dag (stedfortræderen ser sagen).' }) absent!: boolean;
}

export class AbsenceView {
  @IdView() id!: string;
  @NestedView(StaffRefView, { description: 'Den fraværende.' }) user!: StaffRefView;
  @NestedView(StaffRefView, { description: 'Stedfortræderen.' }) substitute!: StaffRefView;
  @TextView({ description: 'Enheden, fraværet gælder.' }) unit!: string;
  @DateView({ description: 'Første fraværsdag.' }) from!: string;
  @DateView({ description: 'Sidste fraværsdag (medregnet).' }) to!: string;
  @BooleanView({ description: 'Fraværet gælder i dag.' }) current!: boolean;
  @TextView({ description: 'Hvem registrerede fraværet (id).' }) recordedBy!: string;
  @MomentView() recordedAt!: string;
  @MomentView({ nullable: true, description: 'Aflyst (null: ikke aflyst).' }) cancelledAt!: string | null;
}

export class AbsencePage extends PageOf(AbsenceView) {}

/** The figures of one caseworker's (or the unassigned queue's) open cases. */
export class WorkloadFiguresView {
  @IntegerView({ description: 'Åbne sager.' }) openCases!: number;
  @IntegerView({ description: 'Åbne trin i sagerne, som enheden skal handle på.' }) openSteps!: number;
  @IntegerView({ description: 'Heraf over fristen.' }) overdue!: number;
  @IntegerView({ description: 'Heraf snart forfaldne (varslingsvinduet er begyndt).' }) dueSoon!: number;
}

export class WorkloadRowView extends WorkloadFiguresView {
  @NestedView(StaffRefView) user!: StaffRefView;
  @ChoiceView(ROLES) role!: Role;
  @TextView() roleLabel!: string;
  @TextListView({ description: 'Brugerens enheder blandt lederens.' }) units!: string[];
  @NestedView(AbsenceView, { nullable: true, description: 'Fravær, der gælder i dag.' }) absence!: AbsenceView | null;
}

export class WorkloadView {
  @MomentView({ description: 'Tallene gælder dette tidspunkt.' }) asOf!: string;
  @TextListView({ description: 'Enhederne, tallene dækker.' }) units!: string[];
  @NestedView([WorkloadRowView], { description: 'Pr. sagsbehandler, efter navn.' }) items!: WorkloadRowView[];
  @NestedView(WorkloadFiguresView, { description: 'Sager uden ansvarlig sagsbehandler.' })
  unassigned!: WorkloadFiguresView;
}

export class StaffMemberView extends AssignableView {
  @ChoiceView(ROLES) role!: Role;
  @TextView() roleLabel!: string;
  @TextListView({ description: 'Brugerens enheder blandt ens egne.' }) units!: string[];
}

export class StaffListView {
  @NestedView([StaffMemberView], { description: 'Efter navn.' }) items!: StaffMemberView[];
}
