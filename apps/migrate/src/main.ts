import { migrateReadModel } from '../../../libs/persistence/data-source-options';
import { RUNTIME_ROLE, applyRuntimeGrants, ensureRuntimeRole } from '../../../libs/persistence/runtime-role';

/**
 * `npm run migrate` (a deployment step): applies pending migrations as the tables' owner
 * (MIGRATION_DATABASE_URL, else DATABASE_URL), then grants the runtime role what it needs.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!ownerUrl) throw new Error('MIGRATION_DATABASE_URL or DATABASE_URL must be set.');
  // With RUNTIME_ROLE_PASSWORD the job also creates the runtime role (first deployment); a DBA may instead.
  if (process.env.RUNTIME_ROLE_PASSWORD) await ensureRuntimeRole(ownerUrl, process.env.RUNTIME_ROLE_PASSWORD);
  const applied = await migrateReadModel(ownerUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The read model is up to date.');
  const granted = await applyRuntimeGrants(ownerUrl);
  console.log(
    granted
      ? `Granted the runtime role ${RUNTIME_ROLE} its privileges (audit tables: SELECT and INSERT only).`
      : `No role ${RUNTIME_ROLE}: API and workers connect as the owner, and the audit relies on its triggers alone.`,
  );
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
