import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { ExitCourseState } from '../../libs/domain/exit-course/exit-course.types';
import { exitCourseStateQuery } from '../../workflows/exit-course/exit-course.messages';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import type { HttpAnswer } from '../support/system-under-test';
import { waitFor } from './fault-system';

/** What the fault suites (test/faults, test/cluster) count and check after a fault: lost, duplicated, caught up. */
export const RETRY_FOR_MS = 180_000;

/** Statuses seen, for the figures. */
export class Tally {
  readonly statuses: number[] = [];
  record(answer: HttpAnswer): HttpAnswer {
    this.statuses.push(answer.status);
    return answer;
  }
  get requests(): number {
    return this.statuses.length;
  }
  count(predicate: (status: number) => boolean): number {
    return this.statuses.filter(predicate).length;
  }
}

export interface Start {
  personRef: string;
  key: string;
}

export const startBody = (personRef: string) => ({
  personRef,
  institutionCode: 'KF-STORSTROEM',
  expectedReleaseDate: '2028-06-30',
  paroleLinked: false,
});

/** A client of one logged-in user, as both fault suites have it. */
export type CaseworkerClient = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<HttpAnswer>;

/** What both fault suites send as the caseworker: persons to start courses for, the starts, the offers. */
export function courseRequests(caseworker: CaseworkerClient) {
  return {
    persons: async (count: number): Promise<string[]> => {
      const refs: string[] = [];
      for (let i = 0; i < count; i += 1)
        refs.push(
          (await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() })).body.personRef,
        );
      return refs;
    },
    sendStart: (start: Start) =>
      caseworker('POST', '/api/exit-courses', startBody(start.personRef), { 'idempotency-key': start.key }),
    sendOffer: (caseId: string) =>
      caseworker('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' }),
  };
}

/** DKS cases whose 24-hour assessment falls due at `dueAt` (ms), registered by `dks`: the timers a fault must not lose. */
export async function dksCasesDueAt(dks: CaseworkerClient, count: number, dueAt: number): Promise<string[]> {
  const triggeredAt = new Date(dueAt - 24 * 3600_000).toISOString();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const youth = (await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() })).body.personRef;
    const started = await dks('POST', '/api/dks-cases', {
      personRef: youth,
      policeDistrictCode: 'POL-KBH',
      trigger: 'charged',
      triggeredAt,
    });
    expect(started.status).toBe(201);
    ids.push(started.body.id);
  }
  return ids;
}

/** Settled: started (201/200), or decided (200) — or, for a decision whose first try was applied, refused as already made (409). */
export const settled = (answer: HttpAnswer) =>
  answer.status === 200 ||
  answer.status === 201 ||
  (answer.status === 409 && answer.body?.code === 'ILLEGAL_TRANSITION');

/** Sends again, every second, whatever was not answered, until it is (same key, same body). */
export async function retryUntilSettled(
  requests: (() => Promise<HttpAnswer>)[],
  first: HttpAnswer[],
  tally: Tally,
): Promise<number> {
  const started = Date.now();
  const answers = [...first];
  for (;;) {
    const open = answers.map((answer, index) => (settled(answer) ? -1 : index)).filter((index) => index >= 0);
    if (open.length === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > RETRY_FOR_MS)
      throw new Error(
        `${open.length} requests still unanswered: ${open.map((index) => answers[index].status).join(',')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await Promise.all(open.map(async (index) => (answers[index] = tally.record(await requests[index]()))));
  }
}

/** Each person has exactly one course; each course's opening was recorded once. */
export async function startsExactlyOnce(
  db: DataSource,
  starts: Start[],
): Promise<{ lost: number; duplicated: number }> {
  const rows: { person_ref: string; cases: number; opened: number; assessment_steps: number }[] = await db.query(
    `SELECT p.person_ref, count(DISTINCT c.id)::int AS cases,
            (SELECT count(*)::int FROM case_events e JOIN cases c2 ON c2.id = e.case_id WHERE c2.person_ref = p.person_ref AND e.action = 'case_started') AS opened,
            (SELECT count(*)::int FROM steps s JOIN cases c3 ON c3.id = s.case_id WHERE c3.person_ref = p.person_ref AND s.kind = 'suitability_assessment') AS assessment_steps
       FROM unnest($1::text[]) AS p(person_ref) LEFT JOIN cases c ON c.person_ref = p.person_ref
      GROUP BY p.person_ref`,
    [starts.map((start) => start.personRef)],
  );
  return {
    lost: rows.filter((row) => row.cases === 0).length,
    duplicated: rows.filter((row) => row.cases > 1 || row.opened > 1 || row.assessment_steps > 1).length,
  };
}

/** Each offer was recorded once: one offer event, one completed assessment, one open signing step. */
export async function offersExactlyOnce(
  db: DataSource,
  caseIds: string[],
): Promise<{ lost: number; duplicated: number }> {
  const rows: { offers: number; signing: number; status: string }[] = await db.query(
    `SELECT c.status,
            (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.action = 'suitability_offer') AS offers,
            (SELECT count(*)::int FROM steps s WHERE s.case_id = c.id AND s.kind = 'agreement_signing') AS signing
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [caseIds],
  );
  return {
    lost:
      caseIds.length - rows.filter((row) => row.offers >= 1 && row.status === 'awaiting_agreement_signature').length,
    duplicated: rows.filter((row) => row.offers > 1 || row.signing > 1).length,
  };
}

/** The read model shows what each workflow holds: the same status and the same steps. */
export async function readModelCaughtUp(db: DataSource, temporal: Client, caseIds: string[]): Promise<number> {
  return waitFor(async () => {
    const rows: { id: string; status: string; steps: number }[] = await db.query(
      `SELECT c.id, c.status, (SELECT count(*)::int FROM steps s WHERE s.case_id = c.id) AS steps FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    );
    if (rows.length !== caseIds.length) return false;
    for (const row of rows) {
      const state: ExitCourseState = await temporal.workflow
        .getHandle(`exit-course-${row.id}`)
        .query(exitCourseStateQuery);
      if (state.status !== row.status || state.steps.length !== row.steps) return false;
    }
    return true;
  }, 'the read model to catch up with every workflow');
}
