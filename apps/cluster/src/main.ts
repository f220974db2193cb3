import path from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_USERS } from '../../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../../libs/config/demo-secrets';
import { DEFAULTS, loadConfig } from '../../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { PROJECT_ROOT } from '../../../libs/temporal/temporal-binaries';
import { seedDemoData } from '../../launcher/src/demo-seed';
import { TEMPORAL_SERVER_VERSION } from './cluster-binaries';
import { type Cluster, startCluster } from './cluster';

/**
 * `npm run start:cluster`: the system as a cluster on this machine (see docs/cluster.md). Ctrl-C stops
 * everything it started.
 */
const DIR = path.join(PROJECT_ROOT, '.data', 'cluster');
let cluster: Cluster | undefined;
let stopping = false;

function intSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  return raw ? Number(raw) : fallback;
}

async function shutdown(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await cluster?.stop();
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  const port = intSetting('PORT', DEFAULTS.apiPort);
  const publicUrl = `http://localhost:${port}`;
  console.log(`Starter exitflow som klynge (Temporal ${TEMPORAL_SERVER_VERSION}) …`);
  cluster = await startCluster({
    dir: DIR,
    persistent: true,
    port,
    firstApiPort: intSetting('CLUSTER_API_PORT', port + 1),
    temporalPort: intSetting('CLUSTER_TEMPORAL_PORT', 7233),
    firstFrontendPort: intSetting('CLUSTER_TEMPORAL_PORT', 7233) + 1,
    embeddedPostgresPort: intSetting('CLUSTER_POSTGRES_PORT', 15432),
    workers: intSetting('CLUSTER_WORKERS', 3),
    apiReplicas: intSetting('CLUSTER_API_REPLICAS', 2),
    temporalNodes: intSetting('CLUSTER_TEMPORAL_NODES', 2),
    runtimePassword: 'exitflow-app-cluster',
    env: { PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL || publicUrl },
    log: (line) => console.log(`  ${line}`),
  });
  const config = loadConfig({ ...process.env, DATABASE_URL: cluster.ownerUrl, PORT: String(port) });
  const db = await new DataSource(readModelDataSourceOptions(cluster.ownerUrl)).initialize();
  const seeded = config.production
    ? 0
    : await seedDemoData(cluster.baseUrl, async () => (await db.query(`SELECT count(*)::int AS n FROM cases`))[0].n);
  await db.destroy();
  console.log(
    [
      '',
      'exitflow kører som klynge:',
      `  Webside        ${publicUrl}/  (nginx foran ${cluster.apiUrls.length} API-instanser)`,
      `  API            ${publicUrl}/api`,
      `  Sundhed        ${publicUrl}/api/health`,
      `  Temporal       ${cluster.temporalAddress} (nginx foran noderne ${cluster.temporal.frontends.join(', ')}; navnerum ${cluster.namespace})`,
      `  Logfiler       ${path.relative(PROJECT_ROOT, DIR)}/logs, ${path.relative(PROJECT_ROOT, DIR)}/temporal`,
      seeded ? `  Demodata: ${seeded} sager oprettet` : '  Demodata: databasen havde allerede sager',
      '',
      config.production
        ? ''
        : `Demo-logins (adgangskode: ${DEMO_SECRETS.demoUserPassword}): ${DEMO_USERS.map((user) => user.username).join(', ')}`,
      '',
      'Stop med Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: Error) => {
  console.error(`exitflow-klyngen kunne ikke starte: ${error.message}`);
  await shutdown(1);
});
