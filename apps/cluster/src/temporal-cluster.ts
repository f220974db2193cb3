import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { killProcess, stopProcess } from '../../../libs/temporal/temporal-dev-server';
import type { ClusterBinaries } from './cluster-binaries';
import { freeFixedPort, readLog, spawnLogged, waitUntil } from './processes';
import {
  dynamicConfigFile,
  TEMPORAL_DATABASE,
  TEMPORAL_NODE_PORT_NAMES,
  temporalNodeConfig,
  type TemporalNodePorts,
  VISIBILITY_DATABASE,
} from './temporal-node-config';

/** Temporal's own server, several nodes on one database: one ring sharing the history shards. */
export interface TemporalCluster {
  /** Each node's frontend, `127.0.0.1:port`. */
  frontends: string[];
  logFiles: string[];
  kill(node: number): Promise<void>;
  /** Starts a killed node again on its ports and waits until its frontend answers. */
  start(node: number): Promise<void>;
  stop(): Promise<void>;
}

export interface TemporalDatabaseNames {
  temporal: string;
  visibility: string;
}

const DEFAULT_DATABASES: TemporalDatabaseNames = { temporal: TEMPORAL_DATABASE, visibility: VISIBILITY_DATABASE };

/** A namespace's closed executions are kept this long (the server's minimum is a day). */
const RETENTION_SECONDS = 24 * 60 * 60;

/** Creates or updates the `temporal` and `temporal_visibility` schemas with temporal-sql-tool. */
export async function prepareTemporalSchemas(
  binaries: ClusterBinaries,
  ownerUrl: string,
  databases: TemporalDatabaseNames = DEFAULT_DATABASES,
): Promise<void> {
  const url = new URL(ownerUrl);
  const admin = new Client({ connectionString: ownerUrl });
  await admin.connect();
  try {
    for (const database of [databases.temporal, databases.visibility]) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
    }
  } finally {
    await admin.end();
  }
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: url.hostname,
    SQL_PORT: url.port || '5432',
    SQL_USER: decodeURIComponent(url.username),
    SQL_PASSWORD: decodeURIComponent(url.password),
  };
  for (const [database, schemaDir] of [
    [databases.temporal, binaries.schemas.temporal],
    [databases.visibility, binaries.schemas.visibility],
  ]) {
    const target = { ...env, SQL_DATABASE: database };
    const client = new Client({
      connectionString: Object.assign(new URL(ownerUrl), { pathname: `/${database}` }).toString(),
    });
    await client.connect();
    const versioned = await client
      .query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'`)
      .finally(() => client.end());
    const run = (args: string[]) => execFileSync(binaries.sqlTool, args, { env: target, stdio: 'pipe' });
    if (versioned.rowCount === 0) run(['setup-schema', '-v', '0.0']);
    run(['update-schema', '-d', schemaDir]);
  }
}

export async function startTemporalCluster(options: {
  binaries: ClusterBinaries;
  ownerUrl: string;
  nodes: number;
  dir: string;
  namespace: string;
  /** Node 1's frontend port (`npm run start:cluster`: 7233); otherwise every port is a free one. */
  firstFrontendPort?: number;
  /** Databases of its own on the server (a test run beside another on a shared server). */
  databases?: TemporalDatabaseNames;
}): Promise<TemporalCluster> {
  const databases = options.databases ?? DEFAULT_DATABASES;
  await prepareTemporalSchemas(options.binaries, options.ownerUrl, databases);
  const url = new URL(options.ownerUrl);
  const database = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
  fs.mkdirSync(options.dir, { recursive: true });
  const dynamicConfig = path.join(options.dir, 'dynamic-config.yaml');
  fs.writeFileSync(dynamicConfig, dynamicConfigFile());
  const taken = new Set<number>();
  const ports: TemporalNodePorts[] = [];
  for (let node = 0; node < options.nodes; node += 1) {
    const entries: [keyof TemporalNodePorts, number][] = [];
    for (const name of TEMPORAL_NODE_PORT_NAMES) {
      const fixed = name === 'frontend' && options.firstFrontendPort ? options.firstFrontendPort + node : undefined;
      entries.push([name, fixed ?? (await freeFixedPort(taken))]);
    }
    ports.push(Object.fromEntries(entries) as unknown as TemporalNodePorts);
  }
  const frontends = ports.map((node) => `127.0.0.1:${node.frontend}`);
  const configFiles = ports.map((nodePorts, node) => {
    const file = path.join(options.dir, `node-${node + 1}.yaml`);
    fs.writeFileSync(
      file,
      temporalNodeConfig({
        database,
        databases,
        ports: nodePorts,
        clusterFrontend: frontends[0],
        dynamicConfigFile: dynamicConfig,
      }),
    );
    return file;
  });
  const logFiles = ports.map((_, node) => path.join(options.dir, `node-${node + 1}.log`));
  const processes: (ChildProcess | undefined)[] = [];
  const start = async (node: number) => {
    const child = spawnLogged(
      options.binaries.server,
      ['--config-file', configFiles[node], '--allow-no-auth', 'start'],
      logFiles[node],
    );
    processes[node] = child;
    await waitUntil(
      () => frontendServes(frontends[node]),
      `Temporal node ${node + 1} (${frontends[node]})`,
      child,
    ).catch((error: Error) => {
      throw new Error(`${error.message} Its log ends: ${readLog(logFiles[node]).slice(-1500)}`);
    });
  };
  const stop = async () => {
    for (const child of processes) if (child) await stopProcess(child);
  };
  try {
    // The first node writes the cluster's metadata record; nodes starting beside it would race to write it too.
    await start(0);
    await Promise.all(ports.slice(1).map((_, node) => start(node + 1)));
    await registerNamespace(frontends, options.namespace);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    frontends,
    logFiles,
    kill: async (node) => {
      const child = processes[node];
      if (child) await killProcess(child);
    },
    start,
    stop,
  };
}

async function frontendServes(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/** Registers the namespace (once: an existing one is kept) and waits until every frontend knows it. */
export async function registerNamespace(frontends: string[], namespace: string): Promise<void> {
  const connection = await Connection.connect({ address: frontends[0] });
  try {
    await waitUntil(async () => {
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: msToTs(RETENTION_SECONDS * 1000),
        });
        return true;
      } catch (error) {
        // 6: ALREADY_EXISTS. Anything else (the ring still forming) is tried again.
        return (error as { code?: number }).code === 6;
      }
    }, `namespace ${namespace} to be registered`);
  } finally {
    await connection.close();
  }
  for (const frontend of frontends) {
    const node = await Connection.connect({ address: frontend });
    try {
      await waitUntil(async () => {
        // Listing workflows is served only once the namespace is in this frontend's cache.
        await node.workflowService.listOpenWorkflowExecutions({ namespace, maximumPageSize: 1 });
        return true;
      }, `namespace ${namespace} on ${frontend}`);
    } finally {
      await node.close();
    }
  }
}
