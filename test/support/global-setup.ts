import { DataSource } from 'typeorm';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Runs once per `npm test`: one migrated database with the demo users, its URL handed to every suite. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  const db = await new DataSource(readModelDataSourceOptions(database.databaseUrl)).initialize();
  await seedDemoUsers(db);
  await db.query(`CREATE SEQUENCE test_cpr_numbers`);
  await db.destroy();
  process.env.EXITFLOW_TEST_DATABASE_URL = database.databaseUrl;
  (globalThis as { __exitflowTestDatabase?: TestDatabase }).__exitflowTestDatabase = database;
}
