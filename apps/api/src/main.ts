import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../libs/config/exitflow-config';
import { apiMetricsOf } from '../../../libs/observability/metrics/api-metrics';
import { metricsListenSettings } from '../../../libs/observability/metrics/metrics-endpoint';
import { startupLogger } from '../../../libs/observability/logging/exitflow-logger';
import { startTracing } from '../../../libs/observability/tracing/tracing';
import { createApiApp } from './api.setup';

/** `npm run start:api`: the HTTP API against DATABASE_URL and TEMPORAL_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfig();
  startTracing(config.tracing, 'exitflow-api', { instrumentHttp: true });
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  const metrics = await apiMetricsOf(app).listen(metricsListenSettings(config.metrics, 'api'));
  new Logger('Metrics').log(`Prometheus metrics at ${metrics.url}`);
}

main().catch((error: Error) => {
  // The message names a refused setting or what failed at start-up; no request has been served.
  startupLogger('api').fatal({ err: error }, `exitflow API failed to start: ${error.message}`);
  process.exit(1);
});
