import { WorkflowNotFoundError } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { Client } from 'pg';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { applyRuntimeGrants } from '../../libs/persistence/runtime-role';
import { EncryptionCodec } from '../../libs/temporal/encryption-codec';
import { ensureRetentionSchedule, RETENTION_SCHEDULE_ID } from '../../apps/worker/src/retention-schedule.service';
import { documentForm, pdfFile } from '../support/document-files';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Retention, end to end (docs/retention.md): a history with courses past their period (30 days here, set by
 * RETENTION_EXIT_COURSE_DAYS; the courses ended 45–50 days ago through the API's back-dated decisions), one
 * of them on legal hold, and one ended 10 days ago; the Schedule's run lists the due ones, the officer
 * approves, and then nothing of the erased persons is readable anywhere: PostgreSQL (every row of every
 * table), Temporal (every remaining history, payloads decoded; the erased executions gone), the logs.
 */
const ERASED = [
  { name: 'Quirinus Glemmesen', cpr: '120379-5511', note: 'Samtale om Quirinus og hans bror på Amager.' },
  { name: 'Ottilie Borteborg', cpr: '050601-5522', note: 'Ottilie fortalte om gælden til Vestegnsgruppen.' },
];
/** Two courses: the first past its period (erased), the second ended 10 days ago — so the person stays. */
const TWICE = { name: 'Valdemar Tilbagesen', cpr: '140792-5566', note: 'Valdemar starter forfra.' };
const HELD = { name: 'Hjalmar Beholdsen', cpr: '311288-5533', note: 'Klagesag verserer for Hjalmar.' };
const NOT_DUE = { name: 'Dagny Ventesen', cpr: '230485-5544', note: 'Dagny har fået lærlingeplads.' };

const captured: string[] = [];
const originalWrites = {
  stdout: process.stdout.write.bind(process.stdout),
  stderr: process.stderr.write.bind(process.stderr),
};

function capture(): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return (originalWrites[stream] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  }
}

/** Retries an assertion until it holds (Temporal's run of the Schedule, its deletion of executions), 30 s unless told. */
async function until<T>(check: () => Promise<T>, attempts = 150): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await check();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let database: TestDatabase;
let sut: SystemUnderTest;
let owner: Client;
let kf: UserClient;
let supervisor: UserClient;
let officer: UserClient;

interface Built {
  caseId: string;
  workflowId: string;
  personRef: string;
  reason: string;
  person: { name: string; cpr: string; note: string };
}
const built: Built[] = [];
const byName = (name: string) => built.find((entry) => entry.person.name === name)!;
const twice = () => built.filter((entry) => entry.person.name === TWICE.name);

/** A course referred `endedDaysAgo + 10` days ago and rejected `endedDaysAgo` days ago, with a note and a document. */
async function course(person: Built['person'], endedDaysAgo: number, again?: 'second'): Promise<Built> {
  const { body: registered } = await kf('POST', '/api/persons', { name: person.name, cpr: person.cpr });
  expect(registered.personRef).toEqual(expect.any(String));
  const { body: started } = await kf(
    'POST',
    '/api/exit-courses',
    {
      personRef: registered.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: danishDateInDays(400),
      paroleLinked: false,
      referredAt: new Date(Date.now() - (endedDaysAgo + 10) * DAY_MS).toISOString(),
    },
    { 'idempotency-key': `retention-${person.cpr}-${again ?? 'first'}` },
  );
  expect(started.status).toBe('awaiting_suitability_assessment');
  const note = await kf('POST', `/api/cases/${started.id}/notes`, {
    kind: 'meeting',
    occurredAt: new Date(Date.now() - (endedDaysAgo + 5) * DAY_MS).toISOString(),
    text: person.note,
  });
  expect(note.status).toBe(201);
  const upload = await kf(
    'POST',
    `/api/cases/${started.id}/documents`,
    documentForm(pdfFile(`Referat ${person.name} ${person.cpr}`), `${person.name}.pdf`, { type: 'minutes' }),
  );
  expect(upload.status).toBe(201);
  const reason = `${person.name.split(' ')[0]} ønsker ikke at deltage.`;
  const rejected = await kf('POST', `/api/exit-courses/${started.id}/suitability-assessment`, {
    outcome: 'rejection',
    reason,
    decidedAt: new Date(Date.now() - endedDaysAgo * DAY_MS).toISOString(),
  });
  expect(rejected.status).toBe(200);
  return { caseId: started.id, workflowId: started.workflowId, personRef: registered.personRef, reason, person };
}

const PERIOD = { from: danishDateInDays(-90), to: danishDateInDays(-40) };
const REPORTS = ['exit-courses', 'ending-reasons', 'sla'].map(
  (report) => `/api/reports/${report}?from=${PERIOD.from}&to=${PERIOD.to}`,
);
let reportsBefore: unknown[];

beforeAll(async () => {
  capture();
  database = await createSiblingDatabase();
  // As in production: the API and the worker connect as the runtime role, which may not touch the audit tables.
  await applyRuntimeGrants(database.databaseUrl);
  const runtime = new URL(process.env.EXITFLOW_TEST_DATABASE_URL!);
  const runtimeUrl = Object.assign(new URL(database.databaseUrl), {
    username: runtime.username,
    password: runtime.password,
  }).toString();
  sut = await startSystem(
    { RETENTION_EXIT_COURSE_DAYS: '30', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000' },
    { databaseUrl: runtimeUrl, logLevels: ['log', 'error', 'warn'] },
  );
  owner = new Client({ connectionString: database.databaseUrl });
  await owner.connect();
  await seedDemoUsers(sut.db);
  kf = await sut.as('kf.storstroem');
  supervisor = await sut.as('kf.leder.storstroem');
  officer = await sut.as('kf.databeskyttelse');
  for (const person of ERASED) built.push(await course(person, 50));
  built.push(await course(HELD, 45));
  built.push(await course(NOT_DUE, 10));
  built.push(await course(TWICE, 55));
  built.push(await course({ ...TWICE, cpr: TWICE.cpr }, 10, 'second'));
  const hold = await supervisor('POST', `/api/cases/${byName(HELD.name).caseId}/legal-hold`, {
    held: true,
    reason: 'Verserende klagesag.',
  });
  expect(hold.status).toBe(200);
  reportsBefore = await Promise.all(REPORTS.map(async (url) => (await supervisor('GET', url)).body));
}, 240_000);

afterAll(async () => {
  await owner?.end();
  await sut?.stop();
  await database?.dispose();
  process.stdout.write = originalWrites.stdout as typeof process.stdout.write;
  process.stderr.write = originalWrites.stderr as typeof process.stderr.write;
});

/** Every name, name part, CPR number (with and without its dash), free text and personRef of the erased. */
const needles = () =>
  built
    .filter((entry) => ERASED.includes(entry.person))
    .flatMap(({ person, personRef, reason }) => [
      person.name,
      ...person.name.split(' '),
      person.cpr,
      person.cpr.replace('-', ''),
      person.note,
      reason,
      personRef,
    ]);

function findings(where: string, text: string): string[] {
  const haystack = text.toLowerCase();
  return needles()
    .filter((needle) => haystack.includes(needle.toLowerCase()))
    .map((needle) => `${where}: "${needle}"`);
}

/** Every payload in a history (any depth), decoded with the codec, as text. */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return found;
  const candidate = value as Payload;
  if (candidate.metadata && candidate.data instanceof Uint8Array) found.push(candidate);
  for (const inner of Object.values(value)) payloadsIn(inner, found);
  return found;
}

describe('the nightly deletion list and its approval', () => {
  let listId: string;

  it('has the Schedule, in Danish time, and its run lists exactly the cases past their period and not held', async () => {
    const schedule = await sut.temporal.schedule.getHandle(RETENTION_SCHEDULE_ID).describe();
    expect(schedule.spec.timezone).toBe('Europe/Copenhagen');
    expect((await officer('GET', '/api/retention-lists')).body).toEqual({ items: [] });
    await sut.temporal.schedule.getHandle(RETENTION_SCHEDULE_ID).trigger();
    const lists = await until(async () => {
      const answer = await officer('GET', '/api/retention-lists');
      expect(answer.body.items).toHaveLength(1);
      return answer.body.items;
    });
    listId = lists[0].id;
    // The held and the not yet due are not listed.
    expect(lists[0].cases.map((entry: { caseId: string }) => entry.caseId).sort()).toEqual(
      [...ERASED.map((person) => byName(person.name).caseId), twice()[0].caseId].sort(),
    );
    expect(lists[0].cases[0]).toEqual({
      caseId: expect.any(String),
      caseType: 'exit_course',
      caseTypeLabel: 'Exitforløb',
      unit: 'KF-STORSTROEM',
      unitName: expect.any(String),
      closedAt: expect.any(String),
      periodDays: 30,
      dueOn: danishDateInDays(-25),
      source: expect.stringContaining('Ingen kilde fastsætter fristen; konfigurerbar standard.'),
      legalHold: false,
    });
    expect(JSON.stringify(lists)).not.toContain(ERASED[0].name);
    // The namespace keeps closed histories no longer than the shortest period (30 days here).
    const namespace = await sut.temporal.workflowService.describeNamespace({
      namespace: sut.config.temporal.namespace,
    });
    expect(Number(namespace.config?.workflowExecutionRetentionTtl?.seconds)).toBe(30 * 24 * 3600);
    // Created once: a second start finds the Schedule and updates it.
    await ensureRetentionSchedule(sut.temporal, sut.config);
    const schedules: string[] = [];
    for await (const listed of sut.temporal.schedule.list()) schedules.push(listed.scheduleId);
    expect(schedules).toEqual([RETENTION_SCHEDULE_ID]);
    // A second run replaces the open list's cases rather than adding a list.
    await sut.temporal.schedule.getHandle(RETENTION_SCHEDULE_ID).trigger();
    await until(async () => {
      const { rows } = await owner.query(`SELECT count(*)::int AS runs FROM retention_lists`);
      expect(rows[0].runs).toBe(1);
    });
  });

  it('answers 404 to an officer of another scope and for an unknown list, and nothing is erased', async () => {
    const police = await sut.as('politi.databeskyttelse');
    expect((await police('GET', '/api/retention-lists')).body).toEqual({ items: [] });
    expect((await police('POST', `/api/retention-lists/${listId}/approval`)).status).toBe(404);
    expect((await officer('POST', `/api/retention-lists/not-a-list/approval`)).status).toBe(404);
    expect((await kf('POST', `/api/retention-lists/${listId}/approval`)).status).toBe(403);
    const { rows } = await owner.query(`SELECT count(*)::int AS erased FROM cases WHERE erased_at IS NOT NULL`);
    expect(rows[0].erased).toBe(0);
  });

  it('erases the listed cases on approval, once (409 again), and audits it', async () => {
    const approved = await officer('POST', `/api/retention-lists/${listId}/approval`);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ listId, approvedAt: expect.any(String), erased: 3, skipped: 0 });
    const again = await officer('POST', `/api/retention-lists/${listId}/approval`);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Sletningslisten er allerede godkendt.');
    const { rows } = await owner.query(
      `SELECT action, count(*)::int AS rows FROM access_log WHERE action IN ('retention_approval', 'retention_erasure', 'legal_hold_change') GROUP BY action ORDER BY action`,
    );
    expect(rows).toEqual([
      { action: 'legal_hold_change', rows: 1 },
      { action: 'retention_approval', rows: 1 },
      { action: 'retention_erasure', rows: 3 },
    ]);
  });

  it('leaves the report figures for the earlier period exactly as they were', async () => {
    const after = await Promise.all(REPORTS.map(async (url) => (await supervisor('GET', url)).body));
    expect(after).toEqual(reportsBefore);
    const [figures] = after as { total: { rejected: number; stillOpen: number } }[];
    expect(figures.total).toEqual(expect.objectContaining({ rejected: 4, stillOpen: 0 }));
  });

  it('answers 404 for the erased cases and persons, and keeps the held and the not yet due readable', async () => {
    for (const person of ERASED) {
      expect((await kf('GET', `/api/exit-courses/${byName(person.name).caseId}`)).status).toBe(404);
      expect((await supervisor('GET', `/api/persons/${byName(person.name).personRef}`)).status).toBe(404);
    }
    const list = await kf('GET', '/api/cases?pageSize=100');
    expect(list.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [byName(HELD.name).caseId, byName(NOT_DUE.name).caseId, twice()[1].caseId].sort(),
    );
    // A person with a case not yet due stays in the register, with only that case.
    const [erasedCourse, keptCourse] = twice();
    expect(keptCourse.personRef).toBe(erasedCourse.personRef);
    expect((await kf('GET', `/api/exit-courses/${erasedCourse.caseId}`)).status).toBe(404);
    const person = await supervisor('GET', `/api/persons/${keptCourse.personRef}`);
    expect([person.status, person.body.name]).toEqual([200, TWICE.name]);
    expect((await kf('GET', `/api/cases/${keptCourse.caseId}/notes`)).body.items).toHaveLength(1);
    for (const person of [HELD, NOT_DUE]) {
      const kept = byName(person.name);
      const read = await kf('GET', `/api/exit-courses/${kept.caseId}`);
      expect(read.status).toBe(200);
      expect(read.body.person.name).toBe(person.name);
      const notes = await kf('GET', `/api/cases/${kept.caseId}/notes`);
      expect(notes.body.items.map((item: { text: string }) => item.text)).toEqual([person.note]);
      const documents = await kf('GET', `/api/cases/${kept.caseId}/documents`);
      expect(documents.body.items).toHaveLength(1);
    }
  });

  it('finds none of the erased persons in any row of any table of PostgreSQL', async () => {
    const { rows: tables } = await owner.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const { table_name } of tables) {
      const { rows } = await owner.query(`SELECT t::text AS row FROM ${table_name} t`);
      found.push(...findings(table_name, rows.map((row) => row.row).join('\n')));
    }
    expect(found).toEqual([]);
    // The scan sees what it looks for: the kept person's ref and typed reason are there.
    const kept = byName(HELD.name);
    const { rows } = await owner.query(
      `SELECT (SELECT count(*)::int FROM cases WHERE person_ref = $1) AS cases,
              (SELECT count(*)::int FROM case_events WHERE reason = $2) AS reasons`,
      [kept.personRef, kept.reason],
    );
    expect(rows[0]).toEqual({ cases: 1, reasons: 1 });
    // What stays of an erased case: an anonymous tombstone with its events (no reason), for the reports.
    const { rows: tombstones } = await owner.query(
      `SELECT c.status, c.erased_at IS NOT NULL AS erased, c.person_ref LIKE 'slettet-%' AS pseudonymous,
              count(e.id)::int AS events, count(e.reason)::int AS reasons
         FROM cases c JOIN case_events e ON e.case_id = c.id WHERE c.id = $1 GROUP BY c.id`,
      [byName(ERASED[0].name).caseId],
    );
    expect(tombstones).toEqual([
      { status: 'rejected', erased: true, pseudonymous: true, events: expect.any(Number), reasons: 0 },
    ]);
    expect(tombstones[0].events).toBeGreaterThan(2);
  });

  it('has deleted the erased workflows in Temporal, and no remaining history names them, decoded or not', async () => {
    for (const person of ERASED) {
      // The test's courses ended (in Temporal) seconds before their erasure, unlike a real case years after: the dev
      // server then carries out the deletion only once the execution's close tasks are processed, measured here at
      // 20–35 s (the old 30 s bound failed one run in four). Up to 2 minutes.
      await until(async () => {
        await expect(sut.temporal.workflow.getHandle(byName(person.name).workflowId).describe()).rejects.toBeInstanceOf(
          WorkflowNotFoundError,
        );
      }, 600);
    }
    const codec = new EncryptionCodec(sut.config.temporalCodecKeyring, 'pass-through');
    // Visibility lists a deleted execution for a moment after its deletion: scan until the list has caught up.
    await until(async () => {
      const found: string[] = [];
      const seen: string[] = [];
      for await (const execution of sut.temporal.workflow.list()) {
        seen.push(execution.workflowId);
        const history = await sut.temporal.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
        const decoded = await codec.decode(payloadsIn(history));
        const text = [
          JSON.stringify(history, (_key, value) =>
            value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value,
          ),
          ...decoded.map((payload) => Buffer.from(payload.data ?? []).toString('utf8')),
        ].join('\n');
        found.push(...findings(`history of ${execution.workflowId}`, text));
      }
      expect(seen).toEqual(expect.arrayContaining([byName(HELD.name).workflowId, byName(NOT_DUE.name).workflowId]));
      for (const person of ERASED) expect(seen).not.toContain(byName(person.name).workflowId);
      expect(found).toEqual([]);
    });
    // The decoding works: the kept person's typed reason is found in its history.
    const kept = await sut.temporal.workflow.getHandle(byName(HELD.name).workflowId).fetchHistory();
    const keptText = (await codec.decode(payloadsIn(kept)))
      .map((payload) => Buffer.from(payload.data ?? []).toString('utf8'))
      .join('\n');
    expect(keptText).toContain(byName(HELD.name).reason);
  }, 240_000);

  it('finds none of them in anything the API, the worker or Temporal logged', () => {
    expect(captured.length).toBeGreaterThan(0);
    expect(findings('log', captured.join('\n'))).toEqual([]);
  });
});

describe('the audit tables stay append-only but for erase_case_audit', () => {
  it('refuses an ordinary UPDATE or DELETE by the owner, and by the runtime role even with the flag set', async () => {
    const caseId = byName(HELD.name).caseId;
    await expect(owner.query(`UPDATE case_events SET reason = NULL WHERE case_id = $1`, [caseId])).rejects.toThrow(
      'the audit table case_events is append-only',
    );
    await expect(owner.query(`DELETE FROM access_log WHERE case_id = $1`, [caseId])).rejects.toThrow(
      'the audit table access_log is append-only',
    );
    await expect(
      sut.db.transaction(async (db) => {
        await db.query(`SELECT set_config('exitflow.audit_tombstone', 'on', true)`);
        await db.query(`DELETE FROM case_notes WHERE case_id = $1`, [caseId]);
      }),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      sut.db.query(`SELECT erase_case_audit($1, $2, 'x', true)`, [caseId, byName(HELD.name).personRef]),
    ).rejects.toThrow('is not on an approved deletion list');
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM case_notes WHERE case_id = $1`, [caseId]);
    expect(rows[0].n).toBe(1);
  });
});

describe('POST /api/cases/:id/legal-hold', () => {
  it('answers 409 when nothing changes, 400 with the field named, 404 outside the scope, and lifts with a reason', async () => {
    const caseId = byName(HELD.name).caseId;
    const again = await supervisor('POST', `/api/cases/${caseId}/legal-hold`, { held: true, reason: 'Igen.' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Sagen har allerede sletningsstop.');
    const invalid = await supervisor('POST', `/api/cases/${caseId}/legal-hold`, { held: 'ja' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([
      { field: 'held', problems: ['Sletningsstop skal være ja eller nej.'] },
      { field: 'reason', problems: [expect.stringContaining('Begrundelsen')] },
    ]);
    const other = await sut.as('politi.leder.kbh');
    expect((await other('POST', `/api/cases/${caseId}/legal-hold`, { held: false, reason: 'Nej.' })).status).toBe(404);
    expect((await kf('POST', `/api/cases/${caseId}/legal-hold`, { held: false, reason: 'Nej.' })).status).toBe(403);
    const lifted = await officer('POST', `/api/cases/${caseId}/legal-hold`, {
      held: false,
      reason: 'Klagen er afgjort.',
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toEqual({ caseId, held: false, reason: 'Klagen er afgjort.', changedAt: expect.any(String) });
    expect((await supervisor('GET', `/api/cases/${caseId}/legal-hold`)).body.held).toBe(false);
  });
});

describe('an approval cut short', () => {
  it('goes on where it stopped when sent again, then answers 409; an erased case has no legal hold to read', async () => {
    // As if the approval had been recorded and Temporal went away before this (now lifted) case was erased.
    const kept = byName(HELD.name);
    const { rows } = await owner.query(
      `INSERT INTO retention_lists (scope_key, organisation, approved_at, approved_by)
       VALUES ('kriminalforsorgen:', 'kriminalforsorgen', now(), 'test') RETURNING id`,
    );
    await owner.query(
      `INSERT INTO retention_list_cases (list_id, case_id, period_days, due_at) SELECT $1, id, 30, closed_at + interval '30 days' FROM cases WHERE id = $2`,
      [rows[0].id, kept.caseId],
    );
    const resumed = await officer('POST', `/api/retention-lists/${rows[0].id}/approval`);
    expect([resumed.status, resumed.body.erased, resumed.body.skipped]).toEqual([200, 1, 0]);
    expect((await officer('POST', `/api/retention-lists/${rows[0].id}/approval`)).status).toBe(409);
    expect((await officer('GET', `/api/cases/${kept.caseId}/legal-hold`)).status).toBe(404);
    expect((await supervisor('GET', `/api/persons/${kept.personRef}`)).status).toBe(404);
  });
});
