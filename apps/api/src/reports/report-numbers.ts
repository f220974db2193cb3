/**
 * `numerator / denominator` rounded half up to `decimals` places, with one division of exact numbers so
 * that a true half (e.g. 45 minutes over 2 persons = 0.375 h) is not nudged below by floating point.
 */
export function roundedRatio(numerator: number, denominator: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round((numerator * scale) / denominator) / scale;
}

/** Hours from minutes (optionally per person), to 2 decimals. */
export function hoursOf(minutes: number, persons = 1): number {
  return persons === 0 ? 0 : roundedRatio(minutes, 60 * persons, 2);
}

const danishOrder = new Intl.Collator('da');

/** Danish alphabetical order of unit names (Æ, Ø, Å last). */
export function byUnitName(a: { unitName: string }, b: { unitName: string }): number {
  return danishOrder.compare(a.unitName, b.unitName);
}
