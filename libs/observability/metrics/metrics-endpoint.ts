import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsSettings } from '../../config/exitflow-config';

/** Prometheus's text exposition format, as prom-client writes it. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsListenSettings {
  host: string;
  /** 0: a free port the OS picks. */
  port: number;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

export interface MetricsEndpoint {
  /** `http://host:port/metrics`, with the port actually bound. */
  url: string;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on a listen address of its own (node:http, no framework): the same for API and worker.
 * Every other path is 404, every other method 405; with a token, a scrape without it is 401.
 */
export async function serveMetrics(
  settings: MetricsListenSettings,
  scrape: () => Promise<string>,
): Promise<MetricsEndpoint> {
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (new URL(request.url ?? '/', 'http://metrics').pathname !== '/metrics') return answer(404, 'Not found\n');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    if (settings.token !== undefined && !bearerMatches(request.headers.authorization, settings.token)) {
      return answer(401, 'Unauthorized\n', { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    scrape().then(
      (text) => answer(200, text, { 'content-type': PROMETHEUS_CONTENT_TYPE }),
      // A collector failed outright (each domain figure handles its own database errors): say so, briefly.
      (error: Error) => answer(500, `Metrics could not be collected: ${error.name}\n`),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`Metrics cannot listen on ${settings.host}:${settings.port}: ${error.code ?? error.message}`)),
    );
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The API's or the worker's listen address from the configuration. */
export function metricsListenSettings(settings: MetricsSettings, process: 'api' | 'worker'): MetricsListenSettings {
  return {
    host: settings.host,
    port: process === 'api' ? settings.apiPort : settings.workerPort,
    token: settings.token,
  };
}
