import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram, type Registry } from 'prom-client';
import { matchedRouteTemplate } from '../api-requests';

/** Seconds; a decision waits for the workflow's update and the read model, up to API_COMMAND_TIMEOUT_SECONDS. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The route of a request that matched none (an unknown path, the web page's files, a body refused before routing). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Every request the API answers, by method, route template and status: `/api/exit-courses/:id/…`, never the
 * URL (ids and query strings would make a series per case). A request whose client went away before the
 * answer was written has the status `aborted`.
 */
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly requests: Counter<'method' | 'route' | 'status'>;

  constructor(registry: Registry) {
    const labelNames = ['method', 'route', 'status'] as const;
    this.duration = new Histogram({
      name: 'exitflow_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer written, by method, route template and status.',
      labelNames,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
    this.requests = new Counter({
      name: 'exitflow_http_requests_total',
      help: 'Requests answered, by method, route template and status.',
      labelNames,
      registers: [registry],
    });
  }

  /** Express (or any node:http) middleware: measures from here to the answer. */
  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const stop = this.duration.startTimer();
    response.once('close', () => {
      const labels = {
        method: request.method ?? 'UNKNOWN',
        route: matchedRouteTemplate(request) ?? UNMATCHED_ROUTE,
        status: response.writableFinished ? String(response.statusCode) : 'aborted',
      };
      stop(labels);
      this.requests.inc(labels);
    });
    next();
  };
}
