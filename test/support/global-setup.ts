import { DataSource } from 'typeorm';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { applyRuntimeGrants, ensureRuntimeRole, runtimeUrl } from '../../libs/persistence/runtime-role';
import { createTestDatabase, type TestDatabase } from './test-database';

const TEST_RUNTIME_PASSWORD = 'exitflow-app-test';

/** Runs once per `npm test`: one migrated database with the demo users, its URL handed to every suite. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  const db = await new DataSource(readModelDataSourceOptions(database.databaseUrl)).initialize();
  await seedDemoUsers(db);
  await db.query(`CREATE SEQUENCE test_cpr_numbers`);
  await db.destroy();
  // Suites connect as the runtime role, like the API and the worker; the owner URL is for the audit test.
  await ensureRuntimeRole(database.databaseUrl, TEST_RUNTIME_PASSWORD);
  await applyRuntimeGrants(database.databaseUrl);
  process.env.EXITFLOW_TEST_OWNER_DATABASE_URL = database.databaseUrl;
  process.env.EXITFLOW_TEST_DATABASE_URL = runtimeUrl(database.databaseUrl, TEST_RUNTIME_PASSWORD);
  (globalThis as { __exitflowTestDatabase?: TestDatabase }).__exitflowTestDatabase = database;
}
