import { Client } from 'pg';

/**
 * The database role the API and the workers connect as: not the owner of the tables, so it cannot
 * disable the audit triggers, and without UPDATE, DELETE or TRUNCATE on the audit tables. Migrations run
 * as the owner (MIGRATION_DATABASE_URL); `applyRuntimeGrants` is re-run after every migration so new
 * tables are granted too.
 */
export const RUNTIME_ROLE = 'exitflow_app';

/** Append-only: the runtime role may only read and add rows (a case's notes and documents too: a correction is a new note). */
export const AUDIT_TABLES = [
  'case_events',
  'access_log',
  'organisation_unit_changes',
  'case_notes',
  'case_documents',
  'case_assignments',
] as const;

/** Closed, never deleted: cases and access scopes keep a unit's code. */
export const NEVER_DELETED_TABLES = ['organisation_units'] as const;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the runtime role if it does not exist (development and tests; in production a DBA does). */
export async function ensureRuntimeRole(ownerUrl: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [RUNTIME_ROLE]);
    const quoted = `'${password.replace(/'/g, "''")}'`;
    if (exists.rowCount === 0) {
      await client.query(
        `CREATE ROLE ${RUNTIME_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${quoted}`,
      );
    }
  });
}

/** Grants the runtime role what it needs, if the role exists; a no-op otherwise (single-role setups). */
export async function applyRuntimeGrants(ownerUrl: string): Promise<boolean> {
  return withClient(ownerUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [RUNTIME_ROLE]);
    if (exists.rowCount === 0) return false;
    const { rows } = await client.query('SELECT current_database() AS db');
    await client.query(`GRANT CONNECT ON DATABASE "${rows[0].db}" TO ${RUNTIME_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${RUNTIME_ROLE}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${RUNTIME_ROLE}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${RUNTIME_ROLE}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${AUDIT_TABLES.join(', ')} FROM ${RUNTIME_ROLE}`);
    await client.query(`REVOKE DELETE, TRUNCATE ON ${NEVER_DELETED_TABLES.join(', ')} FROM ${RUNTIME_ROLE}`);
    await client.query(`REVOKE ALL ON typeorm_migrations FROM ${RUNTIME_ROLE}`);
    return true;
  });
}

/** The same database, connected as the runtime role. */
export function runtimeUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = RUNTIME_ROLE;
  url.password = password;
  return url.toString();
}
