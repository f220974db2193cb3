import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { DEMO_USERS } from '../../libs/access/demo-users';
import { http, startSystem, type SystemUnderTest } from '../support/system-under-test';

/** Password spraying: many usernames from one address are limited too, not only one username. */
let sut: SystemUnderTest;

beforeAll(async () => {
  sut = await startSystem({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '5' });
});

afterAll(() => sut?.stop());

it('limits login attempts per address across usernames to LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', async () => {
  const statuses: number[] = [];
  for (const user of DEMO_USERS.slice(0, 5)) {
    statuses.push(
      (await http(sut.baseUrl, 'POST', '/api/auth/login', { username: user.username, password: 'Sommer2026!' })).status,
    );
  }
  const sixth = await http(sut.baseUrl, 'POST', '/api/auth/login', {
    username: DEMO_USERS[6].username,
    password: DEMO_SECRETS.demoUserPassword,
  });
  expect([...statuses, sixth.status]).toEqual([401, 401, 401, 401, 401, 429]);
  expect(sixth.body.code).toBe('TOO_MANY_REQUESTS');
});
