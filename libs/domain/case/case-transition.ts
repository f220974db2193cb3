import type { ReferralSource } from '../exit-course/police-phase.types';
import type { AccessChange } from './case-decision';
import type { CouncilRecord } from '../youth/council-record';
/**
 * One change of a case, as the workflow hands it to the read-model activity. A transition is applied in
 * one database transaction, idempotently: every row it adds has an id chosen by the (deterministic)
 * workflow, so a retried activity adds nothing twice, and `seq` stops an older transition from
 * overwriting a newer status.
 */
export const CASE_TYPES = [
  'exit_course',
  'dks_assessment',
  'network_council',
  'concern_letter',
  'access_request',
] as const;

export type CaseType = (typeof CASE_TYPES)[number];

export type CaseAction =
  | 'case_started'
  | 'step_opened'
  | 'step_due_soon'
  | 'step_overdue'
  | 'step_completed'
  | 'step_cancelled'
  | 'suitability_offer'
  | 'suitability_rejection'
  | 'course_interrupted'
  | 'assessment_input_recorded'
  | 'agreement_signed'
  | 'mentor_assigned'
  | 'mentor_changed'
  | 'mentor_contact_logged'
  | 'psychologist_course_started'
  | 'psychologist_course_ended'
  | 'prison_transfer'
  | 'release_plan_set'
  | 'expected_release_date_changed'
  | 'readiness_updated'
  | 'release_notice_sent'
  | 'step_rescheduled'
  | 'released'
  | 'handed_over'
  | 'handover_accepted'
  | 'handover_declined'
  | 'handover_report_submitted'
  | 'handover_view_recorded'
  | 'police_course_started'
  | 'police_plan_recorded'
  | 'police_review_recorded'
  | 'police_course_ended'
  | 'reoffending_checked'
  | 'dks_case_registered'
  | 'dks_assessed'
  | 'home_visit_planned'
  | 'home_visit_held'
  | 'follow_up_checked'
  | 'network_council_registered'
  | 'council_convened'
  | 'council_meeting_held'
  | 'council_agreement_made'
  // The youth cases completed (youth-vocabulary.ts says what each carries).
  | 'dks_case_ended'
  | 'dks_case_moved'
  | 'social_services_participation_recorded'
  | 'case_level_set'
  | 'level_one_reviewed'
  | 'police_documentation_sent'
  | 'council_meeting_planned'
  | 'council_initiative_agreed'
  | 'council_initiative_followed_up'
  | 'adult_handover_decided'
  | 'concern_letter_proposed'
  | 'concern_letter_decided'
  | 'concern_letter_delivery_attempted'
  | 'parents_contacted'
  | 'concern_letter_followed_up'
  | 'concern_letter_outcome_recorded'
  | 'deadline_suspended'
  | 'deadline_resumed'
  | 'deadline_extended'
  | 'deadline_missed_reason'
  // The network council's youth in custody (the support at release follows the release).
  | 'council_expected_release_set'
  | 'council_youth_released'
  // A person's request for access (access-request.types.ts).
  | 'access_request_received'
  | 'access_request_extended'
  | 'access_request_decided';

/** An audit-trail entry: who did what, when, and why. */
export interface CaseEventRecord {
  eventId: string;
  action: CaseAction;
  /** The moment the fact happened, as stated by the user (or the timer's moment). */
  occurredAt: string;
  /** When the system recorded it (workflow time). */
  recordedAt: string;
  /** Opaque user id, or `system` for timers. */
  actorId: string;
  reason?: string;
  /** Why a case or course ended, or a handover was declined: a code of the ending's list (ending-reasons.ts). */
  reasonCode?: string;
  stepId?: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface CaseOpenedRecord {
  caseType: CaseType;
  workflowId: string;
  personRef: string;
  /** The organisational unit responsible (for an exit course: the institution code). */
  orgUnit: string;
  status: string;
  openedAt: string;
  /** The organisation holding the case where its unit is no unit of the register (a data-protection officer's). */
  organisation?: string;
  exitCourse?: {
    /** Absent for a course started outside prison. */
    expectedReleaseDate?: string;
    paroleLinked: boolean;
    /** Absent on courses opened before referral sources existed: `kriminalforsorgen`. */
    referralSource?: ReferralSource;
    outsidePrison?: boolean;
  };
}

export interface StepOpenedRecord {
  stepId: string;
  kind: string;
  openedAt: string;
  dueAt: string;
  /** The unit whose turn the step is, for a kind whose unit is the step's own (an initiative's owner). */
  responsibleUnit?: string;
}

export interface StepClosedRecord {
  stepId: string;
  status: 'completed' | 'cancelled';
  completedAt: string;
  latenessSeconds?: number;
  outcome?: string;
}

export interface MentorContactRecord {
  contactId: string;
  contactAt: string;
  form: string;
  durationMinutes: number;
  /** The course's mentor (Kriminalforsorgen's); absent when the police's or municipality's mentor has no reference here. */
  mentorRef?: string;
  /** Whose mentor held it (MENTOR_ORGANISATIONS); absent: Kriminalforsorgen (recorded before it existed). */
  organisation?: string;
}

/** Free texts arrive sealed (field encryption by the API) and are stored as they come. */
export interface HandoverPreparationRecord {
  report?: {
    submittedAt: string;
    actorId: string;
    planEncrypted: string;
    planStatus: string;
    readinessOwners: { item: string; owner: string; ready: boolean }[];
    mentorRef: string | null;
    mentorMinutes: number;
    mentorContacts: number;
    psychologistCourse: string;
    riskEncrypted: string;
    extendedAddressProtection: boolean;
    paroleConditionsEncrypted: string | null;
    contactName: string;
    contactPhone: string;
  };
  view?: {
    viewId: string;
    party: string;
    recommendation: string;
    viewEncrypted: string;
    recordedAt: string;
    actorId: string;
  };
  /** The exit unit's decision before the release; `null`: withdrawn (the release plan names another district). */
  decisionBeforeRelease?: {
    policeDistrictCode: string;
    decision: string;
    continuation: string | null;
    decidedAt: string;
  } | null;
}

export interface NotificationRecord {
  notificationId: string;
  recipientUnit: string;
  kind:
    | 'prison_transfer'
    | 'release_notice'
    | 'release_date_changed'
    | 'release'
    | 'handover'
    | 'dks_case_moved'
    // The network council's (council-record.ts).
    | 'police_documentation'
    | 'council_release';
}

export interface CaseTransition {
  caseId: string;
  /** 1, 2, 3 … per case, in the order the workflow made them. */
  seq: number;
  opened?: CaseOpenedRecord;
  status?: { status: string; closedAt?: string };
  stepsOpened?: StepOpenedRecord[];
  /** Open steps whose warning time came (their deadline is near): a warning notice each. */
  stepsWarned?: { stepId: string; dueAt: string }[];
  /** Open steps past their deadline: an overdue notice each, for the deadline they have now. */
  stepsOverdue?: { stepId: string; overdueAt: string }[];
  stepsClosed?: StepClosedRecord[];
  mentorContacts?: MentorContactRecord[];
  /** The handover prepared before release: a report (replacing an earlier one), views, the decision before it. */
  handoverPreparation?: HandoverPreparationRecord;
  /** Exit-course facts that changed (only the fields given). */
  exitCourseFacts?: {
    mentorRef?: string;
    psychologistCourse?: string;
    releaseMunicipality?: string;
    releaseDistrict?: string;
    expectedReleaseDate?: string;
    readiness?: Record<string, boolean>;
    releaseNoticeSentAt?: string;
    releasedAt?: string;
    handoverDistrict?: string;
    handoverContinuation?: string;
    /** The police phase (police-phase.types.ts): its start and district, its end and the check after it. */
    policePhaseStartedAt?: string;
    policeDistrict?: string;
    policeOutcome?: string;
    policeOutcomeAt?: string;
    reoffended?: boolean;
    reoffendingCheckedAt?: string;
  };
  /** Open steps whose deadline moved (e.g. with the release date); an earlier escalation is cleared. */
  stepsRescheduled?: { stepId: string; dueAt: string }[];
  /** Open steps whose deadline now waits (the boards show "afventer …"); `null` lifts a suspension. */
  stepsSuspended?: {
    stepId: string;
    suspension: { since: string; reason: string; note: string; expectedUntil: string | null } | null;
  }[];
  /** Why a legal deadline was missed, as the caseworker recorded it on the step. */
  stepsMissedReason?: { stepId: string; reason: string; note: string; recordedAt: string }[];
  /** A deadline that was suspended, resumed or extended: a notice to the unit whose turn the step is. */
  deadlineChanges?: { notificationId: string; stepId: string; dueAt: string }[];
  /** The unit now responsible for the case (a prison transfer). */
  orgUnit?: string;
  /** Units gaining or changing access: `read` keeps history visible, `write` lets the unit decide. */
  accessChanges?: AccessChange[];
  /**
   * A DKS case's joint home visit, as the municipality's social services see it (their narrow view): the
   * planned time and municipality (`null`: planned without one), and their participation.
   */
  dksHomeVisit?: {
    plannedFor?: string;
    municipalityCode?: string | null;
    participation?: {
      participates: boolean;
      levelOneCaseRefEncrypted: string | null;
      recordedAt: string;
      actorId: string;
    };
  };
  /** Outgoing notices (outbox): written with the transition, sent by a sender later. */
  notifications?: NotificationRecord[];
  /** A youth case's level (youth-vocabulary.ts CASE_LEVELS), set or changed. */
  caseLevel?: 1 | 2 | 3;
  /** A network council's police documentation and action plan (only the parts that changed). */
  council?: CouncilRecord;
  events: CaseEventRecord[];
}

export const SYSTEM_ACTOR_ID = 'system';
