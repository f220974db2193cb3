import { DataSource, type DataSourceOptions } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities';
import { READ_MODEL_MIGRATIONS } from './migrations';

/** TypeORM options for the read model. The schema comes only from migrations, never `synchronize`. */
export function readModelDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: ['error'],
    extra: { max: 10 },
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
