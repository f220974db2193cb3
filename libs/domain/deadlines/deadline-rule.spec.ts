import { danishDateOf, danishUtcOffsetMs } from '../time/copenhagen-calendar';
import { computeDueAt, latenessSeconds, startOfDaysBefore, type DeadlineRule } from './deadline-rule';

const hours = (n: number): DeadlineRule => ({ unit: 'elapsed-hours', hours: n });
const days = (n: number): DeadlineRule => ({ unit: 'calendar-days', days: n });
const due = (rule: DeadlineRule, from: string) => computeDueAt(rule, new Date(from)).toISOString();

describe('computeDueAt — elapsed hours', () => {
  it('adds exactly N × 3600 s in ordinary time', () => {
    expect(due(hours(24), '2026-01-12T09:15:30.250Z')).toBe('2026-01-13T09:15:30.250Z');
    expect(due(hours(1), '2026-06-30T23:30:00Z')).toBe('2026-07-01T00:30:00.000Z');
  });

  it('is 86 400 s across the spring-forward night (13:00 CEST local, not 12:00)', () => {
    const from = new Date('2026-03-28T12:00:00+01:00');
    const dueAt = computeDueAt(hours(24), from);
    expect(dueAt.toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(dueAt.getTime() - from.getTime()).toBe(86_400_000);
    // 11:00 UTC on 29 March is 13:00 local summer time.
    expect(danishUtcOffsetMs(dueAt)).toBe(2 * 3600_000);
  });

  it('is 86 400 s across the fall-back night (11:00 CET local, not 12:00)', () => {
    const from = new Date('2026-10-24T12:00:00+02:00');
    const dueAt = computeDueAt(hours(24), from);
    expect(dueAt.toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(dueAt.getTime() - from.getTime()).toBe(86_400_000);
    expect(danishUtcOffsetMs(dueAt)).toBe(3600_000);
  });
});

describe('computeDueAt — calendar days: end of the Danish day N days after the day of the moment', () => {
  it('runs 7 days from Monday 14:00 to the end of the following Monday (winter)', () => {
    // Monday 2026-01-12 14:00 CET → end of Monday 2026-01-19 = 2026-01-20 00:00 CET.
    expect(due(days(7), '2026-01-12T14:00:00+01:00')).toBe('2026-01-19T23:00:00.000Z');
  });

  it('runs 7 days across the spring-forward change to local midnight in summer time', () => {
    // Local date 2026-03-25 → end of 2026-04-01 = 2026-04-02 00:00 CEST.
    expect(due(days(7), '2026-03-25T14:00:00+01:00')).toBe('2026-04-01T22:00:00.000Z');
  });

  it('runs 7 days across the fall-back change to local midnight in winter time', () => {
    // Local date 2026-10-20 → end of 2026-10-27 = 2026-10-28 00:00 CET.
    expect(due(days(7), '2026-10-20T14:00:00+02:00')).toBe('2026-10-27T23:00:00.000Z');
  });

  it('ends exactly when the DST-change day itself begins or ends', () => {
    // Local 2026-03-21 + 7 → end of 2026-03-28 = 2026-03-29 00:00, still CET.
    expect(due(days(7), '2026-03-21T11:00:00+01:00')).toBe('2026-03-28T23:00:00.000Z');
    // Local 2026-03-28 + 1 → end of the 23-hour day 2026-03-29 = 2026-03-30 00:00 CEST.
    expect(due(days(1), '2026-03-28T11:00:00+01:00')).toBe('2026-03-29T22:00:00.000Z');
    // Local 2026-10-17 + 7 → end of 2026-10-24 = 2026-10-25 00:00, still CEST.
    expect(due(days(7), '2026-10-17T11:00:00+02:00')).toBe('2026-10-24T22:00:00.000Z');
    // Local 2026-10-17 + 8 → end of the 25-hour day 2026-10-25 = 2026-10-26 00:00 CET.
    expect(due(days(8), '2026-10-17T11:00:00+02:00')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts from the Danish date when it is already the next day locally but not in UTC', () => {
    // 2026-11-24T23:30Z is 2026-11-25 00:30 CET: count from 25 November → end of 2 December = 3 December 00:00 CET.
    expect(due(days(7), '2026-11-24T23:30:00Z')).toBe('2026-12-02T23:00:00.000Z');
    // In summer the gap is two hours: 2026-07-10T22:30Z is 2026-07-11 00:30 CEST → end of 2026-07-25.
    expect(due(days(14), '2026-07-10T22:30:00Z')).toBe('2026-07-25T22:00:00.000Z');
  });

  it('treats local midnight as the start of a new day and the millisecond before it as the old day', () => {
    // 2026-03-24T23:00Z = 2026-03-25 00:00 CET: same day as the 14:00 case above.
    expect(due(days(7), '2026-03-24T23:00:00.000Z')).toBe('2026-04-01T22:00:00.000Z');
    // One millisecond earlier is still 24 March → end of 31 March = 1 April 00:00 CEST.
    expect(due(days(7), '2026-03-24T22:59:59.999Z')).toBe('2026-03-31T22:00:00.000Z');
  });

  it('gives the same deadline for every moment of one Danish day', () => {
    const expected = '2026-04-01T22:00:00.000Z';
    for (const from of [
      '2026-03-24T23:00:00Z',
      '2026-03-25T00:00:00Z',
      '2026-03-25T12:00:00Z',
      '2026-03-25T22:59:59.999Z',
    ]) {
      expect(due(days(7), from)).toBe(expected);
    }
  });

  it('crosses month and year ends, and leap days', () => {
    // 2026-02-20 + 14 → end of 2026-03-06.
    expect(due(days(14), '2026-02-20T10:00:00+01:00')).toBe('2026-03-06T23:00:00.000Z');
    // 2026-12-15 + 30 → end of 2027-01-14.
    expect(due(days(30), '2026-12-15T10:00:00+01:00')).toBe('2027-01-14T23:00:00.000Z');
    // 2028-02-25 + 7 → end of 2028-03-03 (29 February exists in 2028)…
    expect(due(days(7), '2028-02-25T12:00:00Z')).toBe('2028-03-03T23:00:00.000Z');
    // …but not in 2027: 2027-02-25 + 7 → end of 2027-03-04.
    expect(due(days(7), '2027-02-25T12:00:00Z')).toBe('2027-03-04T23:00:00.000Z');
  });

  it('ends on a local midnight whatever the season', () => {
    for (const from of ['2026-03-25T14:00:00+01:00', '2026-10-20T14:00:00+02:00', '2026-07-10T22:30:00Z']) {
      const dueAt = computeDueAt(days(7), new Date(from));
      const local = new Date(dueAt.getTime() + danishUtcOffsetMs(dueAt));
      expect([local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds()]).toEqual([
        0, 0, 0, 0,
      ]);
      expect(danishDateOf(new Date(dueAt.getTime() - 1))).not.toEqual(danishDateOf(dueAt));
    }
  });
});

describe('latenessSeconds', () => {
  const dueAt = new Date('2026-04-01T22:00:00.000Z');

  it('is 0 when completed on time, early or within the first second late', () => {
    expect(latenessSeconds(dueAt, new Date('2026-04-01T22:00:00.000Z'))).toBe(0);
    expect(latenessSeconds(dueAt, new Date('2026-03-30T08:00:00.000Z'))).toBe(0);
    expect(latenessSeconds(dueAt, new Date('2026-04-01T22:00:00.999Z'))).toBe(0);
  });

  it('is the whole seconds late, rounded down', () => {
    expect(latenessSeconds(dueAt, new Date('2026-04-01T22:00:01.000Z'))).toBe(1);
    expect(latenessSeconds(dueAt, new Date('2026-04-01T22:00:59.999Z'))).toBe(59);
    // 1 day, 1 hour, 1 minute, 1.5 s late.
    expect(latenessSeconds(dueAt, new Date('2026-04-02T23:01:01.500Z'))).toBe(90_061);
  });
});

describe('startOfDaysBefore', () => {
  it('starts at Danish midnight the given number of calendar days before a date, across the spring clock change', () => {
    // 30 days before 2026-04-20 is 2026-03-21 (winter time, UTC+1); 7 days before is 2026-04-13 (summer time).
    expect(startOfDaysBefore({ year: 2026, month: 4, day: 20 }, 30).toISOString()).toBe('2026-03-20T23:00:00.000Z');
    expect(startOfDaysBefore({ year: 2026, month: 4, day: 20 }, 7).toISOString()).toBe('2026-04-12T22:00:00.000Z');
  });
});

describe('computeDueAt — calendar months: end of the Danish day with the same number N months later', () => {
  const months = (n: number): DeadlineRule => ({ unit: 'calendar-months', months: n });

  it('runs one month from 15 January to the end of 15 February (winter)', () => {
    expect(due(months(1), '2026-01-15T10:00:00+01:00')).toBe('2026-02-15T23:00:00.000Z');
  });

  it('clamps to the last day of a shorter month: 31 January runs to the end of 28 February, 29 in a leap year', () => {
    expect(due(months(1), '2026-01-31T16:00:00+01:00')).toBe('2026-02-28T23:00:00.000Z');
    expect(due(months(1), '2028-01-31T16:00:00+01:00')).toBe('2028-02-29T23:00:00.000Z');
    expect(due(months(1), '2026-03-31T09:00:00+02:00')).toBe('2026-04-30T22:00:00.000Z');
  });

  it('takes the Danish date of the moment, not the UTC one (00:30 on 1 March is 28 February in UTC)', () => {
    expect(due(months(1), '2026-03-01T00:30:00+01:00')).toBe('2026-04-01T22:00:00.000Z');
  });

  it('crosses the spring-forward change to local midnight in summer time', () => {
    // 10 March (CET) + 1 month → end of 10 April = 11 April 00:00 CEST.
    expect(due(months(1), '2026-03-10T12:00:00+01:00')).toBe('2026-04-10T22:00:00.000Z');
  });

  it('crosses the year end, and three months (one plus an extension of two) from 30 November end on 28 February', () => {
    expect(due(months(1), '2026-12-20T12:00:00+01:00')).toBe('2027-01-20T23:00:00.000Z');
    expect(due(months(3), '2026-11-30T12:00:00+01:00')).toBe('2027-02-28T23:00:00.000Z');
  });
});
