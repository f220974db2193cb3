import { DataSource, type DataSourceOptions } from 'typeorm';
import { READ_MODEL_MIGRATIONS } from './migrations';

/**
 * TypeORM options for the read model. The schema comes only from the migrations (never `synchronize`),
 * and queries are explicit SQL — every case query must carry the access policy's scope condition, which
 * is plainest to review in SQL — so no entity classes are mapped.
 */
export function readModelDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [],
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    // Off: TypeORM would log a failed query with its parameters, i.e. case data. Errors still propagate.
    logging: false,
    // A database that does not answer a connection within 5 s is reported as down (503), not waited for.
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}

/** Applies pending migrations; safe to call on every start (a no-op when the schema is current). */
export async function migrateReadModel(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(readModelDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
