import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { VerifiedToken } from './token.service';
import { UsersRepository } from './users.repository';

/** How many subjects the cache keeps (the least recently seen go first) and how long an entry counts. */
export const PROVISIONING_CACHE = { maxEntries: 5_000, maxAgeMs: 10 * 60_000 } as const;

interface Provisioned {
  claims: string;
  id: string;
  at: number;
}

/**
 * Just-in-time provisioning of an identity provider's users: the user's row (`users.external_subject` =
 * the token's `sub`) is created or updated from the claims — role, organisation, units, name, e-mail — and
 * the acting user's id becomes that row's id, so assignment, absences, staff lists, workload and notices
 * treat them as any user. The claims are the truth: a change at the provider overwrites the row.
 *
 * Not a write per request: an in-process cache keyed by subject remembers a hash of the claims last
 * written and the row's id; the row is written again only when the claims differ, the entry is older than
 * `maxAgeMs` (so an administrator's edit of the row is put right) or was dropped (at most `maxEntries`,
 * least recently seen first; each API process has its own). Whether the row is still active is read on
 * every request (one indexed read, as for local users), so a deactivation stops the user at once.
 */
@Injectable()
export class IdentityProviderUsers {
  private readonly cache = new Map<string, Provisioned>();

  constructor(private readonly users: UsersRepository) {}

  /** The acting user with the row's id; undefined: deactivated, or their username is another user's. */
  async provision({ user, email }: VerifiedToken, now = Date.now()): Promise<AuthenticatedUser | undefined> {
    const subject = user.id;
    const claims = hashOf(user, email);
    const cached = this.cache.get(subject);
    this.cache.delete(subject);
    if (cached && cached.claims === claims && now - cached.at < PROVISIONING_CACHE.maxAgeMs) {
      if (!(await this.users.isActive(cached.id))) return undefined;
      this.cache.set(subject, cached);
      return { ...user, id: cached.id };
    }
    const row = await this.users.provisionExternal(subject, user, email);
    if (!row?.active) return undefined;
    this.cache.set(subject, { claims, id: row.id, at: now });
    if (this.cache.size > PROVISIONING_CACHE.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return { ...user, id: row.id };
  }
}

function hashOf(user: AuthenticatedUser, email: string | undefined): string {
  const { username, displayName, role, organisation, units } = user;
  return createHash('sha256')
    .update(JSON.stringify([username, displayName, role, organisation, [...units].sort(), email ?? null]))
    .digest('base64url');
}
