import type { Actor } from '../case/actor';

/**
 * The course after release, and courses that start outside prison (DOMAIN.md §1, §5): the police exit
 * unit, "ofte i samarbejde med kommunen og kriminalforsorgen", runs the continued course in the national
 * framework model or the municipality's own programme, until it ends with an outcome; a reoffending check
 * follows a policy period after the end.
 *
 * The audit trail (`case_events`) is what the cohort figures read, as of any date; these are the actions
 * the police phase writes and the details each carries:
 * - `police_course_started` — the police phase begins: at an accepted handover that continues the course,
 *   at the release when the exit unit accepted before it, or at the agreement of a course started outside
 *   prison. Details: `policeDistrictCode`, `via` (`handover` | `agreement`).
 * - `police_plan_recorded`, `police_review_recorded` — the plan step and each periodic review.
 * - `police_course_ended` — the end, with `reasonCode` (ending-reasons.ts) and `reason`. Details: `outcome`
 *   (POLICE_COURSE_OUTCOMES), `policeDistrictCode`; for `moved` also `toPoliceDistrictCode` (the course is
 *   handed over to that district's exit unit and goes on: a `handed_over` follows, then its decision).
 * - `reoffending_checked` — details: `reoffended` (boolean).
 * - `mentor_contact_logged` — details gain `organisation` (MENTOR_ORGANISATIONS); absent on contacts logged
 *   before this existed, which were all Kriminalforsorgen's.
 * - `case_started` — details gain `referralSource` (REFERRAL_SOURCES); absent: `kriminalforsorgen`.
 * - `handover_report_submitted` — the Kriminalforsorgen caseworker's handover report before release (a later
 *   one replaces it, and is recorded again). Details: `planStatus`, `extendedAddressProtection`.
 * - `handover_view_recorded` — the municipality's or Kriminalforsorgen's view on the exit unit's decision.
 *   Details: `party` (`municipality` | `kriminalforsorgen`), `recommendation` (`continue` | `not_continue`), `viewId`.
 * - `handover_accepted` / `handover_declined` taken before the release (handover-preparation.types.ts) are
 *   recorded at their moment with `beforeRelease: true` in their details. An acceptance before it is followed,
 *   at the release, by `released` and `handed_over` and then `police_course_started` (or the course closes as
 *   `handed_over_closed`), with no second `handover_accepted`. A decline before it lapses when the release plan
 *   names another district, and is decided again after a release to the same one.
 */

/** How a course run by the police exit unit ends. `moved` is no end: the course goes to another district. */
export const POLICE_COURSE_OUTCOMES = [
  'completed',
  'dropped_out',
  'closed_by_police',
  'new_crime',
  'moved',
  'other',
] as const;
export type PoliceCourseOutcome = (typeof POLICE_COURSE_OUTCOMES)[number];
export const POLICE_COURSE_OUTCOME_LABELS: Record<PoliceCourseOutcome, string> = {
  completed: 'gennemført',
  dropped_out: 'frafaldet (borgerens eget valg)',
  closed_by_police: 'afsluttet af politiet',
  new_crime: 'ny kriminalitet eller varetægt',
  moved: 'flyttet til en anden politikreds',
  other: 'andet',
};

/** Who referred a course: Kriminalforsorgen (in prison), or, for a course started outside prison, the others. */
export const REFERRAL_SOURCES = [
  'kriminalforsorgen',
  'police',
  'municipality',
  'self_referral',
  'concern_letter',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const REFERRAL_SOURCE_LABELS: Record<ReferralSource, string> = {
  kriminalforsorgen: 'Kriminalforsorgen',
  police: 'politiet',
  municipality: 'kommunen',
  self_referral: 'selvhenvendelse',
  concern_letter: 'bekymringsbrev',
};

/** Whose mentor held a contact: Kriminalforsorgen's in prison, the police's or the municipality's after. */
export const MENTOR_ORGANISATIONS = ['kriminalforsorgen', 'police', 'municipality'] as const;
export type MentorOrganisation = (typeof MENTOR_ORGANISATIONS)[number];
export const MENTOR_ORGANISATION_LABELS: Record<MentorOrganisation, string> = {
  kriminalforsorgen: 'Kriminalforsorgen',
  police: 'politiet',
  municipality: 'kommunen',
};

/** How the police phase began: an accepted handover (at or after release), or an agreement outside prison. */
export type PolicePhaseEntry = 'handover' | 'agreement';

/** The police phase as the course state carries it. */
export interface PolicePhaseState {
  /** ISO instant the police phase began. */
  startedAt: string;
  /** The district whose exit unit runs the course now (changes when the person moves). */
  policeDistrictCode: string;
  via: PolicePhaseEntry;
  plan?: { summary: string; runBy: PolicePlanRunner; recordedAt: string };
  reviewCount?: number;
  lastReviewAt?: string;
  /** The end's outcome (never `moved`: a moved course goes on in the other district). */
  outcome?: Exclude<PoliceCourseOutcome, 'moved'>;
  endedAt?: string;
  reoffended?: boolean;
  reoffendingCheckedAt?: string;
}

/** The moment the police phase begins, and who began it. */
export interface PolicePhaseStart {
  at: string;
  policeDistrictCode: string;
  via: PolicePhaseEntry;
  actor: Actor;
}

/** Who runs the continued course: the police exit unit with the municipality, or the municipality's own programme. */
export const POLICE_PLAN_RUNNERS = ['police_with_municipality', 'municipal_exit_programme'] as const;
export type PolicePlanRunner = (typeof POLICE_PLAN_RUNNERS)[number];
export const POLICE_PLAN_RUNNER_LABELS: Record<PolicePlanRunner, string> = {
  police_with_municipality: 'politiets exitenhed i samarbejde med kommunen',
  municipal_exit_programme: 'kommunens eget exitprogram',
};

/** The police exit unit's plan for the continued course (completes the plan step). */
export interface PolicePlanInput {
  summary: string;
  runBy: PolicePlanRunner;
  recordedAt: string;
  actor: Actor;
}

/** A periodic review of the continued course (completes the open review step; the next opens from it). */
export interface PoliceReviewInput {
  summary: string;
  reviewedAt: string;
  actor: Actor;
}

/**
 * The end of the course run by the police exit unit. `reasonCode` from ending-reasons.ts
 * (`police_course_end`); left out: `other`, and the reason says why. `moved` hands the course over to
 * the exit unit of `toPoliceDistrictCode` instead of ending it.
 */
export interface PoliceCourseEndInput {
  outcome: PoliceCourseOutcome;
  reasonCode?: string;
  reason: string;
  endedAt: string;
  toPoliceDistrictCode?: string;
  actor: Actor;
}

/** The reoffending check a policy period after the end: whether the person has reoffended. */
export interface ReoffendingCheckInput {
  reoffended: boolean;
  note?: string;
  checkedAt: string;
  actor: Actor;
}
