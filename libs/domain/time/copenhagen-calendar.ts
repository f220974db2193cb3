/**
 * Calendar arithmetic in Danish local time (Europe/Copenhagen), exact across daylight-saving changes.
 * Pure and deterministic: importable by workflow code (uses only Intl, whose zone data is fixed per Node build).
 */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

/** A calendar date without a time: `{ year, month: 1–12, day }`. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const localPartsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function localParts(instant: Date): LocalDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of localPartsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The Danish calendar date on which an instant falls. */
export function danishDateOf(instant: Date): LocalDate {
  const { year, month, day } = localParts(instant);
  return { year, month, day };
}

/** Offset of Danish local time from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
export function danishUtcOffsetMs(instant: Date): number {
  const p = localParts(instant);
  const asIfUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asIfUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The same day number `months` months later (or earlier); the month's last day where that month has no such
 * day (31 January + 1 month = 28 or 29 February).
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

/**
 * The instant at which a Danish calendar date begins (local midnight). Midnight always exists in
 * Copenhagen: the clocks change at 02:00/03:00, never at midnight.
 */
export function startOfDanishDay(date: LocalDate): Date {
  const midnightAsIfUtc = Date.UTC(date.year, date.month - 1, date.day);
  // The offset at local midnight equals the offset an hour either side of it, so one correction suffices.
  const offset = danishUtcOffsetMs(new Date(midnightAsIfUtc - 2 * 3600_000));
  return new Date(midnightAsIfUtc - offset);
}

/** `YYYY-MM-DD` of a local date. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** A local date as people write it: `30.06.2027`. */
export function formatDanishDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.day)}.${pad(date.month)}.${date.year}`;
}

/** Parses a strict `YYYY-MM-DD` that names a real calendar date; `undefined` otherwise. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const real =
    check.getUTCFullYear() === date.year && check.getUTCMonth() + 1 === date.month && check.getUTCDate() === date.day;
  return real ? date : undefined;
}

/**
 * Danish local date and time as people write it: `24.11.2026 kl. 09.00`. Local midnight — where every
 * day deadline ends — is written as the end of the day before, `22.11.2026 kl. 24.00`, as Danish
 * deadlines are, so nobody reads "23.11 kl. 00.00" as a day more.
 */
export function formatDanishDateTime(instant: Date): string {
  const p = localParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (p.hour === 0 && p.minute === 0 && p.second === 0 && instant.getUTCMilliseconds() === 0) {
    const dayBefore = localParts(new Date(instant.getTime() - 1000));
    return `${pad(dayBefore.day)}.${pad(dayBefore.month)}.${dayBefore.year} kl. 24.00`;
  }
  return `${pad(p.day)}.${pad(p.month)}.${p.year} kl. ${pad(p.hour)}.${pad(p.minute)}`;
}
