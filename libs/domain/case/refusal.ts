import { formatDanishDateTime } from '../time/copenhagen-calendar';

/**
 * Why a decision is refused, for every case type. Rules are pure functions that return a refusal (Danish,
 * shown to the user) or `undefined` when the decision is allowed; workflow validators throw it before
 * anything changes, and the API answers it with its HTTP status.
 */

/** `illegal-transition` → HTTP 409 (not in this state); `invalid-data` → 422 (well-formed but impossible facts). */
export interface Refusal {
  kind: RefusalKind;
  message: string;
}

export type RefusalKind = 'illegal-transition' | 'invalid-data';

/** The application-failure type a workflow validator refuses with, per kind; the API maps it back. */
export const REFUSAL_FAILURE_TYPES: Readonly<Record<RefusalKind, string>> = {
  'illegal-transition': 'IllegalTransition',
  'invalid-data': 'InvalidDomainData',
};

export function refusalKindOfFailure(failureType: string | null | undefined): RefusalKind | undefined {
  return (Object.keys(REFUSAL_FAILURE_TYPES) as RefusalKind[]).find(
    (kind) => REFUSAL_FAILURE_TYPES[kind] === failureType,
  );
}

/** Tolerance for clocks that run a little apart (the user's, the API's, Temporal's). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A moment a decision may not lie before, with how the refusal names it ("forløbet blev henvist"); the
 * refusal adds the moment in Danish local time ("… (24.11.2026 kl. 09.00)").
 */
export interface MomentFloor {
  at: string;
  text: string;
}

/**
 * A stated moment must be a real instant, not before any of its floors (checked in order: the first one it
 * lies before is named, with its Danish local time), and not in the future beyond the clock skew.
 */
export function refuseMoment(
  label: string,
  moment: string,
  now: Date,
  floors: readonly MomentFloor[] = [],
): Refusal | undefined {
  const at = Date.parse(moment);
  if (Number.isNaN(at)) return { kind: 'invalid-data', message: `${label} er ikke et gyldigt tidspunkt.` };
  const floor = floors.find((candidate) => at < Date.parse(candidate.at));
  if (floor) {
    const floorTime = formatDanishDateTime(new Date(floor.at));
    return { kind: 'invalid-data', message: `${label} ligger før ${floor.text} (${floorTime}).` };
  }
  if (at > now.getTime() + CLOCK_SKEW_MS) return { kind: 'invalid-data', message: `${label} ligger i fremtiden.` };
  return undefined;
}
