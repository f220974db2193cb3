import {
  addCalendarDays,
  parseLocalDate,
  startOfDanishDay,
  type LocalDate,
} from '../../../../libs/domain/time/copenhagen-calendar';

/**
 * Longest period one request may cover. The ministry's own review ran 1 April 2015 – 28 October 2020
 * (DOMAIN.md §1), longer than five years, and must fit in one request.
 */
export const MAX_REPORT_YEARS = 10;

/**
 * A report's period: Danish calendar days `from` to `to`, both inclusive — from local midnight at the
 * start of `from` to local midnight after `to` (Europe/Copenhagen, exact across daylight saving).
 */
export interface ReportPeriod {
  from: string;
  to: string;
  /** First instant inside the period. */
  startsAt: Date;
  /** First instant after the period. */
  endsBefore: Date;
}

export function reportPeriod(from: string, to: string): ReportPeriod {
  const first = parseLocalDate(from);
  const last = parseLocalDate(to);
  if (!first || !last) throw new Error('reportPeriod needs validated dates');
  return { from, to, startsAt: startOfDanishDay(first), endsBefore: startOfDanishDay(addCalendarDays(last, 1)) };
}

/** Whether `to` lies less than {@link MAX_REPORT_YEARS} years after `from` (the same day ten years on is too far). */
export function withinMaxSpan(first: LocalDate, last: LocalDate): boolean {
  const limit = Date.UTC(first.year + MAX_REPORT_YEARS, first.month - 1, first.day);
  return Date.UTC(last.year, last.month - 1, last.day) < limit;
}
