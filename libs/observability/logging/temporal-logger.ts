import { asyncLocalStorage as activityContext } from '@temporalio/activity';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from 'pino';
import { CASE_WORKFLOWS } from '../../domain/case/case-workflows';
import { errorFields } from './exitflow-logger';
import type { TemporalLogLevelName } from './log-settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case workflow's case id: its workflow id is the case type's prefix and the case id (case-workflows.ts). */
export function caseIdOfWorkflow(workflowId: unknown): string | undefined {
  if (typeof workflowId !== 'string') return undefined;
  for (const { workflowIdPrefix } of Object.values(CASE_WORKFLOWS)) {
    const rest = workflowId.slice(workflowIdPrefix.length);
    if (workflowId.startsWith(workflowIdPrefix) && UUID.test(rest)) return rest;
  }
  return undefined;
}

/**
 * The SDK's metadata a line keeps: ids, types and counters. Everything else is dropped — at DEBUG the SDK
 * hands over whole option objects (the worker's, with the payload codec and its keys) and payload-bearing
 * errors; an error keeps its class and code only.
 */
const KEPT_METADATA = new Set([
  'sdkComponent',
  'namespace',
  'taskQueue',
  'workflowId',
  'workflowType',
  'runId',
  'activityId',
  'activityType',
  'attempt',
  'isLocal',
  'durationMs',
  'state',
]);
const RENAMED_METADATA: Record<string, string> = { workflowRunId: 'runId' };
const ERROR_METADATA = new Set(['error', 'err', 'failure']);

export function temporalLogFields(meta: LogMetadata | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta ?? {})) {
    const name = RENAMED_METADATA[key] ?? key;
    if (ERROR_METADATA.has(key) && value !== undefined) fields.error = errorFields(value);
    else if (KEPT_METADATA.has(name) && ['string', 'number', 'boolean'].includes(typeof value)) fields[name] = value;
  }
  const caseId = caseIdOfWorkflow(fields.workflowId);
  if (caseId) fields.caseId = caseId;
  return fields;
}

/**
 * For the worker's root logger (pino's `mixin`): a line written while an activity runs — by Nest's `Logger` or
 * by the SDK — carries the activity's workflow id, run id, type and the case id.
 */
export function activityLogFields(): Record<string, unknown> {
  const info = activityContext.getStore()?.info;
  if (!info) return {};
  const workflowId = info.workflowExecution?.workflowId;
  const caseId = caseIdOfWorkflow(workflowId);
  return {
    activityType: info.activityType,
    attempt: info.attempt,
    ...(info.workflowExecution ? { workflowId, runId: info.workflowExecution.runId } : {}),
    ...(caseId ? { caseId } : {}),
  };
}

/**
 * The Temporal SDK's `Logger` (Runtime.install({ logger })) over the worker's pino logger: the SDK's own lines,
 * the workflows' and the activities' context loggers all land in the same JSON stream, as `context: Temporal`,
 * at their own level (TEMPORAL_WORKER_LOG_LEVEL).
 */
export class PinoTemporalLogger implements TemporalLogger {
  private readonly target: Logger;

  constructor(root: Logger, level: TemporalLogLevelName) {
    this.target = root.child({ context: 'Temporal' }, { level: level.toLowerCase() });
  }

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const method = level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
    this.target[method](temporalLogFields(meta), message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
