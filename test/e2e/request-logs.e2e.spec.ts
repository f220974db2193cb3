import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fakeCpr } from '../support/demo-people';
import { DAY_MS } from '../support/exit-course-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The JSON log of a real run (API, worker, Temporal dev server, PostgreSQL), captured where `main.ts` would
 * write it: a decision's request line carries the request id the client sent and the case id; the worker's
 * lines for the case carry its workflow id; and the whole log holds nothing of the person or of the reason.
 */
const PERSON = { name: 'Leopoldine Logfrisen-Sporløs', cpr: '' };
const REASON = 'Leopoldine vil ikke tale om gælden til Vestegnsgruppen.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const chunks: string[] = [];
const destination = new Writable({
  write(chunk, _encoding, done) {
    chunks.push(String(chunk));
    done();
  },
});
const lines = (): Record<string, unknown>[] =>
  chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No log line: ${what}`);
}

let sut: SystemUnderTest;
let caseworker: UserClient;
let userId: string;
let caseId: string;
const requestId = `e2e-${randomUUID()}`;
let decision: { status: number; headers: Headers };

beforeAll(async () => {
  sut = await startSystem(
    { TEMPORAL_WORKER_LOG_LEVEL: 'DEBUG' },
    { logLevels: ['log', 'warn', 'error'], logDestination: destination },
  );
  caseworker = await sut.as('kf.storstroem');
  userId = (await caseworker('GET', '/api/auth/me')).body.id;
  PERSON.cpr = await fakeCpr();
  const person = await caseworker('POST', '/api/persons', PERSON);
  expect(person.status).toBe(201);
  const started = await caseworker('POST', '/api/exit-courses', {
    personRef: person.body.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-01-01',
    paroleLinked: false,
    referredAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  caseId = started.body.id;
  decision = await caseworker(
    'POST',
    `/api/exit-courses/${caseId}/suitability-assessment`,
    { outcome: 'rejection', reason: REASON },
    { 'X-Request-Id': requestId },
  );
}, 180_000);

afterAll(async () => {
  await sut?.stop();
  // Kept for a look at a real run's lines (docs/operations.md quotes one).
  const file = path.join(__dirname, '../../test-output/logs/request-logs.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, chunks.join(''));
});

describe('the API request lines', () => {
  it("log the decision with the client's request id, the route template and the case id", async () => {
    expect(decision.status).toBe(200);
    expect(decision.headers.get('x-request-id')).toBe(requestId);
    const line = await eventually(
      () => lines().find((candidate) => candidate.requestId === requestId && 'status' in candidate),
      `the request line of ${requestId}`,
    );
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      hostname: expect.any(String),
      service: 'api',
      requestId,
      caseId,
      method: 'POST',
      route: '/api/exit-courses/:id/suitability-assessment',
      status: 200,
      durationMs: expect.any(Number),
      userId,
      role: 'kf_caseworker',
      msg: 'POST /api/exit-courses/:id/suitability-assessment 200',
    });
    // The request is logged once: no other line has its id.
    expect(lines().filter((candidate) => candidate.requestId === requestId)).toHaveLength(1);
  });

  it('log a start with 201 and no case id (its route has none), under a new UUID when the client sent none', () => {
    const starts = lines().filter((line) => line.route === '/api/exit-courses' && line.method === 'POST');
    expect(starts).toEqual([
      expect.objectContaining({ status: 201, userId, role: 'kf_caseworker', requestId: expect.stringMatching(UUID) }),
    ]);
    expect(starts[0]).not.toHaveProperty('caseId');
  });

  it("replace a request id that is not sane by a new UUID, and log a refusal's class and code only", async () => {
    const unknownCase = randomUUID();
    const answer = await caseworker('GET', `/api/exit-courses/${unknownCase}`, undefined, {
      'X-Request-Id': PERSON.name,
    });
    expect(answer.status).toBe(404);
    const id = answer.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const line = await eventually(
      () => lines().find((candidate) => candidate.requestId === id),
      `the request line of ${id}`,
    );
    expect(line).toMatchObject({
      level: 'warn',
      caseId: unknownCase,
      route: '/api/exit-courses/:id',
      status: 404,
      errorClass: 'ApiError',
      errorCode: 'CASE_NOT_FOUND',
      msg: 'GET /api/exit-courses/:id 404',
    });
  });

  it('never log a path segment that is no case id as the case id, nor the raw URL', async () => {
    const answer = await caseworker('GET', `/api/exit-courses/${encodeURIComponent(PERSON.cpr)}?navn=Leopoldine`);
    expect(answer.status).toBe(404);
    const id = answer.headers.get('x-request-id')!;
    const line = await eventually(
      () => lines().find((candidate) => candidate.requestId === id),
      `the request line of ${id}`,
    );
    expect(line).toMatchObject({ route: '/api/exit-courses/:id', status: 404, errorCode: 'CASE_NOT_FOUND' });
    expect(line).not.toHaveProperty('caseId');
  });
});

describe("the worker's lines", () => {
  it("carry the case's workflow id, run id, activity type and case id", async () => {
    const workflowId = `exit-course-${caseId}`;
    const activityLines = await eventually(() => {
      const found = lines().filter((line) => line.service === 'worker' && line.activityType === 'recordTransition');
      return found.some((line) => line.caseId === caseId) ? found : undefined;
    }, `an activity line of ${caseId}`);
    const ofThisCase = activityLines.filter((line) => line.caseId === caseId);
    expect(ofThisCase.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['Activity started', 'Activity completed']),
    );
    for (const line of ofThisCase) {
      expect(line).toMatchObject({
        service: 'worker',
        context: 'Temporal',
        workflowId,
        runId: expect.any(String),
        workflowType: 'exitCourseWorkflow',
        activityType: 'recordTransition',
        caseId,
      });
    }
    // Every worker line naming a case names its own workflow.
    for (const line of lines().filter((candidate) => candidate.service === 'worker' && candidate.caseId)) {
      expect(line.workflowId).toBe(`exit-course-${line.caseId}`);
    }
  });
});

describe('the whole log', () => {
  it('holds no name, name part, CPR number (with or without its dash) or reason, and no colour code', () => {
    const text = chunks.join('');
    expect(lines().length).toBeGreaterThan(20);
    const needles = [
      PERSON.name,
      ...PERSON.name.split(/[ -]/),
      PERSON.cpr,
      PERSON.cpr.replace('-', ''),
      REASON,
      'Vestegnsgruppen',
    ];
    expect(needles.filter((needle) => text.toLowerCase().includes(needle.toLowerCase()))).toEqual([]);
    expect(text).not.toContain('\u001b');
  });
});
