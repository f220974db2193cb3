import type { EndingReasonsReport, ExitCourseFigures, ExitCourseReport, SlaReport, SlaRow } from './report.views';

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

/** One line per institution, then the total. */
export function exitCourseCsv(report: ExitCourseReport): CsvDownload {
  return {
    filename: `exitforloeb-${report.from}-${report.to}.csv`,
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
