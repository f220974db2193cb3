import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import type { Logger as Pino } from 'pino';
import { LOG_LEVELS, type LogLevelName } from './log-settings';

/**
 * nestjs-pino's PinoLogger over a root of our choosing: the request's logger while a request is handled, else
 * `root`. nestjs-pino's own keeps the first root made in the process for every later one, which would mix the
 * API's and the worker's lines when both run in one process (the e2e tests).
 */
class ContextualPinoLogger extends PinoLogger {
  constructor(private readonly root: Pino) {
    super({ pinoHttp: { logger: root } });
  }

  override get logger(): Pino {
    return storage.getStore()?.logger ?? this.root;
  }
}

/** What `app.useLogger` takes: every `new Logger(…)` of Nest (and Nest's own lines) written through pino. */
export function nestLoggerOver(root: Pino): LoggerService {
  return new Logger(new ContextualPinoLogger(root), {});
}

const PINO_LEVEL_OF: Record<NestLogLevel, LogLevelName> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Nest's list of levels (as the tests pass them) as pino's least severe level: the most verbose one listed. */
export function levelOfNestLevels(levels: NestLogLevel[] | undefined, fallback: LogLevelName): LogLevelName {
  if (!levels?.length) return fallback;
  const listed = new Set(levels.map((level) => PINO_LEVEL_OF[level]));
  return LOG_LEVELS.find((level) => listed.has(level)) ?? fallback;
}
