/**
 * The figures as the API answers them (README "Figures (reports)" defines exactly what each counts).
 * Counts are of cases (courses) or persons; hours are rounded to 2 decimals, shares to 4.
 */
export interface ExitCourseFigures {
  /** The institution's code; `null` on the total row. */
  unit: string | null;
  /** The institution's name; `I alt` on the total row. */
  unitName: string;
  agreementsEntered: number;
  /** Distinct persons behind the period's agreements. */
  personsWithAgreement: number;
  handedOver: number;
  /** Courses the police exit unit took over and continued (with the municipality or its programme) in the period. */
  continuedByPolice: number;
  interruptedByInmate: number;
  interruptedByKriminalforsorgen: number;
  rejected: number;
  stillOpen: number;
  personsWithMoreThanOneAgreement: number;
  mentorMinutesTotal: number;
  mentorHoursTotal: number;
  /** The persons with a mentor contact in the period: what the mean and median are over. */
  mentorPersons: number;
  mentorHoursMeanPerPerson: number;
  mentorHoursMedianPerPerson: number;
}

export interface ExitCourseReport {
  from: string;
  to: string;
  institutions: ExitCourseFigures[];
  total: ExitCourseFigures;
}

export const SLA_MEASURES = ['dks_assessment_24h', 'network_council_7d', 'follow_up_14d'] as const;

export type SlaMeasure = (typeof SLA_MEASURES)[number];

export interface SlaRow {
  measure: SlaMeasure;
  label: string;
  unit: string;
  unitName: string;
  /** `YYYY-MM`: the Danish calendar month of the steps' deadlines. */
  month: string;
  total: number;
  withinDeadline: number;
  /** `withinDeadline / total`, 0..1 with 4 decimals; `null` when nothing was measured. */
  share: number | null;
}

export interface SlaReport {
  from: string;
  to: string;
  rows: SlaRow[];
}

export const TOTAL_UNIT_NAME = 'I alt';
