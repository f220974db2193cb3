import { randomUUID } from 'node:crypto';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * The three need-to-know fixes of issue 16 (docs/need-to-know.md): one scope per function in a district,
 * a start for a person whose open course another unit holds that tells the starting unit nothing, and one
 * register entry per organisation. A database of the suite's own: the coordination list is counted exactly.
 */
let database: TestDatabase;
let sut: SystemUnderTest;

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

async function registered(client: UserClient, cpr: string, name = fakeName()): Promise<string> {
  const answer = await client('POST', '/api/persons', { name, cpr });
  // 201: new to the unit (also when another unit registered the CPR number before).
  expect(answer.status).toBe(201);
  return answer.body.personRef;
}

const prisonStart = (personRef: string, institutionCode: string) => ({
  personRef,
  institutionCode,
  expectedReleaseDate: danishDateInDays(200),
  paroleLinked: false,
});

const policeStart = (personRef: string) => ({
  personRef,
  startingUnitCode: 'POL-KBH',
  referralSource: 'police',
});

const key = () => ({ 'idempotency-key': `need-to-know-${randomUUID()}` });

describe('one scope per function in a district', () => {
  it("shows a youth DKS registered to DKS and the district's supervisor, not to the other functions of POL-KBH", async () => {
    const dks = await sut.as('politi.kbh.dks');
    const cpr = await fakeCpr();
    const name = fakeName();
    const personRef = await registered(dks, cpr, name);
    const seen: Record<string, number[]> = {};
    for (const username of [
      'politi.kbh.dks',
      'politi.leder.kbh',
      'politi.kbh.exit',
      'politi.kbh.eas',
      'politi.kbh.efterforskning',
      'politi.kbh.udvalg',
    ]) {
      const client = await sut.as(username);
      const read = await client('GET', `/api/persons/${personRef}`);
      const lookup = await client('POST', '/api/persons/lookup', { cpr });
      const search = await client('POST', '/api/persons/search', { name });
      seen[username] = [read.status, lookup.status, search.body.items?.length];
    }
    expect(seen).toEqual({
      'politi.kbh.dks': [200, 200, 1],
      'politi.leder.kbh': [200, 200, 1],
      'politi.kbh.exit': [404, 404, 0],
      'politi.kbh.eas': [404, 404, 0],
      'politi.kbh.efterforskning': [404, 404, 0],
      'politi.kbh.udvalg': [404, 404, 0],
    });
  });

  it('gives the exit unit the person once it registers the CPR number itself, answered as a new registration', async () => {
    const dks = await sut.as('politi.kbh.dks');
    const exit = await sut.as('politi.kbh.exit');
    const cpr = await fakeCpr();
    const personRef = await registered(dks, cpr);
    expect(await registered(exit, cpr)).toBe(personRef);
    expect((await exit('GET', `/api/persons/${personRef}`)).status).toBe(200);
    const rows = await sut.db.query(`SELECT org_unit, function FROM person_units WHERE person_id = $1 ORDER BY 2`, [
      personRef,
    ]);
    expect(rows).toEqual([
      { org_unit: 'POL-KBH', function: 'dks' },
      { org_unit: 'POL-KBH', function: 'exit' },
    ]);
  });

  it("shows a person the municipality's caseworker registered to its supervisor, not to the committee of KOM-0101", async () => {
    const municipality = await sut.as('kommune.kbh');
    const personRef = await registered(municipality, await fakeCpr());
    const statuses: number[] = [];
    for (const username of ['kommune.kbh', 'kommune.leder.kbh', 'kommune.kbh.udvalg']) {
      statuses.push((await (await sut.as(username))('GET', `/api/persons/${personRef}`)).status);
    }
    expect(statuses).toEqual([200, 200, 404]);
  });
});

describe('one scope per function: what the police sent', () => {
  it('shows documentation the investigating unit sent to it and the municipality, not to DKS of the same district', async () => {
    const investigator = await sut.as('politi.kbh.efterforskning');
    const dks = await sut.as('politi.kbh.dks');
    const personRef = await registered(investigator, await fakeYouthCpr());
    const sent = await investigator('POST', '/api/police-documentation', {
      personRef,
      policeDistrictCode: 'POL-KBH',
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      offence: 'Grov vold, straffelovens § 245.',
    });
    expect(sent.status).toBe(201);
    const caseId: string = sent.body.caseId;
    const listed = async (client: UserClient) =>
      ((await client('GET', '/api/police-documentation?pageSize=100')).body.items as { caseId: string }[]).some(
        (item) => item.caseId === caseId,
      );
    const municipality = await sut.as('kommune.kbh');
    expect([await listed(investigator), await listed(municipality), await listed(dks)]).toEqual([true, true, false]);
    expect([
      (await investigator('GET', `/api/police-documentation/${caseId}`)).status,
      (await dks('GET', `/api/police-documentation/${caseId}`)).status,
    ]).toEqual([200, 404]);
  });
});

describe('a course already open elsewhere', () => {
  const NEEDS_COORDINATION = {
    code: 'COURSE_START_NEEDS_COORDINATION',
    message:
      'Forløbet kan ikke startes med det samme. Anmodningen er sendt til den landsdækkende leder, som vender tilbage.',
    details: null,
  };

  it('answers a unit without access to the open course as it would for any start needing coordination, and tells the national supervisor', async () => {
    const storstroem = await sut.as('kf.storstroem');
    const ennerMark = await sut.as('kf.ennermark');
    const police = await sut.as('politi.kbh.exit');
    const cpr = await fakeCpr();
    const personRef = await registered(storstroem, cpr);
    const held = await storstroem('POST', '/api/exit-courses', prisonStart(personRef, 'KF-STORSTROEM'), key());
    expect(held.status).toBe(201);

    // Another prison: the register answers as for a new person, and so does the person's case list.
    const neverSeenRef = await registered(ennerMark, await fakeCpr());
    const elsewhereRef = await registered(ennerMark, cpr);
    expect(elsewhereRef).toBe(personRef);
    const casesSeen = async (ref: string) => (await ennerMark('GET', `/api/persons/${ref}`)).body.cases;
    expect([await casesSeen(elsewhereRef), await casesSeen(neverSeenRef)]).toEqual([[], []]);

    const fromEnnerMark = await ennerMark('POST', '/api/exit-courses', prisonStart(personRef, 'KF-ENNER-MARK'), key());
    expect([fromEnnerMark.status, fromEnnerMark.body]).toEqual([202, NEEDS_COORDINATION]);
    // The police, another organisation with its own register entry for the CPR number: the same answer.
    const policeRef = await registered(police, cpr);
    const fromPolice = await police('POST', '/api/exit-courses/outside-prison', policeStart(policeRef), key());
    expect([fromPolice.status, fromPolice.body]).toEqual([202, NEEDS_COORDINATION]);
    // The same request again (its retry, another key) is one coordination, not two.
    await ennerMark('POST', '/api/exit-courses', prisonStart(personRef, 'KF-ENNER-MARK'), key());

    const [{ count }] = await sut.db.query(
      `SELECT count(*)::int AS count FROM cases WHERE person_ref = ANY($1::text[])`,
      [[personRef, policeRef]],
    );
    expect(count).toBe(1);
    expect(await casesSeen(elsewhereRef)).toEqual([]);

    // The unit that holds the course may know it: the plain refusal.
    const fromHolder = await storstroem('POST', '/api/exit-courses', prisonStart(personRef, 'KF-STORSTROEM'), key());
    expect([fromHolder.status, fromHolder.body.code]).toEqual([409, 'COURSE_ALREADY_OPEN']);

    const national = await sut.as('kf.leder.national');
    const listed = await national('GET', '/api/course-coordinations');
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((item: Record<string, any>) => [
        item.requestingUnit.code,
        item.holdingUnit.code,
        item.heldCaseId,
        item.resolvedAt,
      ]),
    ).toEqual([
      ['POL-KBH', 'KF-STORSTROEM', held.body.id, null],
      ['KF-ENNER-MARK', 'KF-STORSTROEM', held.body.id, null],
    ]);
    // Neither the police's national supervisor nor the prisons see the list.
    expect((await (await sut.as('politi.leder.national'))('GET', '/api/course-coordinations')).body.items).toEqual([]);
    expect((await ennerMark('GET', '/api/course-coordinations')).status).toBe(403);

    const id: string = listed.body.items[1].id;
    expect(
      (await (await sut.as('politi.leder.national'))('POST', `/api/course-coordinations/${id}/resolve`)).status,
    ).toBe(404);
    const resolved = await national('POST', `/api/course-coordinations/${id}/resolve`);
    expect([resolved.status, typeof resolved.body.resolvedAt]).toEqual([200, 'string']);
    const again = await national('POST', `/api/course-coordinations/${id}/resolve`);
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await national('POST', `/api/course-coordinations/${randomUUID()}/resolve`)).status).toBe(404);
    expect((await national('POST', '/api/course-coordinations/not-a-uuid/resolve')).status).toBe(404);
  });
});

describe('one register entry per organisation', () => {
  it('gives DKS and the municipality their own entry for the same CPR number, and keeps one open course across them', async () => {
    const cpr = await fakeCpr();
    const dksRef = await registered(await sut.as('politi.kbh.dks'), cpr);
    const municipality = await sut.as('kommune.kbh');
    const municipalRef = await registered(municipality, cpr);
    expect(municipalRef).not.toBe(dksRef);
    expect((await municipality('GET', `/api/persons/${dksRef}`)).status).toBe(404);

    const police = await sut.as('politi.kbh.exit');
    const policeRef = await registered(police, cpr);
    expect(policeRef).toBe(dksRef);
    const started = await police('POST', '/api/exit-courses/outside-prison', policeStart(policeRef), key());
    expect(started.status).toBe(201);
    const second = await municipality(
      'POST',
      '/api/exit-courses/outside-prison',
      {
        personRef: municipalRef,
        startingUnitCode: 'KOM-0101',
        referralSource: 'municipality',
        policeDistrictCode: 'POL-KBH',
      },
      key(),
    );
    expect([second.status, second.body.code]).toEqual([202, 'COURSE_START_NEEDS_COORDINATION']);
  });
});
