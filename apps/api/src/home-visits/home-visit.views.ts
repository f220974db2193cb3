import { CasePersonView } from '../persons/person.views';
import { BooleanView, IdView, MomentView, NestedView, TextView, UnitRefView } from '../common/view-properties';

/**
 * A joint home visit as the municipality's social services see it: whom they visit, when, with which
 * district's DKS — and their own part. Nothing else of the police case.
 */
export class HomeVisitView {
  @IdView({ description: 'DKS-sagens id (til registreringen af deltagelsen).' }) caseId!: string;
  @MomentView({ description: 'Det planlagte tidspunkt for hjemmebesøget.' }) plannedFor!: string;
  @BooleanView({ description: 'Hjemmebesøget er holdt (sagen afventer opfølgning).' }) held!: boolean;
  @NestedView(UnitRefView, { description: 'Politikredsen, hvis DKS holder besøget.' }) policeDistrict!: UnitRefView;
  @NestedView(UnitRefView) municipality!: UnitRefView;
  @NestedView(CasePersonView, { nullable: true, description: 'Den unge (læsningen logges).' })
  person!: CasePersonView | null;
  @BooleanView({ nullable: true, description: 'Socialforvaltningens deltagelse; null: ikke registreret.' })
  participates!: boolean | null;
  @TextView({ nullable: true, description: 'Sagsnummeret på socialforvaltningens egen niveau 1-sag.' })
  levelOneCaseRef!: string | null;
  @MomentView({ nullable: true }) participationRecordedAt!: string | null;
}

export class HomeVisitList {
  @NestedView([HomeVisitView]) items!: HomeVisitView[];
}
