import { COHORT_DEFINITIONS, COHORT_FIGURES } from './cohort-definitions';
import type { CohortFigures, CohortReport, Question1903Report } from './cohort.views';
import {
  TOTAL_UNIT_NAME,
  type EndingReasonsReport,
  type ExitCourseFigures,
  type ExitCourseReport,
  type SlaReport,
  type SlaRow,
} from './report.views';
import type { YouthFiguresRow, YouthReport } from './youth-figures.views';
import { YOUTH_MEASURES, youthMeasureLabel } from './youth-measures';

/**
 * CSV as Danish spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads æ, ø, å), semicolon
 * separators, decimal comma, CRLF line ends.
 */
export interface CsvDownload {
  filename: string;
  content: string;
}

type Cell = string | number | null;

const BOM = '\uFEFF';

function cell(value: Cell, decimals?: number): string {
  if (value === null) return '';
  const text =
    typeof value === 'number'
      ? (decimals === undefined ? String(value) : value.toFixed(decimals)).replace('.', ',')
      : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A column: its Danish header, the field it shows, and the decimals of a number that has them. */
type Column<T> = [title: string, field: keyof T, decimals?: number];

function csv<T>(columns: Column<T>[], items: T[]): string {
  const lines = [
    columns.map(([title]) => cell(title)),
    ...items.map((item) => columns.map(([, field, decimals]) => cell(item[field] as Cell, decimals))),
  ];
  return BOM + lines.map((line) => line.join(';')).join('\r\n') + '\r\n';
}

const EXIT_COURSE_COLUMNS: Column<ExitCourseFigures>[] = [
  ['Enhedskode', 'unit'],
  ['Institution', 'unitName'],
  ['Aftaler indgået', 'agreementsEntered'],
  ['Personer med aftale', 'personsWithAgreement'],
  ['Overdraget til politiets exitenhed', 'handedOver'],
  ['Videreført af politiets exitenhed', 'continuedByPolice'],
  ['Afbrudt af den indsatte', 'interruptedByInmate'],
  ['Afbrudt af Kriminalforsorgen', 'interruptedByKriminalforsorgen'],
  ['Afslag', 'rejected'],
  ['Stadig åbne ved periodens slutning', 'stillOpen'],
  ['Personer med mere end én aftale', 'personsWithMoreThanOneAgreement'],
  ['Mentorminutter i alt', 'mentorMinutesTotal'],
  ['Mentortimer i alt', 'mentorHoursTotal', 2],
  ['Personer med mentorkontakt', 'mentorPersons'],
  ['Mentortimer pr. person, gennemsnit', 'mentorHoursMeanPerPerson', 2],
  ['Mentortimer pr. person, median', 'mentorHoursMedianPerPerson', 2],
];

const SLA_COLUMNS: Column<SlaRow>[] = [
  ['Frist', 'label'],
  ['Enhedskode', 'unit'],
  ['Enhed', 'unitName'],
  ['Måned', 'month'],
  ['Trin i alt', 'total'],
  ['Inden for fristen', 'withinDeadline'],
  ['Andel inden for fristen', 'share', 4],
];

/** Activity in the period: one line per institution, then the total. */
export function exitCourseCsv(report: ExitCourseReport): CsvDownload {
  return {
    filename: `aktivitet-i-perioden-${report.from}-${report.to}.csv`,
    content: csv(EXIT_COURSE_COLUMNS, [...report.institutions, report.total]),
  };
}

export function slaCsv(report: SlaReport): CsvDownload {
  return { filename: `frister-${report.from}-${report.to}.csv`, content: csv(SLA_COLUMNS, report.rows) };
}

interface EndingReasonLine {
  endingLabel: string;
  reasonCode: string;
  label: string;
  count: number;
}

const ENDING_REASON_COLUMNS: Column<EndingReasonLine>[] = [
  ['Afslutning', 'endingLabel'],
  ['Årsagskode', 'reasonCode'],
  ['Årsag', 'label'],
  ['Antal', 'count'],
];

/** One line per ending and reason code. */
export function endingReasonsCsv(report: EndingReasonsReport): CsvDownload {
  const lines = report.endings.flatMap((ending) =>
    ending.reasons.map((reason) => ({ endingLabel: ending.label, ...reason })),
  );
  return { filename: `aarsager-${report.from}-${report.to}.csv`, content: csv(ENDING_REASON_COLUMNS, lines) };
}

interface CohortLine {
  section: string;
  group: string;
  figure: string;
  value: number | string;
}

const COHORT_COLUMNS: Column<CohortLine>[] = [
  ['Afsnit', 'section'],
  ['Gruppe', 'group'],
  ['Tal', 'figure'],
  ['Værdi', 'value'],
];

const hoursCell = (hours: number) => hours.toFixed(2).replace('.', ',');

/**
 * The cohort as one long table (section, group, figure, value): every figure of the total and of each
 * institution and referral source, the police outcomes, the interruption reasons and the mentor hours.
 */
export function cohortCsv(report: CohortReport): CsvDownload {
  const group = (section: string, figures: CohortFigures): CohortLine[] =>
    COHORT_FIGURES.map((figure) => ({
      section,
      group: figures.groupName,
      figure: COHORT_DEFINITIONS[figure].label,
      value: figures[figure],
    }));
  const mentor = report.mentorHours.flatMap((hours): CohortLine[] =>
    (
      [
        ['Mentortimer i alt', hoursCell(hours.hoursTotal)],
        ['Personer med exit-aftale', hours.agreementHolders],
        ['Personer med mentorkontakt', hours.personsWithContact],
        ['Timer pr. person med exit-aftale, gennemsnit', hoursCell(hours.meanHoursPerAgreementHolder)],
        ['Timer pr. person med exit-aftale, median', hoursCell(hours.medianHoursPerAgreementHolder)],
        ['Timer pr. person med mentorkontakt, gennemsnit', hoursCell(hours.meanHoursPerPersonWithContact)],
        ['Timer pr. person med mentorkontakt, median', hoursCell(hours.medianHoursPerPersonWithContact)],
      ] as const
    ).map(([figure, value]) => ({ section: 'Mentortimer', group: hours.label, figure, value })),
  );
  const lines: CohortLine[] = [
    ...group('Kohorte', report.total),
    ...report.byInstitution.flatMap((figures) => group('Pr. institution', figures)),
    ...report.byReferralSource.flatMap((figures) => group('Pr. henvisning', figures)),
    ...report.policeOutcomes.map((outcome) => ({
      section: 'Udfald hos politiet',
      group: report.total.groupName,
      figure: outcome.label,
      value: outcome.count,
    })),
    ...report.interruptionReasons.map((reason) => ({
      section: reason.by === 'inmate' ? 'Afbrudt af den indsatte' : 'Afbrudt af Kriminalforsorgen',
      group: report.total.groupName,
      figure: reason.label,
      value: reason.count,
    })),
    ...mentor,
  ];
  return {
    filename: `kohorte-${report.from}-${report.to}-pr-${report.asOf}.csv`,
    content: csv(COHORT_COLUMNS, lines),
  };
}

const QUESTION_COLUMNS: Column<Question1903Report['answers'][number]>[] = [
  ['Spørgsmål', 'question'],
  ['Svar', 'answer'],
  ['Opgørelse', 'definition'],
];

/** The answer to question 1903, one line per part of the question. */
export function question1903Csv(report: Question1903Report): CsvDownload {
  return {
    filename: `spoergsmaal-1903-${report.from}-${report.to}-pr-${report.asOf}.csv`,
    content: csv(QUESTION_COLUMNS, report.answers),
  };
}

const YOUTH_COLUMNS: Column<YouthFiguresRow>[] = [
  ['Enhedskode', 'unit'],
  ['Enhed', 'unitName'],
  ['Måned', 'month'],
  ...YOUTH_MEASURES.map((measure): Column<YouthFiguresRow> => [youthMeasureLabel(measure), measure]),
];

/**
 * The youth figures: one line per unit and month, then each unit over the period and each month over the
 * units (`Måned`/`Enhed` «I alt»), then the whole period.
 */
export function youthCsv(report: YouthReport): CsvDownload {
  const lines = [...report.rows, ...report.unitTotals, ...report.monthTotals, report.total].map((row) => ({
    ...row,
    month: row.month ?? TOTAL_UNIT_NAME,
  }));
  return { filename: `ungeomraadet-${report.from}-${report.to}.csv`, content: csv(YOUTH_COLUMNS, lines) };
}
