import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { IdentityProviderUsers, PROVISIONING_CACHE } from './identity-provider-users.service';
import type { UsersRepository } from './users.repository';

/** The provisioning cache: a write when the claims are new, changed or old, a read of `active` otherwise. */
function fakeUsers() {
  const rows = new Map<string, { id: string; active: boolean }>();
  const calls = { writes: 0, reads: 0 };
  const users = {
    provisionExternal: jest.fn(async (subject: string) => {
      calls.writes += 1;
      if (!rows.has(subject)) rows.set(subject, { id: `row-${subject}`, active: true });
      return rows.get(subject);
    }),
    isActive: jest.fn(async (id: string) => {
      calls.reads += 1;
      return [...rows.values()].some((row) => row.id === id && row.active);
    }),
  };
  return { rows, calls, users: users as unknown as UsersRepository };
}

const token = (sub: string, units = ['KF-STORSTROEM'], email?: string) => ({
  user: {
    id: sub,
    username: sub,
    displayName: sub,
    role: 'kf_caseworker',
    organisation: 'kriminalforsorgen',
    units,
  } as AuthenticatedUser,
  email,
});

describe('IdentityProviderUsers', () => {
  it('writes the row once for the same claims and answers its id', async () => {
    const { calls, users } = fakeUsers();
    const service = new IdentityProviderUsers(users);
    expect((await service.provision(token('a')))?.id).toBe('row-a');
    expect((await service.provision(token('a')))?.id).toBe('row-a');
    expect(calls).toEqual({ writes: 1, reads: 1 });
  });

  it('writes again when the claims change or the entry is old', async () => {
    const { calls, users } = fakeUsers();
    const service = new IdentityProviderUsers(users);
    await service.provision(token('a'), 0);
    await service.provision(token('a', ['KF-STORSTROEM'], 'a@example.dk'), 1);
    await service.provision(token('a', ['KF-STORSTROEM'], 'a@example.dk'), 2 + PROVISIONING_CACHE.maxAgeMs);
    expect(calls).toEqual({ writes: 3, reads: 0 });
  });

  it('refuses a deactivated user at once, cached or not', async () => {
    const { rows, users } = fakeUsers();
    const service = new IdentityProviderUsers(users);
    await service.provision(token('a'));
    rows.get('a')!.active = false;
    expect(await service.provision(token('a'))).toBeUndefined();
    expect(await service.provision(token('a', ['KF-NYBORG']))).toBeUndefined();
  });

  it('keeps at most maxEntries subjects, dropping the least recently seen', async () => {
    const { calls, users } = fakeUsers();
    const service = new IdentityProviderUsers(users);
    for (let i = 0; i <= PROVISIONING_CACHE.maxEntries; i += 1) await service.provision(token(`s${i}`));
    calls.writes = 0;
    await service.provision(token(`s${PROVISIONING_CACHE.maxEntries}`));
    expect(calls.writes).toBe(0);
    await service.provision(token('s0'));
    expect(calls.writes).toBe(1);
  });
});
