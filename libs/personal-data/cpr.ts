/**
 * Danish CPR numbers (personnummer): format check, century rule and birth date, masking, age.
 * Pure: no Node I/O, so it may be used anywhere, including workflow code.
 */
import { danishDateOf, formatLocalDate, parseLocalDate } from '../domain/time/copenhagen-calendar';

export type CprCheck =
  | { ok: true; normalized: string /* 10 digits, no dash */; birthDate: string /* YYYY-MM-DD */ }
  | { ok: false; message: string /* Danish, for users */ };

export const CPR_FORMAT_MESSAGE = 'CPR-nummeret skal have formen DDMMÅÅ-XXXX.';
export const CPR_DATE_MESSAGE = 'CPR-nummeret indeholder ikke en gyldig fødselsdato.';

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/**
 * Century of the birth year from the first digit of the sequence number (CPR-kontoret's table).
 * Modulus 11 is deliberately not checked: numbers failing it have been issued since 2007.
 */
function centuryOf(firstSequenceDigit: number, yy: number): number {
  if (firstSequenceDigit <= 3) return 1900;
  if (firstSequenceDigit === 4 || firstSequenceDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function checkCpr(input: string): CprCheck {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return { ok: false, message: CPR_FORMAT_MESSAGE };
  const [, dd, mm, yy, sequence] = match;
  const year = centuryOf(Number(sequence[0]), Number(yy)) + Number(yy);
  const birth = parseLocalDate(`${year}-${mm}-${dd}`);
  if (!birth) return { ok: false, message: CPR_DATE_MESSAGE };
  return { ok: true, normalized: `${dd}${mm}${yy}${sequence}`, birthDate: formatLocalDate(birth) };
}

/** `DDMMYY-XXXX`: the birth date part only, for display. */
export function maskCpr(normalized: string): string {
  if (!/^\d{10}$/.test(normalized)) throw new Error('maskCpr expects a normalized CPR number of 10 digits.');
  return `${normalized.slice(0, 6)}-XXXX`;
}

/**
 * Whole years of age on the Danish calendar date of `moment`. A birthday counts from local midnight in
 * Copenhagen; someone born 29 February turns a year older on 1 March in non-leap years.
 */
export function ageOn(birthDate: string, moment: Date): number {
  const birth = parseLocalDate(birthDate);
  if (!birth) throw new Error('ageOn expects a birth date as a real YYYY-MM-DD date.');
  const today = danishDateOf(moment);
  const hadBirthdayThisYear = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}
