import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { Role } from '../../../../libs/domain/organisations/roles';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  organisation: Organisation;
  units: string[];
  active: boolean;
}

export interface UserListItem extends AuthenticatedUser {
  active: boolean;
  /** Where notices to the user go; null: the unit's mailbox. */
  email: string | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findActiveForLogin(username: string): Promise<{ user: AuthenticatedUser; passwordHash: string } | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, username, display_name, password_hash, role, organisation, units, active
         FROM users WHERE username = $1 AND active`,
      [username],
    );
    return rows[0] && { user: toUser(rows[0]), passwordHash: rows[0].password_hash };
  }

  /** The user as the database has them now, if still active. */
  async findActive(id: string): Promise<AuthenticatedUser | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, username, display_name, password_hash, role, organisation, units, active FROM users WHERE id::text = $1 AND active`,
      [id],
    );
    return rows[0] && toUser(rows[0]);
  }

  /** The users of one organisation: an administrator manages their own organisation's staff only. */
  list(organisation: Organisation, page: number, pageSize: number): Promise<Page<UserListItem>> {
    return pagedQuery(
      this.dataSource,
      {
        from: 'users',
        where: 'organisation = $1',
        params: [organisation],
        select: 'id, username, display_name, role, organisation, units, active, email',
        orderBy: 'username',
        page,
        pageSize,
      },
      (row: UserRow & { email: string | null }): UserListItem => ({
        ...toUser(row),
        email: row.email,
        active: row.active,
      }),
    );
  }
}

function toUser(row: UserRow): AuthenticatedUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organisation: row.organisation,
    units: row.units,
  };
}
