import { DataSource } from 'typeorm';
import { dataProtectionScopeCondition, SqlParameters } from '../libs/access/access-policy';
import type { AuthenticatedUser } from '../libs/access/authenticated-user';
import type { RetentionPolicySnapshot } from '../libs/domain/retention/retention-policy';

/** What one run of the nightly deletion list wrote: per data-protection scope, how many cases are due. */
export interface RetentionListSummary {
  lists: { scopeKey: string; cases: number }[];
}

export interface RetentionListActivities {
  writeRetentionLists(): Promise<RetentionListSummary>;
}

interface OfficerRow {
  id: string;
  username: string;
  display_name: string;
  organisation: AuthenticatedUser['organisation'];
  units: string[];
}

/** A data-protection scope: an organisation, or some of its units (a municipality's officer). */
export function retentionScopeKey(scope: { organisation: string; units: readonly string[] }): string {
  return `${scope.organisation}:${[...scope.units].sort().join(',')}`;
}

/**
 * Writes the deletion lists: for every data-protection scope an active officer has, the cases past their
 * retention period (closed, not erased, not on legal hold) on the scope's one open list, which each run
 * replaces. Nothing is deleted here — only an officer's approval erases (RetentionErasureService).
 */
export class RetentionListWriter implements RetentionListActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: RetentionPolicySnapshot,
  ) {}

  async writeRetentionLists(): Promise<RetentionListSummary> {
    const officers: OfficerRow[] = await this.dataSource.query(
      `SELECT id::text, username, display_name, organisation, units FROM users
        WHERE role = 'data_protection_officer' AND active ORDER BY username`,
    );
    const scopes = new Map<string, OfficerRow>();
    for (const officer of officers) scopes.set(retentionScopeKey(officer), officer);
    const lists: RetentionListSummary['lists'] = [];
    for (const [scopeKey, officer] of scopes) {
      lists.push({ scopeKey, cases: await this.writeList(scopeKey, officer) });
    }
    return { lists };
  }

  private writeList(scopeKey: string, officer: OfficerRow): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const params = new SqlParameters();
      const user: AuthenticatedUser = {
        id: officer.id,
        username: officer.username,
        displayName: officer.display_name,
        role: 'data_protection_officer',
        organisation: officer.organisation,
        units: officer.units,
      };
      const scope = dataProtectionScopeCondition(user, 'c', params);
      const periods = params.add(JSON.stringify(this.periods));
      const due: { id: string; days: number; due_at: Date }[] = await db.query(
        `SELECT id, days, due_at FROM (
           SELECT c.id, (${periods}::jsonb ->> c.case_type)::int AS days,
                  c.closed_at + make_interval(days => (${periods}::jsonb ->> c.case_type)::int) AS due_at
             FROM cases c
            WHERE c.closed_at IS NOT NULL AND c.erased_at IS NULL AND NOT c.legal_hold
              AND ${periods}::jsonb ? c.case_type AND ${scope}
         ) d WHERE due_at <= now() ORDER BY due_at, id`,
        params.values,
      );
      const [open]: { id: string }[] = await db.query(
        `SELECT id FROM retention_lists WHERE scope_key = $1 AND approved_at IS NULL FOR UPDATE`,
        [scopeKey],
      );
      if (!due.length) {
        if (open) {
          await db.query(`DELETE FROM retention_list_cases WHERE list_id = $1`, [open.id]);
          await db.query(`DELETE FROM retention_lists WHERE id = $1`, [open.id]);
        }
        return 0;
      }
      const listId =
        open?.id ??
        (
          await db.query(
            `INSERT INTO retention_lists (scope_key, organisation, units) VALUES ($1, $2, $3) RETURNING id`,
            [scopeKey, officer.organisation, [...officer.units].sort()],
          )
        )[0].id;
      await db.query(`UPDATE retention_lists SET refreshed_at = now() WHERE id = $1`, [listId]);
      await db.query(`DELETE FROM retention_list_cases WHERE list_id = $1`, [listId]);
      await db.query(
        `INSERT INTO retention_list_cases (list_id, case_id, period_days, due_at)
         SELECT $1, d.case_id, d.days, d.due_at FROM unnest($2::uuid[], $3::int[], $4::timestamptz[]) AS d(case_id, days, due_at)`,
        [listId, due.map((row) => row.id), due.map((row) => row.days), due.map((row) => row.due_at)],
      );
      return due.length;
    });
  }

  asActivities(): RetentionListActivities {
    return { writeRetentionLists: () => this.writeRetentionLists() };
  }
}
