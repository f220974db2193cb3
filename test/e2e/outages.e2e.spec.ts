import { randomUUID } from 'node:crypto';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { fakeCpr, fakeName } from '../support/demo-people';
import { documentForm, pdfFile } from '../support/document-files';
import { DAY_MS } from '../support/exit-course-fixtures';
import {
  http,
  startSystem,
  type HttpAnswer,
  type SystemUnderTest,
  type UserClient,
} from '../support/system-under-test';

/**
 * A dependency that is down is a 503 with Retry-After and a Danish message on every endpoint that needs
 * it — never a 500 — and the system recovers by itself when it is back: API and worker are not restarted.
 * PostgreSQL and Temporal "go away" through TCP proxies the test cuts (every connection dropped, new ones
 * refused), while the real servers keep running.
 */
let sut: SystemUnderTest;
let kf: UserClient;
let supervisor: UserClient;
let drift: UserClient;
let admin: UserClient;
let courseId: string;
/** A document on the course, for the download. */
let documentId: string;

async function startCourse(): Promise<string> {
  const { body: person } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const started = await kf(
    'POST',
    '/api/exit-courses',
    {
      personRef: person.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-06-30',
      paroleLinked: false,
      referredAt: new Date(Date.now() - DAY_MS).toISOString(),
    },
    { 'idempotency-key': `outage-${randomUUID()}` },
  );
  return started.body.id;
}

beforeAll(async () => {
  sut = await startSystem(
    { LOGIN_ATTEMPTS_PER_MINUTE: '1000', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000' },
    { throughProxies: true },
  );
  [kf, supervisor, drift, admin] = await Promise.all(
    ['kf.storstroem', 'kf.leder.storstroem', 'drift', 'admin'].map((name) => sut.as(name)),
  );
  courseId = await startCourse();
  const uploaded = await kf('POST', `/api/cases/${courseId}/documents`, pdfUpload());
  documentId = uploaded.body.id;
});

const pdfUpload = () => documentForm(pdfFile('Referat'), 'referat.pdf', { type: 'minutes' });

afterAll(() => sut?.stop());

const anonymous: UserClient = (method, url, body, headers) => http(sut.baseUrl, method, url, body, headers);

/** Every endpoint that reads or writes PostgreSQL, with a request it would otherwise answer. */
const DATABASE_BACKED: [string, () => Promise<HttpAnswer>][] = [
  [
    'POST /api/auth/login',
    () => anonymous('POST', '/api/auth/login', { username: 'kf.storstroem', password: DEMO_SECRETS.demoUserPassword }),
  ],
  ['GET /api/auth/me', () => kf('GET', '/api/auth/me')],
  ['GET /api/exit-courses', () => kf('GET', '/api/exit-courses')],
  ['GET /api/exit-courses/{id}', () => kf('GET', `/api/exit-courses/${courseId}`)],
  ['GET /api/exit-courses/{id}/history', () => kf('GET', `/api/exit-courses/${courseId}/history`)],
  ['GET /api/exit-courses/{id}/mentor-contacts', () => kf('GET', `/api/exit-courses/${courseId}/mentor-contacts`)],
  ['GET /api/cases/{id}/notes', () => kf('GET', `/api/cases/${courseId}/notes`)],
  [
    'POST /api/cases/{id}/notes',
    () =>
      kf('POST', `/api/cases/${courseId}/notes`, {
        kind: 'phone',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        text: 'Opkald fra kommunen.',
      }),
  ],
  ['GET /api/cases/{id}/documents', () => kf('GET', `/api/cases/${courseId}/documents`)],
  ['POST /api/cases/{id}/documents', () => kf('POST', `/api/cases/${courseId}/documents`, pdfUpload())],
  ['GET /api/cases/{id}/documents/{documentId}', () => kf('GET', `/api/cases/${courseId}/documents/${documentId}`)],
  [
    'POST /api/exit-courses/{id}/interruption',
    () =>
      kf('POST', `/api/exit-courses/${courseId}/interruption`, { by: 'inmate', reason: 'Ønsker ikke at fortsætte.' }),
  ],
  [
    'POST /api/exit-courses',
    () =>
      kf('POST', '/api/exit-courses', {
        personRef: randomUUID(),
        institutionCode: 'KF-STORSTROEM',
        expectedReleaseDate: '2028-06-30',
        paroleLinked: false,
      }),
  ],
  ['POST /api/persons', async () => kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() })],
  ['POST /api/persons/lookup', () => kf('POST', '/api/persons/lookup', { cpr: '010190-1234' })],
  ['GET /api/dks-cases', () => supervisor('GET', '/api/dks-cases')],
  ['GET /api/network-councils', () => supervisor('GET', '/api/network-councils')],
  ['GET /api/steps/overdue', () => supervisor('GET', '/api/steps/overdue')],
  ['GET /api/steps/due-soon', () => supervisor('GET', '/api/steps/due-soon')],
  ['GET /api/steps/mine', () => kf('GET', '/api/steps/mine')],
  ['GET /api/reports/exit-courses', () => supervisor('GET', '/api/reports/exit-courses?from=2026-01-01&to=2026-12-31')],
  ['GET /api/reports/sla', () => supervisor('GET', '/api/reports/sla?from=2026-01-01&to=2026-12-31')],
  ['GET /api/admin/users', () => admin('GET', '/api/admin/users')],
  ['GET /api/admin/notices', () => drift('GET', '/api/admin/notices')],
  ['GET /api/admin/attention', () => drift('GET', '/api/admin/attention')],
  ['GET /api/health', () => anonymous('GET', '/api/health')],
];

const summary = (answer: HttpAnswer) => ({
  status: answer.status,
  code: answer.body?.code,
  retryAfter: answer.headers.get('retry-after'),
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not happen within a minute`);
}

describe('PostgreSQL is down', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After on every database-backed endpoint, and recovers by itself', async () => {
    await sut.proxies!.database.cut();
    try {
      const answers = await Promise.all(
        DATABASE_BACKED.map(async ([name, request]) => [name, summary(await request())] as const),
      );
      expect(
        answers.filter(
          ([, answer]) => answer.status !== 503 || answer.code !== 'SERVICE_UNAVAILABLE' || answer.retryAfter !== '5',
        ),
      ).toEqual([]);
      const login = await DATABASE_BACKED[0][1]();
      expect(login.body.message).toBe(
        'Databasen svarer ikke lige nu. Prøv igen om lidt; intet er ændret, medmindre svaret siger det.',
      );
    } finally {
      await sut.proxies!.database.restore();
    }
    await until(async () => (await anonymous('GET', '/api/health')).status === 200, 'health 200');
    const after = await Promise.all(
      DATABASE_BACKED.map(async ([name, request]) => [name, (await request()).status] as const),
    );
    expect(after.filter(([, status]) => status >= 500)).toEqual([]);
    expect((await kf('GET', `/api/exit-courses/${courseId}`)).body.status).toBeDefined();
  });
});

describe('Temporal is down', () => {
  it('answers a decision 503 SERVICE_UNAVAILABLE with Retry-After, changes nothing, and takes it once Temporal is back', async () => {
    const courseId = await startCourse();
    const before = await kf('GET', `/api/exit-courses/${courseId}`);
    await sut.proxies!.temporal.cut();
    let decision: HttpAnswer;
    try {
      decision = await kf('POST', `/api/exit-courses/${courseId}/suitability-assessment`, { outcome: 'offer' });
      // Reads come from PostgreSQL and go on.
      expect((await kf('GET', `/api/exit-courses/${courseId}`)).status).toBe(200);
      expect((await anonymous('GET', '/api/health')).status).toBe(503);
      // Past the answer the client's own deadline has passed too: no call of it is still waiting to be sent.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    } finally {
      await sut.proxies!.temporal.restore();
    }
    expect(summary(decision)).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '5' });
    expect((await kf('GET', `/api/exit-courses/${courseId}`)).body.status).toBe(before.body.status);
    await until(async () => (await anonymous('GET', '/api/health')).status === 200, 'health 200');
    const taken = await kf('POST', `/api/exit-courses/${courseId}/suitability-assessment`, { outcome: 'offer' });
    expect([taken.status, taken.body.status]).toEqual([200, 'awaiting_agreement_signature']);
  });
});
