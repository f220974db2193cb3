import { defineUpdate } from '@temporalio/workflow';
import {
  STEP_DEADLINE_DECISIONS,
  type ExtendDeadlineInput,
  type MissedDeadlineReasonInput,
  type ResumeDeadlineInput,
  type SuspendDeadlineInput,
} from '../../libs/domain/case/step-deadline';

/** The kernel's deadline updates every case workflow answers (with its state); shared by workflows and clients. */
export const suspendStepDeadlineUpdate = defineUpdate<unknown, [SuspendDeadlineInput]>(
  STEP_DEADLINE_DECISIONS.suspend.update,
);
export const resumeStepDeadlineUpdate = defineUpdate<unknown, [ResumeDeadlineInput]>(
  STEP_DEADLINE_DECISIONS.resume.update,
);
export const extendStepDeadlineUpdate = defineUpdate<unknown, [ExtendDeadlineInput]>(
  STEP_DEADLINE_DECISIONS.extend.update,
);
export const recordMissedDeadlineReasonUpdate = defineUpdate<unknown, [MissedDeadlineReasonInput]>(
  STEP_DEADLINE_DECISIONS['missed-reason'].update,
);
