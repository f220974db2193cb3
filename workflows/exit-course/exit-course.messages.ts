import type {
  PoliceCourseEndInput,
  PolicePlanInput,
  PoliceReviewInput,
  ReoffendingCheckInput,
} from '../../libs/domain/exit-course/police-phase.types';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AgreementSignedInput,
  AssessmentPartyInput,
  ExitCourseState,
  InterruptionInput,
  MentorAssignmentInput,
  MentorContactInput,
  PrisonTransferInput,
  HandoverDecisionInput,
  HandoverRedirectInput,
  PsychologistCourseInput,
  ReadinessInput,
  ReleaseInput,
  ReleaseDateChangeInput,
  ReleasePlanInput,
  SuitabilityAssessmentInput,
} from '../../libs/domain/exit-course/exit-course.types';
import { EXIT_COURSE_DECISIONS } from '../../libs/domain/exit-course/exit-course.decisions';
import type { HandoverReportInput, HandoverViewInput } from '../../libs/domain/exit-course/handover-preparation.types';
import { READ_MODEL_SYNCED_UPDATE } from '../../libs/domain/case/case-workflows';

/** The messages an exit-course workflow answers; shared by the workflow and its clients. */
export const exitCourseStateQuery = defineQuery<ExitCourseState>('exitCourseState');

/** Waits until everything the course has done so far is in the read model, then returns the state. */
export const readModelSyncedUpdate = defineUpdate<ExitCourseState>(READ_MODEL_SYNCED_UPDATE);

export const recordSuitabilityAssessmentUpdate = defineUpdate<ExitCourseState, [SuitabilityAssessmentInput]>(
  EXIT_COURSE_DECISIONS['suitability-assessment'].update,
);

export const interruptCourseUpdate = defineUpdate<ExitCourseState, [InterruptionInput]>(
  EXIT_COURSE_DECISIONS.interruption.update,
);

/** A party's input to the joint suitability assessment of a parole-linked course. */
export const recordAssessmentInputUpdate = defineUpdate<ExitCourseState, [AssessmentPartyInput]>(
  EXIT_COURSE_DECISIONS['assessment-inputs'].update,
);

export const recordAgreementSignedUpdate = defineUpdate<ExitCourseState, [AgreementSignedInput]>(
  EXIT_COURSE_DECISIONS['agreement-signed'].update,
);

/** Assigns the first mentor, or changes mentor. */
export const assignMentorUpdate = defineUpdate<ExitCourseState, [MentorAssignmentInput]>(
  EXIT_COURSE_DECISIONS.mentor.update,
);

export const logMentorContactUpdate = defineUpdate<ExitCourseState, [MentorContactInput]>(
  EXIT_COURSE_DECISIONS['mentor-contacts'].update,
);

export const recordPsychologistCourseUpdate = defineUpdate<ExitCourseState, [PsychologistCourseInput]>(
  EXIT_COURSE_DECISIONS['psychologist-course'].update,
);

export const recordPrisonTransferUpdate = defineUpdate<ExitCourseState, [PrisonTransferInput]>(
  EXIT_COURSE_DECISIONS.transfer.update,
);

export const setReleasePlanUpdate = defineUpdate<ExitCourseState, [ReleasePlanInput]>(
  EXIT_COURSE_DECISIONS['release-plan'].update,
);

/** The expected release date changed: every release timer re-arms. */
export const changeExpectedReleaseDateUpdate = defineUpdate<ExitCourseState, [ReleaseDateChangeInput]>(
  EXIT_COURSE_DECISIONS['expected-release-date'].update,
);

export const updateReadinessUpdate = defineUpdate<ExitCourseState, [ReadinessInput]>(
  EXIT_COURSE_DECISIONS.readiness.update,
);

/** Released: handed over to the police exit unit of the district; Kriminalforsorgen's part ends. */
export const recordReleaseUpdate = defineUpdate<ExitCourseState, [ReleaseInput]>(EXIT_COURSE_DECISIONS.release.update);

/** The police exit unit accepts (continue or close) or declines the handover. */
export const decideHandoverUpdate = defineUpdate<ExitCourseState, [HandoverDecisionInput]>(
  EXIT_COURSE_DECISIONS['handover-decision'].update,
);

/** After a decline: Kriminalforsorgen hands over to another district. */
export const redirectHandoverUpdate = defineUpdate<ExitCourseState, [HandoverRedirectInput]>(
  EXIT_COURSE_DECISIONS['handover-redirect'].update,
);

/** The police phase (police-phase.ts): its plan, each review, its end (or move), the reoffending check. */
export const recordPolicePlanUpdate = defineUpdate<ExitCourseState, [PolicePlanInput]>(
  EXIT_COURSE_DECISIONS['police-plan'].update,
);

export const recordPoliceReviewUpdate = defineUpdate<ExitCourseState, [PoliceReviewInput]>(
  EXIT_COURSE_DECISIONS['police-review'].update,
);

export const endPoliceCourseUpdate = defineUpdate<ExitCourseState, [PoliceCourseEndInput]>(
  EXIT_COURSE_DECISIONS['police-course-end'].update,
);

export const recordReoffendingCheckUpdate = defineUpdate<ExitCourseState, [ReoffendingCheckInput]>(
  EXIT_COURSE_DECISIONS['reoffending-check'].update,
);

/** From the release notice: the Kriminalforsorgen caseworker's handover report. */
export const submitHandoverReportUpdate = defineUpdate<ExitCourseState, [HandoverReportInput]>(
  EXIT_COURSE_DECISIONS['handover-report'].update,
);

/** The municipality's or Kriminalforsorgen's view on the exit unit's decision. */
export const recordHandoverViewUpdate = defineUpdate<ExitCourseState, [HandoverViewInput]>(
  EXIT_COURSE_DECISIONS['handover-view'].update,
);
