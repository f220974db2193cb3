import { isGrpcServiceError } from '@temporalio/client';

/** gRPC codes of a Temporal frontend that is away, overloaded or too slow: trying again later helps. */
const UNAVAILABLE_GRPC_CODES = new Set([
  1, // CANCELLED (a call cut short by the connection going away)
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED (rate limits)
  14, // UNAVAILABLE
]);

/** Whether an error from the Temporal client (or one it wraps as `cause`) means Temporal cannot be reached now. */
export function isTemporalUnavailable(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current && depth < 5;
    current = (current as { cause?: unknown }).cause, depth += 1
  ) {
    if (isGrpcServiceError(current) && UNAVAILABLE_GRPC_CODES.has(current.code)) return true;
    const message = String((current as Error).message ?? '');
    if (/Failed to connect before the deadline|No connection established|14 UNAVAILABLE|ECONNREFUSED/.test(message))
      return true;
  }
  return false;
}
