import { IdView, MomentView, NestedView, UnitRefView } from '../common/view-properties';

/** A start that needs coordination, as the national supervisor sees it: the two units and the open course. */
export class CourseCoordinationView {
  @IdView() id!: string;
  @MomentView({ description: 'Hvornår enheden forsøgte at starte forløbet.' }) requestedAt!: string;
  @NestedView(UnitRefView, { description: 'Enheden, der ville starte et forløb.' }) requestingUnit!: UnitRefView;
  @NestedView(UnitRefView, { description: 'Enheden, der har personens åbne forløb.' }) holdingUnit!: UnitRefView;
  @IdView({ description: 'Det åbne exit-forløbs id.' }) heldCaseId!: string;
  @MomentView({ nullable: true, description: 'Hvornår lederen afsluttede anmodningen; null: åben.' })
  resolvedAt!: string | null;
}

export class CourseCoordinationList {
  @NestedView([CourseCoordinationView]) items!: CourseCoordinationView[];
}
