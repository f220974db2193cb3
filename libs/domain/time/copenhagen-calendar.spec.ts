import {
  addCalendarDays,
  addCalendarMonths,
  danishDateOf,
  danishUtcOffsetMs,
  formatDanishDate,
  formatDanishDateTime,
  formatLocalDate,
  parseLocalDate,
  startOfDanishDay,
} from './copenhagen-calendar';

const HOUR_MS = 3600_000;

describe('danishDateOf', () => {
  it('gives the Copenhagen calendar date of an instant in winter (UTC+1)', () => {
    expect(danishDateOf(new Date('2026-01-15T12:00:00Z'))).toEqual({ year: 2026, month: 1, day: 15 });
    // 22:59:59 UTC is 23:59:59 local: still the same day; 23:00 UTC is already the next day.
    expect(danishDateOf(new Date('2026-11-24T22:59:59.999Z'))).toEqual({ year: 2026, month: 11, day: 24 });
    expect(danishDateOf(new Date('2026-11-24T23:30:00Z'))).toEqual({ year: 2026, month: 11, day: 25 });
  });

  it('gives the Copenhagen calendar date of an instant in summer (UTC+2)', () => {
    expect(danishDateOf(new Date('2026-07-01T21:59:59Z'))).toEqual({ year: 2026, month: 7, day: 1 });
    expect(danishDateOf(new Date('2026-07-01T22:00:00Z'))).toEqual({ year: 2026, month: 7, day: 2 });
  });

  it('crosses the year end in local time before UTC does', () => {
    expect(danishDateOf(new Date('2026-12-31T23:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(danishDateOf(new Date('2026-12-31T22:59:59Z'))).toEqual({ year: 2026, month: 12, day: 31 });
  });
});

describe('danishUtcOffsetMs', () => {
  it('is +1 h in winter and +2 h in summer', () => {
    expect(danishUtcOffsetMs(new Date('2026-01-15T12:00:00Z'))).toBe(HOUR_MS);
    expect(danishUtcOffsetMs(new Date('2026-07-15T12:00:00Z'))).toBe(2 * HOUR_MS);
    expect(danishUtcOffsetMs(new Date('2026-12-31T23:30:00Z'))).toBe(HOUR_MS);
  });

  it('ignores the milliseconds of the instant', () => {
    expect(danishUtcOffsetMs(new Date('2026-07-15T12:00:00.999Z'))).toBe(2 * HOUR_MS);
    expect(danishUtcOffsetMs(new Date('2026-01-15T12:00:00.001Z'))).toBe(HOUR_MS);
  });

  it('switches at 01:00 UTC on the last Sunday of March 2026 (02:00 CET → 03:00 CEST)', () => {
    expect(danishUtcOffsetMs(new Date('2026-03-29T00:59:59.999Z'))).toBe(HOUR_MS);
    expect(danishUtcOffsetMs(new Date('2026-03-29T01:00:00Z'))).toBe(2 * HOUR_MS);
  });

  it('switches back at 01:00 UTC on the last Sunday of October 2026 (03:00 CEST → 02:00 CET)', () => {
    expect(danishUtcOffsetMs(new Date('2026-10-25T00:59:59.999Z'))).toBe(2 * HOUR_MS);
    expect(danishUtcOffsetMs(new Date('2026-10-25T01:00:00Z'))).toBe(HOUR_MS);
  });
});

describe('startOfDanishDay', () => {
  it('is local midnight in winter and in summer', () => {
    expect(startOfDanishDay({ year: 2026, month: 1, day: 1 }).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(startOfDanishDay({ year: 2026, month: 7, day: 1 }).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('is exact on the spring-forward day 2026-03-29 and the day after', () => {
    // Midnight that starts 29 March is still CET (+1): the clocks change only at 02:00.
    expect(startOfDanishDay({ year: 2026, month: 3, day: 29 }).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDanishDay({ year: 2026, month: 3, day: 30 }).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('is exact on the fall-back day 2026-10-25 and the day after', () => {
    // Midnight that starts 25 October is still CEST (+2): the clocks change only at 03:00.
    expect(startOfDanishDay({ year: 2026, month: 10, day: 25 }).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDanishDay({ year: 2026, month: 10, day: 26 }).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('makes the DST-change days 23 h and 25 h long', () => {
    const length = (day: { year: number; month: number; day: number }) =>
      startOfDanishDay(addCalendarDays(day, 1)).getTime() - startOfDanishDay(day).getTime();
    expect(length({ year: 2026, month: 3, day: 29 })).toBe(23 * HOUR_MS);
    expect(length({ year: 2026, month: 10, day: 25 })).toBe(25 * HOUR_MS);
    expect(length({ year: 2026, month: 3, day: 28 })).toBe(24 * HOUR_MS);
    expect(length({ year: 2026, month: 10, day: 26 })).toBe(24 * HOUR_MS);
  });

  it('lands on the date it was asked for, at 00:00:00 local', () => {
    const start = startOfDanishDay({ year: 2026, month: 10, day: 25 });
    expect(danishDateOf(start)).toEqual({ year: 2026, month: 10, day: 25 });
    expect(danishDateOf(new Date(start.getTime() - 1))).toEqual({ year: 2026, month: 10, day: 24 });
  });
});

describe('addCalendarDays', () => {
  it('moves across month ends', () => {
    expect(addCalendarDays({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 1 });
    expect(addCalendarDays({ year: 2026, month: 2, day: 28 }, 1)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(addCalendarDays({ year: 2026, month: 4, day: 30 }, 8)).toEqual({ year: 2026, month: 5, day: 8 });
  });

  it('moves across year ends, and through a leap day', () => {
    expect(addCalendarDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addCalendarDays({ year: 2026, month: 12, day: 20 }, 31)).toEqual({ year: 2027, month: 1, day: 20 });
    expect(addCalendarDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addCalendarDays({ year: 2026, month: 1, day: 1 }, 365)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addCalendarDays({ year: 2028, month: 1, day: 1 }, 365)).toEqual({ year: 2028, month: 12, day: 31 });
  });

  it('moves backwards and by zero', () => {
    expect(addCalendarDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addCalendarDays({ year: 2027, month: 1, day: 1 }, -1)).toEqual({ year: 2026, month: 12, day: 31 });
    expect(addCalendarDays({ year: 2026, month: 5, day: 17 }, 0)).toEqual({ year: 2026, month: 5, day: 17 });
  });
});

describe('parseLocalDate', () => {
  it('accepts real dates, including a leap day', () => {
    expect(parseLocalDate('2026-03-29')).toEqual({ year: 2026, month: 3, day: 29 });
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseLocalDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseLocalDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it.each([
    ['2026-02-30', 'a day the month does not have'],
    ['2026-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century year not divisible by 400'],
    ['2026-04-31', 'the 31st of a 30-day month'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-01', 'a one-digit month'],
    ['2026-01-1', 'a one-digit day'],
    ['26-01-01', 'a two-digit year'],
    ['2026/01/01', 'slashes'],
    ['2026-01-01T00:00:00Z', 'a timestamp'],
    [' 2026-01-01', 'leading space'],
    ['2026-01-01 ', 'trailing space'],
    ['', 'the empty string'],
  ])('rejects %j (%s)', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });
});

describe('formatLocalDate', () => {
  it('pads to YYYY-MM-DD', () => {
    expect(formatLocalDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(formatLocalDate({ year: 2026, month: 12, day: 31 })).toBe('2026-12-31');
    expect(formatLocalDate({ year: 987, month: 1, day: 2 })).toBe('0987-01-02');
  });

  it('round-trips with parseLocalDate', () => {
    for (const text of ['2026-03-29', '2026-10-25', '2028-02-29', '2027-01-01']) {
      expect(formatLocalDate(parseLocalDate(text)!)).toBe(text);
    }
  });
});

describe('formatDanishDateTime', () => {
  it.each([
    ['2026-11-24T08:05:00.000Z', '24.11.2026 kl. 09.05'],
    ['2026-07-01T10:00:00.000Z', '01.07.2026 kl. 12.00'],
    // Local midnight ends the day before: a deadline "by the end of 22 November".
    ['2026-11-22T23:00:00.000Z', '22.11.2026 kl. 24.00'],
    ['2026-03-28T23:00:00.000Z', '28.03.2026 kl. 24.00'],
    ['2026-06-30T22:00:00.000Z', '30.06.2026 kl. 24.00'],
    ['2026-12-31T23:00:00.000Z', '31.12.2026 kl. 24.00'],
    // A minute after midnight is the new day.
    ['2026-11-22T23:01:00.000Z', '23.11.2026 kl. 00.01'],
  ])('%s → %s', (iso, text) => {
    expect(formatDanishDateTime(new Date(iso))).toBe(text);
  });
});

describe('formatDanishDate', () => {
  it('writes a local date as DD.MM.ÅÅÅÅ', () => {
    expect(formatDanishDate({ year: 2027, month: 6, day: 30 })).toBe('30.06.2027');
    expect(formatDanishDate({ year: 2026, month: 1, day: 5 })).toBe('05.01.2026');
  });
});

describe('addCalendarMonths', () => {
  const date = (year: number, month: number, day: number) => ({ year, month, day });

  it('keeps the day number, or clamps it to the last day of a shorter month', () => {
    expect(addCalendarMonths(date(2026, 1, 15), 1)).toEqual(date(2026, 2, 15));
    expect(addCalendarMonths(date(2026, 1, 31), 1)).toEqual(date(2026, 2, 28));
    expect(addCalendarMonths(date(2028, 1, 31), 1)).toEqual(date(2028, 2, 29));
    expect(addCalendarMonths(date(2026, 5, 31), 1)).toEqual(date(2026, 6, 30));
  });

  it('crosses year ends both ways', () => {
    expect(addCalendarMonths(date(2026, 12, 31), 2)).toEqual(date(2027, 2, 28));
    expect(addCalendarMonths(date(2026, 1, 31), -2)).toEqual(date(2025, 11, 30));
    expect(addCalendarMonths(date(2026, 3, 15), 12)).toEqual(date(2027, 3, 15));
  });
});
