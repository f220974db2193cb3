import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';

/**
 * A DKS case (DOMAIN.md §3): in every gang case where a youth under 18 is charged or shows concerning
 * behaviour, DKS decides within 24 hours whether to hold a concern conversation (a home visit with
 * social services); initiatives from the visit are followed up within two weeks.
 */
export const DKS_CASE_STATUSES = [
  'awaiting_assessment',
  'awaiting_home_visit',
  'home_visit_planned',
  'awaiting_follow_up',
  /** Final: DKS decided that no concern conversation is to be held. */
  'closed_no_concern_conversation',
  /** Final: the home visit was held and its initiatives followed up. */
  'followed_up',
] as const;
export type DksCaseStatus = (typeof DKS_CASE_STATUSES)[number];

export const FINAL_DKS_CASE_STATUSES: readonly DksCaseStatus[] = ['closed_no_concern_conversation', 'followed_up'];

/** `home_visit_planning`: after a yes to a concern conversation, until the visit is planned (or held). */
export type DksStepKind = 'dks_assessment' | 'home_visit_planning' | 'home_visit' | 'follow_up_check';

export const DKS_TRIGGERS = ['charged', 'concerning_behaviour'] as const;
export type DksTrigger = (typeof DKS_TRIGGERS)[number];

export interface StartDksCaseInput {
  caseId: string;
  personRef: string;
  policeDistrictCode: string;
  trigger: DksTrigger;
  /** ISO instant of the charge or the observation: the 24 hours count from here. */
  triggeredAt: string;
  deadlines: DeadlinePolicySnapshot;
  actor: Actor;
}

export interface DksAssessmentInput {
  concernConversation: boolean;
  reason: string;
  decidedAt: string;
  actor: Actor;
}

export interface HomeVisitPlanInput {
  /** ISO instant the home visit is planned for. */
  plannedFor: string;
  actor: Actor;
}

export interface HomeVisitHeldInput {
  heldAt: string;
  withSocialServices: boolean;
  /** The initiatives launched at the visit, which the follow-up checks. */
  initiatives: string;
  actor: Actor;
}

export interface FollowUpCheckInput {
  checkedAt: string;
  /** What was checked, and how the initiatives stand. */
  findings: string;
  actor: Actor;
}

export interface DksCaseState {
  caseId: string;
  status: DksCaseStatus;
  triggeredAt: string;
  steps: CaseStep<DksStepKind>[];
  assessedAt?: string;
  homeVisitHeldAt?: string;
  closedAt?: string;
}
