import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../../../../libs/domain/organisations/roles';
import { absenceInForceSql } from '../../../../libs/persistence/absence-in-force';

/** A user as assignments, absences and the workload name them: id and display name, never more. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
  units: string[];
  active: boolean;
}

interface StaffRow {
  id: string;
  display_name: string;
  role: Role;
  units: string[];
  active: boolean;
}

const toMember = (row: StaffRow): StaffMember => ({
  id: row.id,
  displayName: row.display_name,
  role: row.role,
  units: row.units,
  active: row.active,
});

/**
 * SQL condition true for a case assignee column `assignee` that is `userParam` or a user `userParam`
 * substitutes for today (an absence in force): the cases that are the user's to work now.
 */
export function workedBySql(assignee: string, userParam: string): string {
  return (
    `(${assignee} = ${userParam} OR ${assignee} IN (SELECT ab.user_id FROM absences ab WHERE ab.substitute_id = ${userParam} ` +
    `AND ${absenceInForceSql('ab')}))`
  );
}

/** The users of the local login (the `users` table) as colleagues: who works in which unit. */
@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, db: Pick<DataSource, 'query'> = this.dataSource): Promise<StaffMember | undefined> {
    const rows: StaffRow[] = await db.query(
      `SELECT id::text AS id, display_name, role, units, active FROM users WHERE id::text = $1`,
      [id],
    );
    return rows[0] && toMember(rows[0]);
  }

  async findMany(ids: readonly string[]): Promise<Map<string, StaffMember>> {
    if (ids.length === 0) return new Map();
    const rows: StaffRow[] = await this.dataSource.query(
      `SELECT id::text AS id, display_name, role, units, active FROM users WHERE id::text = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, toMember(row)]));
  }

  /** The active users of these units with one of these roles, by name. */
  async ofUnits(units: readonly string[], roles: readonly Role[]): Promise<StaffMember[]> {
    const rows: StaffRow[] = await this.dataSource.query(
      `SELECT id::text AS id, display_name, role, units, active FROM users
        WHERE active AND units && $1::text[] AND role = ANY($2::text[]) ORDER BY display_name, id`,
      [units, roles],
    );
    return rows.map(toMember);
  }
}
