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
  password_hash: string | null;
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
    // A user of the identity provider has no password here: refused like an unknown user.
    return rows[0]?.password_hash ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : undefined;
  }

  /**
   * Creates or updates the row of an identity provider's user from their token's claims, keyed by the
   * provider's subject; answers the row's id and whether an administrator left it active (an update never
   * reactivates). An e-mail address the claims lack keeps the one recorded. A username taken by another
   * user (a local one, or another subject's) answers undefined: the two are never merged.
   */
  async provisionExternal(
    subject: string,
    user: Omit<AuthenticatedUser, 'id'>,
    email: string | undefined,
  ): Promise<{ id: string; active: boolean } | undefined> {
    try {
      const rows: { id: string; active: boolean }[] = await this.dataSource.query(
        `INSERT INTO users (external_subject, username, display_name, password_hash, role, organisation, units, email)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7)
         ON CONFLICT (external_subject) WHERE external_subject IS NOT NULL DO UPDATE
            SET username = EXCLUDED.username, display_name = EXCLUDED.display_name, role = EXCLUDED.role,
                organisation = EXCLUDED.organisation, units = EXCLUDED.units,
                email = COALESCE(EXCLUDED.email, users.email)
         RETURNING id::text AS id, active`,
        // As long as the columns take (a provider's names are not bounded).
        [
          subject,
          user.username.slice(0, 120),
          user.displayName.slice(0, 200),
          user.role,
          user.organisation,
          user.units,
          email ?? null,
        ],
      );
      return rows[0];
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return undefined;
      throw error;
    }
  }

  /** Whether the user (a row's id, so a uuid) is still active: an administrator may deactivate a provider's user. */
  async isActive(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1::uuid AND active`, [id]);
    return rows.length > 0;
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
