import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../../libs/access/password-hashing';
import { TEMPORAL_UI_PATH } from '../../libs/temporal/temporal-ui-path';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { DAY_MS } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The Temporal UI's way to the payload codec: the logged-in operations user gets a short-lived HttpOnly
 * cookie for /api/codec, which the codec takes instead of a bearer token — nowhere else, not expired, not
 * revoked, and only for a user who has the codec permission now. The same cookie opens the UI the API
 * serves at TEMPORAL_UI_PATH (TEMPORAL_UI_UPSTREAM: here an HTTP server that records what reaches it;
 * the browser suite temporal-ui runs the real UI).
 */
const TEMPORAL_UI = 'http://localhost:8233';
let sut: SystemUnderTest;
let drift: UserClient;
let caseworker: UserClient;
let encoded: { payloads: { metadata: Record<string, string>; data: string }[] };

const anonymous = (method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
  http(sut.baseUrl, method, url, body, headers);
const decodeWith = (cookie: string | undefined) =>
  anonymous('POST', '/api/codec/decode', encoded, cookie ? { cookie, origin: TEMPORAL_UI } : { origin: TEMPORAL_UI });

async function credential(client: UserClient): Promise<string> {
  const answer = await client('POST', '/api/codec/credential');
  expect(answer.status).toBe(200);
  return answer.headers.get('set-cookie')!.split(';')[0];
}

/** What reached the UI server behind the API, one entry per request. */
const upstreamSaw: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
let upstream: Server;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { method = '', url = '', headers } = request;
      upstreamSaw.push({ method, url, headers, body: Buffer.concat(chunks).toString() });
      response.writeHead(207, { 'content-type': 'text/plain', 'set-cookie': '_csrf=ui-token; Path=/', 'x-ui': 'yes' });
      response.end(`the UI answers ${method} ${url}`);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  sut = await startSystem({
    TEMPORAL_CODEC_CORS_ORIGINS: TEMPORAL_UI,
    TEMPORAL_UI_UPSTREAM: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
  });
  // An operations user of this suite's own: other suites decode as `drift` in the same database.
  await sut.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
     VALUES ($1, $1, $2, 'operations', 'politi', '{}') ON CONFLICT (username) DO NOTHING`,
    ['drift.codec-test', await hashPassword(DEMO_SECRETS.demoUserPassword)],
  );
  [drift, caseworker] = await Promise.all([sut.as('drift.codec-test'), sut.as('kf.storstroem')]);
  const { body: person } = await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const { body: course } = await caseworker('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-03-01',
    paroleLinked: true,
    referredAt: new Date(Date.now() - DAY_MS).toISOString(),
  });
  const history = await sut.temporal.workflow.getHandle(course.workflowId).fetchHistory();
  const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
  encoded = {
    payloads: [
      {
        metadata: Object.fromEntries(
          Object.entries(input.metadata!).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
        ),
        data: Buffer.from(input.data!).toString('base64'),
      },
    ],
  };
});

afterAll(async () => {
  await sut?.stop();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

it('gives operations an HttpOnly, same-site cookie for /api/codec that lasts 10 minutes', async () => {
  const answer = await drift('POST', '/api/codec/credential');
  expect(answer.status).toBe(200);
  const expiresIn = new Date(answer.body.expiresAt).getTime() - Date.now();
  expect(expiresIn).toBeGreaterThan(9 * 60_000);
  expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
  const [value, ...attributes] = answer.headers.get('set-cookie')!.split('; ');
  expect(value).toMatch(/^exitflow_codec=[A-Za-z0-9_-]{43}$/);
  expect(attributes.filter((attribute) => !attribute.startsWith('Expires='))).toEqual([
    'Max-Age=600',
    'Path=/api/codec',
    'HttpOnly',
    'SameSite=Strict',
  ]);
  // Only its hash is kept.
  const [row] = await sut.db.query(`SELECT token_hash FROM codec_credentials ORDER BY issued_at DESC LIMIT 1`);
  expect(row.token_hash).toBe(createHash('sha256').update(value.split('=')[1]).digest('hex'));
});

it('decodes with the cookie alone, logs the decode, and admits the UI origin with credentials', async () => {
  const cookie = await credential(drift);
  const before = await sut.db.query(
    `SELECT count(*)::int AS n FROM access_log a JOIN users u ON u.id::text = a.user_id::text
      WHERE u.username = 'drift.codec-test' AND a.action = 'payload_decode'`,
  );
  const decoded = await decodeWith(cookie);
  expect(decoded.status).toBe(200);
  expect(decoded.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI);
  expect(decoded.headers.get('access-control-allow-credentials')).toBe('true');
  const input = JSON.parse(Buffer.from(decoded.body.payloads[0].data, 'base64').toString());
  expect(input.institutionCode).toBe('KF-STORSTROEM');
  const after = await sut.db.query(
    `SELECT count(*)::int AS n FROM access_log a JOIN users u ON u.id::text = a.user_id::text
      WHERE u.username = 'drift.codec-test' AND a.action = 'payload_decode'`,
  );
  expect(after[0].n).toBe(before[0].n + 1);
  const preflight = await anonymous('OPTIONS', '/api/codec/decode', undefined, {
    origin: 'https://evil.example',
    'access-control-request-method': 'POST',
  });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
});

it('refuses without the credential, with an expired one, a revoked one, and on any other route', async () => {
  expect((await decodeWith(undefined)).status).toBe(401);
  expect((await decodeWith(`exitflow_codec=${randomBytes(32).toString('base64url')}`)).status).toBe(401);

  const expired = await credential(drift);
  await sut.db.query(`UPDATE codec_credentials SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
    createHash('sha256').update(expired.split('=')[1]).digest('hex'),
  ]);
  const answer = await decodeWith(expired);
  expect([answer.status, answer.body.code]).toEqual([401, 'UNAUTHENTICATED']);

  const revoked = await credential(drift);
  expect((await decodeWith(revoked)).status).toBe(200);
  const logout = await anonymous('DELETE', '/api/codec/credential', undefined, { cookie: revoked });
  expect(logout.status).toBe(204);
  expect(logout.headers.get('set-cookie')).toMatch(/^exitflow_codec=; Path=\/api\/codec; Expires=Thu, 01 Jan 1970/);
  expect((await decodeWith(revoked)).status).toBe(401);

  const valid = await credential(drift);
  expect((await anonymous('GET', '/api/auth/me', undefined, { cookie: valid })).status).toBe(401);
  expect((await anonymous('POST', '/api/codec/credential', undefined, { cookie: valid })).status).toBe(401);
});

it('is refused to a user without the codec permission, also when such a user holds one', async () => {
  const refused = await caseworker('POST', '/api/codec/credential');
  expect([refused.status, refused.headers.get('set-cookie')]).toEqual([403, null]);
  const token = randomBytes(32).toString('base64url');
  await sut.db.query(
    `INSERT INTO codec_credentials (token_hash, user_id, expires_at)
     SELECT $1, id::text, now() + interval '5 minutes' FROM users WHERE username = 'kf.storstroem'`,
    [createHash('sha256').update(token).digest('hex')],
  );
  expect((await decodeWith(`exitflow_codec=${token}`)).status).toBe(403);
});

describe('the Temporal UI at /api/codec/temporal-ui', () => {
  const ui = (method: string, url: string, cookie?: string, body?: string, headers: Record<string, string> = {}) =>
    anonymous(method, `${TEMPORAL_UI_PATH}${url}`, body, { ...(cookie ? { cookie } : {}), ...headers });

  it('opens on the API’s own origin from the credential', async () => {
    const answer = await drift('POST', '/api/codec/credential');
    expect(answer.body.temporalUiUrl).toBe(
      `${TEMPORAL_UI_PATH}/namespaces/${encodeURIComponent(sut.config.temporal.namespace)}/workflows`,
    );
  });

  it('passes the UI’s requests on as they came, without the bearer token or the codec cookie', async () => {
    const cookie = await credential(drift);
    upstreamSaw.length = 0;
    const read = await ui(
      'GET',
      '/namespaces/default/workflows?query=x',
      `_csrf=abc; ${cookie}; theme=dark`,
      undefined,
      {
        authorization: 'Bearer not-for-the-ui',
      },
    );
    expect([read.status, read.body, read.headers.get('x-ui'), read.headers.get('set-cookie')]).toEqual([
      207,
      `the UI answers GET ${TEMPORAL_UI_PATH}/namespaces/default/workflows?query=x`,
      'yes',
      '_csrf=ui-token; Path=/',
    ]);
    const posted = await ui('POST', '/api/v1/namespaces/default/workflows/w/signal', cookie, '{"raw": [1, 2]}', {
      'content-type': 'application/json',
      'x-csrf-token': 'abc',
    });
    expect(posted.status).toBe(207);
    expect(upstreamSaw.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'GET', url: `${TEMPORAL_UI_PATH}/namespaces/default/workflows?query=x`, body: '' },
      {
        method: 'POST',
        url: `${TEMPORAL_UI_PATH}/api/v1/namespaces/default/workflows/w/signal`,
        body: '{"raw": [1, 2]}',
      },
    ]);
    expect(upstreamSaw[0].headers).toMatchObject({ cookie: '_csrf=abc; theme=dark' });
    expect(upstreamSaw[0].headers.authorization).toBeUndefined();
    expect(upstreamSaw[1].headers.cookie).toBeUndefined();
    expect(upstreamSaw[1].headers['x-csrf-token']).toBe('abc');
  });

  it('serves nothing without a valid credential of a user who may decode, and says where to open it', async () => {
    upstreamSaw.length = 0;
    const none = await ui('GET', '/');
    expect([none.status, none.headers.get('content-type'), none.headers.get('cache-control')]).toEqual([
      401,
      'text/html; charset=utf-8',
      'no-store',
    ]);
    expect(none.body).toContain('<h1>Temporal UI åbnes fra Drift-siden</h1>');
    expect(none.body).toContain('tryk »Åbn Temporal UI« på siden Drift');
    expect((await ui('GET', '/', `exitflow_codec=${randomBytes(32).toString('base64url')}`)).status).toBe(401);

    const revoked = await credential(drift);
    await anonymous('DELETE', '/api/codec/credential', undefined, { cookie: revoked });
    expect((await ui('GET', '/', revoked)).status).toBe(401);

    const token = randomBytes(32).toString('base64url');
    await sut.db.query(
      `INSERT INTO codec_credentials (token_hash, user_id, expires_at)
       SELECT $1, id::text, now() + interval '5 minutes' FROM users WHERE username = 'kf.storstroem'`,
      [createHash('sha256').update(token).digest('hex')],
    );
    expect((await ui('GET', '/', `exitflow_codec=${token}`)).status).toBe(403);
    expect(upstreamSaw).toEqual([]);
  });

  it('answers 503 while the UI server does not answer', async () => {
    const cookie = await credential(drift);
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    const answer = await ui('GET', '/', cookie);
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '5']);
    expect(answer.body).toContain('<h1>Temporal UI svarer ikke</h1>');
    await new Promise<void>((resolve) =>
      upstream.listen(Number(sut.config.temporalUiUpstream!.port), '127.0.0.1', resolve),
    );
    expect((await ui('GET', '/', cookie)).status).toBe(207);
  });
});
