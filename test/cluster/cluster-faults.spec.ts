import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { type Cluster, CLUSTER_TOPOLOGY, startCluster } from '../../apps/cluster/src/cluster';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { loadConfig } from '../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { PROJECT_ROOT } from '../../libs/temporal/temporal-binaries';
import { connectTemporalClient } from '../../libs/temporal/temporal-connection';
import {
  courseRequests,
  dksCasesDueAt,
  offersExactlyOnce,
  readModelCaughtUp,
  retryUntilSettled,
  type Start,
  startsExactlyOnce,
  Tally,
} from '../faults/fault-checks';
import { buildApps, waitFor } from '../faults/fault-system';
import { http, type HttpAnswer } from '../support/system-under-test';

/**
 * The cluster as processes (2 Temporal nodes, 3 workers, 2 API replicas, nginx, PostgreSQL): one Temporal
 * node, one worker and one API replica are SIGKILLed at once in the middle of 80 concurrent starts (with
 * Idempotency-Keys) and decisions sent through nginx, while DKS deadlines fall due. Nothing is restarted:
 * the rest of the cluster carries on, and every request not answered is retried until it is. Then every
 * case exists once, every step and event once, every read model matches its workflow, and every deadline
 * that fell due fired — none early; and no request was answered 500 (a part that is down is a 503 or, for a
 * request cut with the API replica under it, nginx's 502). Prints its figures.
 */
const CONCURRENT = 40; // starts, and as many decisions on other courses
const TIMERS = 10;
const DUE_IN_MS = 20_000;

type Caller = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpAnswer>;

let cluster: Cluster;
let dir: string;
let db: DataSource;
let temporal: Client;
const figures: Record<string, number> = {};
/** The bodies of 500 answers in the first wave, printed with the figures (the API's log names each one's gRPC code). */
const errors: string[] = [];

async function login(username: string): Promise<Caller> {
  const answer = await http(cluster.baseUrl, 'POST', '/api/auth/login', {
    username,
    password: DEMO_SECRETS.demoUserPassword,
  });
  if (answer.status !== 200) throw new Error(`Login as ${username} answered ${answer.status}`);
  const authorization = `Bearer ${answer.body.accessToken}`;
  return (method, url, body, headers = {}) =>
    http(cluster.baseUrl, method, url, body, { authorization, ...headers }).catch(() => ({
      status: 0,
      body: null,
      headers: new Headers(),
    }));
}

beforeAll(async () => {
  buildApps();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-cluster-faults-'));
  cluster = await startCluster({
    dir,
    persistent: false,
    runtimePassword: 'exitflow-app-cluster-faults',
    // A cluster of its own on an embedded PostgreSQL of its own, whatever the run's DATABASE_URL.
    env: {
      DATABASE_URL: '',
      MIGRATION_DATABASE_URL: '',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'exitflow-cluster-faults',
      LOGIN_ATTEMPTS_PER_MINUTE: '10000',
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000',
      NOTICE_POLL_SECONDS: '5',
    },
  });
  db = await new DataSource({ ...readModelDataSourceOptions(cluster.ownerUrl), extra: { max: 4 } }).initialize();
  // Through nginx's gRPC balancing, with the payload key: reads each workflow's state while a node is down.
  const config = loadConfig({ DATABASE_URL: 'postgres://unused', TEMPORAL_ADDRESS: cluster.temporalAddress });
  temporal = await connectTemporalClient(config.temporal, config.temporalCodecKeyring);
  // Eleven processes, each waited for in turn: on a busy machine that outlasts the 300 s of a test.
}, 900_000);

afterAll(async () => {
  await temporal?.connection.close();
  await db?.destroy();
  await cluster?.stop();
  // The parts' logs outlive the run (test-output/ is git-ignored): what a failure's 5xx said.
  if (cluster) fs.cpSync(cluster.logDir, path.join(PROJECT_ROOT, 'test-output', 'cluster-faults'), { recursive: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`\nCluster fault figures:\n${JSON.stringify({ ...figures, errors }, null, 2)}\n`);
});

it('loses nothing, duplicates nothing and fires every due timer when a Temporal node, a worker and an API replica are killed under load', async () => {
  expect(cluster.temporal.frontends).toHaveLength(CLUSTER_TOPOLOGY.temporalNodes);
  expect(cluster.apiUrls).toHaveLength(CLUSTER_TOPOLOGY.apiReplicas);
  expect(cluster.workerCount()).toBe(CLUSTER_TOPOLOGY.workers);
  const kf = await login('kf.storstroem');
  const dks = await login('politi.kbh.dks');

  const { persons, sendStart, sendOffer } = courseRequests(kf);
  const starts: Start[] = (await persons(CONCURRENT)).map((personRef, index) => ({
    personRef,
    key: `cluster-fault-${index}-${randomUUID()}`,
  }));
  const offers: string[] = [];
  for (const personRef of await persons(CONCURRENT)) {
    const started = await sendStart({ personRef, key: `cluster-setup-${randomUUID()}` });
    expect(started.status).toBe(201);
    offers.push(started.body.id);
  }

  // DKS cases whose 24-hour deadline falls due while the parts are down and the requests retried.
  const dueAt = Date.now() + DUE_IN_MS;
  const dksIds = await dksCasesDueAt(dks, TIMERS, dueAt);

  const tally = new Tally();
  const requests = [...starts.map((start) => () => sendStart(start)), ...offers.map((id) => () => sendOffer(id))];
  const inFlight = Promise.all(requests.map(async (request) => tally.record(await request())));
  await new Promise((resolve) => setTimeout(resolve, 150));
  await Promise.all([cluster.temporal.kill(1), cluster.killWorker(0), cluster.killApi(0)]);
  const killedAt = Date.now();
  const first = await inFlight;
  errors.push(...first.filter((answer) => answer.status === 500).map((answer) => JSON.stringify(answer.body)));
  const settledSeconds = await retryUntilSettled(requests, first, tally);
  const recoverySeconds = (Date.now() - killedAt) / 1000;

  const startIds: string[] = (
    await db.query(`SELECT id FROM cases WHERE person_ref = ANY($1::text[])`, [starts.map((start) => start.personRef)])
  ).map((row: { id: string }) => row.id);
  const caughtUp = await readModelCaughtUp(db, temporal, [...startIds, ...offers]);
  const startCheck = await startsExactlyOnce(db, starts);
  const offerCheck = await offersExactlyOnce(db, offers);

  const firedSeconds = await waitFor(async () => {
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM steps WHERE case_id = ANY($1::uuid[]) AND overdue_at IS NOT NULL`,
      [dksIds],
    );
    return count === dksIds.length;
  }, 'every DKS deadline that fell due to fire');
  const timers: { due_at: Date; overdue_at: Date | null }[] = await db.query(
    `SELECT due_at, overdue_at FROM steps WHERE case_id = ANY($1::uuid[])`,
    [dksIds],
  );
  const lateness = timers.map((step) => (step.overdue_at!.getTime() - step.due_at.getTime()) / 1000);

  Object.assign(figures, {
    requests: tally.requests,
    retries: tally.requests - requests.length,
    '5xx': tally.count((status) => status >= 500),
    '503': tally.count((status) => status === 503),
    '500': tally.count((status) => status === 500),
    '502': tally.count((status) => status === 502),
    unanswered: tally.count((status) => status === 0),
    lost: startCheck.lost + offerCheck.lost,
    duplicated: startCheck.duplicated + offerCheck.duplicated,
    recoverySeconds,
    retriesSettledSeconds: settledSeconds,
    readModelCaughtUpSeconds: caughtUp,
    timersDue: dksIds.length,
    timersFired: timers.filter((step) => step.overdue_at !== null).length,
    timerFiredAfterDueSecondsMin: Math.min(...lateness),
    timerFiredAfterDueSecondsMax: Math.max(...lateness),
    timersFiredSecondsAfterSettled: firedSeconds,
  });
  expect(figures).toMatchObject({ lost: 0, duplicated: 0, timersDue: TIMERS, timersFired: TIMERS, '500': 0 });
  expect(timers).toHaveLength(TIMERS);
  expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
  // The kill really fell under load: requests were refused or cut and had to be retried.
  expect(figures.retries).toBeGreaterThan(0);
});
