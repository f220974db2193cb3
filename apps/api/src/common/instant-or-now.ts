/** A validated RFC 3339 instant in canonical UTC form, or now (the moment the API records the decision). */
export function instantOrNow(instant: string | undefined): string {
  return (instant ? new Date(instant) : new Date()).toISOString();
}
