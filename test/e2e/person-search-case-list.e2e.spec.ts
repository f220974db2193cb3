import { fakeCpr } from '../support/demo-people';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Finding persons by name (the blind index) and cases across types (`GET /api/cases`): only within the
 * user's scope, paged, each person shown logged in access_log, and bad input refused in Danish. A database of
 * its own: paging compares one listing with the next, and a case another suite starts between them moves
 * every page.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let kf: UserClient;
let otherPrison: UserClient;

const DAY_MS = 24 * 3_600_000;
/** A token no other suite's names have, so the searches here find exactly this suite's persons. */
const UNIQUE = `Blindindeks${Date.now().toString(36)}`;

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  kf = await sut.as('kf.storstroem');
  otherPrison = await sut.as('kf.ennermark');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

async function userId(username: string): Promise<string> {
  const [row] = await sut.db.query(`SELECT id::text AS id FROM users WHERE username = $1`, [username]);
  return row.id;
}

async function register(user: UserClient, name: string, cpr?: string): Promise<{ personRef: string; cpr: string }> {
  const number = cpr ?? (await fakeCpr());
  const answer = await user('POST', '/api/persons', { name, cpr: number });
  expect(answer.status).toBe(201);
  return { personRef: answer.body.personRef, cpr: number };
}

async function startCourse(personRef: string): Promise<string> {
  const started = await kf('POST', '/api/exit-courses', {
    personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-03-01',
    paroleLinked: false,
    referredAt: new Date(Date.now() - DAY_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  return started.body.id;
}

describe('POST /api/persons/search', () => {
  it('finds a person by every typed word, whatever the case and accents, and logs each person shown', async () => {
    const name = `Søren Åkjær-Hénriksen ${UNIQUE}a`;
    const { personRef, cpr } = await register(kf, name);
    const found = await kf('POST', '/api/persons/search', { name: `HENRIKSEN åkjær ${UNIQUE}A` });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      items: [{ personRef, name, cpr, birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), protected: false }],
      page: 1,
      pageSize: 20,
      total: 1,
    });
    // Every word must match: one more word that is not in the name finds nobody.
    const none = await kf('POST', '/api/persons/search', { name: `Søren ${UNIQUE}a Jensen` });
    expect([none.status, none.body.total, none.body.items]).toEqual([200, 0, []]);
    const logged = await sut.db.query(
      `SELECT action, person_ref FROM access_log WHERE user_id = $1 AND action = 'person_search' AND person_ref = $2`,
      [await userId('kf.storstroem'), personRef],
    );
    expect(logged).toEqual([{ action: 'person_search', person_ref: personRef }]);
    // The table holds hashes only, one per token.
    const tokens = await sut.db.query(`SELECT token_hash FROM person_name_tokens WHERE person_id = $1`, [personRef]);
    expect(tokens).toHaveLength(4);
    for (const { token_hash } of tokens) expect(token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not find a person another unit registered, and logs nothing for them', async () => {
    const { personRef } = await register(kf, `Mikkel ${UNIQUE}b`);
    const found = await otherPrison('POST', '/api/persons/search', { name: `Mikkel ${UNIQUE}b` });
    expect([found.status, found.body.total]).toEqual([200, 0]);
    const logged = await sut.db.query(`SELECT 1 FROM access_log WHERE user_id = $1 AND person_ref = $2`, [
      await userId('kf.ennermark'),
      personRef,
    ]);
    expect(logged).toEqual([]);
  });

  it('pages the persons found, newest registration first, without repeating or skipping one', async () => {
    const refs = [];
    for (const first of ['Ali', 'Omar', 'Yusuf']) refs.push((await register(kf, `${first} ${UNIQUE}c`)).personRef);
    const first = await kf('POST', '/api/persons/search', { name: `${UNIQUE}c`, pageSize: 2 });
    const second = await kf('POST', '/api/persons/search', { name: `${UNIQUE}c`, pageSize: 2, page: 2 });
    expect([first.body.total, first.body.items.length, second.body.items.length]).toEqual([3, 2, 1]);
    const listed = [...first.body.items, ...second.body.items].map((item: { personRef: string }) => item.personRef);
    expect(listed).toEqual([...refs].reverse());
  });

  it.each([
    ['an empty name', { name: '' }, 422, 'Skriv mindst 2 bogstaver af navnet for at søge.'],
    ['one letter', { name: ' J ' }, 422, 'Skriv mindst 2 bogstaver af navnet for at søge.'],
    ['no letters at all', { name: ' - , ' }, 422, 'Skriv mindst 2 bogstaver af navnet for at søge.'],
    ['no name', {}, 400, 'Forespørgslen er ugyldig.'],
    ['a name that is no text', { name: 42 }, 400, 'Forespørgslen er ugyldig.'],
    ['a name over 200 characters', { name: 'a'.repeat(201) }, 400, 'Forespørgslen er ugyldig.'],
    ['an unknown field', { name: 'Jens', cpr: '010190-1234' }, 400, 'Forespørgslen er ugyldig.'],
    ['page size 0', { name: 'Jens', pageSize: 0 }, 400, 'Forespørgslen er ugyldig.'],
    ['a page size of null', { name: 'Jens', pageSize: null }, 400, 'Forespørgslen er ugyldig.'],
    ['a page of null', { name: 'Jens', page: null }, 400, 'Forespørgslen er ugyldig.'],
  ])('refuses %s', async (_, body, status, message) => {
    const answer = await kf('POST', '/api/persons/search', body);
    expect([answer.status, answer.body.message]).toEqual([status, message]);
  });

  it('is for logged-in users who may read persons', async () => {
    const anonymous = await fetch(`${sut.baseUrl}/api/persons/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jens' }),
    });
    expect(anonymous.status).toBe(401);
    const admin = await (await sut.as('admin'))('POST', '/api/persons/search', { name: 'Jens' });
    expect(admin.status).toBe(403);
  });
});

describe('GET /api/cases', () => {
  let closedCase: string;
  let openCase: string;
  let closedPerson: { personRef: string; cpr: string };
  const closedName = `Rasmus ${UNIQUE}d`;

  beforeAll(async () => {
    closedPerson = await register(kf, closedName);
    closedCase = await startCourse(closedPerson.personRef);
    const rejected = await kf('POST', `/api/exit-courses/${closedCase}/suitability-assessment`, {
      outcome: 'rejection',
      reason: 'Ikke motiveret.',
    });
    expect(rejected.body.status).toBe('rejected');
    openCase = await startCourse((await register(kf, `Kasper ${UNIQUE}d`)).personRef);
  });

  it('lists the cases of every type in scope, open first, with the person’s name logged per case', async () => {
    const answer = await kf('GET', '/api/cases?pageSize=100');
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([openCase, closedCase]));
    expect(ids.indexOf(openCase)).toBeLessThan(ids.indexOf(closedCase));
    const firstClosed = answer.body.items.findIndex((item: { closedAt: string | null }) => item.closedAt !== null);
    if (firstClosed >= 0) {
      expect(answer.body.items.slice(firstClosed).every((item: { closedAt: string | null }) => item.closedAt)).toBe(
        true,
      );
    }
    const closed = await kf('GET', '/api/cases?state=closed&caseType=exit_course&status=rejected&pageSize=100');
    const item = closed.body.items.find((candidate: { id: string }) => candidate.id === closedCase);
    expect(item).toEqual({
      id: closedCase,
      caseType: 'exit_course',
      caseTypeLabel: 'Exit-forløb',
      resource: 'exit-courses',
      status: 'rejected',
      statusText: 'afsluttet med afslag',
      unit: { code: 'KF-STORSTROEM', name: 'Storstrøm Fængsel' },
      personRef: closedPerson.personRef,
      personName: closedName,
      openedAt: expect.any(String),
      closedAt: expect.any(String),
      nextDueAt: null,
      overdue: false,
      dueSoon: false,
      assignee: null,
      referralSourceText: 'Kriminalforsorgen',
      caseLevel: null,
      caseLevelText: null,
    });
    const logged = await sut.db.query(
      `SELECT action, case_id, person_ref FROM access_log WHERE user_id = $1 AND action = 'person_name_read' AND case_id = $2`,
      [await userId('kf.storstroem'), closedCase],
    );
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged[0]).toEqual({ action: 'person_name_read', case_id: closedCase, person_ref: closedPerson.personRef });
  });

  it('filters by open or closed, status, unit and deadline', async () => {
    const idsOf = async (search: string) =>
      ((await kf('GET', `/api/cases?pageSize=100&${search}`)).body.items as { id: string }[]).map((item) => item.id);
    expect(await idsOf('state=open')).toContain(openCase);
    expect(await idsOf('state=open')).not.toContain(closedCase);
    expect(await idsOf('state=closed')).not.toContain(openCase);
    expect(await idsOf('status=awaiting_suitability_assessment&caseType=exit_course')).toContain(openCase);
    expect(await idsOf('status=awaiting_suitability_assessment')).not.toContain(closedCase);
    expect(await idsOf('unit=KF-STORSTROEM')).toEqual(expect.arrayContaining([openCase, closedCase]));
    // Another prison's unit: only courses transferred there that Storstrøm still reads, never these.
    const atEnnerMark = (await kf('GET', '/api/cases?pageSize=100&unit=KF-ENNER-MARK')).body.items;
    expect(atEnnerMark.every((item: { unit: { code: string } }) => item.unit.code === 'KF-ENNER-MARK')).toBe(true);
    expect(atEnnerMark.map((item: { id: string }) => item.id)).not.toContain(openCase);
    expect(await idsOf('deadline=none')).toContain(closedCase);
    expect(await idsOf('deadline=none')).not.toContain(openCase);
    expect(await idsOf('deadline=overdue')).not.toContain(openCase);
    expect(await idsOf('deadline=due-soon')).not.toContain(openCase);
    expect(await idsOf('caseType=dks_assessment')).toEqual([]);
    const open = (await kf('GET', '/api/cases?state=open&pageSize=100')).body.items.find(
      (item: { id: string }) => item.id === openCase,
    );
    expect(open).toMatchObject({ nextDueAt: expect.any(String), overdue: false, dueSoon: false, closedAt: null });
  });

  it('pages without repeating or skipping a case', async () => {
    for (let n = 0; n < 7; n += 1) await startCourse((await register(kf, `Side ${UNIQUE} ${n}`)).personRef);
    const all = (await kf('GET', '/api/cases?pageSize=100')).body;
    // At least three pages of three, and all of them within one listing of a hundred.
    expect(all.total).toBeGreaterThan(6);
    expect(all.total).toBeLessThanOrEqual(100);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page += 1) {
      const answer = await kf('GET', `/api/cases?pageSize=3&page=${page}`);
      expect([answer.body.page, answer.body.pageSize, answer.body.total]).toEqual([page, 3, all.total]);
      pages.push(...answer.body.items.map((item: { id: string }) => item.id));
    }
    expect(pages).toEqual(all.items.map((item: { id: string }) => item.id));
  });

  it('shows another unit’s user none of them', async () => {
    const answer = await otherPrison('GET', '/api/cases?pageSize=100');
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((item: { id: string }) => item.id);
    expect(ids).not.toContain(openCase);
    expect(ids).not.toContain(closedCase);
    const dks = await (await sut.as('politi.kbh.dks'))('GET', '/api/cases?pageSize=100');
    expect(dks.body.items.every((item: { caseType: string }) => item.caseType === 'dks_assessment')).toBe(true);
  });

  it.each([
    ['an unknown unit', 'unit=KF-NOWHERE', 422, "Enheden 'KF-NOWHERE' kendes ikke."],
    [
      'a status of another case type',
      'caseType=dks_assessment&status=rejected',
      422,
      'Statussen »afsluttet med afslag« findes ikke for sagstypen DKS-sag.',
    ],
    ['an unknown status', 'status=lost', 400, 'Forespørgslen er ugyldig.'],
    ['an unknown case type', 'caseType=parking', 400, 'Forespørgslen er ugyldig.'],
    ['an unknown state', 'state=maybe', 400, 'Forespørgslen er ugyldig.'],
    ['an unknown deadline filter', 'deadline=tomorrow', 400, 'Forespørgslen er ugyldig.'],
    ['a name in the address', 'name=Rasmus', 400, 'Forespørgslen er ugyldig.'],
    ['a page size over 100', 'pageSize=101', 400, 'Forespørgslen er ugyldig.'],
  ])('refuses %s', async (_, search, status, message) => {
    const answer = await kf('GET', `/api/cases?${search}`);
    expect([answer.status, answer.body.message]).toEqual([status, message]);
  });

  it('is for case readers only', async () => {
    expect((await fetch(`${sut.baseUrl}/api/cases`)).status).toBe(401);
    expect((await (await sut.as('drift'))('GET', '/api/cases')).status).toBe(403);
  });
});

describe('the case detail', () => {
  it('refuses a course for a person another unit registered, as for an unknown one', async () => {
    const { personRef } = await register(kf, `Bo ${UNIQUE}g`);
    const answer = await otherPrison('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-ENNER-MARK',
      expectedReleaseDate: '2028-03-01',
      paroleLinked: false,
    });
    expect([answer.status, answer.body.message]).toEqual([
      422,
      'Personen er ikke registreret hos jer. Find eller registrér personen under »Ny sag« først.',
    ]);
  });

  it('shows the case’s person to a case reader, and logs it', async () => {
    const name = `Ahmad ${UNIQUE}e`;
    const { personRef, cpr } = await register(kf, name);
    const caseId = await startCourse(personRef);
    const detail = await kf('GET', `/api/exit-courses/${caseId}`);
    expect(detail.body.person).toEqual({
      personRef,
      name,
      cpr,
      birthDate: expect.any(String),
      protected: false,
      revealable: true,
      protectable: true,
    });
    const supervisor = await (await sut.as('kf.leder.storstroem'))('GET', `/api/exit-courses/${caseId}`);
    expect(supervisor.body.person.name).toBe(name);
    const logged = await sut.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND action = 'person_name_read' AND case_id = $2`,
      [await userId('kf.leder.storstroem'), caseId],
    );
    expect(logged).toEqual([{ n: 1 }]);
  });
});
