import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { migrateReadModel, readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../libs/persistence/embedded-postgres';
import { applyRuntimeGrants, ensureRuntimeRole, runtimeUrl } from '../../libs/persistence/runtime-role';
import { PROJECT_ROOT } from '../../libs/temporal/temporal-binaries';
import {
  killProcess,
  startTemporalDevServer,
  stopProcess,
  type TemporalDevServer,
} from '../../libs/temporal/temporal-dev-server';
import { http, type HttpAnswer } from '../support/system-under-test';
import { freeFixedPort } from '../support/test-database';

/**
 * The system as a deployment runs it, each part its own OS process, so that each can be killed: an
 * embedded PostgreSQL server, a Temporal dev server on a SQLite file, the worker and the API from the
 * compiled `dist/` (`npm run start:worker`, `npm run start:api`). Logs go to files, read by the tests.
 */
export interface FaultSystem {
  baseUrl: string;
  /** Temporal's frontend (the same address after a restart). */
  temporalAddress: string;
  /** The read model as the tables' owner (the tests read what the API and worker wrote). */
  db: DataSource;
  logDir: string;
  killWorker(): Promise<void>;
  startWorker(): Promise<void>;
  killApi(): Promise<void>;
  startApi(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  killTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  /** A client logged in as a demo user; the token outlives API restarts. */
  as(username: string): Promise<FaultClient>;
  /** Everything the API and the worker wrote to their logs. */
  logs(): string;
  stop(): Promise<void>;
}

/** Like the e2e client, but a request the API could not answer (it was killed) is `status: 0`. */
export type FaultClient = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<HttpAnswer>;

const RUNTIME_PASSWORD = 'exitflow-app-faults';

/** Compiles the apps once (incremental: quick when `npm run build` has run). */
export function buildApps(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
}

export async function startFaultSystem(extraEnvironment: Record<string, string> = {}): Promise<FaultSystem> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-faults-'));
  const logDir = path.join(root, 'logs');
  fs.mkdirSync(logDir);
  // Each part is started again on its port: ports no other suite's freePort() can be handed meanwhile.
  const [pgPort, temporalPort, apiPort] = [await freeFixedPort(), await freeFixedPort(), await freeFixedPort()];
  const pgOptions = {
    dataDir: path.join(root, 'postgres'),
    port: pgPort,
    database: 'exitflow_faults',
    persistent: true,
  };
  let postgres: EmbeddedDatabase = await startEmbeddedPostgres(pgOptions);
  const ownerUrl = postgres.databaseUrl;
  await migrateReadModel(ownerUrl);
  await ensureRuntimeRole(ownerUrl, RUNTIME_PASSWORD);
  await applyRuntimeGrants(ownerUrl);
  const db = await new DataSource({
    ...readModelDataSourceOptions(ownerUrl),
    extra: { max: 4, connectionTimeoutMillis: 5000 },
  }).initialize();
  await seedDemoUsers(db);

  const temporalOptions = {
    port: temporalPort,
    dbFile: path.join(root, 'temporal.sqlite'),
    logFile: path.join(logDir, 'temporal.log'),
  };
  let temporal: TemporalDevServer = await startTemporalDevServer(temporalOptions);
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: runtimeUrl(ownerUrl, RUNTIME_PASSWORD),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'exitflow-faults',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    API_METRICS_PORT: '0',
    WORKER_METRICS_PORT: '0',
    LOGIN_ATTEMPTS_PER_MINUTE: '10000',
    LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000',
    NOTICE_POLL_SECONDS: '5',
    ...extraEnvironment,
  };
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  let worker: ChildProcess | undefined;
  let api: ChildProcess | undefined;

  const run = (name: 'worker' | 'api') => {
    const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'apps', name, 'src', 'main.js')], {
      env: environment,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    return child;
  };
  const startWorker = async () => {
    const before = readLog(logDir, 'worker').length;
    worker = run('worker');
    await waitFor(
      () => readLog(logDir, 'worker').slice(before).includes('Worker polling task queue'),
      'the worker to poll',
      () => worker?.exitCode,
    );
  };
  const startApi = async () => {
    api = run('api');
    await waitFor(
      async () => (await http(baseUrl, 'GET', '/api/health').catch(() => ({ status: 0 }))).status === 200,
      'the API to answer health',
      () => api?.exitCode,
    );
  };
  await startWorker();
  await startApi();

  const tokens = new Map<string, string>();
  return {
    baseUrl,
    temporalAddress: temporal.address,
    db,
    logDir,
    killWorker: async () => worker && killProcess(worker),
    startWorker,
    killApi: async () => api && killProcess(api),
    startApi,
    stopPostgres: () => postgres.stop(),
    startPostgres: async () => {
      postgres = await startEmbeddedPostgres(pgOptions);
    },
    killTemporal: () => temporal.kill(),
    startTemporal: async () => {
      temporal = await startTemporalDevServer(temporalOptions);
    },
    as: async (username) => {
      if (!tokens.has(username)) {
        const login = await http(baseUrl, 'POST', '/api/auth/login', {
          username,
          password: DEMO_SECRETS.demoUserPassword,
        });
        if (login.status !== 200) throw new Error(`Login as ${username} answered ${login.status}`);
        tokens.set(username, login.body.accessToken);
      }
      const authorization = `Bearer ${tokens.get(username)}`;
      return (method, url, body, headers = {}) =>
        http(baseUrl, method, url, body, { authorization, ...headers }).catch(() => ({
          status: 0,
          body: null,
          headers: new Headers(),
        }));
    },
    logs: () => ['api', 'worker'].map((name) => readLog(logDir, name)).join('\n'),
    stop: async () => {
      for (const child of [api, worker]) if (child) await stopProcess(child);
      await db.destroy().catch(() => undefined);
      await temporal.stop().catch(() => undefined);
      await postgres.stop().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function readLog(logDir: string, name: string): string {
  try {
    return fs.readFileSync(path.join(logDir, `${name}.log`), 'utf8');
  } catch {
    return '';
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  exited: () => number | null | undefined = () => null,
  timeoutMs = 120_000,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return (Date.now() - started) / 1000;
    const code = exited();
    if (code !== null && code !== undefined)
      throw new Error(`Waiting for ${what}: the process exited with code ${code}.`);
    if (Date.now() - started > timeoutMs) throw new Error(`Waited ${timeoutMs / 1000} s for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
