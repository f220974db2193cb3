/**
 * DKS cases and network councils are for youths: persons under 18 at the legally relevant moment (the
 * charge, the observation, the documentation's receipt; DOMAIN.md §2–3). At 18 the municipality's 18+
 * effort takes over.
 */
export const YOUTH_AGE_LIMIT = 18;

export function isYouth(ageInYears: number): boolean {
  return ageInYears < YOUTH_AGE_LIMIT;
}
