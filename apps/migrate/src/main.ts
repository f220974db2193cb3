import { migrateReadModel } from '../../../libs/persistence/data-source-options';

/** `npm run migrate`: applies pending read-model migrations to DATABASE_URL (a deployment step). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set.');
  const applied = await migrateReadModel(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The read model is up to date.');
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
