import type { Actor } from '../case/actor';
import type { HandoverContinuation, ReadinessItem } from './exit-course.types';

/**
 * The handover prepared before release (DOMAIN.md §5): from the release notice the release plan's police
 * district and municipality can read the course; the Kriminalforsorgen caseworker writes a handover report;
 * the municipality and Kriminalforsorgen add their view to the exit unit's decision, "ofte i samarbejde
 * med kommunen og kriminalforsorgen"; and the exit unit may decide before the release.
 *
 * Free texts (the plan, risk and safety, parole conditions, a view) are sealed by the API before they reach
 * the workflow (field encryption, bound to the case): histories and the read model hold only ciphertext.
 *
 * Extended address protection: the report never holds an address (it has no field for one, and the form
 * says not to write it in a text); when the person has it, the report says so, and the address is given
 * only on request through the Kriminalforsorgen contact person to whoever needs it.
 */

/** Who sees to a readiness item after release. */
export const READINESS_OWNERS = ['kriminalforsorgen', 'municipality', 'police', 'person'] as const;
export type ReadinessOwner = (typeof READINESS_OWNERS)[number];
export const READINESS_OWNER_LABELS: Record<ReadinessOwner, string> = {
  kriminalforsorgen: 'Kriminalforsorgen',
  municipality: 'kommunen',
  police: 'politiet',
  person: 'borgeren selv',
};

/** How the exit plan is followed, as the caseworker sees it at the handover. */
export const PLAN_STATUSES = ['on_track', 'partly', 'not_followed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  on_track: 'følges',
  partly: 'følges delvist',
  not_followed: 'følges ikke',
};

/** The parties that add their view to the exit unit's decision: the user's own organisation. */
export const HANDOVER_VIEW_PARTIES = ['municipality', 'kriminalforsorgen'] as const;
export type HandoverViewParty = (typeof HANDOVER_VIEW_PARTIES)[number];
export const HANDOVER_VIEW_PARTY_LABELS: Record<HandoverViewParty, string> = {
  municipality: 'kommunen',
  kriminalforsorgen: 'Kriminalforsorgen',
};

export const HANDOVER_RECOMMENDATIONS = ['continue', 'not_continue'] as const;
export type HandoverRecommendation = (typeof HANDOVER_RECOMMENDATIONS)[number];
export const HANDOVER_RECOMMENDATION_LABELS: Record<HandoverRecommendation, string> = {
  continue: 'forløbet videreføres',
  not_continue: 'forløbet videreføres ikke',
};

export interface ReadinessOwnership {
  item: ReadinessItem;
  owner: ReadinessOwner;
}

export interface HandoverReportInput {
  /** Sealed: the exit plan in short. */
  plan: string;
  planStatus: PlanStatus;
  /** Each readiness item once, with who sees to it after release. */
  readinessOwners: ReadinessOwnership[];
  /** Sealed: risk and safety. */
  riskAssessment: string;
  extendedAddressProtection: boolean;
  /** Sealed: the parole conditions; given exactly for a parole-linked course. */
  paroleConditions?: string;
  /** Kriminalforsorgen's contact person (staff, never the person's own data). */
  contactName: string;
  contactPhone: string;
  submittedAt: string;
  actor: Actor;
}

export interface HandoverViewInput {
  party: HandoverViewParty;
  recommendation: HandoverRecommendation;
  /** Sealed: the view itself. */
  view: string;
  recordedAt: string;
  actor: Actor;
}

/** The exit unit's decision taken before the release, for the release plan's district. */
export interface DecisionBeforeRelease {
  policeDistrictCode: string;
  decision: 'accept' | 'decline';
  continuation?: HandoverContinuation;
  decidedAt: string;
}

export interface HandoverPreparationState {
  reportSubmittedAt?: string;
  /** Set until the release plan's district changes (a new district decides anew). */
  decidedBeforeRelease?: DecisionBeforeRelease;
}
