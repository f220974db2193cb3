import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { DefaultLogger } from '@temporalio/worker';
import { loadConfig } from '../../../libs/config/exitflow-config';
import { metricsListenSettings } from '../../../libs/observability/metrics/metrics-endpoint';
import { installTemporalRuntime } from '../../../libs/observability/metrics/temporal-sdk-metrics';
import { WorkerMetrics } from '../../../libs/observability/metrics/worker-metrics';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: one worker process against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfig();
  const sdkMetricsUrl = await installTemporalRuntime({
    logger: new DefaultLogger((process.env.TEMPORAL_WORKER_LOG_LEVEL as 'WARN') || 'WARN'),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  const metrics = await app.get(WorkerMetrics).listen(metricsListenSettings(config.metrics, 'worker'), sdkMetricsUrl);
  new Logger('Metrics').log(`Prometheus metrics at ${metrics.url}`);
  // A worker that stopped polling must not linger as a live process: let the supervisor restart it.
  app.get(TemporalWorkerService).stopped.catch(() => process.exit(1));
}

main().catch((error: Error) => {
  console.error(`exitflow worker failed to start: ${error.message}`);
  process.exit(1);
});
