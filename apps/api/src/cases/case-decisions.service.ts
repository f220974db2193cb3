import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcDeadlineError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import type { Refusal } from '../../../../libs/domain/case/refusal';
import { refusalKindOfFailure } from '../../../../libs/domain/case/refusal';
import { CASE_NEEDS_ATTENTION } from '../../../../libs/domain/case/read-model-attention';
import { API_CONFIG } from '../api.tokens';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT, TemporalCalls } from '../temporal/temporal-client.provider';
import { CaseScopeRepository, requireWritable } from './case-scope.repository';
import { CaseRecordsRepository } from './case-records.repository';
import { IdempotencyKeysService, START_OPERATIONS, type StartResult } from './idempotency-keys.service';
import { currentWarningWindows } from '../../../../libs/domain/case/step-kinds';
import type { CaseSlice, RequiredDocument } from './case-slice';
import { CaseDocumentsService } from './case-documents.service';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { CASE_WORKFLOWS, caseWorkflowId, READ_MODEL_SYNCED_UPDATE } from '../../../../libs/domain/case/case-workflows';

/**
 * Sends a decision to a case's workflow, for every case type: 404 outside the user's scope, 403 with
 * read-only access, then the workflow's validator decides (409/422) — all within the command deadline.
 * It knows the workflows by type and message names only (libs/domain/case/case-workflows.ts).
 */
@Injectable()
export class CaseDecisionsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly scope: CaseScopeRepository,
    private readonly calls: TemporalCalls,
    private readonly idempotency: IdempotencyKeysService,
    private readonly records: CaseRecordsRepository,
    private readonly units: OrganisationUnits,
    private readonly documents: CaseDocumentsService,
  ) {}

  /**
   * Starts a case once per Idempotency-Key (a double click or a retry never makes two): claims its id, and
   * starts its workflow with the type's own input and the policy in force now (deadlines, warning windows).
   * A replay whose case is already recorded is answered from the read model alone: starting it again could
   * bring back an ended case whose run Temporal no longer keeps.
   */
  async startOnce(
    caseType: CaseType,
    user: AuthenticatedUser,
    idempotencyKey: string | undefined,
    body: object,
    inputOf: (caseId: string) => object,
  ): Promise<StartResult> {
    const claim = await this.idempotency.claim(START_OPERATIONS[caseType], user, idempotencyKey, body);
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    await this.startCase(caseType, claim.caseId, this.startInput(claim.caseId, user, inputOf));
    return claim;
  }

  /** A case type's own start input, with what every case's input carries. */
  startInput(caseId: string, user: AuthenticatedUser, inputOf: (caseId: string) => object): object {
    return {
      ...inputOf(caseId),
      deadlines: this.config.deadlines,
      warningWindows: currentWarningWindows(),
      actor: { id: user.id },
    };
  }

  /** Takes decision `name` of the slice's table on a case: its route's body becomes the workflow's input. */
  async decide<Inputs, Name extends keyof Inputs & string>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the state and facts do not matter here
    slice: CaseSlice<any, Inputs, any>,
    name: Name,
    caseId: string,
    body: object,
    user: AuthenticatedUser,
  ): Promise<void> {
    const route = slice.routes[name];
    const input = route.toInput(body, { id: user.id }, user);
    const found = await this.scope.findForUser(caseId, slice.caseType, user);
    if (!found) throw ApiError.caseNotFound(caseId);
    if (!slice.decisions[name].readAccessSuffices?.(found.status)) requireWritable(found);
    await this.requireDocument(route.requiredDocument, caseId);
    await this.units.requireOpen(...route.unitsNamed(input));
    await this.sendUpdate(caseId, found, slice.decisions[name].update, input, slice);
  }

  /**
   * Sends a decision's update to a case's workflow found within the user's scope, within the command
   * deadline: its validator's refusal becomes 409/422, a closed case 409 in the words of `closed`.
   */
  async sendUpdate(
    caseId: string,
    found: { workflowId: string; status: string },
    update: string,
    input: unknown,
    closed: ClosedCaseWording,
  ): Promise<void> {
    const handle = this.client.workflow.getHandle(found.workflowId);
    try {
      await this.withinCommandTimeout(caseId, () => handle.executeUpdate(update, { args: [input] }));
    } catch (error) {
      throw toApiError(error, found.status, closed);
    }
  }

  /** 409 `DOCUMENT_REQUIRED` when the decision needs a document the case does not have (and the setting asks for it). */
  private async requireDocument(document: RequiredDocument | undefined, caseId: string): Promise<void> {
    if (!document?.required(this.config)) return;
    if (await this.documents.hasDocumentOfType(caseId, document.type)) return;
    throw new ApiError(HttpStatus.CONFLICT, 'DOCUMENT_REQUIRED', document.message, { documentType: document.type });
  }

  /**
   * Starts a case's workflow — or finds the run an earlier attempt under the same key started — and
   * waits until its first transitions are in the read model, so the case can be read back the moment
   * the request answers.
   */
  async startCase(caseType: CaseType, caseId: string, input: object): Promise<void> {
    const startWorkflowOperation = new WithStartWorkflowOperation(CASE_WORKFLOWS[caseType].workflowType, {
      workflowId: caseWorkflowId(caseType, caseId),
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    await this.withinCommandTimeout(caseId, () =>
      this.client.workflow.executeUpdateWithStart(READ_MODEL_SYNCED_UPDATE, { startWorkflowOperation }),
    ).catch(
      // Started, but the read model refused its opening: the case waits for operations.
      (error: unknown) => {
        throw caseNeedsAttention(error) ?? error;
      },
    );
  }

  /**
   * Waits at most API_COMMAND_TIMEOUT_SECONDS for Temporal, the worker and the read model. Past it the
   * request answers 503; the command may still complete (a retry with the same key, or a read, shows it).
   * The client's own deadline bounds its gRPC calls; the timer bounds everything else (reconnecting to a
   * Temporal that is away, the client's retries), so the answer never comes later than the setting says.
   */
  async withinCommandTimeout<T>(caseId: string, call: () => Promise<T>): Promise<T> {
    const timeoutMs = this.config.api.commandTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(processUnavailable(caseId)), timeoutMs);
    });
    const answered = this.calls.within(timeoutMs, call).catch((error: unknown) => {
      // The deadline surfaces either as DEADLINE_EXCEEDED or, while an update is polled, as a cancelled
      // call; this service never cancels a call itself, so both mean the deadline passed.
      if (!isGrpcDeadlineError(error) && !(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw error;
      throw processUnavailable(caseId);
    });
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function processUnavailable(caseId: string): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'SERVICE_UNAVAILABLE',
    'Sagens proces svarer ikke lige nu. Prøv igen om lidt; er beslutningen allerede registreret, ses den på sagen.',
    { caseId },
  );
}

/** An update refused because the case waits for operations (a read-model write was refused): 503 with the workflow's message. */
function caseNeedsAttention(error: unknown): ApiError | undefined {
  if (!(
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === CASE_NEEDS_ATTENTION
  ))
    return undefined;
  return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'CASE_NEEDS_ATTENTION', error.cause.message);
}

export function refusalToApiError(kind: Refusal['kind'], message: string): ApiError {
  return kind === 'illegal-transition'
    ? new ApiError(HttpStatus.CONFLICT, 'ILLEGAL_TRANSITION', message)
    : ApiError.invalidDomainData(message);
}

/** How a case type's statuses and its closed-case answer read (a slice has both). */
export type ClosedCaseWording = Pick<CaseSlice<unknown, unknown, unknown>, 'statuses' | 'closedMessage'>;

/** A refused update becomes 409 (illegal transition) or 422 (impossible facts); a closed case 409. */
function toApiError(error: unknown, status: string, slice: ClosedCaseWording): unknown {
  const attention = caseNeedsAttention(error);
  if (attention) return attention;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const kind = refusalKindOfFailure(error.cause.type);
    if (kind) return refusalToApiError(kind, error.cause.message);
  }
  if (error instanceof WorkflowNotFoundError) {
    if (slice.statuses.isFinal(status)) {
      return new ApiError(HttpStatus.CONFLICT, 'CASE_CLOSED', slice.closedMessage(slice.statuses.text(status)));
    }
    // Open in the read model but gone from Temporal (terminated by an operator, or Temporal reset).
    return new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'SERVICE_UNAVAILABLE',
      'Sagens proces findes ikke i Temporal. Kontakt driften.',
    );
  }
  return error;
}
