import { Connection } from '@temporalio/client';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemoUsers } from '../../../libs/access/demo-users';
import { migrateReadModel, readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { startEmbeddedPostgres } from '../../../libs/persistence/embedded-postgres';
import { applyRuntimeGrants, ensureRuntimeRole, runtimeUrl } from '../../../libs/persistence/runtime-role';
import { PROJECT_ROOT } from '../../../libs/temporal/temporal-binaries';
import { killProcess, stopProcess } from '../../../libs/temporal/temporal-dev-server';
import { installClusterBinaries } from './cluster-binaries';
import { startNginx } from './nginx';
import { answers200, freeFixedPort, readLog, spawnLogged, waitUntil } from './processes';
import { startTemporalCluster, type TemporalCluster } from './temporal-cluster';

/** Each process on this machine serves its metrics on a port of its own (docs/metrics.md): API i and worker i at base + i. */
const API_METRICS_BASE_PORT = 9481;
const WORKER_METRICS_BASE_PORT = 9491;

/** The topology `npm run start:cluster` runs and docker-compose.yml describes. */
export const CLUSTER_TOPOLOGY = { temporalNodes: 2, apiReplicas: 2, workers: 3 } as const;

export interface ClusterOptions {
  /** Data (embedded PostgreSQL), generated configuration and logs. */
  dir: string;
  /** Keep the embedded database's data on stop. */
  persistent: boolean;
  temporalNodes?: number;
  apiReplicas?: number;
  workers?: number;
  /** nginx's port; a free one when omitted. */
  port?: number;
  /** The first API replica's port (the others follow); free ones when omitted. */
  firstApiPort?: number;
  /** nginx's gRPC port before the frontends (the replicas' and workers' TEMPORAL_ADDRESS); a free one when omitted. */
  temporalPort?: number;
  firstFrontendPort?: number;
  embeddedPostgresPort?: number;
  /** Environment of the API replicas and workers (on top of this process's). */
  env?: NodeJS.ProcessEnv;
  runtimePassword: string;
  log?: (line: string) => void;
}

export interface Cluster {
  /** nginx, in front of the API replicas. */
  baseUrl: string;
  temporal: TemporalCluster;
  /** nginx's gRPC address before the frontends. */
  temporalAddress: string;
  apiUrls: string[];
  /** The read model as its owner. */
  ownerUrl: string;
  namespace: string;
  taskQueue: string;
  logDir: string;
  workerCount(): number;
  killWorker(index: number): Promise<void>;
  startWorker(index: number): Promise<void>;
  killApi(index: number): Promise<void>;
  startApi(index: number): Promise<void>;
  /** Adds a worker (the benchmark's 1, 2 and 4). */
  addWorker(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Every part as its own process: PostgreSQL (embedded, or DATABASE_URL's server), Temporal nodes on it,
 * the migrations and demo users, workers spread over the frontends, API replicas and nginx before them.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0)) await stop().catch(() => undefined);
  };
  try {
    return await assemble(options, log, stops, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function assemble(
  options: ClusterOptions,
  log: (line: string) => void,
  stops: (() => Promise<void>)[],
  stopAll: () => Promise<void>,
): Promise<Cluster> {
  const binaries = installClusterBinaries(log);
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  const logDir = path.join(options.dir, 'logs');
  const taken = new Set<number>();

  let ownerUrl = baseEnv.MIGRATION_DATABASE_URL || baseEnv.DATABASE_URL;
  let runtimeDatabaseUrl = baseEnv.DATABASE_URL;
  if (!ownerUrl) {
    const port = options.embeddedPostgresPort ?? (await freeFixedPort(taken));
    const database = await startEmbeddedPostgres({
      dataDir: path.join(options.dir, 'postgres'),
      port,
      database: 'exitflow',
      persistent: options.persistent,
    });
    stops.unshift(database.stop);
    ownerUrl = database.databaseUrl;
    await ensureRuntimeRole(ownerUrl, options.runtimePassword);
    runtimeDatabaseUrl = runtimeUrl(ownerUrl, options.runtimePassword);
    log(`PostgreSQL (indlejret)           127.0.0.1:${port}`);
  }

  const namespace = baseEnv.TEMPORAL_NAMESPACE || 'default';
  const taskQueue = baseEnv.TEMPORAL_TASK_QUEUE || 'exitflow';
  const temporal = await startTemporalCluster({
    binaries,
    ownerUrl,
    nodes: options.temporalNodes ?? CLUSTER_TOPOLOGY.temporalNodes,
    dir: path.join(options.dir, 'temporal'),
    namespace,
    firstFrontendPort: options.firstFrontendPort,
  });
  stops.unshift(temporal.stop);
  temporal.frontends.forEach((frontend, node) => log(`Temporal-node ${node + 1} (frontend)      ${frontend}`));

  const applied = await migrateReadModel(ownerUrl);
  if (applied.length) log(`Migreringer: ${applied.join(', ')}`);
  await applyRuntimeGrants(ownerUrl);
  const db = await new DataSource(readModelDataSourceOptions(ownerUrl)).initialize();
  await seedDemoUsers(db).finally(() => db.destroy());

  const apiCount = options.apiReplicas ?? CLUSTER_TOPOLOGY.apiReplicas;
  const apiPorts: number[] = [];
  for (let index = 0; index < apiCount; index += 1) {
    apiPorts.push(options.firstApiPort ? options.firstApiPort + index : await freeFixedPort(taken));
  }
  const port = options.port ?? (await freeFixedPort(taken));
  const grpcPort = options.temporalPort ?? (await freeFixedPort(taken));
  const temporalAddress = `127.0.0.1:${grpcPort}`;
  const nginxDir = path.join(options.dir, 'nginx');
  const nginx = startNginx({
    prefix: nginxDir,
    port,
    apiPorts,
    grpc: { port: grpcPort, frontends: temporal.frontends },
  });
  stops.unshift(() => stopProcess(nginx));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => (await Connection.connect({ address: temporalAddress, connectTimeout: 1000 })).close().then(() => true),
    'nginx to pass gRPC to Temporal',
    nginx,
  ).catch((error: Error) => {
    throw new Error(`${error.message} ${readLog(path.join(nginxDir, 'error.log')).slice(-1500)}`);
  });
  log(`Temporal via nginx (gRPC)       ${temporalAddress}`);

  const partEnv = (): NodeJS.ProcessEnv => ({
    ...baseEnv,
    DATABASE_URL: runtimeDatabaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
  });

  const workers: (ChildProcess | undefined)[] = [];
  const workerLog = (index: number) => path.join(logDir, `worker-${index + 1}.log`);
  const startWorker = async (index: number) => {
    const child = spawnLogged(
      process.execPath,
      [path.join(PROJECT_ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')],
      workerLog(index),
      { ...partEnv(), WORKER_METRICS_PORT: String(WORKER_METRICS_BASE_PORT + index) },
    );
    workers[index] = child;
    await waitUntil(
      () => polls(temporal.frontends[0], namespace, taskQueue, child.pid!),
      `worker ${index + 1} to poll ${taskQueue}`,
      child,
    ).catch((error: Error) => {
      throw new Error(`${error.message} Its log ends: ${readLog(workerLog(index)).slice(-1500)}`);
    });
  };
  stops.unshift(async () => {
    for (const child of workers) if (child) await stopProcess(child);
  });
  const workerTotal = options.workers ?? CLUSTER_TOPOLOGY.workers;
  for (let index = 0; index < workerTotal; index += 1) await startWorker(index);
  for (let index = 0; index < workerTotal; index += 1) {
    log(
      `Worker ${index + 1}                        pid ${workers[index]!.pid}, metrics http://127.0.0.1:${WORKER_METRICS_BASE_PORT + index}/metrics`,
    );
  }

  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  const apis: (ChildProcess | undefined)[] = [];
  const apiLog = (index: number) => path.join(logDir, `api-${index + 1}.log`);
  const startApi = async (index: number) => {
    const child = spawnLogged(
      process.execPath,
      [path.join(PROJECT_ROOT, 'dist', 'apps', 'api', 'src', 'main.js')],
      apiLog(index),
      {
        ...partEnv(),
        HOST: '127.0.0.1',
        PORT: String(apiPorts[index]),
        API_METRICS_PORT: String(API_METRICS_BASE_PORT + index),
      },
    );
    apis[index] = child;
    await waitUntil(() => answers200(`${apiUrls[index]}/api/health`), `API ${index + 1} to answer health`, child).catch(
      (error: Error) => {
        throw new Error(`${error.message} Its log ends: ${readLog(apiLog(index)).slice(-1500)}`);
      },
    );
  };
  stops.unshift(async () => {
    for (const child of apis) if (child) await stopProcess(child);
  });
  await Promise.all(apiPorts.map((_, index) => startApi(index)));
  apiUrls.forEach((url, index) =>
    log(
      `API ${index + 1}                           ${url}, metrics http://127.0.0.1:${API_METRICS_BASE_PORT + index}/metrics`,
    ),
  );
  await waitUntil(() => answers200(`${baseUrl}/api/health`), 'nginx to answer health', nginx).catch((error: Error) => {
    throw new Error(`${error.message} ${readLog(path.join(nginxDir, 'error.log')).slice(-1500)}`);
  });
  log(`nginx (load balancer)           ${baseUrl}`);

  return {
    baseUrl,
    temporal,
    temporalAddress,
    apiUrls,
    ownerUrl,
    namespace,
    taskQueue,
    logDir,
    workerCount: () => workers.length,
    killWorker: async (index) => {
      const child = workers[index];
      if (child) await killProcess(child);
    },
    startWorker,
    killApi: async (index) => {
      const child = apis[index];
      if (child) await killProcess(child);
    },
    startApi,
    addWorker: async () => {
      await startWorker(workers.length);
      return workers.length;
    },
    stop: stopAll,
  };
}

/** Whether the worker with this pid polls the task queue (its SDK identity is `pid@host`). */
async function polls(frontend: string, namespace: string, taskQueue: string, pid: number): Promise<boolean> {
  const connection = await Connection.connect({ address: frontend, connectTimeout: 1000 });
  try {
    const answer = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1,
    });
    return (answer.pollers ?? []).some((poller) => poller.identity?.startsWith(`${pid}@`));
  } finally {
    await connection.close();
  }
}
