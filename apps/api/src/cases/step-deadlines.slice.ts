import type { StepDeadlineInputs } from '../../../../libs/domain/case/step-deadline';
import { decisionRoute, type DecisionRoutes } from './case-slice';
import { ExtendDeadlineDto, MissedDeadlineReasonDto, ResumeDeadlineDto, SuspendDeadlineDto } from './step-deadline.dto';

/** A deadline decision's input without its step: the route's `:stepId` names that. */
export type StepDeadlineBodies = { [Name in keyof StepDeadlineInputs]: Omit<StepDeadlineInputs[Name], 'stepId'> };

/** The kernel's deadline decisions on a step, for every case type: the body each route takes. */
export const STEP_DEADLINE_ROUTES: DecisionRoutes<StepDeadlineBodies> = {
  suspend: decisionRoute(SuspendDeadlineDto, (body, actor) => ({
    reason: body.reason,
    note: body.note,
    ...(body.expectedUntil ? { expectedUntil: new Date(body.expectedUntil).toISOString() } : {}),
    actor,
  })),
  resume: decisionRoute(ResumeDeadlineDto, (_body, actor) => ({ actor })),
  extend: decisionRoute(ExtendDeadlineDto, (body, actor) => ({
    reason: body.reason,
    note: body.note,
    dueAt: new Date(body.dueAt).toISOString(),
    actor,
  })),
  'missed-reason': decisionRoute(MissedDeadlineReasonDto, (body, actor) => ({
    reason: body.reason,
    note: body.note,
    actor,
  })),
};
