import { monthPeriod, monthsOf, parseMonth } from './youth-figures.query';

describe('the youth figures’ months', () => {
  it('reads a strict YYYY-MM of a real month only', () => {
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3, day: 1 });
    expect(['2026-13', '2026-00', '2026-3', '2026-03-01', '0000-01', ' 2026-03'].map(parseMonth)).toEqual(
      Array(6).fill(undefined),
    );
  });

  it('lists the months of a period across a new year, and the last month there is', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('9999-11', '9999-12')).toEqual(['9999-11', '9999-12']);
  });

  it('runs from local midnight on the 1st to local midnight after the last day, across daylight saving', () => {
    const period = monthPeriod('2026-01', '2026-03');
    expect([period.from, period.to, period.startsAt.toISOString(), period.endsBefore.toISOString()]).toEqual([
      '2026-01',
      '2026-03',
      '2025-12-31T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
    ]);
    expect(monthPeriod('2026-10', '2026-10').endsBefore.toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
});
