/**
 * What a failed database call means, read from the driver's error alone: whether trying again can help.
 * Used by the read-model activities (retry or stop and ask operations) and by the API (503 or a bug).
 *
 * - `unavailable`: the server is away or overloaded, the connection broke, a lock or serialization
 *   conflict — waiting and trying again helps.
 * - `rejected`: the server understood and refused the data or the statement (bad text, a value out of
 *   range, a constraint, a trigger, a missing table) — the same call fails the same way every time.
 * - `unknown`: anything else (a bug in our code, a driver surprise).
 */
export type DatabaseFailureKind = 'unavailable' | 'rejected' | 'unknown';

export interface DatabaseFailure {
  kind: DatabaseFailureKind;
  /** The error's class (`QueryFailedError`, `Error`): safe to log, never carries data. */
  errorClass: string;
  /** PostgreSQL's SQLSTATE, or the system error code (`ECONNREFUSED`), when there is one. */
  code: string | null;
  /** Where in the schema: `table.column` or the constraint's name, as PostgreSQL reports them (never values). */
  schemaObject: string | null;
}

/** SQLSTATE classes (first two characters) where trying again can succeed. */
const UNAVAILABLE_CLASSES = new Set([
  '08', // connection exception
  '40', // transaction rollback: serialization failure, deadlock
  '53', // insufficient resources: disk full, out of memory, too many connections
  '57', // operator intervention: admin shutdown, crash shutdown, cannot connect now, query canceled
  '58', // system error: I/O
  'XX', // internal error
]);
const UNAVAILABLE_STATES = new Set(['55P03' /* lock not available */, '55006' /* object in use */]);

/** Node's system errors of a connection that failed or broke. */
const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/** Messages of pg and TypeORM for a pool or connection that is gone (they carry no code). */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (?:is )?(?:closed|ended)/i,
  /cannot use a pool after calling end/i,
  /client has encountered a connection error/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
];

function schemaObjectOf(error: object): string | null {
  const fields = ((error as { driverError?: object }).driverError ?? error) as {
    table?: string;
    column?: string;
    constraint?: string;
  };
  if (fields.constraint) return fields.constraint;
  if (fields.table) return fields.column ? `${fields.table}.${fields.column}` : fields.table;
  return null;
}

function codeOf(error: object): string | null {
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof driver === 'string' ? driver : null;
}

export function classifyDatabaseError(error: unknown): DatabaseFailure {
  if (typeof error !== 'object' || error === null)
    return { kind: 'unknown', errorClass: typeof error, code: null, schemaObject: null };
  const errorClass = (error as Error).constructor?.name ?? 'Error';
  const code = codeOf(error);
  const schemaObject = schemaObjectOf(error);
  const nested = (error as { errors?: unknown[] }).errors;
  // Node's AggregateError of every address a connect tried (IPv4 and IPv6).
  if (
    Array.isArray(nested) &&
    nested.length > 0 &&
    nested.every((inner) => classifyDatabaseError(inner).kind === 'unavailable')
  ) {
    return { kind: 'unavailable', errorClass, code: code ?? codeOf(nested[0] as object), schemaObject };
  }
  if (code && UNAVAILABLE_SYSTEM_CODES.has(code)) return { kind: 'unavailable', errorClass, code, schemaObject };
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const kind = UNAVAILABLE_CLASSES.has(code.slice(0, 2)) || UNAVAILABLE_STATES.has(code) ? 'unavailable' : 'rejected';
    return { kind, errorClass, code, schemaObject };
  }
  const message = String((error as Error).message ?? '');
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
    return { kind: 'unavailable', errorClass, code, schemaObject };
  return { kind: 'unknown', errorClass, code, schemaObject };
}

/**
 * `QueryFailedError 23514 steps_lateness_seconds_check`: how a failure is named in logs and to operations.
 * Never the driver's message, which can quote the data (`invalid input syntax for type uuid: "…"`).
 */
export function describeDatabaseFailure({ errorClass, code, schemaObject }: DatabaseFailure): string {
  return [errorClass, code, schemaObject].filter(Boolean).join(' ');
}
