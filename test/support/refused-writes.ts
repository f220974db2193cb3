import { Client } from 'pg';

/**
 * Makes the read model refuse writes the way a schema or data problem does: a trigger on the audit table
 * that raises for one case's events of one action, with a SQLSTATE of the test's choosing (P0001 for a
 * refusal for good, 40001 for one that trying again may get past). Dropping it is "fixing the cause".
 * Connects as the tables' owner (the runtime role may not create triggers).
 */
export interface RefusedWrites {
  refuse(caseId: string, action: string, sqlState?: string): Promise<{ allow(): Promise<void> }>;
  close(): Promise<void>;
}

export async function refusedWrites(): Promise<RefusedWrites> {
  const owner = new Client({ connectionString: process.env.EXITFLOW_TEST_OWNER_DATABASE_URL });
  await owner.connect();
  return {
    async refuse(caseId, action, sqlState = 'P0001') {
      // One function per trigger: suites running side by side never replace each other's.
      const name = `test_refuse_${caseId.replace(/-/g, '')}_${action}`.slice(0, 63);
      await owner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '${sqlState}'; END $$`);
      await owner.query(
        `CREATE TRIGGER ${name} BEFORE INSERT ON case_events FOR EACH ROW
           WHEN (NEW.case_id = '${caseId}' AND NEW.action = '${action}') EXECUTE FUNCTION ${name}()`,
      );
      return {
        allow: async () => {
          await owner.query(`DROP TRIGGER ${name} ON case_events`);
          await owner.query(`DROP FUNCTION ${name}()`);
        },
      };
    },
    close: () => owner.end(),
  };
}
