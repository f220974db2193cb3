import { seedDemoUsers } from '../../libs/access/demo-users';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * The case kernel's deadline decisions over HTTP, with real workflows: a KF caseworker suspends, resumes and
 * extends an exit course's suitability assessment (a configurable default) and the boards show the
 * suspension; a legal deadline answers 409 and keeps its deadline; a missed 24-hour DKS deadline gets its
 * reason, which the SLA report counts. A database of its own: the boards and the report hold exactly these.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let kf: UserClient;
let dks: UserClient;
const HOUR_MS = 3_600_000;

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  kf = await sut.as('kf.storstroem');
  dks = await sut.as('politi.kbh.dks');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

async function startCourse(): Promise<{ caseId: string; stepId: string; dueAt: string }> {
  const { body: person } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const started = await kf('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-06-30',
    paroleLinked: false,
    referredAt: new Date(Date.now() - HOUR_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  const step = started.body.openSteps[0];
  return { caseId: started.body.id, stepId: step.id, dueAt: step.dueAt };
}

/** A DKS case whose charge was `hoursAgo` hours ago: its 24-hour assessment is due (or overdue) from there. */
async function startDksCase(
  hoursAgo: number,
): Promise<{ id: string; steps: { id: string; dueAt: string; decisions: { name: string }[] }[] }> {
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: new Date(Date.now() - hoursAgo * HOUR_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  return started.body;
}

const stepPath = (caseId: string, stepId: string, name: string) => `/api/cases/${caseId}/steps/${stepId}/${name}`;

describe('deadlines that may wait, over the API', () => {
  it('suspends, resumes and extends a suitability assessment, offers each only when allowed, and shows it on the boards', async () => {
    const { caseId, stepId, dueAt } = await startCourse();
    const detail = await kf('GET', `/api/exit-courses/${caseId}`);
    expect(detail.body.steps[0]).toMatchObject({ deadlineBasis: 'default', suspension: null, missedReason: null });
    expect(detail.body.steps[0].decisions.map((decision: { name: string }) => decision.name)).toEqual([
      'suspend',
      'extend',
    ]);

    const suspended = await kf('POST', stepPath(caseId, stepId, 'suspend'), {
      reason: 'other_authority',
      note: 'Venter på udtalelse fra politiet.',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      id: stepId,
      dueAt,
      overdue: false,
      suspension: {
        reason: 'other_authority',
        reasonText: 'afventer anden myndighed',
        note: 'Venter på udtalelse fra politiet.',
      },
    });
    expect(suspended.body.decisions.map((decision: { name: string }) => decision.name)).toEqual(['resume']);

    const mine = await kf('GET', '/api/steps/mine?pageSize=100');
    expect(mine.body.items.find((item: { stepId: string }) => item.stepId === stepId)).toMatchObject({
      overdue: false,
      suspension: { reason: 'other_authority', reasonText: 'afventer anden myndighed' },
    });
    const supervisor = await sut.as('kf.leder.storstroem');
    const dueSoon = await supervisor('GET', '/api/steps/due-soon?pageSize=100');
    expect(dueSoon.body.items.map((item: { stepId: string }) => item.stepId)).not.toContain(stepId);

    const again = await kf('POST', stepPath(caseId, stepId, 'suspend'), { reason: 'citizen', note: 'Igen.' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/^Fristen er allerede sat i bero/);

    const resumed = await kf('POST', stepPath(caseId, stepId, 'resume'), {});
    expect(resumed.status).toBe(200);
    expect(resumed.body.suspension).toBeNull();
    const [event] = await sut.db.query(
      `SELECT actor_id, reason, details FROM case_events WHERE step_id = $1 AND action = 'deadline_resumed'`,
      [stepId],
    );
    expect(Date.parse(resumed.body.dueAt) - Date.parse(dueAt)).toBe(event.details.suspendedMs);
    expect(event).toMatchObject({ reason: 'Venter på udtalelse fra politiet.', details: { previousDueAt: dueAt } });

    const newDue = new Date(Date.parse(resumed.body.dueAt) + 5 * 24 * HOUR_MS).toISOString();
    const extended = await kf('POST', stepPath(caseId, stepId, 'extend'), {
      reason: 'hospitalised',
      note: 'Indlagt på hospitalet.',
      dueAt: newDue,
    });
    expect(extended.status).toBe(200);
    expect(extended.body.dueAt).toBe(newDue);
    const notices = await sut.db.query(
      `SELECT recipient_unit, due_at FROM notifications WHERE step_id = $1 AND kind = 'deadline_changed' ORDER BY created_at`,
      [stepId],
    );
    expect(notices.map((notice: { recipient_unit: string }) => notice.recipient_unit)).toEqual([
      'KF-STORSTROEM',
      'KF-STORSTROEM',
      'KF-STORSTROEM',
    ]);
    const history = (await kf('GET', `/api/exit-courses/${caseId}`)).body.history.map(
      (entry: { action: string }) => entry.action,
    );
    expect(history).toEqual(expect.arrayContaining(['deadline_suspended', 'deadline_resumed', 'deadline_extended']));
  });

  it('refuses what the user may not do: another unit 404, no permission 403, a bad body 400, a legal deadline 409', async () => {
    const { caseId, stepId } = await startCourse();
    const other = await sut.as('kf.ennermark');
    expect((await other('POST', stepPath(caseId, stepId, 'suspend'), { reason: 'other', note: 'x' })).status).toBe(404);
    const supervisor = await sut.as('kf.leder.storstroem');
    expect((await supervisor('POST', stepPath(caseId, stepId, 'suspend'), { reason: 'other', note: 'x' })).status).toBe(
      403,
    );
    const unknownStep = await kf('POST', stepPath(caseId, '00000000-0000-4000-8000-000000000000', 'suspend'), {
      reason: 'other',
      note: 'x',
    });
    expect(unknownStep.status).toBe(404);
    const bad = await kf('POST', stepPath(caseId, stepId, 'suspend'), { reason: 'ferie' });
    expect(bad.status).toBe(400);

    const dksCase = { body: await startDksCase(1) };
    const assessment = dksCase.body.steps[0];
    expect(assessment).toMatchObject({ deadlineBasis: 'fixed', decisions: [] });
    const legal = await dks('POST', stepPath(dksCase.body.id, assessment.id, 'suspend'), {
      reason: 'citizen',
      note: 'Familien er ikke hjemme.',
    });
    expect(legal.status).toBe(409);
    expect(legal.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: expect.stringMatching(
        /^Fristen er fastsat ved lov og kan ikke sættes i bero: DKS-vurdering inden for 24 timer/,
      ),
    });
    const extension = await dks('POST', stepPath(dksCase.body.id, assessment.id, 'extend'), {
      reason: 'citizen',
      note: 'Familien er ikke hjemme.',
      dueAt: new Date(Date.parse(assessment.dueAt) + HOUR_MS).toISOString(),
    });
    expect(extension.status).toBe(409);
    expect(extension.body.message).toMatch(/^Fristen er fastsat ved lov og kan ikke forlænges/);
    const after = await dks('GET', `/api/dks-cases/${dksCase.body.id}`);
    expect(after.body.openSteps[0].dueAt).toBe(assessment.dueAt);
  });

  it('records why a 24-hour DKS deadline was missed, and the SLA report counts it', async () => {
    const started = { body: await startDksCase(30) };
    const step = started.body.steps[0];
    expect(step.decisions.map((decision: { name: string }) => decision.name)).toEqual(['missed-reason']);
    const recorded = await dks('POST', stepPath(started.body.id, step.id, 'missed-reason'), {
      reason: 'registered_late',
      note: 'Anmeldelsen nåede først DKS i dag.',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      missedReason: { reason: 'registered_late', reasonText: 'sagen blev registreret for sent' },
      decisions: [],
    });
    const supervisor = await sut.as('politi.leder.kbh');
    const danishDate = (at: number) => new Date(at).toLocaleDateString('en-CA', { timeZone: 'Europe/Copenhagen' });
    const today = danishDate(Date.now());
    const from = danishDate(Date.now() - 40 * 24 * HOUR_MS);
    const report = await supervisor('GET', `/api/reports/sla?from=${from}&to=${today}`);
    expect(report.status).toBe(200);
    expect(report.body.missedReasons).toEqual([
      {
        measure: 'dks_assessment_24h',
        label: 'DKS-vurdering inden for 24 timer',
        reason: 'registered_late',
        reasonText: 'sagen blev registreret for sent',
        count: 1,
      },
    ]);
  });
});

describe("the network council's letter to the family", () => {
  it('says when to expect the council, with the municipality and the name but never the CPR number, and logs the read', async () => {
    const municipality = await sut.as('kommune.kbh');
    const name = fakeName();
    const cpr = await fakeYouthCpr();
    const { body: youth } = await municipality('POST', '/api/persons', { name, cpr });
    const { body: council } = await municipality('POST', '/api/network-councils', {
      personRef: youth.personRef,
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      documentationReceivedAt: new Date(Date.now() - HOUR_MS).toISOString(),
    });
    const letter = await municipality('GET', `/api/network-councils/${council.id}/family-letter`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toContain('text/html');
    const text = String(letter.body);
    expect(text).toContain('Københavns Kommune');
    expect(text).toContain(name);
    expect(text).toContain('Kommunen indkalder til netværkssamrådet senest');
    expect(text).not.toContain(cpr);
    expect(text).not.toContain(cpr.replace('-', ''));
    const reads = await sut.db.query(`SELECT action FROM access_log WHERE case_id = $1 ORDER BY id`, [council.id]);
    expect(reads.map((row: { action: string }) => row.action)).toEqual(
      expect.arrayContaining(['case_read', 'person_name_read']),
    );
    // A unit that may not see the council gets no letter.
    expect((await kf('GET', `/api/network-councils/${council.id}/family-letter`)).status).toBe(404);
  });
});
