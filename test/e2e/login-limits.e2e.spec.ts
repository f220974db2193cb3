import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/api.setup';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { DEMO_USERS } from '../../libs/access/demo-users';
import { http, startSystem, type SystemUnderTest } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * The login limiter counts in PostgreSQL, so API replicas on one database share one count. This suite
 * blocks its client address, so it has a database of its own.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
/** Two more API processes on the same database, 4 attempts per user and minute. */
let replicas: INestApplication[] = [];
let firstUrl: string;
let secondUrl: string;

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem(
    { LOGIN_ATTEMPTS_PER_MINUTE: '4', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '5' },
    { databaseUrl: database.databaseUrl, worker: false, throughProxies: true },
  );
  const config = {
    ...sut.config,
    auth: { ...sut.config.auth, loginAttemptsPerMinute: 4, loginAttemptsPerAddressPerMinute: 1000 },
  };
  replicas = [await createApiApp(config, ['error']), await createApiApp(config, ['error'])];
  [firstUrl, secondUrl] = await Promise.all(
    replicas.map(async (replica) => {
      await replica.listen(0, '127.0.0.1');
      return `http://127.0.0.1:${(replica.getHttpServer().address() as { port: number }).port}`;
    }),
  );
});

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  await sut?.stop();
  await database?.dispose();
});

const login = (baseUrl: string, username: string, password: string) =>
  http(baseUrl, 'POST', '/api/auth/login', { username, password });

it('limits login attempts per address across usernames to LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', async () => {
  const statuses: number[] = [];
  for (const user of DEMO_USERS.slice(0, 5))
    statuses.push((await login(sut.baseUrl, user.username, 'Sommer2026!')).status);
  const sixth = await login(sut.baseUrl, DEMO_USERS[6].username, DEMO_SECRETS.demoUserPassword);
  expect([...statuses, sixth.status]).toEqual([401, 401, 401, 401, 401, 429]);
  expect(sixth.body.code).toBe('TOO_MANY_REQUESTS');
});

describe('two API processes on one database', () => {
  // The first test blocked this client address; these count afresh.
  beforeEach(() => sut.db.query('DELETE FROM login_attempt_counters'));

  it('share one count: attempts alternating between them, the (limit+1)th is 429 on either', async () => {
    for (const [first, other] of [
      [firstUrl, secondUrl],
      [secondUrl, firstUrl],
    ]) {
      await sut.db.query('DELETE FROM login_attempt_counters');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(i % 2 ? other : first, 'delt.tæller', `gæt-${i}`)).status);
      statuses.push((await login(first, 'delt.tæller', 'gæt-4')).status);
      statuses.push((await login(other, 'delt.tæller', 'gæt-5')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    }
  });

  it('count atomically: 10 attempts at once across both, exactly 4 get through to the password check', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(i % 2 ? secondUrl : firstUrl, 'samtidig.tæller', `gæt-${i}`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    const [row] = await sut.db.query(
      `SELECT hits FROM login_attempt_counters WHERE throttler = 'login-user' ORDER BY hits DESC LIMIT 1`,
    );
    expect(row.hits).toBe(10);
  });

  it('keeps no username in the table: keys are hashes', async () => {
    await login(firstUrl, 'navn.i.tabellen', 'gæt');
    const rows: { key: string }[] = await sut.db.query('SELECT key FROM login_attempt_counters');
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 503, not 500, while PostgreSQL is away', async () => {
    await sut.proxies!.database.cut();
    try {
      const answer = await login(firstUrl, 'kf.storstroem', DEMO_SECRETS.demoUserPassword);
      expect([answer.status, answer.body.code, answer.headers.get('retry-after')]).toEqual([
        503,
        'SERVICE_UNAVAILABLE',
        '5',
      ]);
    } finally {
      await sut.proxies!.database.restore();
    }
  });
});
