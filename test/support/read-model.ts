import { DataSource } from 'typeorm';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';

export function testDatabaseUrl(): string {
  const url = process.env.EXITFLOW_TEST_DATABASE_URL;
  if (!url)
    throw new Error('EXITFLOW_TEST_DATABASE_URL is not set: run the tests with `npm test` (jest global setup).');
  return url;
}

export async function openReadModel(databaseUrl = testDatabaseUrl()): Promise<DataSource> {
  return new DataSource(readModelDataSourceOptions(databaseUrl)).initialize();
}
