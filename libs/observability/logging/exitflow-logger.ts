import { hostname } from 'node:os';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogSettings } from './log-settings';

/** Which process writes: every line carries it as `service`. */
export type ExitflowService = 'api' | 'worker';

/**
 * Keys that hold personal data, credentials or free text, wherever a caller puts them in a log object (at the
 * top or one level down). The request lines never take a body, header or query string to begin with: this is
 * the second line of defence for a log call written later.
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'password',
  'accessToken',
  'cpr',
  'name',
  'displayName',
  'reason',
  'note',
  'body',
  'query',
  'headers',
] as const;
const REDACTED_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);
export const REDACTED = '[redacted]';

/** A Danish CPR number, with or without its dash, standing alone. */
const CPR_NUMBER = /(?<![\d-])\d{6}-?\d{4}(?![\d-])/g;
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;

/** A message as it may be logged: a CPR number in it is masked, and terminal colour codes are dropped. */
export function scrubLogText(text: string): string {
  return text.replace(CPR_NUMBER, '[cpr]').replace(ANSI_ESCAPE, '');
}

/**
 * An error as a log line shows it: its class and code, never its message or stack — a database driver's
 * message carries the statement's values (case text), and a stack's first line repeats the message.
 */
export function errorFields(error: unknown): { type: string; code?: string } {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const type = (error as Error).constructor?.name ?? 'Error';
  // An ApplicationFailure's `type` is the error class it stands for (the read model's failures name theirs).
  const failureType = (error as { type?: unknown }).type;
  const own = (error as { code?: unknown }).code;
  const code = typeof own === 'string' || typeof own === 'number' ? String(own) : undefined;
  return {
    type: typeof failureType === 'string' && /^[A-Za-z][A-Za-z0-9_.]{0,80}$/.test(failureType) ? failureType : type,
    ...(code !== undefined && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? { code } : {}),
  };
}

/**
 * The process's root logger: JSON lines (one object a line, ISO time, level as a word) or, for a person at a
 * terminal, pino-pretty's coloured single lines. `destination` is the process's standard output unless a test
 * captures the lines; the stream object is written through (not its file descriptor), so whatever wraps
 * `process.stdout.write` sees every line.
 */
export function createExitflowLogger(
  settings: Pick<LogSettings, 'format' | 'level'>,
  service: ExitflowService,
  destination: DestinationStream = process.stdout,
  /** Fields every line gets from where it is written (the worker's: the running activity's ids). */
  mixin?: LoggerOptions['mixin'],
): Logger {
  const pretty = settings.format === 'pretty';
  // Formatted as it is written (not through pino-pretty's piped stream), so a line logged just before
  // process.exit is not lost.
  const prettify = pretty
    ? prettyFactory({
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,service,context',
        messageFormat: '{service}{if context} [{context}]{end} {msg}',
      })
    : undefined;
  const stream: DestinationStream = prettify ? { write: (line) => destination.write(prettify(line)) } : destination;
  return pino(
    {
      level: settings.level,
      // The process (several API replicas and workers run on one machine), and which kind it is.
      base: { pid: process.pid, hostname: hostname(), service },
      ...(mixin ? { mixin } : {}),
      timestamp: pino.stdTimeFunctions.isoTime,
      // pino-pretty colours numeric levels; a log shipper reads the word.
      ...(pretty ? {} : { formatters: { level: (label: string) => ({ level: label }) } }),
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      serializers: { err: errorFields, error: errorFields },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubLogText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

/** For a process that failed before its configuration was read: LOG_FORMAT if it names a format, else JSON. */
export function startupLogger(service: ExitflowService, env: NodeJS.ProcessEnv = process.env): Logger {
  return createExitflowLogger({ format: env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json', level: 'info' }, service);
}
