import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ExitCourseState,
  InterruptionInput,
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

/** Application-failure types a validator refuses with; the API maps them to HTTP statuses. */
export const REFUSAL_FAILURE_TYPES = {
  'illegal-transition': 'IllegalTransition',
  'invalid-data': 'InvalidDomainData',
} as const;
