import { ChoiceView, IntegerView, NestedView, TextView } from '../common/view-properties';
import { YOUTH_MEASURES, youthMeasureLabel, type YouthMeasure } from './youth-measures';

/**
 * The youth figures of one unit and month, of one unit over the period (`month` null), of all units in a
 * month (`unit` null) or of everything (both null). Every figure is a count (docs/figures.md defines each);
 * a total is counted over its own group, not summed (a youth registered in two units counts once in it).
 */
export class YouthFigures {
  @TextView({ nullable: true, description: 'Enhedens kode; null i summen over enheder.' }) unit!: string | null;
  @TextView({ description: 'Enhedens navn; «I alt» i summen over enheder.' }) unitName!: string;
  @TextView({ nullable: true, description: 'ÅÅÅÅ-MM (dansk tid); null i summen over perioden.' }) month!: string | null;
}

export type YouthFigureValues = Record<YouthMeasure, number>;

// One integer per measure, described by its Danish label: the list in youth-measures.ts is the one source.
for (const measure of YOUTH_MEASURES)
  IntegerView({ description: youthMeasureLabel(measure) })(YouthFigures.prototype, measure);

export type YouthFiguresRow = YouthFigures & YouthFigureValues;

/** A figure's code and its Danish label (the CSV's header, the page's row name). */
export class YouthMeasureView {
  @ChoiceView(YOUTH_MEASURES) measure!: YouthMeasure;
  @TextView() label!: string;
}

export class YouthReport {
  @TextView({ description: 'Første måned (ÅÅÅÅ-MM).' }) from!: string;
  @TextView({ description: 'Sidste måned (ÅÅÅÅ-MM).' }) to!: string;
  @TextView({ nullable: true, description: 'Den valgte enhed; null: alle brugerens enheder.' }) unit!: string | null;
  @NestedView([YouthFigures], {
    description: 'Pr. enhed og måned, hvor der er noget at tælle; sorteret efter enhedens navn og måned.',
  })
  rows!: YouthFiguresRow[];
  @NestedView([YouthFigures], { description: 'Pr. enhed over hele perioden (month null).' })
  unitTotals!: YouthFiguresRow[];
  @NestedView([YouthFigures], { description: 'Pr. måned over alle enheder (unit null), hver måned i perioden.' })
  monthTotals!: YouthFiguresRow[];
  @NestedView(YouthFigures, { description: 'Hele perioden over alle enheder.' }) total!: YouthFiguresRow;
  @NestedView([YouthMeasureView], { description: 'Tallene i visningens rækkefølge, med deres danske navne.' })
  measures!: YouthMeasureView[];
}
