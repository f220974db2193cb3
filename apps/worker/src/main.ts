import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../libs/config/exitflow-config';
import { startupLogger } from '../../../libs/observability/logging/exitflow-logger';
import { PinoTemporalLogger } from '../../../libs/observability/logging/temporal-logger';
import { metricsListenSettings } from '../../../libs/observability/metrics/metrics-endpoint';
import { installTemporalRuntime } from '../../../libs/observability/metrics/temporal-sdk-metrics';
import { WorkerMetrics } from '../../../libs/observability/metrics/worker-metrics';
import { startTracing } from '../../../libs/observability/tracing/tracing';
import { TemporalWorkerService } from './temporal-worker.service';
import { createWorkerApp, createWorkerLogger } from './worker.setup';

/** `npm run start:worker`: one worker process against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createWorkerLogger(config);
  startTracing(config.tracing, 'exitflow-worker');
  const sdkMetricsUrl = await installTemporalRuntime({
    logger: new PinoTemporalLogger(logger, config.logging.temporalLevel),
  });
  const app = await createWorkerApp(config, logger);
  app.enableShutdownHooks();
  const metrics = await app.get(WorkerMetrics).listen(metricsListenSettings(config.metrics, 'worker'), sdkMetricsUrl);
  new Logger('Metrics').log(`Prometheus metrics at ${metrics.url}`);
  // A worker that stopped polling must not linger as a live process: let the supervisor restart it.
  app.get(TemporalWorkerService).stopped.catch(() => process.exit(1));
}

main().catch((error: Error) => {
  // The message names a refused setting or what failed at start-up (Temporal or PostgreSQL unreachable).
  startupLogger('worker').fatal({ err: error }, `exitflow worker failed to start: ${error.message}`);
  process.exit(1);
});
