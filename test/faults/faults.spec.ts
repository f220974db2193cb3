import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { loadConfig } from '../../libs/config/exitflow-config';
import { connectTemporalClient } from '../../libs/temporal/temporal-connection';
import { exitCourseStateQuery } from '../../workflows/exit-course/exit-course.messages';
import type { HttpAnswer } from '../support/system-under-test';
import {
  courseRequests,
  dksCasesDueAt,
  offersExactlyOnce,
  readModelCaughtUp,
  retryUntilSettled,
  type Start,
  startsExactlyOnce,
  Tally,
} from './fault-checks';
import { buildApps, type FaultClient, type FaultSystem, startFaultSystem, waitFor } from './fault-system';

/**
 * Nothing is lost and nothing happens twice when the parts of the system fail: the worker and the API are
 * killed (SIGKILL) in the middle of 60 concurrent starts and decisions and started again, and every request
 * is retried with the same Idempotency-Key until it is answered; PostgreSQL is stopped for 30 s under
 * requests; the Temporal dev server is killed and started again on the same database file while
 * deadlines are due. Each scenario prints its figures: requests, 503s, other 5xx, lost, duplicated, and the
 * seconds until the system had recovered. API, worker, Temporal and PostgreSQL run as processes of their own.
 */
const CONCURRENT = 30; // starts, and as many decisions on other courses: 60 requests at once

let system: FaultSystem;
let kf: FaultClient;
let temporal: Client;
const figures: Record<string, Record<string, number | string>> = {};

beforeAll(async () => {
  buildApps();
  system = await startFaultSystem();
  kf = await system.as('kf.storstroem');
  // With the payload key: the test reads each workflow's state to compare it with the read model.
  const config = loadConfig({ DATABASE_URL: 'postgres://unused', TEMPORAL_ADDRESS: system.temporalAddress });
  temporal = await connectTemporalClient(config.temporal, config.temporalCodecKeyring);
});

afterAll(async () => {
  await temporal?.connection.close();
  await system?.stop();
  process.stdout.write(`\nFault-suite figures:\n${JSON.stringify(figures, null, 2)}\n`);
});

// `kf` logs in in beforeAll: the requests ask for it when they are sent.
const { persons, sendStart, sendOffer } = courseRequests((...request) => kf(...request));

/** Courses waiting for the suitability assessment, for decisions under fault. */
async function coursesAwaitingAssessment(count: number): Promise<string[]> {
  const refs = await persons(count);
  const ids: string[] = [];
  for (const personRef of refs) ids.push((await sendStart({ personRef, key: `fault-setup-${randomUUID()}` })).body.id);
  return ids;
}

/** 30 starts and 30 decisions at once, the fault in the middle of them, then the part restarted and everything retried. */
async function underFault(name: string, fault: () => Promise<void>, recover: () => Promise<void>): Promise<void> {
  const tally = new Tally();
  const starts: Start[] = (await persons(CONCURRENT)).map((personRef, index) => ({
    personRef,
    key: `${name}-${index}-${randomUUID()}`,
  }));
  const offers = await coursesAwaitingAssessment(CONCURRENT);
  const requests = [
    ...starts.map((start) => () => sendStart(start)),
    ...offers.map((caseId) => () => sendOffer(caseId)),
  ];
  const inFlight = Promise.all(requests.map(async (request) => tally.record(await request())));
  await new Promise((resolve) => setTimeout(resolve, 150));
  await fault();
  const faultAt = Date.now();
  const first = await inFlight;
  await recover();
  const restartedAfter = (Date.now() - faultAt) / 1000;
  const retried = await retryUntilSettled(requests, first, tally);
  const startIds: string[] = (
    await system.db.query(`SELECT id FROM cases WHERE person_ref = ANY($1::text[])`, [
      starts.map((start) => start.personRef),
    ])
  ).map((row: { id: string }) => row.id);
  const caughtUp = await readModelCaughtUp(system.db, temporal, [...startIds, ...offers]);
  const startCheck = await startsExactlyOnce(system.db, starts);
  const offerCheck = await offersExactlyOnce(system.db, offers);
  figures[name] = {
    requests: tally.requests,
    '503': tally.count((status) => status === 503),
    otherServerErrors: tally.count((status) => status >= 500 && status !== 503),
    unanswered: tally.count((status) => status === 0),
    lost: startCheck.lost + offerCheck.lost,
    duplicated: startCheck.duplicated + offerCheck.duplicated,
    restartSeconds: restartedAfter,
    retriesSettledSeconds: retried,
    readModelCaughtUpSeconds: caughtUp,
  };
  expect(figures[name]).toMatchObject({ otherServerErrors: 0, lost: 0, duplicated: 0 });
}

describe('the worker is killed under load', () => {
  it('loses nothing and duplicates nothing once it is started again and every request is retried', async () => {
    await underFault(
      'worker-killed',
      () => system.killWorker(),
      () => system.startWorker(),
    );
  });
});

describe('the API is killed under load', () => {
  it('loses nothing and duplicates nothing once it is started again and every request is retried with its key', async () => {
    await underFault(
      'api-killed',
      () => system.killApi(),
      () => system.startApi(),
    );
  });
});

describe('PostgreSQL is stopped for 30 s under requests', () => {
  it('answers 503 (never another 5xx) while it is away, and loses nothing after', async () => {
    const tally = new Tally();
    const caseIds = await coursesAwaitingAssessment(10);
    const starts: Start[] = (await persons(10)).map((personRef, index) => ({
      personRef,
      key: `pg-down-${index}-${randomUUID()}`,
    }));
    await system.stopPostgres();
    const stoppedAt = Date.now();
    const last = new Map<number, HttpAnswer>();
    const requests = [
      ...starts.map((start) => () => sendStart(start)),
      ...caseIds.map((caseId) => () => sendOffer(caseId)),
    ];
    while (Date.now() - stoppedAt < 30_000) {
      await Promise.all([
        ...requests.map(async (request, index) => last.set(index, tally.record(await request()))),
        kf('GET', `/api/exit-courses/${caseIds[0]}`).then((answer) => tally.record(answer)),
        kf('GET', '/api/steps/mine').then((answer) => tally.record(answer)),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const duringOutage = tally.requests;
    await system.startPostgres();
    const healthy = await waitFor(
      async () => (await kf('GET', '/api/health')).status === 200,
      'health after PostgreSQL is back',
    );
    const retried = await retryUntilSettled(
      requests,
      requests.map((_, index) => last.get(index)!),
      tally,
    );
    const startIds: string[] = (
      await system.db.query(`SELECT id FROM cases WHERE person_ref = ANY($1::text[])`, [
        starts.map((start) => start.personRef),
      ])
    ).map((row: { id: string }) => row.id);
    const caughtUp = await readModelCaughtUp(system.db, temporal, [...startIds, ...caseIds]);
    const startCheck = await startsExactlyOnce(system.db, starts);
    const offerCheck = await offersExactlyOnce(system.db, caseIds);
    figures['postgres-stopped-30s'] = {
      requests: tally.requests,
      requestsDuringOutage: duringOutage,
      '503': tally.count((status) => status === 503),
      otherServerErrors: tally.count((status) => status >= 500 && status !== 503),
      lost: startCheck.lost + offerCheck.lost,
      duplicated: startCheck.duplicated + offerCheck.duplicated,
      healthySecondsAfterRestart: healthy,
      retriesSettledSeconds: retried,
      readModelCaughtUpSeconds: caughtUp,
    };
    expect(figures['postgres-stopped-30s']).toMatchObject({ otherServerErrors: 0, lost: 0, duplicated: 0 });
    expect(tally.count((status) => status === 503)).toBeGreaterThan(0);
  });
});

describe('the Temporal dev server is killed and started again on the same database file', () => {
  it('keeps running cases, and fires deadlines that fell due meanwhile — never early', async () => {
    const dks = await system.as('politi.kbh.dks');
    // DKS cases whose 24-hour deadline falls 20 s from now: it passes while Temporal is away.
    const dueInMs = 20_000;
    const dksIds = await dksCasesDueAt(dks, 5, Date.now() + dueInMs);
    const running = await coursesAwaitingAssessment(5);
    await system.killTemporal();
    const killedAt = Date.now();
    const tally = new Tally();
    const asked = Date.now();
    tally.record(await sendOffer(running[0]));
    const decisionAnsweredSeconds = (Date.now() - asked) / 1000;
    await new Promise((resolve) => setTimeout(resolve, dueInMs + 5_000 - (Date.now() - killedAt)));
    await system.startTemporal();
    const restartedAt = Date.now();
    const escalated = await waitFor(async () => {
      const [{ count }] = await system.db.query(
        `SELECT count(*)::int AS count FROM steps WHERE case_id = ANY($1::uuid[]) AND overdue_at IS NOT NULL`,
        [dksIds],
      );
      return count === dksIds.length;
    }, 'the deadlines that fell due while Temporal was away to escalate');
    const steps: { due_at: Date; overdue_at: Date }[] = await system.db.query(
      `SELECT due_at, overdue_at FROM steps WHERE case_id = ANY($1::uuid[])`,
      [dksIds],
    );
    const lateness = steps.map((step) => (step.overdue_at.getTime() - step.due_at.getTime()) / 1000);
    // Running cases survived: each answers its query, and takes a decision.
    for (const caseId of running)
      expect((await temporal.workflow.getHandle(`exit-course-${caseId}`).query(exitCourseStateQuery)).status).toBe(
        'awaiting_suitability_assessment',
      );
    const decided = await retryUntilSettled(
      [() => sendOffer(running[1])],
      [tally.record(await sendOffer(running[1]))],
      tally,
    );
    figures['temporal-killed'] = {
      requests: tally.requests,
      '503': tally.count((status) => status === 503),
      otherServerErrors: tally.count((status) => status >= 500 && status !== 503),
      deadlinesDueWhileAway: dksIds.length,
      // A decision while Temporal is away: 503 after API_COMMAND_TIMEOUT_SECONDS (10), not later.
      decisionAnsweredSecondsWhileAway: decisionAnsweredSeconds,
      escalatedSecondsAfterRestart: escalated,
      escalationLatenessSecondsMin: Math.min(...lateness),
      escalationLatenessSecondsMax: Math.max(...lateness),
      decisionSettledSeconds: decided,
      restartedAfterSeconds: (restartedAt - killedAt) / 1000,
    };
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    expect(figures['temporal-killed']).toMatchObject({ otherServerErrors: 0 });
  });
});
