import type { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream, Logger } from 'pino';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { createExitflowLogger } from '../../../libs/observability/logging/exitflow-logger';
import { levelOfNestLevels, nestLoggerOver } from '../../../libs/observability/logging/nest-logger';
import { activityLogFields } from '../../../libs/observability/logging/temporal-logger';
import { WorkerModule } from './worker.module';

/**
 * The worker's root logger: LOG_FORMAT and LOG_LEVEL (or the most verbose of Nest's `logLevels`, as tests pass
 * them), to stdout unless `destination` takes the lines; a line written inside an activity carries its ids.
 * The same logger goes to Runtime.install (PinoTemporalLogger) and to the Nest context.
 */
export function createWorkerLogger(
  config: ExitflowConfig,
  logLevels?: LogLevel[],
  destination?: DestinationStream,
): Logger {
  return createExitflowLogger(
    { ...config.logging, level: levelOfNestLevels(logLevels, config.logging.level) },
    'worker',
    destination,
    activityLogFields,
  );
}

/** The worker's Nest application context exactly as `main.ts` runs it (tests use this too); it starts polling. */
export async function createWorkerApp(config: ExitflowConfig, logger: Logger): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: nestLoggerOver(logger) });
}
