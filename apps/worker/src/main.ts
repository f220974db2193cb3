import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../../../libs/config/exitflow-config';
import { startTracing } from '../../../libs/observability/tracing/tracing';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: one worker process against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_WORKER_LOG_LEVEL as 'WARN') || 'WARN') });
  const config = loadConfig();
  startTracing(config.tracing, 'exitflow-worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  // A worker that stopped polling must not linger as a live process: let the supervisor restart it.
  app.get(TemporalWorkerService).stopped.catch(() => process.exit(1));
}

main().catch((error: Error) => {
  console.error(`exitflow worker failed to start: ${error.message}`);
  process.exit(1);
});
