import { gzipSync } from 'node:zlib';
import { MAX_JSON_DEPTH } from '../../apps/api/src/common/request-limits';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { http, startSystem, type SystemUnderTest } from '../support/system-under-test';

/**
 * Whatever a client sends, the API answers with its own error — never a 500 — before anything changes:
 * unreadable charsets and encodings (415), bodies that are not JSON (415), broken JSON or gzip (400),
 * bodies nested past MAX_JSON_DEPTH (400), the keys JSON.parse keeps but nobody reads (400).
 * Every write endpoint of the OpenAPI document is tried, the anonymous login among them.
 */
let sut: SystemUnderTest;
let token: string;
let writeEndpoints: string[];

const CASE_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  sut = await startSystem(
    { LOGIN_ATTEMPTS_PER_MINUTE: '1000', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000' },
    { worker: false },
  );
  const login = await http(sut.baseUrl, 'POST', '/api/auth/login', {
    username: 'kf.storstroem',
    password: DEMO_SECRETS.demoUserPassword,
  });
  token = login.body.accessToken;
  const { body: document } = await http(sut.baseUrl, 'GET', '/api/docs-json');
  writeEndpoints = Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .filter(([, operations]) => 'post' in operations)
    .map(([path]) => path.replace(/\{[^}]+\}/g, CASE_ID));
});

afterAll(() => sut?.stop());

/** A raw request: `body` is sent byte for byte, with exactly the headers given (and the token). */
async function raw(url: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(`${sut.baseUrl}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const deepJson = (levels: number) => `{"reason":${'['.repeat(levels)}${']'.repeat(levels)}}`;

describe('bodies the parser cannot read, on every write endpoint', () => {
  it('finds the write endpoints in the OpenAPI document (the login among them)', () => {
    expect(writeEndpoints).toContain('/api/auth/login');
    expect(writeEndpoints.length).toBeGreaterThanOrEqual(28);
  });

  it.each([
    ['an unknown charset', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/json; charset=koi8-r' }, '{}'],
    [
      'a charset that does not exist',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      { 'content-type': 'application/json; charset=x-nonsense' },
      '{}',
    ],
    [
      'Content-Encoding: compress',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      { 'content-type': 'application/json', 'content-encoding': 'compress' },
      '{}',
    ],
    [
      'broken gzip',
      400,
      'MALFORMED_JSON',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      'not gzip at all',
    ],
    ['malformed JSON', 400, 'MALFORMED_JSON', { 'content-type': 'application/json' }, '{"reason": '],
    [
      'a form instead of JSON',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'reason=x',
    ],
    ['text instead of JSON', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'text/plain' }, '{"reason":"x"}'],
    ['1,300 nested levels', 400, 'BODY_TOO_DEEP', { 'content-type': 'application/json' }, deepJson(1300)],
    [
      `${MAX_JSON_DEPTH + 1} nested levels`,
      400,
      'BODY_TOO_DEEP',
      { 'content-type': 'application/json' },
      deepJson(MAX_JSON_DEPTH),
    ],
  ] as const)('%s answers %s %s', async (_what, status, code, headers, body) => {
    const answers = await Promise.all(writeEndpoints.map(async (url) => ({ url, ...(await raw(url, body, headers)) })));
    expect(answers.filter((answer) => answer.status !== status || answer.body?.code !== code)).toEqual([]);
  });

  it('reads a correct gzip body', async () => {
    const body = gzipSync(JSON.stringify({ username: 'kf.storstroem', password: DEMO_SECRETS.demoUserPassword }));
    const answer = await raw('/api/auth/login', body, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(answer.status).toBe(200);
  });

  it(`accepts ${MAX_JSON_DEPTH} nested levels (the limit), which the DTO then refuses on its own terms`, async () => {
    const answer = await raw('/api/auth/login', deepJson(MAX_JSON_DEPTH - 1), { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('keys that JSON keeps and the API would silently drop', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as an unknown field, also nested', async (key) => {
    const top = await http(sut.baseUrl, 'POST', '/api/auth/login', `{"username":"a","password":"b","${key}":{"x":1}}`);
    expect([top.status, top.body.details]).toEqual([
      400,
      [{ field: key, problems: [`Feltet '${key}' er ukendt og må ikke sendes.`] }],
    ]);
    const nested = await raw(
      `/api/network-councils/${CASE_ID}/agreements`,
      `{"agreements":[{"kind":"mentor_support","description":"x","ownerOrganisation":"kommune","ownerUnit":"KOM-0101","dueDate":"2027-01-01","${key}":{"isAdmin":true}}]}`,
      { 'content-type': 'application/json' },
    );
    expect([nested.status, nested.body.details]).toEqual([
      400,
      [{ field: `agreements.0.${key}`, problems: [`Feltet 'agreements.0.${key}' er ukendt og må ikke sendes.`] }],
    ]);
  });
});

describe('response headers', () => {
  it('marks every API answer Cache-Control: no-store and sends a Permissions-Policy, the page too', async () => {
    const answers = await Promise.all([
      http(sut.baseUrl, 'GET', '/api/exit-courses', undefined, { authorization: `Bearer ${token}` }),
      http(sut.baseUrl, 'GET', '/api/auth/me', undefined, { authorization: `Bearer ${token}` }),
      http(sut.baseUrl, 'POST', '/api/auth/login', { username: 'x', password: 'y' }),
      http(sut.baseUrl, 'GET', '/api/nothing-here'),
    ]);
    expect(answers.map((answer) => answer.headers.get('cache-control'))).toEqual([
      'no-store',
      'no-store',
      'no-store',
      'no-store',
    ]);
    const page = await http(sut.baseUrl, 'GET', '/');
    for (const answer of [...answers, page])
      expect(answer.headers.get('permissions-policy')).toBe(
        'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      );
  });
});
