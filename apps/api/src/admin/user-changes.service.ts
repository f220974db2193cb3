import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { Organisation, OrganisationUnit } from '../../../../libs/domain/organisations/organisation-units';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { ROLE_LABELS, ROLE_ORGANISATIONS, type Role } from '../../../../libs/domain/organisations/roles';
import { AccessLogService } from '../audit/access-log.service';
import { TokenService } from '../auth/token.service';
import type { UserListItem } from '../auth/users.repository';
import { ApiError } from '../common/api-error';
import type { UserChangeDto } from './user-change.dto';

interface UserState {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  organisation: Organisation;
  units: string[];
  active: boolean;
  email: string | null;
}

type Field = 'active' | 'role' | 'units' | 'email';

const refused = (message: string) => new ApiError(HttpStatus.CONFLICT, 'USER_CHANGE_REFUSED', message);

/**
 * An administrator's change of a user of their own organisation: deactivate or reactivate, role, units,
 * e-mail (an identity provider's user: deactivate or reactivate only). One transaction: the user and the
 * organisation's administrators are locked, the change is checked, written and audited (access_log,
 * `user_change`, with what changed from what to what). The guard compares every token with the user's
 * row, so a deactivated user's or a changed user's tokens stop working at once.
 */
@Injectable()
export class UserChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly accessLog: AccessLogService,
    private readonly units: OrganisationUnits,
  ) {}

  async change(administrator: AuthenticatedUser, userId: string, change: UserChangeDto): Promise<UserListItem> {
    if (
      change.active === undefined &&
      change.role === undefined &&
      change.units === undefined &&
      change.email === undefined
    ) {
      throw ApiError.invalidDomainData('Angiv mindst én ændring: active, role, units eller email.');
    }
    // An identity provider's claims are the truth for role, units and address; deactivating is the only
    // change an administrator makes here (the provider's user is refused while inactive).
    if (!this.tokens.localLoginEnabled && (change.role ?? change.units ?? change.email) !== undefined) {
      throw refused('Rolle, enheder og e-mail styres af identitetsudbyderen (OIDC): ret dem dér.');
    }
    return this.dataSource.transaction(async (manager) => {
      const [user]: UserState[] = await manager.query(
        `SELECT id, username, display_name, role, organisation, units, active, email FROM users
          WHERE id::text = $1 AND organisation = $2 FOR UPDATE`,
        [userId, administrator.organisation],
      );
      // Another organisation's users are not this administrator's to know of.
      if (!user) throw new ApiError(HttpStatus.NOT_FOUND, 'USER_NOT_FOUND', 'Brugeren findes ikke.', { userId });
      const next = {
        role: change.role ?? user.role,
        units: change.units ?? user.units,
        active: change.active ?? user.active,
        email: change.email === undefined ? user.email : change.email || null,
      };
      refuseImpossible(user.organisation, next, await this.units.findMany(next.units));
      if (user.id === administrator.id && !next.active) throw refused('Du kan ikke deaktivere dig selv.');
      if (user.role === 'administrator' && user.active && (next.role !== 'administrator' || !next.active)) {
        const others: unknown[] = await manager.query(
          `SELECT id FROM users WHERE organisation = $1 AND role = 'administrator' AND active AND id <> $2 FOR UPDATE`,
          [user.organisation, user.id],
        );
        if (others.length === 0) {
          throw refused('Organisationen skal have mindst én aktiv administrator: udpeg en anden først.');
        }
      }
      const changed = changes(user, next);
      if (Object.keys(changed).length) {
        await manager.query(`UPDATE users SET role = $2, units = $3, active = $4, email = $5 WHERE id = $1`, [
          user.id,
          next.role,
          next.units,
          next.active,
          next.email,
        ]);
        await this.accessLog.record(administrator, 'user_change', { userId: user.id, details: changed }, manager);
      }
      return {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        organisation: user.organisation,
        ...next,
      };
    });
  }
}

/** A role of another organisation, or a unit that is not the organisation's: 422, nothing changes. */
function refuseImpossible(
  organisation: Organisation,
  next: { role: Role; units: string[] },
  known: Map<string, OrganisationUnit>,
): void {
  if (!ROLE_ORGANISATIONS[next.role].includes(organisation)) {
    throw ApiError.invalidDomainData(`Rollen «${ROLE_LABELS[next.role]}» findes ikke i brugerens organisation.`, {
      field: 'role',
    });
  }
  const foreign = next.units.filter((code) => known.get(code)?.organisation !== organisation);
  if (foreign.length) {
    throw ApiError.invalidDomainData(`Enhederne hører ikke til brugerens organisation: ${foreign.join(', ')}.`, {
      field: 'units',
      units: foreign,
    });
  }
  if (new Set(next.units).size !== next.units.length) {
    throw ApiError.invalidDomainData('Hver enhed må kun stå én gang.', { field: 'units' });
  }
}

function changes(
  before: UserState,
  after: { role: Role; units: string[]; active: boolean; email: string | null },
): Partial<Record<Field, { from: unknown; to: unknown }>> {
  const same = (field: Field) =>
    field === 'units'
      ? [...before.units].sort().join() === [...after.units].sort().join()
      : before[field] === after[field];
  return Object.fromEntries(
    (['active', 'role', 'units', 'email'] as const)
      .filter((field) => !same(field))
      // An address is personal data of the staff member: the audit says that it changed, not to what.
      .map((field) => [field, field === 'email' ? { changed: true } : { from: before[field], to: after[field] }]),
  );
}
