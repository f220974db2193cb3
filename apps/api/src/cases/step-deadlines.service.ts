import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CASE_TYPE_STATUSES } from '../../../../libs/domain/case/case-type-statuses';
import { STEP_DEADLINE_DECISIONS, type StepDeadlineDecisionName } from '../../../../libs/domain/case/step-deadline';
import { ApiError } from '../common/api-error';
import { CaseDecisionsService } from './case-decisions.service';
import { CaseRecordsRepository } from './case-records.repository';
import { CaseScopeRepository, requireWritable } from './case-scope.repository';
import type { StepView } from './case.views';
import { STEP_DEADLINE_ROUTES } from './step-deadlines.slice';

/**
 * The kernel's deadline decisions on a step of any case type: 404 outside the user's scope (or a step the
 * case does not have), 403 with read-only access, then the workflow's validator decides (409/422).
 */
@Injectable()
export class StepDeadlinesService {
  constructor(
    private readonly scope: CaseScopeRepository,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
  ) {}

  async decide(
    name: StepDeadlineDecisionName,
    caseId: string,
    stepId: string,
    body: object,
    user: AuthenticatedUser,
  ): Promise<StepView> {
    const found = await this.scope.findStepForUser(caseId, stepId, user);
    if (!found) throw ApiError.caseNotFound(caseId);
    if (!found.step) throw stepNotFound(caseId, stepId);
    requireWritable(found);
    const route = STEP_DEADLINE_ROUTES[name];
    const input = { ...route.toInput(body as never, { id: user.id }, user), stepId };
    const statuses = CASE_TYPE_STATUSES[found.caseType];
    await this.decisions.sendUpdate(caseId, found, STEP_DEADLINE_DECISIONS[name].update, input, {
      statuses,
      closedMessage: (statusText) => `Sagen er ${statusText} og kan ikke ændres.`,
    });
    return this.step(caseId, stepId, user);
  }

  /** The step as it is now, with the deadline decisions it admits for the user. */
  private async step(caseId: string, stepId: string, user: AuthenticatedUser): Promise<StepView> {
    const found = await this.scope.findStepForUser(caseId, stepId, user);
    if (!found) throw ApiError.caseNotFound(caseId);
    const steps = await this.records.steps(caseId, {
      user,
      decidable: found.writable,
      closed: CASE_TYPE_STATUSES[found.caseType].isFinal(found.status),
    });
    const step = steps.find((candidate) => candidate.id === stepId);
    if (!step) throw stepNotFound(caseId, stepId);
    return step;
  }
}

function stepNotFound(caseId: string, stepId: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Trinnet findes ikke på sagen.', { caseId, stepId });
}
