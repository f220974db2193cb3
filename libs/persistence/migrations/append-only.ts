/**
 * The statements that make a table append-only even for its owner, with the audit tables' trigger function
 * (`refuse_audit_change`, migration 1764100000000): UPDATE, DELETE and TRUNCATE are refused.
 */
export function appendOnlyTriggers(table: string): string[] {
  return [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`,
  ];
}
