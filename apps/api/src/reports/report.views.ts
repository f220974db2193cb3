import { MISSED_DEADLINE_REASON_LABELS } from '../../../../libs/domain/case/step-deadline';
import { ChoiceView, DateView, IntegerView, NestedView, NumberView, TextView } from '../common/view-properties';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import { ENDING_NAMES, type EndingName } from '../../../../libs/domain/case/ending-reasons';

export const SLA_MEASURES = [
  'dks_assessment_24h',
  'network_council_7d',
  'follow_up_14d',
  'suitability_assessment_30d',
  'agreement_signing_14d',
  'mentor_assignment_14d',
] as const;

export type SlaMeasure = (typeof SLA_MEASURES)[number];

/**
 * The figures as the API answers them (docs/figures.md defines exactly what each counts).
 * Counts are of cases (courses) or persons; hours are rounded to 2 decimals, shares to 4.
 */
export class ExitCourseFigures {
  @TextView({ nullable: true, description: 'Institutionens kode; null i rækken i alt.' }) unit!: string | null;
  @TextView({ description: 'Institutionens navn; «I alt» i rækken i alt.' }) unitName!: string;
  @IntegerView() agreementsEntered!: number;
  @IntegerView({ description: 'Forskellige personer bag periodens aftaler.' }) personsWithAgreement!: number;
  @IntegerView() handedOver!: number;
  @IntegerView({ description: 'Forløb, politiets exitenhed overtog og videreførte i perioden.' })
  continuedByPolice!: number;
  @IntegerView() interruptedByInmate!: number;
  @IntegerView() interruptedByKriminalforsorgen!: number;
  @IntegerView() rejected!: number;
  @IntegerView() stillOpen!: number;
  @IntegerView() personsWithMoreThanOneAgreement!: number;
  @IntegerView() mentorMinutesTotal!: number;
  @NumberView() mentorHoursTotal!: number;
  @IntegerView({ description: 'Personer med en mentorkontakt i perioden: dem gennemsnit og median er over.' })
  mentorPersons!: number;
  @NumberView() mentorHoursMeanPerPerson!: number;
  @NumberView() mentorHoursMedianPerPerson!: number;
}

export class ExitCourseReport {
  @DateView() from!: string;
  @DateView() to!: string;
  @NestedView([ExitCourseFigures]) institutions!: ExitCourseFigures[];
  @NestedView(ExitCourseFigures) total!: ExitCourseFigures;
}

export class SlaRow {
  @ChoiceView(SLA_MEASURES) measure!: SlaMeasure;
  @TextView() label!: string;
  @TextView() unit!: string;
  @TextView() unitName!: string;
  @TextView({ description: 'ÅÅÅÅ-MM: den danske kalendermåned for trinnenes frister.' }) month!: string;
  @IntegerView() total!: number;
  @IntegerView() withinDeadline!: number;
  @NumberView({ nullable: true, description: 'withinDeadline / total, 0..1 med 4 decimaler; null når intet er målt.' })
  share!: number | null;
}

/** How often each reason was recorded for missing a legal deadline, per measure, over the period. */
export class SlaMissedReasonRow {
  @ChoiceView(SLA_MEASURES) measure!: SlaMeasure;
  @TextView() label!: string;
  @ChoiceView(Object.keys(MISSED_DEADLINE_REASON_LABELS)) reason!: string;
  @TextView({ description: 'Årsagen på dansk.' }) reasonText!: string;
  @IntegerView({ description: 'Overskredne frister i perioden med denne årsag.' }) count!: number;
}

export class SlaReport {
  @DateView() from!: string;
  @DateView() to!: string;
  @NestedView([SlaRow]) rows!: SlaRow[];
  @NestedView([SlaMissedReasonRow], {
    description:
      'Årsagerne til overskredne lovbundne frister (registreret af sagsbehandleren på trinnet), talt pr. frist; frister i perioden, som rows.',
  })
  missedReasons!: SlaMissedReasonRow[];
}

/** One reason code of an ending and how many of the period's decisions gave it. */
export class EndingReasonCount {
  @TextView({ description: 'Årsagens kode (`reasonCode`).' }) reasonCode!: string;
  @TextView({ description: 'Årsagens navn på dansk, som det står inde i en sætning.' }) label!: string;
  @IntegerView() count!: number;
}

/** One ending (or the declined handover) with its count per reason code, every code of its list included. */
export class EndingReasonFigures {
  @ChoiceView(ENDING_NAMES) ending!: EndingName;
  @TextView() label!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @IntegerView({ description: 'Periodens afgørelser med denne afslutning: summen af årsagerne.' }) total!: number;
  @NestedView([EndingReasonCount]) reasons!: EndingReasonCount[];
}

export class EndingReasonsReport {
  @DateView() from!: string;
  @DateView() to!: string;
  @NestedView([EndingReasonFigures]) endings!: EndingReasonFigures[];
}

export const TOTAL_UNIT_NAME = 'I alt';
