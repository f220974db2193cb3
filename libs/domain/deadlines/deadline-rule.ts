import {
  addCalendarDays,
  addCalendarMonths,
  danishDateOf,
  type LocalDate,
  startOfDanishDay,
} from '../time/copenhagen-calendar';

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
 * - `calendar-months`: the deadline ends at the end of the Danish calendar day with the same day number
 *   N months later, or of the month's last day where that month is shorter (received 31 January, one
 *   month: by the end of 28/29 February) — the reckoning of periods in months of Regulation (EEC, Euratom)
 *   No 1182/71 art. 3(2)(c), which GDPR art. 12(3)'s "within one month of receipt" follows.
 */
export type DeadlineRule =
  | { unit: 'elapsed-hours'; hours: number }
  | { unit: 'calendar-days'; days: number }
  | { unit: 'calendar-months'; months: number };

export function computeDueAt(rule: DeadlineRule, from: Date): Date {
  switch (rule.unit) {
    case 'elapsed-hours':
      return new Date(from.getTime() + rule.hours * 3600_000);
    case 'calendar-days':
      return startOfDanishDay(addCalendarDays(danishDateOf(from), rule.days + 1));
    case 'calendar-months':
      return startOfDanishDay(addCalendarDays(addCalendarMonths(danishDateOf(from), rule.months), 1));
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

/**
 * A rule as whole calendar days (hour rules rounded up to days, month rules as 31 days each: the longest a
 * month can be), for periods counted before a date.
 */
export function calendarDays(rule: DeadlineRule): number {
  switch (rule.unit) {
    case 'calendar-days':
      return rule.days;
    case 'elapsed-hours':
      return Math.ceil(rule.hours / 24);
    case 'calendar-months':
      return rule.months * 31;
  }
}
