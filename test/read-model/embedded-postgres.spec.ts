import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../libs/persistence/embedded-postgres';
import { freePort } from '../support/test-database';

/**
 * `npm start`'s embedded PostgreSQL from a folder other users cannot enter — a clone under /root, or in
 * `mktemp -d` — as root, which is how a newcomer on a root shell starts it (and how CI runs). It used to
 * die with `spawn …/initdb EACCES`: the package ran initdb as an OS user `postgres` that cannot reach it.
 */
const isRoot = process.getuid?.() === 0;
// As another user the package runs the server itself (what jest's module sandbox cannot load); this is root's case.
const asRoot = isRoot ? it : it.skip;

asRoot('initialises, starts, stops and starts again from a private folder as root', async () => {
  const privateFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-private-'));
  fs.chmodSync(privateFolder, 0o700);
  const dataDir = path.join(privateFolder, 'postgres');
  const port = await freePort();
  try {
    for (const round of [1, 2]) {
      const server = await startEmbeddedPostgres({ dataDir, port, database: 'exitflow_private', persistent: true });
      const client = new Client({ connectionString: server.databaseUrl });
      await client.connect();
      const { rows } = await client.query(
        `SELECT current_database() AS db, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()`,
      );
      await client.end();
      await server.stop();
      expect([round, rows[0]]).toEqual([round, { db: 'exitflow_private', encoding: 'UTF8' }]);
    }
    // The data folder stays the user's own: nothing had to be handed to another OS user.
    expect(fs.statSync(dataDir).uid).toBe(process.getuid?.());
  } finally {
    fs.rmSync(privateFolder, { recursive: true, force: true });
  }
});
