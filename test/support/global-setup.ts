import { createTestDatabase, type TestDatabase } from './test-database';

/** Runs once per `npm test`: one migrated database, its URL handed to every suite. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  process.env.EXITFLOW_TEST_DATABASE_URL = database.databaseUrl;
  (globalThis as { __exitflowTestDatabase?: TestDatabase }).__exitflowTestDatabase = database;
}
