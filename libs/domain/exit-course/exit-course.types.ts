import type { WarningWindows } from '../case/step-kinds';
import type { Actor } from '../case/actor';
import type { CaseStep } from '../case/case-step';
import { CaseStatuses, type StatusDefinition } from '../case/case-status';
import type { DeadlinePolicySnapshot } from '../deadlines/deadline-policy';
import type { HandoverPreparationState } from './handover-preparation.types';
import type { MentorOrganisation, PolicePhaseState, ReferralSource } from './police-phase.types';

/**
 * The exit course (*exit-forløb*, DOMAIN.md §1) as the workflow and the API see it.
 * Plain data only: these types cross the Temporal boundary as JSON.
 */

const EXIT_COURSE_STATUS_TABLE = {
  /** Referred; the suitability assessment (*egnethedsvurdering*) is open. */
  awaiting_suitability_assessment: { text: 'afventer egnethedsvurdering', final: false, inPrison: true },
  /** Offered an exit agreement; waiting for it to be signed. */
  awaiting_agreement_signature: { text: 'afventer underskrift af exit-aftale', final: false, inPrison: true },
  /** The agreement is signed: mentor support, contacts and the psychologist course run. */
  agreement_active: { text: 'exit-aftale indgået', final: false, inPrison: true },
  /** Released and handed over to a police exit unit, which must accept or decline. */
  awaiting_handover_decision: { text: 'løsladt og overdraget; afventer politiets exitenhed', final: false },
  /** The police exit unit declined: Kriminalforsorgen must hand over to another district. */
  handover_declined: { text: 'overdragelsen er afvist af politiets exitenhed', final: false },
  /** Accepted by the police exit unit, which runs the course now (police-phase.types.ts). */
  police_course_active: { text: 'videreført hos politiets exitenhed', final: false },
  /**
   * The police exit unit ended the course with an outcome: the course counts as ended (`closedAt`), and the
   * workflow waits for the reoffending check a policy period later.
   */
  police_course_ended: { text: 'afsluttet hos politiets exitenhed og afventer tilbagefaldskontrol', final: false },
  /** Ended with an outcome and followed up by the reoffending check: nothing more happens. */
  police_course_followed_up: { text: 'afsluttet og fulgt op med tilbagefaldskontrol', final: true },
  /** The suitability assessment ended in a rejection (*afslag*). */
  rejected: { text: 'afsluttet med afslag', final: true },
  /** Interrupted (*afbrudt*) by the inmate's own decision. */
  interrupted_by_inmate: { text: 'afbrudt af den indsatte', final: true },
  /** Interrupted by Kriminalforsorgen's decision. */
  interrupted_by_kriminalforsorgen: { text: 'afbrudt af Kriminalforsorgen', final: true },
  /**
   * Handed over; the police exit unit continues the course (with the municipality or its programme). The
   * end of courses accepted before the police phase existed; later ones go on as `police_course_active`.
   */
  handed_over_continued: { text: 'overdraget og videreført', final: true },
  /** Handed over; the police exit unit closed the course, with a reason. */
  handed_over_closed: { text: 'overdraget og afsluttet', final: true },
} as const satisfies Record<string, StatusDefinition>;

export type ExitCourseStatus = keyof typeof EXIT_COURSE_STATUS_TABLE;

export const EXIT_COURSE_STATUS = new CaseStatuses<ExitCourseStatus>(EXIT_COURSE_STATUS_TABLE);

export const EXIT_COURSE_STATUSES = EXIT_COURSE_STATUS.codes;

export const FINAL_EXIT_COURSE_STATUSES = EXIT_COURSE_STATUS.finals;

export type ExitCourseStepKind =
  | 'suitability_assessment'
  | 'agreement_signing'
  | 'mentor_assignment'
  /** Cadence: open from the latest mentor contact until the next is due (1-2 meetings a month). */
  | 'mentor_contact'
  /** Opened with the release notice; done when the readiness checklist is complete, due before release. */
  | 'release_preparation'
  /** Opened with the release notice: the Kriminalforsorgen caseworker's handover report, due before release. */
  | 'handover_report'
  /** The police exit unit's accept-or-decline after a handover. */
  | 'handover_decision'
  /** After a decline: Kriminalforsorgen hands over to another district. */
  | 'handover_redirect'
  /** The police exit unit's plan for the continued course, due a policy period after the police phase began. */
  | 'police_plan'
  /** The periodic review of the continued course; each review opens the next. */
  | 'police_review'
  /** Opened a policy period after the police phase's end: has the person reoffended? */
  | 'reoffending_check';

export type StepStatus = 'open' | 'completed' | 'cancelled';

export type StepState = CaseStep<ExitCourseStepKind>;

export interface StartExitCourseInput {
  caseId: string;
  /** Pseudonymous person reference; never a name or CPR number. */
  personRef: string;
  /** The institution holding a course in prison; absent for a course started outside prison. */
  institutionCode?: string;
  /** `YYYY-MM-DD`; absent for a course started outside prison (no release ahead). */
  expectedReleaseDate?: string;
  /** Parole-linked course (*Bander bag tremmer*, prøveløsladelse); never for a course outside prison. */
  paroleLinked: boolean;
  /** Who referred the course; absent on courses started before it existed: `kriminalforsorgen`. */
  referralSource?: ReferralSource;
  /** Set for a course a police exit unit or a municipality started outside prison. */
  outsidePrison?: OutsidePrisonStart;
  /** ISO instant of the referral: the moment the suitability assessment's deadline counts from. */
  referredAt: string;
  /** Deadline rules in force when the course started. */
  deadlines: DeadlinePolicySnapshot;
  /** Warning windows in force when the case started (hours before each step kind's deadline). */
  warningWindows?: WarningWindows;
  actor: Actor;
  /** Continue as new once the history has this many events (Temporal may suggest it sooner). */
  historyEventLimit?: number;
  /** Set when a run continues as new: everything the course had, to go on from. */
  carried?: CarriedExitCourse;
}

/** Which organisation started a course outside prison. */
export const OUTSIDE_PRISON_STARTERS = ['police', 'municipality'] as const;
export type OutsidePrisonStarter = (typeof OUTSIDE_PRISON_STARTERS)[number];

/**
 * A course a police exit unit or a municipality started itself (DOMAIN.md §5): the starting unit holds it
 * and makes its suitability assessment and agreement; at the agreement the police phase begins with the
 * district's exit unit (a municipal start names the district it runs the course with).
 */
export interface OutsidePrisonStart {
  startedBy: OutsidePrisonStarter;
  /** The starting police district or municipality. */
  startingUnitCode: string;
  /** The district whose exit unit runs the police phase: the starting one, or the one a municipality names. */
  policeDistrictCode: string;
}

/** The whole state a course carries into its next run (continue-as-new). */
export interface CarriedExitCourse {
  state: ExitCourseState;
  /** Sequence number of the last read-model transition, so the next run's keep rising. */
  lastSeq: number;
}

export type SuitabilityAssessmentInput =
  | {
      outcome: 'offer';
      /** ISO instant the offer of an exit agreement was made. */
      decidedAt: string;
      actor: Actor;
    }
  | {
      outcome: 'rejection';
      decidedAt: string;
      /** Why (ending-reasons.ts, `suitability_rejection`); left out: `other`, and the reason says why. */
      reasonCode?: string;
      /** The note beside the code; required when the code is `other`. */
      reason: string;
      actor: Actor;
    };

/** Who interrupts a course: the inmate's own decision, or Kriminalforsorgen's. */
export const INTERRUPTION_BY = ['inmate', 'kriminalforsorgen'] as const;
export type InterruptionBy = (typeof INTERRUPTION_BY)[number];

/**
 * The Danish names of the course's values, written as they read inside a sentence (`Afbrudt af: den
 * indsatte`): the API serves them (`GET /api/reference-data`, `choices`), the page starts them with a
 * capital letter in its forms. Keyed by every value, so a value without a name does not compile.
 */
export const INTERRUPTION_BY_LABELS: Record<InterruptionBy, string> = {
  inmate: 'den indsatte',
  kriminalforsorgen: 'Kriminalforsorgen',
};

export interface InterruptionInput {
  by: InterruptionBy;
  /** Why (ending-reasons.ts, `interruption`); left out: `other`, and the reason says why. */
  reasonCode?: string;
  /** The note beside the code; required when the code is `other`. */
  reason: string;
  /** ISO instant of the decision to interrupt. */
  interruptedAt: string;
  actor: Actor;
}

/** Who must give input to a joint suitability assessment (parole-linked courses). */
export const ASSESSMENT_PARTIES = ['kriminalforsorgen', 'police', 'municipality'] as const;
export type AssessmentParty = (typeof ASSESSMENT_PARTIES)[number];
export const ASSESSMENT_PARTY_LABELS: Record<AssessmentParty, string> = {
  kriminalforsorgen: 'Kriminalforsorgen',
  police: 'politiet',
  municipality: 'kommunen',
};

export interface AssessmentPartyInput {
  party: AssessmentParty;
  /** The party's assessment in short (it goes to the audit trail as the reason). */
  summary: string;
  recordedAt: string;
  actor: Actor;
}

export interface PrisonTransferInput {
  toInstitutionCode: string;
  transferredAt: string;
  actor: Actor;
}

/** Where the person will live after release: who gets the release notice and the handover. */
export interface ReleasePlanInput {
  municipalityCode: string;
  policeDistrictCode: string;
  actor: Actor;
}

/** What must be in place before release (Den gode løsladelse). */
export const READINESS_ITEMS = ['housing', 'income', 'job_or_education_plan', 'mentor_continuity'] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];
export type Readiness = Record<ReadinessItem, boolean>;
export const READINESS_LABELS: Record<ReadinessItem, string> = {
  housing: 'bolig',
  income: 'forsørgelse',
  job_or_education_plan: 'job- eller uddannelsesplan',
  mentor_continuity: 'mentorkontinuitet',
};

export interface ReleaseDateChangeInput {
  /** `YYYY-MM-DD`. */
  expectedReleaseDate: string;
  reason: string;
  actor: Actor;
}

export interface ReadinessInput {
  item: ReadinessItem;
  ready: boolean;
  note?: string;
  actor: Actor;
}

export interface ReleaseInput {
  releasedAt: string;
  /** Default: the release plan's. */
  policeDistrictCode?: string;
  municipalityCode?: string;
  actor: Actor;
}

export const HANDOVER_CONTINUATIONS = ['with_municipality', 'municipal_exit_programme', 'closed'] as const;
export type HandoverContinuation = (typeof HANDOVER_CONTINUATIONS)[number];
export const HANDOVER_CONTINUATION_LABELS: Record<HandoverContinuation, string> = {
  with_municipality: 'videreført med kommunen',
  municipal_exit_programme: 'videreført i kommunens exitprogram',
  closed: 'afsluttet',
};

/**
 * `reasonCode`: why a course is closed (`continuation: 'closed'`, ending `handover_closure`) or a handover
 * declined (`handover_decline`), from ending-reasons.ts; left out: `other`, and the reason says why.
 */
export type HandoverDecisionInput =
  | {
      decision: 'accept';
      continuation: HandoverContinuation;
      reasonCode?: string;
      reason?: string;
      decidedAt: string;
      actor: Actor;
    }
  | { decision: 'decline'; reasonCode?: string; reason: string; decidedAt: string; actor: Actor };

export interface HandoverRedirectInput {
  policeDistrictCode: string;
  redirectedAt: string;
  actor: Actor;
}

export interface AgreementSignedInput {
  /** ISO instant the agreement was signed. */
  signedAt: string;
  actor: Actor;
}

export interface MentorAssignmentInput {
  /** Opaque reference of the mentor (a staff or contracted mentor's id, never a name). */
  mentorRef: string;
  assignedAt: string;
  actor: Actor;
}

export const MENTOR_CONTACT_FORMS = ['meeting', 'phone'] as const;
export type MentorContactForm = (typeof MENTOR_CONTACT_FORMS)[number];
export const MENTOR_CONTACT_FORM_LABELS: Record<MentorContactForm, string> = {
  meeting: 'møde',
  phone: 'telefon',
};

export interface MentorContactInput {
  contactAt: string;
  form: MentorContactForm;
  durationMinutes: number;
  /** Whose mentor held it: the logging user's organisation. Absent on contacts before it existed: Kriminalforsorgen. */
  organisation?: MentorOrganisation;
  actor: Actor;
}

export const PSYCHOLOGIST_COURSE_EVENTS = ['started', 'ended'] as const;
export type PsychologistCourseEvent = (typeof PSYCHOLOGIST_COURSE_EVENTS)[number];
export const PSYCHOLOGIST_COURSE_EVENT_LABELS: Record<PsychologistCourseEvent, string> = {
  started: 'startet',
  ended: 'afsluttet',
};

export const PSYCHOLOGIST_COURSE_STATUSES = ['not_started', 'ongoing', 'ended'] as const;
export type PsychologistCourseStatus = (typeof PSYCHOLOGIST_COURSE_STATUSES)[number];
export const PSYCHOLOGIST_COURSE_STATUS_LABELS: Record<PsychologistCourseStatus, string> = {
  not_started: 'ikke startet',
  ongoing: 'i gang',
  ended: 'afsluttet',
};

export interface PsychologistCourseInput {
  event: PsychologistCourseEvent;
  at: string;
  actor: Actor;
}

export interface MentorSupport {
  mentorRef?: string;
  /** When the current mentor was assigned. */
  assignedAt?: string;
  contactCount: number;
  contactMinutes: number;
  lastContactAt?: string;
}

/** What the workflow answers to a query or an update: its current state. */
export interface ExitCourseState {
  caseId: string;
  status: ExitCourseStatus;
  referredAt: string;
  steps: StepState[];
  closedAt?: string;
  mentor: MentorSupport;
  psychologistCourse: PsychologistCourseStatus;
  paroleLinked: boolean;
  /** Parties whose input to the joint suitability assessment is recorded. */
  assessmentInputs: AssessmentParty[];
  /** The institution responsible now (changes with prison transfers); absent for a course outside prison. */
  institutionCode?: string;
  releasePlan?: { municipalityCode: string; policeDistrictCode: string };
  /** `YYYY-MM-DD`; every release timer follows it when it changes. Absent for a course outside prison. */
  expectedReleaseDate?: string;
  /** Absent on courses started before referral sources existed: `kriminalforsorgen`. */
  referralSource?: ReferralSource;
  /** Set for a course started outside prison. */
  outsidePrison?: OutsidePrisonStart;
  readiness: Readiness;
  releaseNoticeSentAt?: string;
  handover?: {
    policeDistrictCode: string;
    municipalityCode: string;
    releasedAt: string;
    continuation?: HandoverContinuation;
  };
  /** Set once the police exit unit runs the course. */
  policePhase?: PolicePhaseState;
  /** The handover prepared before release (handover-preparation.types.ts). */
  handoverPreparation?: HandoverPreparationState;
}
