import { Client } from 'pg';
import { getContainerRuntimeClient } from 'testcontainers';
import { chooseTestDatabase } from './test-database-choice';
import { createTestDatabase, NoContainerEngine } from './test-database';

const URL = 'postgres://exitflow@db.example:5432/postgres';

describe('chooseTestDatabase: where the tests take PostgreSQL from', () => {
  it.each([
    [{}, { source: 'embedded' }],
    [{ TEST_DATABASE: '' }, { source: 'embedded' }],
    [{ DATABASE_URL: URL }, { source: 'server', serverUrl: URL }],
    [
      { DATABASE_URL: URL, TEST_DATABASE: '' },
      { source: 'server', serverUrl: URL },
    ],
    [{ TEST_DATABASE: 'embedded' }, { source: 'embedded' }],
    [{ TEST_DATABASE: 'embedded', DATABASE_URL: URL }, { source: 'embedded' }],
    [{ TEST_DATABASE: 'testcontainers' }, { source: 'testcontainers' }],
    [{ TEST_DATABASE: 'testcontainers', DATABASE_URL: URL }, { source: 'testcontainers' }],
    [{ DATABASE_URL: '' }, { source: 'embedded' }],
  ])('%j → %j', (env, choice) => {
    expect(chooseTestDatabase(env)).toEqual(choice);
  });

  it.each(['Testcontainers', 'docker', 'server', ' embedded'])('refuses TEST_DATABASE=%j by name', (asked) => {
    for (const env of [{ TEST_DATABASE: asked }, { TEST_DATABASE: asked, DATABASE_URL: URL }]) {
      expect(() => chooseTestDatabase(env)).toThrow(
        `TEST_DATABASE must be 'embedded' or 'testcontainers' (or unset: DATABASE_URL's server if set, else ` +
          `embedded), got '${asked}'.`,
      );
    }
  });
});

describe('TEST_DATABASE=testcontainers', () => {
  it('gives a migrated database where a container engine answers, and says what to do where none does', async () => {
    const engine = await getContainerRuntimeClient().then(
      () => true,
      () => false,
    );
    const created = createTestDatabase({ TEST_DATABASE: 'testcontainers', DATABASE_URL: URL });
    if (!engine) {
      const error = await created.catch((refusal: Error) => refusal);
      expect(error).toBeInstanceOf(NoContainerEngine);
      expect((error as Error).message).toBe(
        'TEST_DATABASE=testcontainers needs a container engine (Docker or Podman) that answers, and none does ' +
          '(Could not find a working container runtime strategy). Start one, point DOCKER_HOST at it, or unset ' +
          'TEST_DATABASE for embedded PostgreSQL.',
      );
      expect((error as Error).stack).toBe(`NoContainerEngine: ${(error as Error).message}`);
      return;
    }
    const database = await created;
    try {
      const client = new Client({ connectionString: database.databaseUrl });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('public.exit_courses') IS NOT NULL AS migrated`);
      await client.end();
      expect(rows).toEqual([{ migrated: true }]);
    } finally {
      await database.dispose();
    }
  }, 300_000);
});
