import type { CaseLevel } from './youth-vocabulary';
import type { WarningWindows } from '../case/step-kinds';
import { CaseStatuses, type StatusDefinition } from '../case/case-status';
import type { CaseStep } from '../case/case-step';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { Actor } from '../case/actor';
import type { DksCaseOutcome } from './youth-vocabulary';

/**
 * A DKS case (DOMAIN.md §3): in every gang case where a youth under 18 is charged or shows concerning
 * behaviour, DKS decides within 24 hours whether to hold a concern conversation (a home visit with
 * social services); initiatives from the visit are followed up within two weeks.
 */
const DKS_CASE_STATUS_TABLE = {
  awaiting_assessment: { text: 'afventer DKS-vurdering', final: false },
  awaiting_home_visit: { text: 'afventer planlægning af hjemmebesøg', final: false },
  home_visit_planned: { text: 'hjemmebesøg planlagt', final: false },
  awaiting_follow_up: { text: 'afventer opfølgningstjek', final: false },
  /** DKS decided that no concern conversation is to be held. */
  closed_no_concern_conversation: { text: 'afsluttet uden bekymringssamtale', final: true },
  /** The home visit was held and its initiatives followed up. */
  followed_up: { text: 'fulgt op', final: true },
  /** Ended without a held visit (`dks_case_ended`, its `outcome` in DKS_CASE_OUTCOMES). */
  closed_declined: { text: 'afsluttet: familien takkede nej', final: true },
  closed_not_reached: { text: 'afsluttet: familien kunne ikke træffes', final: true },
  closed_existing_action_plan: { text: 'afsluttet: en eksisterende handleplan fortsætter', final: true },
} as const satisfies Record<string, StatusDefinition>;
export type DksCaseStatus = keyof typeof DKS_CASE_STATUS_TABLE;

export const DKS_CASE_STATUS = new CaseStatuses<DksCaseStatus>(DKS_CASE_STATUS_TABLE);
export const DKS_CASE_STATUSES = DKS_CASE_STATUS.codes;
export const FINAL_DKS_CASE_STATUSES = DKS_CASE_STATUS.finals;

/** `home_visit_planning`: after a yes to a concern conversation, until the visit is planned (or held). */
export type DksStepKind = 'dks_assessment' | 'home_visit_planning' | 'home_visit' | 'follow_up_check';

export const DKS_TRIGGERS = ['charged', 'concerning_behaviour'] as const;
export type DksTrigger = (typeof DKS_TRIGGERS)[number];
/** Danish names, as they read inside a sentence (served by `GET /api/reference-data`, `choices`). */
export const DKS_TRIGGER_LABELS: Record<DksTrigger, string> = {
  charged: 'sigtet',
  concerning_behaviour: 'bekymrende adfærd',
};

export interface StartDksCaseInput {
  caseId: string;
  personRef: string;
  policeDistrictCode: string;
  trigger: DksTrigger;
  /** ISO instant of the charge or the observation: the 24 hours count from here. */
  triggeredAt: string;
  deadlines: DeadlinePolicySnapshot;
  /** Warning windows in force when the case started (hours before each step kind's deadline). */
  warningWindows?: WarningWindows;
  /** The youth's birth date (YYYY-MM-DD, from the CPR number): the 18+ handover step opens on the 18th birthday. */
  birthDate?: string;
  actor: Actor;
}

export interface DksAssessmentInput {
  concernConversation: boolean;
  /**
   * Without a concern conversation the case ends: why (ending-reasons.ts, `no_concern_conversation`); left
   * out: `other`, and the reason says why. Not given with a concern conversation.
   */
  reasonCode?: string;
  reason: string;
  decidedAt: string;
  /** The case's level (youth-vocabulary.ts), when DKS sets it at the assessment; optional (case-level.rules.ts). */
  caseLevel?: CaseLevel;
  actor: Actor;
}

export interface HomeVisitPlanInput {
  /** ISO instant the home visit is planned for. */
  plannedFor: string;
  /**
   * The municipality whose social services join the visit: they see its time, the youth and the district
   * (nothing else of the case). Absent on plans made before it existed.
   */
  municipalityCode?: string;
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

/** The final status each outcome ends the case in. */
export const DKS_OUTCOME_STATUS: Record<DksCaseOutcome, DksCaseStatus> = {
  declined: 'closed_declined',
  not_reached: 'closed_not_reached',
  existing_action_plan: 'closed_existing_action_plan',
};

export interface DksCaseEndInput {
  outcome: DksCaseOutcome;
  /** A code of the ending `dks_case_end` (ending-reasons.ts); left out: `other`, and the reason says why. */
  reasonCode?: string;
  reason: string;
  endedAt: string;
  actor: Actor;
}

/** The youth has moved: the case goes to that district's DKS, its steps and deadlines as they are. */
export interface DksCaseMoveInput {
  toPoliceDistrictCode: string;
  movedAt: string;
  actor: Actor;
}

/** The municipality's social services on the joint home visit. */
export interface SocialServicesParticipationInput {
  participates: boolean;
  /** The reference of their own level-1 case, sealed by the API (never in an event's details). */
  levelOneCaseRefEncrypted?: string;
  recordedAt: string;
  actor: Actor;
}

export interface DksCaseState {
  caseId: string;
  status: DksCaseStatus;
  /** The district whose DKS holds the case now (a move changes it). */
  policeDistrictCode: string;
  /** The municipality named for the joint home visit, if any. */
  homeVisitMunicipalityCode?: string;
  triggeredAt: string;
  steps: CaseStep<DksStepKind>[];
  assessedAt?: string;
  homeVisitHeldAt?: string;
  closedAt?: string;
}
