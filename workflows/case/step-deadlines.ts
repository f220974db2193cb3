import { defineUpdate } from '@temporalio/workflow';
import {
  STEP_DEADLINE_DECISIONS,
  type CaseWithSteps,
  type StepDeadlineInputs,
} from '../../libs/domain/case/step-deadline';
import { onDecision, type DecidingCase } from './case-decisions';
import type { CaseSteps } from './case-steps';

/**
 * The case kernel's deadline decisions, registered once for every workflow type: suspend, resume and extend
 * a step's configurable deadline, and record why a legal one was missed. Each is an update whose validator
 * refuses by the kernel's rule (libs/domain/case/step-deadline.ts) before anything changes.
 */
export function onStepDeadlineDecisions<State extends CaseWithSteps>(
  subject: DecidingCase<State>,
  steps: CaseSteps<string>,
): void {
  const apply: { [Name in keyof StepDeadlineInputs]: (input: StepDeadlineInputs[Name]) => void } = {
    suspend: (input) => subject.writer.enqueue(steps.suspendDeadline(input)),
    resume: (input) => subject.writer.enqueue(steps.resumeDeadline(input)),
    extend: (input) => subject.writer.enqueue(steps.extendDeadline(input)),
    'missed-reason': (input) => subject.writer.enqueue(steps.recordMissedReason(input)),
  };
  for (const name of Object.keys(STEP_DEADLINE_DECISIONS) as (keyof StepDeadlineInputs)[]) {
    const decision = STEP_DEADLINE_DECISIONS[name];
    onDecision(
      subject,
      defineUpdate<State, [StepDeadlineInputs[typeof name]]>(decision.update),
      decision.refuse as (
        state: State,
        input: StepDeadlineInputs[typeof name],
        now: Date,
      ) => ReturnType<typeof decision.refuse>,
      apply[name] as (input: StepDeadlineInputs[typeof name]) => void,
    );
  }
}
