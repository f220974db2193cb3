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
} from '../libs/domain/exit-course/exit-course.types';

/** The messages an exit-course workflow answers; shared by the workflow and its clients. */
export const exitCourseStateQuery = defineQuery<ExitCourseState>('exitCourseState');

/** Waits until everything the course has done so far is in the read model, then returns the state. */
export const readModelSyncedUpdate = defineUpdate<ExitCourseState>('readModelSynced');

export const recordSuitabilityAssessmentUpdate = defineUpdate<ExitCourseState, [SuitabilityAssessmentInput]>(
  'recordSuitabilityAssessment',
);

export const interruptCourseUpdate = defineUpdate<ExitCourseState, [InterruptionInput]>('interruptCourse');

/** A party's input to the joint suitability assessment of a parole-linked course. */
export const recordAssessmentInputUpdate = defineUpdate<ExitCourseState, [AssessmentPartyInput]>(
  'recordAssessmentInput',
);

export const recordAgreementSignedUpdate = defineUpdate<ExitCourseState, [AgreementSignedInput]>(
  'recordAgreementSigned',
);

/** Assigns the first mentor, or changes mentor. */
export const assignMentorUpdate = defineUpdate<ExitCourseState, [MentorAssignmentInput]>('assignMentor');

export const logMentorContactUpdate = defineUpdate<ExitCourseState, [MentorContactInput]>('logMentorContact');

export const recordPsychologistCourseUpdate = defineUpdate<ExitCourseState, [PsychologistCourseInput]>(
  'recordPsychologistCourse',
);

export const recordPrisonTransferUpdate = defineUpdate<ExitCourseState, [PrisonTransferInput]>('recordPrisonTransfer');

export const setReleasePlanUpdate = defineUpdate<ExitCourseState, [ReleasePlanInput]>('setReleasePlan');

/** The expected release date changed: every release timer re-arms. */
export const changeExpectedReleaseDateUpdate = defineUpdate<ExitCourseState, [ReleaseDateChangeInput]>(
  'changeExpectedReleaseDate',
);

export const updateReadinessUpdate = defineUpdate<ExitCourseState, [ReadinessInput]>('updateReadiness');

/** Released: handed over to the police exit unit of the district; Kriminalforsorgen's part ends. */
export const recordReleaseUpdate = defineUpdate<ExitCourseState, [ReleaseInput]>('recordRelease');

/** The police exit unit accepts (continue or close) or declines the handover. */
export const decideHandoverUpdate = defineUpdate<ExitCourseState, [HandoverDecisionInput]>('decideHandover');

/** After a decline: Kriminalforsorgen hands over to another district. */
export const redirectHandoverUpdate = defineUpdate<ExitCourseState, [HandoverRedirectInput]>('redirectHandover');
