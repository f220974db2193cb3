import type { DecisionTable } from '../case/case-decision';
import {
  refuseAgreementSigned,
  refuseAssessmentInput,
  refuseHandoverDecision,
  refuseHandoverRedirect,
  refuseInterruption,
  refuseMentorAssignment,
  refuseMentorContact,
  refusePrisonTransfer,
  refusePsychologistCourse,
  refuseReadiness,
  refuseRelease,
  refuseReleaseDateChange,
  refuseReleasePlan,
  refuseSuitabilityAssessment,
} from './exit-course.rules';
import {
  EXIT_COURSE_STATUS,
  type AgreementSignedInput,
  type AssessmentPartyInput,
  type ExitCourseState,
  type ExitCourseStatus,
  type ExitCourseStepKind,
  type HandoverDecisionInput,
  type HandoverRedirectInput,
  type InterruptionInput,
  type MentorAssignmentInput,
  type MentorContactInput,
  type PrisonTransferInput,
  type PsychologistCourseInput,
  type PsychologistCourseStatus,
  type ReadinessInput,
  type ReleaseDateChangeInput,
  type ReleaseInput,
  type ReleasePlanInput,
  type SuitabilityAssessmentInput,
} from './exit-course.types';
import {
  refusePoliceCourseEnd,
  refusePolicePlan,
  refusePoliceReview,
  refuseReoffendingCheck,
} from './police-phase.rules';
import type {
  PoliceCourseEndInput,
  PolicePlanInput,
  PoliceReviewInput,
  ReoffendingCheckInput,
} from './police-phase.types';
import { refuseHandoverReport, refuseHandoverView } from './handover-preparation.rules';
import type { HandoverReportInput, HandoverViewInput } from './handover-preparation.types';

/** What decides which decisions a course admits; the workflow's state and the read model both give it. */
export interface ExitCourseFacts {
  status: ExitCourseStatus;
  paroleLinked: boolean;
  hasMentor: boolean;
  psychologistCourse: PsychologistCourseStatus;
  /** Started outside prison by a police exit unit or a municipality: no prison steps, no release. */
  outsidePrison: boolean;
  /** The kinds of the steps open now (the police phase's decisions each complete one). */
  openSteps: readonly string[];
  releaseNoticeSent: boolean;
  /** The release plan's district decided on the handover before the release. */
  decidedBeforeRelease: boolean;
}

export function exitCourseFacts(state: ExitCourseState): ExitCourseFacts {
  return {
    status: state.status,
    paroleLinked: state.paroleLinked,
    hasMentor: Boolean(state.mentor.mentorRef),
    psychologistCourse: state.psychologistCourse,
    outsidePrison: Boolean(state.outsidePrison),
    openSteps: state.steps.filter((step) => step.status === 'open').map((step) => step.kind),
    releaseNoticeSent: state.releaseNoticeSentAt !== undefined,
    decidedBeforeRelease: state.handoverPreparation?.decidedBeforeRelease !== undefined,
  };
}

/** Where a released person goes: as the release states it, else as the release plan says. */
export function releaseDestination(
  state: ExitCourseState,
  input: ReleaseInput,
): { policeDistrictCode: string; municipalityCode: string } {
  return {
    policeDistrictCode: input.policeDistrictCode ?? state.releasePlan!.policeDistrictCode,
    municipalityCode: input.municipalityCode ?? state.releasePlan!.municipalityCode,
  };
}

/** The institution of a course in prison: the decisions that name it are not allowed outside prison. */
export function prisonOf(state: Pick<ExitCourseState, 'institutionCode'>): string {
  return state.institutionCode!;
}

/** Each decision's input, as the workflow receives it. */
export interface ExitCourseDecisionInputs {
  'suitability-assessment': SuitabilityAssessmentInput;
  'assessment-inputs': AssessmentPartyInput;
  'agreement-signed': AgreementSignedInput;
  mentor: MentorAssignmentInput;
  'mentor-contacts': MentorContactInput;
  'psychologist-course': PsychologistCourseInput;
  transfer: PrisonTransferInput;
  'release-plan': ReleasePlanInput;
  'expected-release-date': ReleaseDateChangeInput;
  readiness: ReadinessInput;
  release: ReleaseInput;
  interruption: InterruptionInput;
  'handover-report': HandoverReportInput;
  'handover-view': HandoverViewInput;
  'handover-decision': HandoverDecisionInput;
  'handover-redirect': HandoverRedirectInput;
  'police-plan': PolicePlanInput;
  'police-review': PoliceReviewInput;
  'police-course-end': PoliceCourseEndInput;
  'reoffending-check': ReoffendingCheckInput;
}

export type ExitCourseDecisionName = keyof ExitCourseDecisionInputs;

/** Before the release or the police phase: the course is taken in and may be interrupted. */
const beforeHandover = (facts: ExitCourseFacts) => EXIT_COURSE_STATUS.inPrison(facts.status);
/** In prison, for a course that started there: the decisions about the prison and the release. */
const inPrison = (facts: ExitCourseFacts) => beforeHandover(facts) && !facts.outsidePrison;
const active = (facts: ExitCourseFacts) => facts.status === 'agreement_active';
const policePhase = (facts: ExitCourseFacts) => facts.status === 'police_course_active';
/** From the release notice until the release: the handover is prepared. */
const preparing = (facts: ExitCourseFacts) => active(facts) && facts.releaseNoticeSent;
/** The exit unit has still to decide: before the release (from the notice) or after it. */
const awaitingExitUnit = (facts: ExitCourseFacts) =>
  facts.status === 'awaiting_handover_decision' || (preparing(facts) && !facts.decidedBeforeRelease);

/** Every decision on an exit course (DOMAIN.md §1), in the order the page offers them. */
export const EXIT_COURSE_DECISIONS: DecisionTable<
  ExitCourseState,
  ExitCourseDecisionInputs,
  ExitCourseFacts,
  ExitCourseStepKind
> = {
  'suitability-assessment': {
    name: 'suitability-assessment',
    update: 'recordSuitabilityAssessment',
    label: 'Egnethedsvurdering',
    // Kriminalforsorgen in prison, the starting police exit unit or municipality outside: write access decides.
    permission: 'exit-course:intake',
    completesStep: 'suitability_assessment',
    allowedIn: (facts) => facts.status === 'awaiting_suitability_assessment',
    refuse: refuseSuitabilityAssessment,
  },
  'assessment-inputs': {
    name: 'assessment-inputs',
    update: 'recordAssessmentInput',
    label: 'Udtalelse til den fælles vurdering',
    permission: 'exit-course:decide',
    allowedIn: (facts) =>
      facts.status === 'awaiting_suitability_assessment' && facts.paroleLinked && !facts.outsidePrison,
    refuse: refuseAssessmentInput,
  },
  'agreement-signed': {
    name: 'agreement-signed',
    update: 'recordAgreementSigned',
    label: 'Exit-aftalen er underskrevet',
    permission: 'exit-course:intake',
    completesStep: 'agreement_signing',
    allowedIn: (facts) => facts.status === 'awaiting_agreement_signature',
    refuse: refuseAgreementSigned,
    // Outside prison the police phase begins: a municipality's course gains the district's exit unit.
    accessAfter: (state) =>
      state.outsidePrison && state.outsidePrison.policeDistrictCode !== state.outsidePrison.startingUnitCode
        ? [{ orgUnit: state.outsidePrison.policeDistrictCode, access: 'write' }]
        : [],
  },
  mentor: {
    name: 'mentor',
    update: 'assignMentor',
    label: 'Mentor',
    permission: 'exit-course:decide',
    completesStep: 'mentor_assignment',
    allowedIn: active,
    refuse: refuseMentorAssignment,
  },
  'mentor-contacts': {
    name: 'mentor-contacts',
    update: 'logMentorContact',
    label: 'Mentorkontakt',
    // Kriminalforsorgen's mentor in prison; the police's or the municipality's after (write access decides).
    permission: 'mentor-contact:log',
    completesStep: 'mentor_contact',
    allowedIn: (facts) => (active(facts) && facts.hasMentor) || policePhase(facts),
    refuse: refuseMentorContact,
  },
  'psychologist-course': {
    name: 'psychologist-course',
    update: 'recordPsychologistCourse',
    label: 'Psykologforløb',
    permission: 'exit-course:decide',
    allowedIn: (facts) => active(facts) && facts.psychologistCourse !== 'ended',
    refuse: refusePsychologistCourse,
  },
  transfer: {
    name: 'transfer',
    update: 'recordPrisonTransfer',
    label: 'Overførsel til et andet fængsel',
    permission: 'exit-course:decide',
    allowedIn: inPrison,
    refuse: refusePrisonTransfer,
    // The receiving prison gains the case; the sending one keeps its history.
    accessAfter: (state, input) => [
      { orgUnit: prisonOf(state), access: 'read' },
      { orgUnit: input.toInstitutionCode, access: 'write' },
    ],
  },
  'release-plan': {
    name: 'release-plan',
    update: 'setReleasePlan',
    label: 'Løsladelsesplan',
    permission: 'exit-course:decide',
    allowedIn: active,
    refuse: refuseReleasePlan,
    // After the notice: the plan's new units read the course; those it no longer names lose the notice's grant.
    accessAfter: (state, input) => {
      if (!state.releaseNoticeSentAt) return [];
      const before = state.releasePlan
        ? [state.releasePlan.municipalityCode, state.releasePlan.policeDistrictCode]
        : [];
      const after = [input.municipalityCode, input.policeDistrictCode];
      return [
        ...before.filter((unit) => !after.includes(unit)).map((orgUnit) => ({ orgUnit, access: 'none' as const })),
        ...after.map((orgUnit) => ({ orgUnit, access: 'read' as const })),
      ];
    },
  },
  'expected-release-date': {
    name: 'expected-release-date',
    update: 'changeExpectedReleaseDate',
    label: 'Forventet løsladelsesdato',
    permission: 'exit-course:decide',
    allowedIn: inPrison,
    refuse: refuseReleaseDateChange,
  },
  readiness: {
    name: 'readiness',
    update: 'updateReadiness',
    label: 'Tjekliste for løsladelse',
    permission: 'exit-course:decide',
    completesStep: 'release_preparation',
    allowedIn: inPrison,
    refuse: refuseReadiness,
  },
  release: {
    name: 'release',
    update: 'recordRelease',
    label: 'Løsladelse',
    permission: 'exit-course:decide',
    allowedIn: active,
    refuse: refuseRelease,
    // Handed over: the district's exit unit gains the case; the prison and the municipality can read it. A unit
    // of the release plan that read it from the notice, and that the release does not go to, reads no more.
    accessAfter: (state, input) => {
      const { policeDistrictCode, municipalityCode } = releaseDestination(state, input);
      const notified = state.releaseNoticeSentAt && state.releasePlan ? Object.values(state.releasePlan) : [];
      return [
        ...notified
          .filter((unit) => unit !== policeDistrictCode && unit !== municipalityCode)
          .map((orgUnit) => ({ orgUnit, access: 'none' as const })),
        { orgUnit: prisonOf(state), access: 'read' },
        { orgUnit: municipalityCode, access: 'read' },
        { orgUnit: policeDistrictCode, access: 'write' },
      ];
    },
  },
  interruption: {
    name: 'interruption',
    update: 'interruptCourse',
    label: 'Afbryd forløbet',
    permission: 'exit-course:intake',
    allowedIn: beforeHandover,
    refuse: refuseInterruption,
  },
  'handover-report': {
    name: 'handover-report',
    update: 'submitHandoverReport',
    label: 'Overdragelsesrapport',
    permission: 'exit-course:decide',
    completesStep: 'handover_report',
    allowedIn: preparing,
    refuse: refuseHandoverReport,
  },
  'handover-view': {
    name: 'handover-view',
    update: 'recordHandoverView',
    label: 'Udtalelse til afgørelsen om overdragelsen',
    permission: 'handover:view',
    allowedIn: awaitingExitUnit,
    refuse: refuseHandoverView,
    // The municipality reads the course from the release notice; the prison after the release.
    readAccessSuffices: (status) => status === 'agreement_active' || status === 'awaiting_handover_decision',
  },
  'handover-decision': {
    name: 'handover-decision',
    update: 'decideHandover',
    label: 'Afgørelse om overdragelsen',
    permission: 'handover:decide',
    completesStep: 'handover_decision',
    allowedIn: awaitingExitUnit,
    refuse: refuseHandoverDecision,
    // Before the release the district only reads the course (the notice's grant to the release plan's district).
    readAccessSuffices: (status) => status === 'agreement_active',
    // Declined after the release: back to the prison, which hands over again; the district keeps its history.
    // (Before it, the course is the prison's still: nothing changes hands.)
    accessAfter: (state, input) =>
      input.decision === 'decline' && state.status === 'awaiting_handover_decision'
        ? [
            { orgUnit: state.handover!.policeDistrictCode, access: 'read' },
            { orgUnit: prisonOf(state), access: 'write' },
          ]
        : [],
  },
  'handover-redirect': {
    name: 'handover-redirect',
    update: 'redirectHandover',
    label: 'Overdrag til en anden politikreds',
    permission: 'exit-course:decide',
    completesStep: 'handover_redirect',
    allowedIn: (facts) => facts.status === 'handover_declined',
    refuse: refuseHandoverRedirect,
    accessAfter: (state, input) => [
      { orgUnit: prisonOf(state), access: 'read' },
      { orgUnit: input.policeDistrictCode, access: 'write' },
    ],
  },
  'police-plan': {
    name: 'police-plan',
    update: 'recordPolicePlan',
    label: 'Plan for forløbet hos politiets exitenhed',
    permission: 'handover:decide',
    completesStep: 'police_plan',
    allowedIn: (facts) => policePhase(facts) && facts.openSteps.includes('police_plan'),
    refuse: refusePolicePlan,
  },
  'police-review': {
    name: 'police-review',
    update: 'recordPoliceReview',
    label: 'Opfølgning på forløbet',
    permission: 'handover:decide',
    completesStep: 'police_review',
    allowedIn: (facts) => policePhase(facts) && facts.openSteps.includes('police_review'),
    refuse: refusePoliceReview,
  },
  'police-course-end': {
    name: 'police-course-end',
    update: 'endPoliceCourse',
    label: 'Afslut forløbet med et udfald',
    permission: 'handover:decide',
    allowedIn: policePhase,
    refuse: refusePoliceCourseEnd,
    // Moved: the new district's exit unit gains the case (and decides on it); the old one keeps its history.
    accessAfter: (state, input) =>
      input.outcome === 'moved'
        ? [
            { orgUnit: state.policePhase!.policeDistrictCode, access: 'read' },
            { orgUnit: input.toPoliceDistrictCode!, access: 'write' },
          ]
        : [],
  },
  'reoffending-check': {
    name: 'reoffending-check',
    update: 'recordReoffendingCheck',
    label: 'Tilbagefaldskontrol',
    permission: 'handover:decide',
    completesStep: 'reoffending_check',
    allowedIn: (facts) => facts.status === 'police_course_ended' && facts.openSteps.includes('reoffending_check'),
    refuse: refuseReoffendingCheck,
  },
};
