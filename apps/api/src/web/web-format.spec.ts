import { danishLocalToIso, formatDateTime } from '../../web/js/format.js';

/** The page's date handling is Danish time whatever the PC's time zone (jest runs on the host's, often UTC). */
describe('the web page’s Danish moments', () => {
  it.each([
    ['2026-11-24T09:00', '2026-11-24T08:00:00.000Z'],
    ['2026-07-01T12:00', '2026-07-01T10:00:00.000Z'],
    // Skipped by the spring clock change: an hour later, as the clocks go.
    ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25T01:59', '2026-10-24T23:59:00.000Z'],
  ])('reads %s typed in a form as Danish time: %s', (typed, instant) => {
    expect(danishLocalToIso(typed)).toBe(instant);
  });

  it('leaves what is not a date and time to the API to refuse', () => {
    expect(danishLocalToIso('24.11.2026 09:00')).toBeNull();
  });

  it.each([
    ['2026-11-24T08:05:00.000Z', '24.11.2026 kl. 09.05'],
    ['2026-11-22T23:00:00.000Z', '22.11.2026 kl. 24.00'],
    ['2026-06-30T22:00:00.000Z', '30.06.2026 kl. 24.00'],
  ])('shows %s as %s', (instant, shown) => {
    expect(formatDateTime(instant)).toBe(shown);
  });
});
