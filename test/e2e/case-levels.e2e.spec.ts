import { seedDemoUsers } from '../../libs/access/demo-users';
import {
  addCalendarDays,
  danishDateOf,
  formatLocalDate,
  startOfDanishDay,
} from '../../libs/domain/time/copenhagen-calendar';
import { startDksCaseOverHttp } from '../support/dks-case-fixtures';
import { fakeCprTurned18, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Case levels, the monthly level-1 coordination meeting and the handover at 18 over HTTP, with the real
 * roles, in a database of the suite's own (the meeting's lists are exact).
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let dks: UserClient;
let municipality: UserClient;

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  dks = await sut.as('politi.kbh.dks');
  municipality = await sut.as('kommune.kbh');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

const HOUR_MS = 3600_000;
const UNKNOWN_CASE = '00000000-0000-4000-8000-000000000000';
const LEVEL_CHOICES =
  'Niveauet skal være niveau 1 – risikoadfærd, niveau 2 – kriminalitet eller niveau 3 – kvalificeret kriminalitet (bandetilknytning, våben).';
const today = () => formatLocalDate(danishDateOf(new Date()));
const endOfThisMonth = () => {
  const { year, month } = danishDateOf(new Date());
  return startOfDanishDay({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }).toISOString();
};

const startDksCase = (cpr?: string) => startDksCaseOverHttp(dks, cpr);

const kinds = (steps: { kind: string }[]) => steps.map((step) => step.kind);
const decisionNames = (body: { availableDecisions: { name: string }[] }) =>
  body.availableDecisions.map((decision) => decision.name);

describe('case levels', () => {
  it('sets level 1 at the DKS assessment, changes it with a reason, and filters the case list by level', async () => {
    const id = await startDksCase();
    const badLevel = await dks('POST', `/api/dks-cases/${id}/assessment`, {
      concernConversation: true,
      reason: 'Bekymrende adfærd',
      caseLevel: '7',
    });
    expect([badLevel.status, badLevel.body.details]).toEqual([
      400,
      [{ field: 'caseLevel', problems: [LEVEL_CHOICES] }],
    ]);

    const assessed = await dks('POST', `/api/dks-cases/${id}/assessment`, {
      concernConversation: true,
      reason: 'Bekymrende adfærd omkring skolen',
      caseLevel: '1',
    });
    expect(assessed.status).toBe(200);
    expect(assessed.body).toMatchObject({ caseLevel: 1, caseLevelText: 'niveau 1 – risikoadfærd' });
    expect(kinds(assessed.body.openSteps)).toEqual(['home_visit_planning', 'level_one_review']);
    expect(assessed.body.openSteps[1]).toMatchObject({
      label: 'Gennemgang på det månedlige koordinationsmøde (niveau 1)',
      dueAt: endOfThisMonth(),
      deadlineBasis: 'default',
    });
    expect(decisionNames(assessed.body)).toEqual(['home-visit-plan', 'home-visit', 'case-end', 'move', 'case-level']);

    const noReason = await dks('POST', `/api/dks-cases/${id}/case-level`, { level: '2' });
    expect([noReason.status, noReason.body.message]).toEqual([422, 'En ændring af niveauet skal have en begrundelse.']);
    const sameLevel = await dks('POST', `/api/dks-cases/${id}/case-level`, { level: '1', reason: 'Uændret' });
    expect([sameLevel.status, sameLevel.body.message]).toEqual([422, 'Sagen er allerede på niveau 1.']);
    const missing = await dks('POST', `/api/dks-cases/${id}/case-level`, { reason: 'x' });
    expect([missing.status, missing.body.details]).toEqual([
      400,
      [{ field: 'level', problems: ['Niveauet skal udfyldes.'] }],
    ]);

    const changed = await dks('POST', `/api/dks-cases/${id}/case-level`, { level: '2', reason: 'Sigtet for tyveri' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ caseLevel: 2, caseLevelText: 'niveau 2 – kriminalitet' });
    expect(kinds(changed.body.openSteps)).toEqual(['home_visit_planning']);
    expect(changed.body.history.filter((entry: { action: string }) => entry.action === 'case_level_set')).toEqual([
      expect.objectContaining({ details: { level: 1, previousLevel: null }, reason: null }),
      expect.objectContaining({ details: { level: 2, previousLevel: 1 }, reason: 'Sigtet for tyveri' }),
    ]);

    const ids = async (query: string) =>
      (await dks('GET', `/api/cases?pageSize=100&${query}`)).body.items.map((item: { id: string }) => item.id);
    expect(await ids('level=2')).toEqual([id]);
    expect(await ids('level=1')).toEqual([]);
    const noLevel = await startDksCase();
    expect(await ids('level=none')).toEqual([noLevel]);
    const list = await dks('GET', '/api/cases?level=2');
    expect(list.body.items[0]).toMatchObject({ caseLevel: 2, caseLevelText: 'niveau 2 – kriminalitet' });
    const dksList = await dks('GET', '/api/dks-cases?pageSize=100');
    expect(dksList.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ caseLevel: 2 });
    const badFilter = await dks('GET', '/api/cases?level=4');
    expect([badFilter.status, badFilter.body.details]).toEqual([
      400,
      [{ field: 'level', problems: ['Niveauet skal være 1, 2, 3 eller »intet niveau«.'] }],
    ]);
  });

  it('refuses the level with 403 without the permission or write access, 404 outside the scope, 409 on a closed case', async () => {
    const id = await startDksCase();
    const exit = await sut.as('politi.kbh.exit');
    const supervisor = await sut.as('politi.leder.kbh');
    for (const client of [exit, supervisor]) {
      const refused = await client('POST', `/api/dks-cases/${id}/case-level`, { level: '1' });
      expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await municipality('POST', `/api/dks-cases/${id}/case-level`, { level: '1' })).status).toBe(404);
    expect((await dks('POST', `/api/dks-cases/${UNKNOWN_CASE}/case-level`, { level: '1' })).status).toBe(404);

    const closed = await dks('POST', `/api/dks-cases/${id}/assessment`, {
      concernConversation: false,
      reasonCode: 'no_concern',
      caseLevel: '1',
    });
    expect(closed.body).toMatchObject({ status: 'closed_no_concern_conversation', caseLevel: 1, openSteps: [] });
    expect(decisionNames(closed.body)).toEqual([]);
    const afterClose = await dks('POST', `/api/dks-cases/${id}/case-level`, { level: '2', reason: 'For sent' });
    expect([afterClose.status, afterClose.body.code]).toEqual([409, 'CASE_CLOSED']);
    const [row] = await sut.db.query(`SELECT case_level FROM cases WHERE id = $1`, [id]);
    expect(row).toEqual({ case_level: 1 });
  });

  it('sets the level on a network council', async () => {
    const { body: youth } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
    const started = await municipality('POST', '/api/network-councils', {
      personRef: youth.personRef,
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      documentationReceivedAt: new Date(Date.now() - HOUR_MS).toISOString(),
    });
    const set = await municipality('POST', `/api/network-councils/${started.body.id}/case-level`, { level: '3' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ caseLevel: 3, caseLevelText: expect.stringMatching(/^niveau 3 – /) });
    const exit = await sut.as('politi.kbh.exit');
    expect((await exit('POST', `/api/network-councils/${started.body.id}/case-level`, { level: '1' })).status).toBe(
      403,
    );
  });
});

describe('the monthly level-1 coordination meeting', () => {
  it('lists the unit’s level-1 cases due at the month’s end, and one recording reviews them all and opens next month’s', async () => {
    const first = await startDksCase();
    const second = await startDksCase();
    for (const id of [first, second]) {
      await dks('POST', `/api/dks-cases/${id}/assessment`, {
        concernConversation: true,
        reason: 'Bekymring',
        caseLevel: '1',
      });
    }
    const due = await dks('GET', '/api/level-one-reviews?unit=POL-KBH');
    expect(due.status).toBe(200);
    expect(due.body.nextDueAt).toBe(endOfThisMonth());
    expect(due.body.cases.map((item: { id: string }) => item.id).sort()).toEqual([first, second].sort());
    expect(due.body.cases[0]).toMatchObject({
      caseType: 'dks_assessment',
      caseTypeLabel: 'DKS-sag',
      resource: 'dks-cases',
      unit: { code: 'POL-KBH', name: 'Københavns Politi' },
      dueAt: endOfThisMonth(),
      overdue: false,
      personName: expect.any(String),
    });
    const supervisor = await sut.as('politi.leder.kbh');
    expect((await supervisor('GET', '/api/level-one-reviews?unit=POL-KBH')).body.cases).toHaveLength(2);
    expect((await municipality('GET', '/api/level-one-reviews?unit=POL-KBH')).body).toEqual({
      cases: [],
      nextDueAt: null,
    });

    const meetingDate = today();
    const recorded = await dks('POST', '/api/level-one-reviews', { unit: 'POL-KBH', meetingDate });
    expect(recorded.status).toBe(200);
    expect([recorded.body.meetingDate, [...recorded.body.reviewed].sort(), recorded.body.alreadyReviewed]).toEqual([
      meetingDate,
      [first, second].sort(),
      [],
    ]);
    const detail = await dks('GET', `/api/dks-cases/${first}`);
    const reviews = detail.body.steps.filter((step: { kind: string }) => step.kind === 'level_one_review');
    expect(reviews.map((step: { status: string }) => step.status).sort()).toEqual(['completed', 'open']);
    const next = reviews.find((step: { status: string }) => step.status === 'open');
    const { year, month } = danishDateOf(new Date());
    const endOfNextMonth = startOfDanishDay({
      year: month >= 11 ? year + 1 : year,
      month: ((month + 1) % 12) + 1,
      day: 1,
    }).toISOString();
    expect(next.dueAt).toBe(endOfNextMonth);
    expect(detail.body.history).toContainEqual(
      expect.objectContaining({ action: 'level_one_reviewed', details: { meetingDate } }),
    );

    // Recorded twice (a double click, a retry): nothing is reviewed twice.
    const again = await dks('POST', '/api/level-one-reviews', { unit: 'POL-KBH', meetingDate });
    expect([again.status, again.body.reviewed, [...again.body.alreadyReviewed].sort()]).toEqual([
      200,
      [],
      [first, second].sort(),
    ]);
  });

  it('refuses a bad recording with 400, 403, 409 and 422, and changes nothing', async () => {
    const bad = await dks('POST', '/api/level-one-reviews', { meetingDate: '2026-02-30' });
    expect([bad.status, bad.body.details]).toEqual([
      400,
      [
        { field: 'unit', problems: ['Enheden skal udfyldes.'] },
        { field: 'meetingDate', problems: ['Mødedatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'] },
      ],
    ]);
    const future = formatLocalDate(addCalendarDays(danishDateOf(new Date()), 2));
    const ahead = await dks('POST', '/api/level-one-reviews', { unit: 'POL-KBH', meetingDate: future });
    expect([ahead.status, ahead.body.message]).toEqual([422, 'Mødedatoen ligger i fremtiden.']);
    const unknown = await dks('POST', '/api/level-one-reviews', { unit: 'POL-UKENDT', meetingDate: today() });
    expect([unknown.status, unknown.body.message]).toEqual([422, "Enheden 'POL-UKENDT' kendes ikke."]);
    const notOwn = await municipality('POST', '/api/level-one-reviews', { unit: 'POL-KBH', meetingDate: today() });
    expect([notOwn.status, notOwn.body.message]).toEqual([
      403,
      'Du kan kun registrere koordinationsmøder for din egen enhed.',
    ]);
    const supervisor = await sut.as('politi.leder.kbh');
    expect((await supervisor('POST', '/api/level-one-reviews', { unit: 'POL-KBH', meetingDate: today() })).status).toBe(
      403,
    );
    const none = await municipality('POST', '/api/level-one-reviews', { unit: 'KOM-0101', meetingDate: today() });
    expect([none.status, none.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(none.body.message).toMatch(/^Ingen niveau 1-sager i Københavns Kommune venter på et koordinationsmøde den /);
    const [{ count }] = await sut.db.query(
      `SELECT count(*)::int AS count FROM case_events WHERE action = 'level_one_reviewed'`,
    );
    expect(count).toBe(2);
  });
});

describe('the handover at 18', () => {
  it('opens the handover step on the 18th birthday and records the decision on a DKS case and a council', async () => {
    const cpr = await fakeCprTurned18(1);
    const id = await startDksCase(cpr);
    const started = await dks('GET', `/api/dks-cases/${id}`);
    const birthday = startOfDanishDay(addCalendarDays(danishDateOf(new Date()), -1));
    expect(started.body.openSteps).toContainEqual(
      expect.objectContaining({
        kind: 'adult_handover',
        label: 'Overdragelse til kommunens 18+-indsats (SSP+)',
        openedAt: birthday.toISOString(),
        dueAt: startOfDanishDay(addCalendarDays(danishDateOf(new Date()), 14)).toISOString(),
      }),
    );
    expect(decisionNames(started.body)).toEqual(['assessment', 'case-end', 'move', 'case-level', 'adult-handover']);

    const noReason = await dks('POST', `/api/dks-cases/${id}/adult-handover`, {
      handedOver: true,
      municipalityCode: 'KOM-0101',
    });
    expect([noReason.status, noReason.body.details]).toEqual([
      400,
      [{ field: 'reason', problems: ['Beslutningen om overdragelse skal have en begrundelse.'] }],
    ]);
    const unknownMunicipality = await dks('POST', `/api/dks-cases/${id}/adult-handover`, {
      handedOver: true,
      municipalityCode: 'KOM-9999',
      reason: 'SSP+ overtager',
    });
    expect([unknownMunicipality.status, unknownMunicipality.body.message]).toEqual([
      422,
      "Kommunen 'KOM-9999' kendes ikke.",
    ]);
    const exit = await sut.as('politi.kbh.exit');
    expect(
      (
        await exit('POST', `/api/dks-cases/${id}/adult-handover`, {
          handedOver: true,
          municipalityCode: 'KOM-0101',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const decided = await dks('POST', `/api/dks-cases/${id}/adult-handover`, {
      handedOver: true,
      municipalityCode: 'KOM-0101',
      reason: 'SSP+ i Københavns Kommune overtager',
    });
    expect(decided.status).toBe(200);
    expect(kinds(decided.body.openSteps)).toEqual(['dks_assessment']);
    expect(decided.body.history).toContainEqual(
      expect.objectContaining({
        action: 'adult_handover_decided',
        details: { handedOver: true, municipalityCode: 'KOM-0101' },
        reason: 'SSP+ i Københavns Kommune overtager',
      }),
    );
    const twice = await dks('POST', `/api/dks-cases/${id}/adult-handover`, {
      handedOver: false,
      municipalityCode: 'KOM-0101',
      reason: 'Igen',
    });
    expect([twice.status, twice.body.message]).toEqual([
      409,
      'Overdragelsen til 18+-indsatsen besluttes, når den unge er fyldt 18 år.',
    ]);

    const { body: youth } = await municipality('POST', '/api/persons', { name: fakeName(), cpr });
    const council = await municipality('POST', '/api/network-councils', {
      personRef: youth.personRef,
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      documentationReceivedAt: new Date(Date.now() - 3 * 24 * HOUR_MS).toISOString(),
    });
    expect(council.status).toBe(201);
    expect(kinds(council.body.openSteps)).toContain('adult_handover');
    const notHandedOver = await municipality('POST', `/api/network-councils/${council.body.id}/adult-handover`, {
      handedOver: false,
      municipalityCode: 'KOM-0101',
      reason: 'Samrådet fortsætter; den unge ønsker ikke SSP+',
    });
    expect(notHandedOver.status).toBe(200);
    expect(kinds(notHandedOver.body.openSteps)).toEqual(['network_council_convening']);
  });

  it('refuses the handover of a youth under 18 with 409, and offers no such decision', async () => {
    const id = await startDksCase();
    const detail = await dks('GET', `/api/dks-cases/${id}`);
    expect(decisionNames(detail.body)).toEqual(['assessment', 'case-end', 'move', 'case-level']);
    const early = await dks('POST', `/api/dks-cases/${id}/adult-handover`, {
      handedOver: true,
      municipalityCode: 'KOM-0101',
      reason: 'For tidligt',
    });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect(
      (
        await municipality('POST', `/api/network-councils/${UNKNOWN_CASE}/adult-handover`, {
          handedOver: true,
          municipalityCode: 'KOM-0101',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });
});
