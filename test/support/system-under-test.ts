import type { INestApplication, INestApplicationContext, LogLevel } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api.setup';
import { registerNamespace } from '../../apps/cluster/src/temporal-cluster';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { type ExitflowConfig, loadConfig } from '../../libs/config/exitflow-config';
import { apiMetricsOf } from '../../libs/observability/metrics/api-metrics';
import { metricsListenSettings } from '../../libs/observability/metrics/metrics-endpoint';
import { installTemporalRuntime } from '../../libs/observability/metrics/temporal-sdk-metrics';
import { WorkerMetrics } from '../../libs/observability/metrics/worker-metrics';
import { createWorkerApp, createWorkerLogger } from '../../apps/worker/src/worker.setup';
import { PinoTemporalLogger } from '../../libs/observability/logging/temporal-logger';
import { startTracing } from '../../libs/observability/tracing/tracing';
import { startTemporalDevServer, type TemporalDevServer } from '../../libs/temporal/temporal-dev-server';
import { UI_SERVED_BY_THE_API } from '../../libs/temporal/temporal-ui-path';
import { openReadModel, testDatabaseUrl } from './read-model';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { temporalTestLogger } from './temporal-log-level';
import { freePort } from './test-database';

/**
 * The whole system as `npm start` runs it, in one process: a real Temporal dev server (the CLI from the
 * PyPI wheel), the worker's Nest context, the API's Nest app on a free port, and the test database.
 */
export interface SystemUnderTest {
  baseUrl: string;
  config: ExitflowConfig;
  /** A Temporal client without the payload codec: it sees what Temporal stores. */
  temporal: Client;
  db: DataSource;
  /** The Prometheus endpoints (`…/metrics`) of the API and, if it runs, the worker, each on a free port. */
  metricsUrls: { api: string; worker?: string };
  /** With `throughProxies`: the API's and worker's way to PostgreSQL and to Temporal, to cut and restore. */
  proxies?: { database: TcpProxy; temporal: TcpProxy };
  /** Logs in a demo user and answers a client that sends that user's token. */
  as(username: string): Promise<UserClient>;
  stop(): Promise<void>;
}

export type UserClient = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<HttpAnswer>;

export async function startSystem(
  environment: Record<string, string> = {},
  /**
   * `databaseUrl`: a database of the suite's own (createSiblingDatabase) instead of the run's shared one.
   * `logDestination`: API and worker write their log lines there instead of stdout, and so does the Temporal
   * SDK (at TEMPORAL_WORKER_LOG_LEVEL) while the system runs.
   */
  options: {
    worker?: boolean;
    logLevels?: LogLevel[];
    databaseUrl?: string;
    throughProxies?: boolean;
    logDestination?: DestinationStream;
    /** A dev server with its web UI, which the API serves at TEMPORAL_UI_PATH as `npm start` does. */
    temporalUi?: boolean;
  } = {},
): Promise<SystemUnderTest> {
  const logger = options.logLevels ?? ['error', 'warn'];
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-e2e-'));
  const server = await temporalForSuite(path.join(logDir, 'temporal.log'), options.temporalUi === true);
  const databaseUrl = options.databaseUrl ?? testDatabaseUrl();
  let proxies: SystemUnderTest['proxies'];
  let temporalAddress = server.address;
  let systemDatabaseUrl = databaseUrl;
  if (options.throughProxies) {
    const target = new URL(databaseUrl);
    const [temporalHost, temporalPort] = server.address.split(':');
    proxies = {
      database: await startTcpProxy(target.hostname, Number(target.port)),
      temporal: await startTcpProxy(temporalHost, Number(temporalPort)),
    };
    systemDatabaseUrl = Object.assign(new URL(databaseUrl), { port: String(proxies.database.port) }).toString();
    temporalAddress = `127.0.0.1:${proxies.temporal.port}`;
  }
  const config = loadConfig({
    DATABASE_URL: systemDatabaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: 'exitflow-e2e',
    ...(server.namespace ? { TEMPORAL_NAMESPACE: server.namespace } : {}),
    ...(server.uiUrl ? { TEMPORAL_UI_UPSTREAM: server.uiUrl } : {}),
    PORT: '0',
    API_METRICS_PORT: '0',
    WORKER_METRICS_PORT: '0',
    // The login counters are in the database, shared with every suite on it: a suite that tests the
    // limits sets its own and, where it would block the shared client address, uses a database of its own.
    LOGIN_ATTEMPTS_PER_MINUTE: '10000',
    LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000',
    ...environment,
  });
  const sdkMetricsUrl = options.worker === false ? undefined : await installTemporalRuntime();
  const workerLogger = createWorkerLogger(config, logger, options.logDestination);
  const restoreTemporalLogs = options.logDestination
    ? temporalTestLogger.routeTo(new PinoTemporalLogger(workerLogger, config.logging.temporalLevel))
    : () => undefined;
  // As each process's main.ts does (API and worker share this process, so one service name).
  const tracing = startTracing(config.tracing, 'exitflow-e2e', { instrumentHttp: true });
  const worker: INestApplicationContext | undefined =
    options.worker === false ? undefined : await createWorkerApp(config, workerLogger);
  await worker?.init();
  const workerMetrics = await worker
    ?.get(WorkerMetrics)
    .listen(metricsListenSettings(config.metrics, 'worker'), sdkMetricsUrl);
  const api: INestApplication = await createApiApp(config, logger, { logDestination: options.logDestination });
  await api.listen(0, '127.0.0.1');
  const apiMetrics = await apiMetricsOf(api).listen(metricsListenSettings(config.metrics, 'api'));
  const { port } = api.getHttpServer().address() as { port: number };
  const temporal = new Client({
    connection: await Connection.connect({ address: server.address }),
    namespace: config.temporal.namespace,
  });
  const db = await openReadModel(options.databaseUrl);
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  return {
    baseUrl,
    config,
    temporal,
    db,
    metricsUrls: { api: apiMetrics.url, worker: workerMetrics?.url },
    proxies,
    as: async (username) => {
      if (!tokens.has(username)) {
        const login = await http(baseUrl, 'POST', '/api/auth/login', {
          username,
          password: DEMO_SECRETS.demoUserPassword,
        });
        if (login.status !== 200)
          throw new Error(`Login as ${username} answered ${login.status}: ${JSON.stringify(login.body)}`);
        tokens.set(username, login.body.accessToken);
      }
      const authorization = `Bearer ${tokens.get(username)}`;
      return (method, url, body, headers = {}) => http(baseUrl, method, url, body, { authorization, ...headers });
    },
    stop: async () => {
      await api.close();
      await worker?.close();
      await temporal.connection.close();
      await db.destroy();
      await proxies?.database.close();
      await proxies?.temporal.close();
      await tracing?.shutdown();
      await server.stop();
      restoreTemporalLogs();
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run test:cluster` (EXITFLOW_TEST_TEMPORAL_ADDRESS: the cluster's frontends): one frontend of the
 * shared cluster and a fresh namespace, so that suites whose own databases hand out the same case ids
 * start no workflow id twice. Otherwise a dev server of the suite's own.
 */
async function temporalForSuite(
  logFile: string,
  withUi: boolean,
): Promise<{ address: string; namespace?: string; uiUrl?: string; stop(): Promise<void> }> {
  const frontends = process.env.EXITFLOW_TEST_TEMPORAL_ADDRESS?.split(',').filter(Boolean);
  if (!frontends?.length || withUi) return startDevServerOnAFreePort(logFile, withUi);
  const namespace = `e2e-${randomBytes(6).toString('hex')}`;
  await registerNamespace(frontends, namespace);
  const address = frontends[Number.parseInt(namespace.slice(-2), 16) % frontends.length];
  return { address, namespace, stop: async () => undefined };
}

/** A port found free can be taken by another suite before the server binds it: then try another, twice. */
async function startDevServerOnAFreePort(logFile: string, withUi: boolean): Promise<TemporalDevServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const ui = withUi ? { uiPort: await freePort(), ...UI_SERVED_BY_THE_API } : {};
      return await startTemporalDevServer({ port: await freePort(), logFile, ...ui });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
  /** The answer's bytes as they came (a downloaded document); `http` always sets them. */
  bytes?: Buffer;
}

/** One HTTP request; `body` may be a raw string to send malformed JSON, or a FormData sent as multipart/form-data. */
export async function http<T = any>(
  baseUrl: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const form = body instanceof FormData;
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}), ...headers },
    body:
      body === undefined ? undefined : form ? body : typeof body === 'string' ? body : JSON.stringify(body as object),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  // As fetch's text() does: UTF-8, a byte-order mark dropped (the CSV downloads begin with one).
  const text = new TextDecoder().decode(bytes);
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    body: (isJson && text ? JSON.parse(text) : text) as T,
    headers: response.headers,
    bytes,
  };
}
