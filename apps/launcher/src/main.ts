import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_USERS, seedDemoUsers } from '../../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../../libs/config/demo-secrets';
import { DEFAULTS, loadConfig } from '../../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { startEmbeddedPostgres } from '../../../libs/persistence/embedded-postgres';
import { migrateReadModel } from '../../../libs/persistence/data-source-options';
import { applyRuntimeGrants, ensureRuntimeRole, runtimeUrl } from '../../../libs/persistence/runtime-role';
import { PROJECT_ROOT, installTemporalBinaries } from '../../../libs/temporal/temporal-binaries';
import { startTemporalDevServer, stopProcess } from '../../../libs/temporal/temporal-dev-server';
import { TEMPORAL_UI_PATH, UI_SERVED_BY_THE_API } from '../../../libs/temporal/temporal-ui-path';
import { seedDemoData } from './demo-seed';

/**
 * `npm start`: the whole system on one machine. Embedded PostgreSQL and a Temporal dev server unless
 * DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, then migrations, the worker, the API and demo data.
 * Ctrl-C stops everything it started.
 */
const DATA_DIR = path.join(PROJECT_ROOT, '.data');
/** Password of the runtime role on the embedded server, which listens on this machine only. */
const LOCAL_RUNTIME_PASSWORD = 'exitflow-app-local';
const stops: (() => Promise<void>)[] = [];
let stopping = false;

function intSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  return raw ? Number(raw) : fallback;
}

function runNode(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', script)], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${script} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
      void shutdown(1);
    }
  });
  stops.unshift(() => stopProcess(child));
  return child;
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within 60 s.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function shutdown(exitCode: number): Promise<never> {
  stopping = true;
  for (const stop of stops) await stop().catch(() => undefined);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  const env: NodeJS.ProcessEnv = { ...process.env };
  // API and worker write coloured lines for the person at the terminal, unless LOG_FORMAT says otherwise.
  env.LOG_FORMAT ||= 'pretty';

  let ownerUrl = env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
  if (!env.DATABASE_URL) {
    const database = await startEmbeddedPostgres({
      dataDir: path.join(DATA_DIR, 'postgres'),
      port: intSetting('EMBEDDED_POSTGRES_PORT', 54329),
      database: 'exitflow',
      persistent: true,
    });
    stops.push(database.stop);
    // API and worker connect as the runtime role, which cannot alter the audit; migrations as the owner.
    ownerUrl = database.databaseUrl;
    await ensureRuntimeRole(ownerUrl, LOCAL_RUNTIME_PASSWORD);
    env.DATABASE_URL = runtimeUrl(ownerUrl, LOCAL_RUNTIME_PASSWORD);
    console.log(`PostgreSQL (embedded, data in .data/postgres) on port ${intSetting('EMBEDDED_POSTGRES_PORT', 54329)}`);
  }

  let temporalUi = env.TEMPORAL_UI_URL;
  if (!env.TEMPORAL_ADDRESS) {
    installTemporalBinaries();
    // The API serves the dev server's UI on its own origin, so that the UI's codec calls carry the
    // operations user's codec cookie (apps/api/src/codec/temporal-ui-proxy.ts).
    const server = await startTemporalDevServer({
      port: intSetting('TEMPORAL_DEV_SERVER_PORT', 7233),
      uiPort: intSetting('TEMPORAL_UI_PORT', 8233),
      ...UI_SERVED_BY_THE_API,
      dbFile: path.join(DATA_DIR, 'temporal.sqlite'),
      logFile: path.join(DATA_DIR, 'temporal.log'),
      namespace: env.TEMPORAL_NAMESPACE || DEFAULTS.temporalNamespace,
    });
    stops.unshift(server.stop);
    env.TEMPORAL_ADDRESS = server.address;
    env.TEMPORAL_UI_UPSTREAM ||= server.uiUrl;
  }

  const config = loadConfig(env);
  const applied = await migrateReadModel(ownerUrl!);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  await applyRuntimeGrants(ownerUrl!);
  const db = await new DataSource(readModelDataSourceOptions(ownerUrl!)).initialize();
  if (!config.production) await seedDemoUsers(db);

  runNode('apps/worker/src/main.js', env);
  runNode('apps/api/src/main.js', env);
  const apiUrl = `http://localhost:${config.api.port}`;
  await waitForHealth(`${apiUrl}/api/health`);
  const seeded = config.production
    ? 0
    : await seedDemoData(apiUrl, async () => (await db.query(`SELECT count(*)::int AS n FROM cases`))[0].n);
  await db.destroy();
  if (config.temporalUiUpstream) temporalUi = `${apiUrl}${TEMPORAL_UI_PATH}/ (åbnes fra Drift-siden som drift)`;

  console.log(
    [
      '',
      'exitflow kører:',
      `  Webside        ${apiUrl}/`,
      `  API            ${apiUrl}/api`,
      `  API-dokumentation (OpenAPI)  ${apiUrl}/api/docs`,
      `  Sundhed        ${apiUrl}/api/health`,
      `  Temporal UI    ${temporalUi ?? '(ekstern Temporal: se din egen Temporal UI)'}`,
      `  Metrikker      http://${config.metrics.host}:${config.metrics.apiPort}/metrics (API), ` +
        `http://${config.metrics.host}:${config.metrics.workerPort}/metrics (worker)`,
      seeded ? `  Demodata: ${seeded} sager oprettet` : '  Demodata: databasen havde allerede sager',
      '',
      config.production
        ? ''
        : `Demo-logins (adgangskode: ${DEMO_SECRETS.demoUserPassword}):\n` +
          DEMO_USERS.map((user) => `  ${user.username.padEnd(24)} ${user.displayName}`).join('\n'),
      '',
      'Stop med Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: Error) => {
  console.error(`exitflow could not start: ${error.message}`);
  await shutdown(1);
});
