import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Registry } from 'prom-client';
import { HttpMetrics } from './http-metrics';
import { type MetricsEndpoint, type MetricsListenSettings, serveMetrics } from './metrics-endpoint';
import { processRegistry } from './process-metrics';

/** The API's metrics: HTTP latency per route and the process's own; served on API_METRICS_PORT. */
export class ApiMetrics {
  readonly registry: Registry = processRegistry();
  readonly http = new HttpMetrics(this.registry);

  constructor(private readonly app: INestApplication) {}

  /** Serves `/metrics` until the API's own HTTP server closes. */
  async listen(settings: MetricsListenSettings): Promise<MetricsEndpoint> {
    const endpoint = await serveMetrics(settings, () => this.registry.metrics());
    (this.app.getHttpServer() as Server).once('close', () => void endpoint.close());
    return endpoint;
  }
}

const ATTACHED = new WeakMap<INestApplication, ApiMetrics>();

/** Measures every request of the app from here on (call it before any other middleware). */
export function attachApiMetrics(app: INestApplication): ApiMetrics {
  const metrics = new ApiMetrics(app);
  app.use(metrics.http.middleware);
  ATTACHED.set(app, metrics);
  return metrics;
}

export function apiMetricsOf(app: INestApplication): ApiMetrics {
  const metrics = ATTACHED.get(app);
  if (!metrics) throw new Error('The API app was built without attachApiMetrics (createApiApp attaches it).');
  return metrics;
}
