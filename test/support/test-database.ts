import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateReadModel } from '../../libs/persistence/data-source-options';
import { startEmbeddedPostgres } from '../../libs/persistence/embedded-postgres';
import { chooseTestDatabase } from './test-database-choice';

/** The same PostgreSQL as docker-compose.yml's read model, for `TEST_DATABASE=testcontainers`. */
export const TESTCONTAINERS_POSTGRES_IMAGE = 'postgres:17.6-bookworm';

/**
 * The test run's PostgreSQL database (chosen by {@link chooseTestDatabase}): a fresh database on the server
 * DATABASE_URL names (this machine's PostgreSQL service, or a CI service), in a container started by
 * testcontainers, or on an embedded server started for the run. Migrated once.
 */
export interface TestDatabase {
  databaseUrl: string;
  dispose(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A free port below Linux's ephemeral range (32768–60999), for a server that is stopped and started again
 * on the same port (the fault suite): while it is down, no `freePort()` of another suite can be handed it.
 */
export async function freeFixedPort(): Promise<number> {
  for (;;) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(candidate, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
}

export async function createTestDatabase(env: Record<string, string | undefined> = process.env): Promise<TestDatabase> {
  const name = `exitflow_test_${randomBytes(4).toString('hex')}`;
  const choice = chooseTestDatabase(env);
  if (choice.source === 'testcontainers') return startContainerDatabase(name);
  if (choice.source === 'server') {
    const serverUrl = new URL(choice.serverUrl);
    const admin = new Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const databaseUrl = Object.assign(new URL(serverUrl.toString()), { pathname: `/${name}` }).toString();
    await migrateReadModel(databaseUrl);
    return {
      databaseUrl,
      dispose: async () => {
        const cleanup = new Client({ connectionString: serverUrl.toString() });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: name, persistent: false });
  await migrateReadModel(server.databaseUrl);
  return {
    databaseUrl: server.databaseUrl,
    dispose: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Thrown when `TEST_DATABASE=testcontainers` finds no container engine: one sentence, no stack trace (jest
 * prints a global setup's error with its stack, which here would only bury the sentence).
 */
export class NoContainerEngine extends Error {
  constructor(cause: string) {
    super(
      `TEST_DATABASE=testcontainers needs a container engine (Docker or Podman) that answers, and none does ` +
        `(${cause}). Start one, point DOCKER_HOST at it, or unset TEST_DATABASE for embedded PostgreSQL.`,
    );
    this.name = 'NoContainerEngine';
    this.stack = `${this.name}: ${this.message}`;
  }
}

async function startContainerDatabase(name: string): Promise<TestDatabase> {
  // Loaded only when asked for: the other sources never pay for testcontainers.
  const { getContainerRuntimeClient } = require('testcontainers') as typeof import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    throw new NoContainerEngine((error as Error).message);
  }
  const { PostgreSqlContainer } = require('@testcontainers/postgresql') as typeof import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(TESTCONTAINERS_POSTGRES_IMAGE)
    .withDatabase(name)
    .withUsername('exitflow')
    .withPassword(randomBytes(12).toString('hex'))
    .start();
  const databaseUrl = container.getConnectionUri();
  await migrateReadModel(databaseUrl);
  return { databaseUrl, dispose: async () => void (await container.stop()) };
}

/**
 * Another fresh, migrated database on the test run's server, for a suite that must own every row of a
 * table (e.g. the outbox, which other suites' workers deliver while they run). Connects as the owner.
 */
export async function createSiblingDatabase(): Promise<TestDatabase> {
  const ownerUrl = process.env.EXITFLOW_TEST_OWNER_DATABASE_URL;
  if (!ownerUrl)
    throw new Error('EXITFLOW_TEST_OWNER_DATABASE_URL is not set: run the tests with `npm test` (jest global setup).');
  const name = `exitflow_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ownerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(ownerUrl), { pathname: `/${name}` }).toString();
  await migrateReadModel(databaseUrl);
  return {
    databaseUrl,
    dispose: async () => {
      const cleanup = new Client({ connectionString: ownerUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
