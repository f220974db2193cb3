import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { READ_MODEL_REJECTED } from '../libs/domain/case/read-model-attention';
import { classifyDatabaseError, describeDatabaseFailure } from '../libs/persistence/database-errors';

/** Attempts an unrecognised failure gets before it is treated as one that trying again cannot fix. */
export const UNKNOWN_FAILURE_ATTEMPTS = 5;

function currentAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1; // called outside an activity (tests)
  }
}

/**
 * The failure a read-model activity leaves with, in place of the driver's error — whose message and
 * `parameters` would carry case text into the worker log and into Temporal, once per retry:
 * - the database is away: retryable (the activity's retry policy backs off, without end);
 * - it refused the data: non-retryable ReadModelRejected, with the error's class and SQLSTATE as details;
 * - anything else: retried UNKNOWN_FAILURE_ATTEMPTS times, then treated as refused.
 */
export function readModelFailure(error: unknown, what: string): ApplicationFailure {
  const failure = classifyDatabaseError(error);
  const named = describeDatabaseFailure(failure);
  const details = [{ errorClass: failure.errorClass, errorCode: failure.code, schemaObject: failure.schemaObject }];
  if (failure.kind === 'unavailable') {
    return ApplicationFailure.retryable(
      `Read model unavailable for ${what}: ${named}`,
      'ReadModelUnavailable',
      ...details,
    );
  }
  if (failure.kind === 'unknown' && currentAttempt() < UNKNOWN_FAILURE_ATTEMPTS) {
    return ApplicationFailure.retryable(`Read model write failed for ${what}: ${named}`, 'ReadModelFailed', ...details);
  }
  return ApplicationFailure.nonRetryable(`Read model refused ${what}: ${named}`, READ_MODEL_REJECTED, ...details);
}
