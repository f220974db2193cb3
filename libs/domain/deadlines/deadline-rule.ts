import { addCalendarDays, danishDateOf, type LocalDate, startOfDanishDay } from '../time/copenhagen-calendar';

/**
 * How a deadline is counted from the legally relevant moment.
 *
 * - `elapsed-hours`: exactly N × 3600 s later, whatever the clocks do (a 24-hour assessment across a
 *   DST change is still 24 real hours).
 * - `calendar-days`: the deadline ends at the **end of the Danish calendar day** N days after the day of
 *   the moment (i.e. at local midnight starting day N+1). This follows Danish deadline practice
 *   (*fristberegning*): the day of the event is not counted and a deadline in days runs to the end of
 *   its last day. "No later than 7 days after receipt on Monday at 14:00" therefore means "by the end of
 *   the following Monday" — which is also how a caseworker reads it. Because it is pinned to the local
 *   calendar, it is correct across both DST changes (such a period is 24 h shorter or longer by one hour).
 */
export type DeadlineRule = { unit: 'elapsed-hours'; hours: number } | { unit: 'calendar-days'; days: number };

export function computeDueAt(rule: DeadlineRule, from: Date): Date {
  switch (rule.unit) {
    case 'elapsed-hours':
      return new Date(from.getTime() + rule.hours * 3600_000);
    case 'calendar-days':
      return startOfDanishDay(addCalendarDays(danishDateOf(from), rule.days + 1));
  }
}

/** Whole seconds by which a completion at `completedAt` missed `dueAt`; 0 when on time. */
export function latenessSeconds(dueAt: Date, completedAt: Date): number {
  return Math.max(0, Math.floor((completedAt.getTime() - dueAt.getTime()) / 1000));
}

/**
 * The moment a period before a Danish calendar date begins: `days` calendar days before `date`, at local
 * midnight (a release notice 30 days before a release on 1 June goes out at the start of 2 May).
 */
export function startOfDaysBefore(date: LocalDate, days: number): Date {
  return startOfDanishDay(addCalendarDays(date, -days));
}

/** A rule as whole calendar days (hour rules rounded up to days), for periods counted before a date. */
export function calendarDays(rule: DeadlineRule): number {
  return rule.unit === 'calendar-days' ? rule.days : Math.ceil(rule.hours / 24);
}
