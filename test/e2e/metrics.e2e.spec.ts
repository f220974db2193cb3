import { randomUUID } from 'node:crypto';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { DAY_MS } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { codeSpans, tableStartingWith } from '../docs/markdown';
import { eventually } from '../support/eventually';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Both Prometheus endpoints over real HTTP, on a database of this suite's own (every figure is exact):
 * the API's latency per route template, the worker's read-model figures and the Temporal SDK's metrics.
 */
const TOKEN = 'metrics-e2e-token-0123456789';
const DECISION_ROUTE = '/api/exit-courses/:id/suitability-assessment';

let database: TestDatabase;
let sut: SystemUnderTest;
let kf: UserClient;
const person = { name: fakeName(), cpr: '' };
let onTime: string;
let overdue: string;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of Prometheus's text format (`name{label="value",…} number`). */
function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      if (!match) throw new Error(`Not a sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
        labels[key] = value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      }
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

async function scrape(url: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function samples(url: string): Promise<Sample[]> {
  const answer = await scrape(url);
  expect([answer.status, answer.headers.get('content-type')]).toEqual([
    200,
    'text/plain; version=0.0.4; charset=utf-8',
  ]);
  return samplesOf(await answer.text());
}

const valueOf = (all: Sample[], name: string, labels: Record<string, string> = {}) =>
  all
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .map((s) => s.value);

beforeAll(async () => {
  database = await createSiblingDatabase();
  // The outbox is delivered once at start (empty then) and not again during the test: its figures hold still.
  sut = await startSystem(
    { METRICS_TOKEN: TOKEN, NOTICE_POLL_SECONDS: '3600' },
    { databaseUrl: database.databaseUrl, throughProxies: true },
  );
  await seedDemoUsers(sut.db);
  kf = await sut.as('kf.storstroem');
  person.cpr = await fakeCpr();
  const registered = await kf('POST', '/api/persons', person);
  const other = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const start = async (personRef: string, referredDaysAgo: number) => {
    const started = await kf('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-01-01',
      paroleLinked: false,
      referredAt: new Date(Date.now() - referredDaysAgo * DAY_MS).toISOString(),
    });
    expect(started.status).toBe(201);
    return started.body.id as string;
  };
  onTime = await start(registered.body.personRef, 2);
  // Referred 31 days ago: the 30-day suitability assessment is overdue from the start.
  overdue = await start(other.body.personRef, 31);
  const decided = await kf('POST', `/api/exit-courses/${onTime}/suitability-assessment`, {
    outcome: 'offer',
    decidedAt: new Date(Date.now() - DAY_MS).toISOString(),
  });
  expect(decided.status).toBe(200);
  // The overdue step's escalation writes its notice to the outbox (it waits there to settle, unsent).
  await eventually(
    () => sut.db.query(`SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'overdue'`, [overdue]),
    (rows: unknown[]) => rows.length === 1,
  );
  // A notice that failed and is tried again next year, and a transition the read model refused on the first case.
  await sut.db.query(
    `INSERT INTO notifications (id, case_id, recipient_unit, kind, attempts, last_error, next_attempt_at)
     VALUES ($1, $2, 'KF-STORSTROEM', 'handover', 2, 'Ingen e-mailadresse for enheden.', now() + interval '1 year')`,
    [randomUUID(), onTime],
  );
  await sut.db.query(
    `INSERT INTO read_model_failures (case_id, transition_seq, case_type, workflow_id, error_class, error_code)
     VALUES ($1, 99, 'exit_course', $2, 'QueryFailedError', '23514')`,
    [onTime, `exit-course-${onTime}`],
  );
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

describe("the worker's endpoint", () => {
  it('counts open and overdue steps per step kind and unit exactly as the read model holds them', async () => {
    const all = await samples(sut.metricsUrls.worker!);
    expect(valueOf(all, 'exitflow_domain_gauges_up')).toEqual([1]);
    const open = all.filter((s) => s.name === 'exitflow_open_steps');
    expect(open.map((s) => [s.labels, s.value])).toEqual(
      expect.arrayContaining([
        [{ kind: 'agreement_signing', unit: 'KF-STORSTROEM' }, 1],
        [{ kind: 'suitability_assessment', unit: 'KF-STORSTROEM' }, 1],
      ]),
    );
    // Every series is a (kind, unit) pair of the database's open steps, with its count.
    const inDatabase: { kind: string; count: number }[] = await sut.db.query(
      `SELECT kind, count(*)::int AS count FROM steps WHERE status = 'open' GROUP BY kind ORDER BY kind`,
    );
    expect(
      open.map((s) => ({ kind: s.labels.kind, count: s.value })).sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual(inDatabase);
    expect(all.filter((s) => s.name === 'exitflow_overdue_steps').map((s) => [s.labels, s.value])).toEqual([
      [{ kind: 'suitability_assessment', unit: 'KF-STORSTROEM' }, 1],
    ]);
  });

  it("counts the outbox's unsent notices and the cases needing attention", async () => {
    const all = await samples(sut.metricsUrls.worker!);
    const [{ pending }] = await sut.db.query(
      `SELECT count(*)::int AS pending FROM notifications WHERE sent_at IS NULL AND withdrawn_at IS NULL AND last_error IS NULL`,
    );
    expect(pending).toBeGreaterThanOrEqual(1);
    expect(valueOf(all, 'exitflow_notice_outbox_notices', { state: 'pending' })).toEqual([pending]);
    expect(valueOf(all, 'exitflow_notice_outbox_notices', { state: 'failing' })).toEqual([1]);
    expect(valueOf(all, 'exitflow_notice_outbox_oldest_unsent_seconds')[0]).toBeGreaterThan(0);
    expect(valueOf(all, 'exitflow_cases_needing_attention')).toEqual([1]);
    expect(valueOf(all, 'exitflow_cases_needing_attention', { case_type: 'exit_course' })).toEqual([1]);
    expect(valueOf(all, 'exitflow_read_model_refused_transitions', { case_type: 'exit_course' })).toEqual([1]);
  });

  it("holds the Temporal SDK's own metrics in the same scrape", async () => {
    const all = await samples(sut.metricsUrls.worker!);
    expect(valueOf(all, 'exitflow_temporal_sdk_metrics_up')).toEqual([1]);
    const names = new Set(all.map((s) => s.name));
    // Each SDK metric docs/metrics.md lists (a histogram by its _count).
    const documented = tableStartingWith('docs/metrics.md', 'SDK metric').rows.map(({ cells }) => {
      const name = codeSpans(cells[0])[0];
      return cells[1] === 'histogram' ? `${name}_count` : name;
    });
    expect(documented).toContain('temporal_workflow_task_execution_latency_count');
    expect(documented.filter((name) => !names.has(name))).toEqual([]);
    const taskQueues = new Set(all.filter((s) => s.name.startsWith('temporal_')).map((s) => s.labels.task_queue));
    expect(taskQueues.has('exitflow-e2e')).toBe(true);
  });

  it('answers without the read-model figures, but with the rest, while PostgreSQL is away', async () => {
    await sut.proxies!.database.cut();
    try {
      const all = await samples(sut.metricsUrls.worker!);
      expect(valueOf(all, 'exitflow_domain_gauges_up')).toEqual([0]);
      expect(valueOf(all, 'exitflow_open_steps')).toEqual([]);
      expect(valueOf(all, 'exitflow_temporal_sdk_metrics_up')).toEqual([1]);
      expect(valueOf(all, 'process_resident_memory_bytes')[0]).toBeGreaterThan(0);
    } finally {
      await sut.proxies!.database.restore();
    }
    const back = await eventually(
      () => samples(sut.metricsUrls.worker!),
      (all) => valueOf(all, 'exitflow_domain_gauges_up')[0] === 1,
    );
    expect(valueOf(back, 'exitflow_overdue_steps')).toEqual([1]);
  });
});

describe("the API's endpoint", () => {
  it("has the decision's route template, once, and no case id in any label", async () => {
    const all = await samples(sut.metricsUrls.api);
    const labels = { method: 'POST', route: DECISION_ROUTE, status: '200' };
    expect(valueOf(all, 'exitflow_http_requests_total', labels)).toEqual([1]);
    expect(valueOf(all, 'exitflow_http_request_duration_seconds_count', labels)).toEqual([1]);
    expect(valueOf(all, 'exitflow_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toEqual([1]);
    expect(
      valueOf(all, 'exitflow_http_requests_total', { method: 'POST', route: '/api/exit-courses', status: '201' }),
    ).toEqual([2]);
    const routes = new Set(all.filter((s) => s.name === 'exitflow_http_requests_total').map((s) => s.labels.route));
    expect([...routes].filter((route) => !route.startsWith('/api/') && route !== 'unmatched')).toEqual([]);
  });

  it('refuses a scrape without the token, and has nothing but /metrics', async () => {
    const anonymous = await scrape(sut.metricsUrls.api, null);
    expect([anonymous.status, anonymous.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="metrics"']);
    expect((await scrape(sut.metricsUrls.worker!, 'wrong-token-of-some-length')).status).toBe(401);
    expect((await scrape(sut.metricsUrls.api.replace('/metrics', '/api/health'))).status).toBe(404);
    expect(
      (await fetch(sut.metricsUrls.worker!, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(405);
  });
});

it('names no person, CPR number or case in either scrape', async () => {
  for (const url of [sut.metricsUrls.api, sut.metricsUrls.worker!]) {
    const text = await (await scrape(url)).text();
    const values = samplesOf(text).flatMap((s) => Object.values(s.labels));
    const forbidden = [person.name, person.cpr, person.cpr.replace('-', ''), onTime, overdue];
    expect(values.filter((value) => forbidden.some((item) => value.includes(item)))).toEqual([]);
    expect(forbidden.filter((item) => text.includes(item))).toEqual([]);
  }
});
