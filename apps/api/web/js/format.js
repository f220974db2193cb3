/** Danish formatting of moments and durations, always in Danish local time (Europe/Copenhagen). */
const TIME_ZONE = 'Europe/Copenhagen';

const dateTimeParts = new Intl.DateTimeFormat('da-DK', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso) {
  return Object.fromEntries(dateTimeParts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** Minutes Copenhagen is ahead of UTC at an instant (60 in winter, 120 in summer). */
function danishOffsetMinutes(ms) {
  const p = parts(new Date(ms).toISOString());
  return (Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000;
}

/**
 * A moment typed into a date-and-time field (`2026-11-24T09:00`) read as Danish time, whatever the PC's own
 * time zone is (a remote desktop may run on UTC), as an ISO instant; `null` if it is no such text. A time
 * the spring clock change skips (02.00-03.00) lands an hour later, as the clocks do.
 */
export function danishLocalToIso(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - danishOffsetMinutes(wall) * 60_000;
  instant = wall - danishOffsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as a date-and-time field's value in Danish time (`2026-11-24T09:00`): `danishLocalToIso` backwards. */
export function danishLocalValue(iso) {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * `24.11.2026 kl. 09.00`. Local midnight, where day deadlines end, is the end of the day before:
 * `22.11.2026 kl. 24.00` (as libs/domain/time/copenhagen-calendar.ts writes it in notices).
 */
export function formatDateTime(iso) {
  if (!iso) return '–';
  const p = parts(iso);
  if (p.hour === '00' && p.minute === '00' && new Date(iso).getUTCSeconds() === 0) {
    const before = parts(new Date(new Date(iso).getTime() - 1000).toISOString());
    return `${before.day}.${before.month}.${before.year} kl. 24.00`;
  }
  return `${p.day}.${p.month}.${p.year} kl. ${p.hour}.${p.minute}`;
}

/** A calendar date `YYYY-MM-DD` (or the date of an instant) as `30.06.2027`. */
export function formatDate(value) {
  if (!value) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return `${match[3]}.${match[2]}.${match[1]}`;
  const p = parts(value);
  return `${p.day}.${p.month}.${p.year}`;
}

const UNITS = [
  [86_400, 'dag', 'dage'],
  [3_600, 'time', 'timer'],
  [60, 'minut', 'minutter'],
];

/** `3 dage og 4 timer`, `5 timer og 12 minutter`, `under 1 minut`: the two largest units. */
export function formatDuration(seconds) {
  let rest = Math.floor(Math.abs(seconds));
  const counts = UNITS.map(([size]) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return count;
  });
  const first = counts.findIndex((count) => count > 0);
  if (first < 0) return 'under 1 minut';
  return [first, first + 1]
    .filter((index) => index < UNITS.length && counts[index] > 0)
    .map((index) => `${counts[index]} ${counts[index] === 1 ? UNITS[index][1] : UNITS[index][2]}`)
    .join(' og ');
}

export const lateText = (seconds) => `${formatDuration(seconds)} for sent`;
export const remainingText = (seconds) => `${formatDuration(seconds)} tilbage`;

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat('da-DK', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function formatShare(share) {
  return share === null || share === undefined ? '–' : `${formatNumber(share * 100, 0)} %`;
}

/** Today as `YYYY-MM-DD` in Danish local time. */
export function todayInDenmark() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

/** A name as it reads inside a sentence (`bolig`), started with a capital as a label or an option is (`Bolig`). */
export const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
