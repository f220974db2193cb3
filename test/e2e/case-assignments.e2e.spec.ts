import { seedDemoUsers } from '../../libs/access/demo-users';
import { DAY_MS } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { eventually } from '../support/eventually';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Named caseworkers over HTTP, on a database of its own (the workload and the unassigned queue are then
 * exact): a caseworker takes a case, the supervisor assigns, reassigns with a reason and assigns several at
 * once (all or nothing), every change in the history and the audit trail; a user of another unit is no
 * assignee; a transfer and a handover to the police clear the assignee; "Mine opgaver" has the own cases
 * first, then the unassigned, then the rest; the boards and the case list filter by assignee; the workload
 * per caseworker; an absence puts the absent caseworker's cases in the substitute's "Mine opgaver".
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let first: UserClient;
let second: UserClient;
let supervisor: UserClient;
let ennermark: UserClient;
const ids: Record<string, string> = {};
/** The cases: e (first's), a–d (second's), f (unassigned), all at Storstrøm with an overdue assessment. */
const cases: Record<string, string> = {};

const ok = (answer: { status: number; body: unknown }, status = 200) => {
  expect([answer.status, answer.status === status ? 'ok' : answer.body]).toEqual([status, 'ok']);
  return answer.body as Record<string, any>;
};

const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();
const today = (days = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * DAY_MS));

/** An exit course at Storstrøm referred 40 days ago: its suitability assessment is overdue at once. */
async function overdueCourse(
  client: UserClient,
  institutionCode = 'KF-STORSTROEM',
  expectedReleaseDate = today(400),
): Promise<string> {
  const { personRef } = ok(await client('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() }), 201);
  return ok(
    await client('POST', '/api/exit-courses', {
      personRef,
      institutionCode,
      expectedReleaseDate,
      paroleLinked: false,
      referredAt: at(40),
    }),
    201,
  ).id;
}

const caseIdsOf = (items: { caseId?: string; id?: string }[]) => items.map((item) => item.caseId ?? item.id);

const assignmentOf = async (client: UserClient, caseId: string) =>
  ok(await client('GET', `/api/cases/${caseId}/assignment`));

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  for (const row of await sut.db.query(`SELECT id::text AS id, username FROM users`)) ids[row.username] = row.id;
  first = await sut.as('kf.storstroem');
  second = await sut.as('kf.storstroem.2');
  supervisor = await sut.as('kf.leder.storstroem');
  ennermark = await sut.as('kf.ennermark');
  for (const key of ['e', 'a', 'b', 'c', 'd', 'f']) cases[key] = await overdueCourse(first);
  cases.foreign = await overdueCourse(ennermark, 'KF-ENNER-MARK');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

describe('taking and assigning', () => {
  it('lets a caseworker take an unassigned case of their unit, once', async () => {
    const before = await assignmentOf(first, cases.e);
    expect(before).toMatchObject({ assignee: null, mayTake: true, mayAssign: true, history: [] });
    expect(before.candidates.map((candidate: { id: string }) => candidate.id).sort()).toEqual(
      [ids['kf.storstroem'], ids['kf.storstroem.2']].sort(),
    );
    const taken = ok(await first('POST', `/api/cases/${cases.e}/take`));
    expect(taken).toMatchObject({
      assignee: { id: ids['kf.storstroem'], displayName: 'Sagsbehandler, Storstrøm Fængsel', absent: false },
      mayTake: false,
      history: [{ change: 'taken', from: null, to: { id: ids['kf.storstroem'] }, reason: null }],
    });
    const again = await second('POST', `/api/cases/${cases.e}/take`);
    expect([again.status, again.body.code]).toEqual([409, 'CASE_ALREADY_ASSIGNED']);
    // A supervisor assigns; taking is the caseworkers'.
    expect((await supervisor('POST', `/api/cases/${cases.f}/take`)).status).toBe(403);
  });

  it('lets the supervisor assign, and reassign only with a reason; every change is history and audit', async () => {
    ok(await supervisor('PUT', `/api/cases/${cases.a}/assignee`, { assigneeId: ids['kf.storstroem'] }));
    const noReason = await supervisor('PUT', `/api/cases/${cases.a}/assignee`, { assigneeId: ids['kf.storstroem.2'] });
    expect([noReason.status, noReason.body.message]).toEqual([
      422,
      'Begrundelsen skal udfyldes, når en sag flyttes fra én sagsbehandler til en anden.',
    ]);
    expect((await assignmentOf(first, cases.a)).assignee.id).toBe(ids['kf.storstroem']);
    const moved = ok(
      await supervisor('PUT', `/api/cases/${cases.a}/assignee`, {
        assigneeId: ids['kf.storstroem.2'],
        reason: 'Fordeling efter ferie.',
      }),
    );
    expect(moved.history).toEqual([
      expect.objectContaining({
        change: 'assigned',
        from: null,
        to: { id: ids['kf.storstroem'], displayName: 'Sagsbehandler, Storstrøm Fængsel' },
        changedBy: { id: ids['kf.leder.storstroem'], displayName: 'Leder, Storstrøm Fængsel' },
        reason: null,
        unit: 'KF-STORSTROEM',
      }),
      expect.objectContaining({
        change: 'reassigned',
        from: { id: ids['kf.storstroem'], displayName: 'Sagsbehandler, Storstrøm Fængsel' },
        to: { id: ids['kf.storstroem.2'], displayName: 'Sagsbehandler 2, Storstrøm Fængsel' },
        reason: 'Fordeling efter ferie.',
      }),
    ]);
    expect(
      await sut.db.query(
        `SELECT user_id, action, details FROM access_log WHERE case_id = $1 AND action = 'case_assignment' ORDER BY id`,
        [cases.a],
      ),
    ).toEqual([
      {
        user_id: ids['kf.leder.storstroem'],
        action: 'case_assignment',
        details: { change: 'assigned', from: null, to: ids['kf.storstroem'] },
      },
      {
        user_id: ids['kf.leder.storstroem'],
        action: 'case_assignment',
        details: { change: 'reassigned', from: ids['kf.storstroem'], to: ids['kf.storstroem.2'] },
      },
    ]);
    // Each assignee is told (the notice names the user; the outbox resolves the address when it sends).
    expect(
      await sut.db.query(
        `SELECT recipient_unit, recipient_user_id FROM notifications WHERE case_id = $1 AND kind = 'case_assigned' ORDER BY created_at`,
        [cases.a],
      ),
    ).toEqual([
      { recipient_unit: 'KF-STORSTROEM', recipient_user_id: ids['kf.storstroem'] },
      { recipient_unit: 'KF-STORSTROEM', recipient_user_id: ids['kf.storstroem.2'] },
    ]);
    // The history is append-only.
    await expect(sut.db.query(`DELETE FROM case_assignments WHERE case_id = $1`, [cases.a])).rejects.toThrow();
  });

  it('assigns several cases at once, or none when one of them cannot be', async () => {
    const outside = await supervisor('POST', '/api/cases/assignments', {
      caseIds: [cases.b, cases.c, cases.foreign],
      assigneeId: ids['kf.storstroem.2'],
    });
    expect([outside.status, outside.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const malformed = await supervisor('POST', '/api/cases/assignments', {
      caseIds: [cases.b, 'ikke-et-id'],
      assigneeId: ids['kf.storstroem.2'],
    });
    expect([malformed.status, malformed.body.details]).toEqual([
      400,
      [{ field: 'caseIds', problems: ['Sagerne skal være en liste af sags-id.'] }],
    ]);
    for (const key of ['b', 'c', 'd']) expect((await assignmentOf(supervisor, cases[key])).assignee).toBeNull();
    const bulk = ok(
      await supervisor('POST', '/api/cases/assignments', {
        caseIds: [cases.b, cases.c, cases.d],
        assigneeId: ids['kf.storstroem.2'],
      }),
    );
    expect(bulk.changed).toBe(3);
    for (const key of ['b', 'c', 'd']) {
      expect((await assignmentOf(second, cases[key])).assignee.id).toBe(ids['kf.storstroem.2']);
    }
  });

  it('refuses a user of another unit as assignee, and a case outside the scope is not found', async () => {
    const foreignUser = await supervisor('PUT', `/api/cases/${cases.f}/assignee`, {
      assigneeId: ids['kf.ennermark'],
    });
    expect([foreignUser.status, foreignUser.body.message]).toEqual([
      422,
      'Sagen kan kun tildeles en aktiv sagsbehandler i den enhed, der har sagen, med en rolle, der arbejder med sagstypen.',
    ]);
    const supervisorAsAssignee = await first('PUT', `/api/cases/${cases.f}/assignee`, {
      assigneeId: ids['kf.leder.storstroem'],
    });
    expect(supervisorAsAssignee.status).toBe(422);
    expect((await ennermark('PUT', `/api/cases/${cases.f}/assignee`, { assigneeId: ids['kf.ennermark'] })).status).toBe(
      404,
    );
    expect((await ennermark('GET', `/api/cases/${cases.f}/assignment`)).status).toBe(404);
    const missing = await supervisor('PUT', `/api/cases/${cases.f}/assignee`, {});
    expect([missing.status, missing.body.details]).toEqual([
      400,
      [{ field: 'assigneeId', problems: ['Sagsbehandleren skal udfyldes.'] }],
    ]);
    expect((await assignmentOf(supervisor, cases.f)).assignee).toBeNull();
  });
});

describe('lists and figures', () => {
  it('puts my cases first in "Mine opgaver", then the unit’s unassigned ones, then the rest', async () => {
    const mine = ok(await first('GET', '/api/steps/mine?pageSize=100'));
    const own = [cases.e];
    const unassigned = [cases.f];
    const others = [cases.a, cases.b, cases.c, cases.d];
    const order = caseIdsOf(mine.items);
    expect(order.slice(0, 1)).toEqual(own);
    expect(order.slice(1, 2)).toEqual(unassigned);
    expect([...order.slice(2)].sort()).toEqual([...others].sort());
    expect(mine.items[0].assignee).toEqual({
      id: ids['kf.storstroem'],
      displayName: 'Sagsbehandler, Storstrøm Fængsel',
      absent: false,
    });
    expect(mine.items[1].assignee).toBeNull();
  });

  it('filters the boards and the case list by assignee, and by "unassigned"', async () => {
    const board = async (client: UserClient, query: string) =>
      caseIdsOf(ok(await client('GET', `/api/steps/overdue?pageSize=100&${query}`)).items).sort();
    expect(await board(supervisor, `assignee=${ids['kf.storstroem.2']}`)).toEqual(
      [cases.a, cases.b, cases.c, cases.d].sort(),
    );
    expect(await board(supervisor, 'assignee=none')).toEqual([cases.f]);
    expect(await board(first, 'assignee=me')).toEqual([cases.e]);
    expect(caseIdsOf(ok(await supervisor('GET', '/api/steps/due-soon?assignee=none')).items)).toEqual([]);
    const list = ok(await supervisor('GET', '/api/cases?assignee=none&pageSize=100'));
    expect(caseIdsOf(list.items)).toEqual([cases.f]);
    const listed = ok(await supervisor('GET', `/api/cases?assignee=${ids['kf.storstroem']}`));
    expect(listed.items.map((item: { id: string; assignee: unknown }) => [item.id, item.assignee])).toEqual([
      [cases.e, { id: ids['kf.storstroem'], displayName: 'Sagsbehandler, Storstrøm Fængsel' }],
    ]);
    const bad = await supervisor('GET', '/api/steps/overdue?assignee=ingen%20her');
    expect([bad.status, bad.body.details]).toEqual([
      400,
      [
        {
          field: 'assignee',
          problems: ['Den ansvarlige sagsbehandler skal være en brugers id, »me« eller »none« (ufordelt).'],
        },
      ],
    ]);
  });

  it('shows the supervisor the workload per caseworker, exactly', async () => {
    const workload = ok(await supervisor('GET', '/api/workload'));
    expect(workload.units).toEqual(['KF-STORSTROEM']);
    const figures = Object.fromEntries(
      workload.items.map((row: any) => [row.user.id, [row.openCases, row.openSteps, row.overdue, row.dueSoon]]),
    );
    expect(figures).toEqual({ [ids['kf.storstroem']]: [1, 1, 1, 0], [ids['kf.storstroem.2']]: [4, 4, 4, 0] });
    expect(workload.unassigned).toEqual({ openCases: 1, openSteps: 1, overdue: 1, dueSoon: 0 });
    expect((await first('GET', '/api/workload')).status).toBe(403);
    const foreignUnit = await supervisor('GET', '/api/workload?unit=KF-ENNER-MARK');
    expect(foreignUnit.status).toBe(422);
  });
});

describe('absences', () => {
  it('shows the absent caseworker’s cases first in the substitute’s "Mine opgaver", until it is cancelled', async () => {
    const wrongSubstitute = await second('POST', '/api/absences', {
      from: today(),
      to: today(3),
      substituteId: ids['kf.ennermark'],
    });
    expect([wrongSubstitute.status, wrongSubstitute.body.message]).toEqual([
      422,
      'Stedfortræderen skal være en anden aktiv medarbejder med samme rolle i samme enhed.',
    ]);
    const backwards = await second('POST', '/api/absences', {
      from: today(3),
      to: today(),
      substituteId: ids['kf.storstroem'],
    });
    expect(backwards.status).toBe(422);
    const absence = ok(
      await second('POST', '/api/absences', { from: today(), to: today(3), substituteId: ids['kf.storstroem'] }),
      201,
    );
    expect(absence).toMatchObject({
      user: { id: ids['kf.storstroem.2'] },
      substitute: { id: ids['kf.storstroem'] },
      unit: 'KF-STORSTROEM',
      from: today(),
      to: today(3),
      current: true,
      cancelledAt: null,
    });
    const overlapping = await supervisor('POST', '/api/absences', {
      userId: ids['kf.storstroem.2'],
      from: today(1),
      to: today(2),
      substituteId: ids['kf.storstroem'],
    });
    expect([overlapping.status, overlapping.body.code]).toEqual([409, 'ABSENCE_REFUSED']);
    // The supervisor sees the staff's absences; the substitute sees it too.
    for (const client of [supervisor, first, second]) {
      expect(ok(await client('GET', '/api/absences')).items.map((item: { id: string }) => item.id)).toEqual([
        absence.id,
      ]);
    }
    expect(ok(await ennermark('GET', '/api/absences')).items).toEqual([]);

    const mine = ok(await first('GET', '/api/steps/mine?pageSize=100'));
    const order = caseIdsOf(mine.items);
    expect([...order.slice(0, 5)].sort()).toEqual([cases.e, cases.a, cases.b, cases.c, cases.d].sort());
    expect(order.slice(5)).toEqual([cases.f]);
    expect(mine.items.find((item: any) => item.caseId === cases.a).assignee.absent).toBe(true);
    expect(
      (await sut.db.query(`SELECT details FROM access_log WHERE action = 'absence_change' ORDER BY id`)).map(
        (row: { details: { change: string } }) => row.details.change,
      ),
    ).toEqual(['recorded']);

    // The substitute does not end it: the absent colleague's notices would go back to them.
    const bySubstitute = await first('POST', `/api/absences/${absence.id}/cancellation`);
    expect([bySubstitute.status, bySubstitute.body.message]).toEqual([
      403,
      'Kun den fraværende selv og enhedens leder kan aflyse fraværet.',
    ]);
    ok(await supervisor('POST', `/api/absences/${absence.id}/cancellation`));
    const again = await second('POST', `/api/absences/${absence.id}/cancellation`);
    expect([again.status, again.body.code]).toEqual([409, 'ABSENCE_REFUSED']);
    expect((await ennermark('POST', `/api/absences/${absence.id}/cancellation`)).status).toBe(404);
    const after = caseIdsOf(ok(await first('GET', '/api/steps/mine?pageSize=100')).items);
    expect(after.slice(0, 2)).toEqual([cases.e, cases.f]);
  });
});

describe('a case that changes unit waits unassigned in the receiving unit', () => {
  it('clears the assignee at a prison transfer', async () => {
    ok(await first('POST', `/api/exit-courses/${cases.e}/transfer`, { toInstitutionCode: 'KF-ENNER-MARK' }));
    const cleared = await eventually(
      () => assignmentOf(ennermark, cases.e),
      (view) => view.unit.code === 'KF-ENNER-MARK',
    );
    expect(cleared).toMatchObject({ unit: { code: 'KF-ENNER-MARK' }, assignee: null, mayTake: true });
    expect(cleared.history.at(-1)).toMatchObject({
      change: 'cleared',
      from: { id: ids['kf.storstroem'] },
      to: null,
      changedBy: { id: 'system', displayName: 'Systemet' },
      unit: 'KF-ENNER-MARK',
    });
    expect(caseIdsOf(ok(await ennermark('GET', '/api/cases?assignee=none')).items)).toContain(cases.e);
  });

  it('clears the assignee when the course is released and handed over to the police', async () => {
    const id = await overdueCourse(first, 'KF-STORSTROEM', today(15));
    ok(await first('POST', `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer', decidedAt: at(35) }));
    ok(await first('POST', `/api/exit-courses/${id}/agreement-signed`, { signedAt: at(30) }));
    ok(await first('POST', `/api/exit-courses/${id}/mentor`, { mentorRef: 'MENTOR-0042', assignedAt: at(25) }));
    ok(
      await first('POST', `/api/exit-courses/${id}/release-plan`, {
        municipalityCode: 'KOM-0101',
        policeDistrictCode: 'POL-KBH',
      }),
    );
    ok(await first('POST', `/api/cases/${id}/take`));
    for (const item of ['housing', 'income', 'job_or_education_plan', 'mentor_continuity']) {
      ok(await first('POST', `/api/exit-courses/${id}/readiness`, { item, ready: true }));
    }
    ok(await first('POST', `/api/exit-courses/${id}/release`, { releasedAt: at(0.01) }));
    const cleared = await eventually(
      () => assignmentOf(first, id),
      (view) => view.assignee === null,
    );
    expect(cleared.history.map((row: { change: string }) => row.change)).toEqual(['taken', 'cleared']);

    // The police district may now change the case, but it stays the prison's to staff: the police supervisor
    // neither sees the assignment form nor assigns, and nothing changes.
    const policeSupervisor = await sut.as('politi.leder.kbh');
    expect((await assignmentOf(policeSupervisor, id)).mayAssign).toBe(false);
    const crossing = await policeSupervisor('PUT', `/api/cases/${id}/assignee`, { assigneeId: ids['kf.storstroem'] });
    expect([crossing.status, crossing.body.message]).toEqual([
      403,
      'Kun sagsbehandlere i den enhed, der har sagen, og enhedens leder kan tildele den.',
    ]);
    expect((await assignmentOf(first, id)).assignee).toBeNull();
  });
});
