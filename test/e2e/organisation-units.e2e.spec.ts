import { randomBytes } from 'node:crypto';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { hashPassword } from '../../libs/access/password-hashing';
import { fakeCpr, fakeName } from '../support/demo-people';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The organisation units as data: the seeded lists in GET /api/reference-data, the administrators'
 * upkeep (GET/POST/PATCH /api/admin/units) with every refusal, and a unit added by an administrator used
 * at once for a new exit course. This suite's units have codes of their own (a random suffix), and its
 * caseworker is a user of its own, so the suites beside it never meet them.
 */
let sut: SystemUnderTest;
let admin: UserClient;
let caseworker: UserClient;

const SUFFIX = randomBytes(3).toString('hex').toUpperCase();
const code = (name: string) => `KF-E2E-${name}-${SUFFIX}`;

beforeAll(async () => {
  sut = await startSystem();
  admin = await sut.as('admin');
  caseworker = await sut.as('kf.storstroem');
});

afterAll(() => sut?.stop());

/** The units the migration seeded: those no administrator added. */
async function seededUnits(): Promise<{ code: string; name: string; kind: string; closedAt: string | null }[]> {
  const answer = await caseworker('GET', '/api/reference-data');
  expect(answer.status).toBe(200);
  const added: { unit_code: string }[] = await sut.db.query(
    `SELECT DISTINCT unit_code FROM organisation_unit_changes WHERE action = 'added'`,
  );
  const addedCodes = new Set(added.map((row) => row.unit_code));
  return answer.body.units.filter((unit: { code: string }) => !addedCodes.has(unit.code));
}

describe('GET /api/reference-data lists the units from the database', () => {
  it('has the 98 municipalities, the 12 police districts and the 54 Kriminalforsorgen units that hold courses', async () => {
    const units = await seededUnits();
    const count = (kind: string) => units.filter((unit) => unit.kind === kind).length;
    expect([count('municipality'), count('police_district'), count('institution')]).toEqual([98, 12, 54]);
    expect(new Set(units.map((unit) => unit.code)).size).toBe(units.length);
  });

  it('names them as the organisations do, with the official municipality codes', async () => {
    const byCode = new Map((await seededUnits()).map((unit) => [unit.code, unit]));
    expect(
      [
        'KOM-0101',
        'KOM-0147',
        'KOM-0400',
        'KOM-0461',
        'KOM-0751',
        'KOM-0860',
        'POL-BORNHOLM',
        'KF-KIF-HOVEDSTADEN',
      ].map((unitCode) => byCode.get(unitCode)?.name),
    ).toEqual([
      'Københavns Kommune',
      'Frederiksberg Kommune',
      'Bornholms Regionskommune',
      'Odense Kommune',
      'Aarhus Kommune',
      'Hjørring Kommune',
      'Bornholms Politi',
      'Kriminalforsorgen i Frihed Hovedstaden',
    ]);
    // Christiansø is not a municipality.
    expect(byCode.has('KOM-0411')).toBe(false);
    expect(byCode.get('KF-NYBORG')).toEqual({
      code: 'KF-NYBORG',
      name: 'Nyborg Fængsel',
      organisation: 'kriminalforsorgen',
      kind: 'institution',
      institutionType: 'closed_prison',
      closedAt: null,
    });
    const kinds = new Set(
      [...byCode.values()].filter((unit) => unit.kind === 'institution').map((u: any) => u.institutionType),
    );
    expect([...kinds].sort()).toEqual(['closed_prison', 'open_prison', 'probation_office', 'remand_prison']);
  });
});

describe('the administrators keep the units (GET/POST/PATCH /api/admin/units)', () => {
  it('lists them in pages, filtered by kind and organisation', async () => {
    const municipalities = await admin('GET', '/api/admin/units?kind=municipality&pageSize=50&page=2');
    expect(municipalities.status).toBe(200);
    expect([municipalities.body.page, municipalities.body.pageSize, municipalities.body.items.length]).toEqual([
      2,
      50,
      municipalities.body.total - 50,
    ]);
    expect(municipalities.body.items.every((unit: { kind: string }) => unit.kind === 'municipality')).toBe(true);
    const found = await admin('GET', '/api/admin/units?search=frederiksberg');
    expect(found.body.items.map((unit: { code: string }) => unit.code)).toEqual(['KOM-0147']);
    const police = await admin('GET', '/api/admin/units?organisation=politi&pageSize=100');
    expect(police.body.items.map((unit: { organisation: string }) => unit.organisation)).toEqual(
      Array(police.body.total).fill('politi'),
    );
  });

  it('adds, renames, closes and reopens a unit, and audits every change', async () => {
    const unitCode = code('ADD');
    const added = await admin('POST', '/api/admin/units', {
      code: unitCode,
      name: 'Testfængslet',
      kind: 'institution',
      institutionType: 'open_prison',
    });
    expect([added.status, added.body]).toEqual([
      201,
      {
        code: unitCode,
        name: 'Testfængslet',
        organisation: 'kriminalforsorgen',
        kind: 'institution',
        institutionType: 'open_prison',
        closedAt: null,
      },
    ]);
    const renamed = await admin('PATCH', `/api/admin/units/${unitCode}`, { name: 'Testfængslet Nord' });
    expect([renamed.status, renamed.body.name, renamed.body.closedAt]).toEqual([200, 'Testfængslet Nord', null]);
    const closed = await admin('PATCH', `/api/admin/units/${unitCode}`, { closed: true });
    expect([closed.status, typeof closed.body.closedAt]).toEqual([200, 'string']);

    const listed = async (query: string) =>
      (await admin('GET', `/api/admin/units?kind=institution&pageSize=100${query}`)).body.items.some(
        (unit: { code: string }) => unit.code === unitCode,
      );
    expect([await listed(''), await listed('&includeClosed=false')]).toEqual([true, false]);
    const reference = (await caseworker('GET', '/api/reference-data')).body.units.find(
      (unit: { code: string }) => unit.code === unitCode,
    );
    expect([reference.name, reference.closedAt]).toEqual(['Testfængslet Nord', closed.body.closedAt]);

    const reopened = await admin('PATCH', `/api/admin/units/${unitCode}`, { closed: false });
    expect([reopened.status, reopened.body.closedAt]).toEqual([200, null]);

    const changes = await sut.db.query(
      `SELECT action, role, name_before, name_after FROM organisation_unit_changes WHERE unit_code = $1 ORDER BY id`,
      [unitCode],
    );
    expect(changes).toEqual([
      { action: 'added', role: 'administrator', name_before: null, name_after: 'Testfængslet' },
      { action: 'renamed', role: 'administrator', name_before: 'Testfængslet', name_after: 'Testfængslet Nord' },
      { action: 'closed', role: 'administrator', name_before: null, name_after: null },
      { action: 'reopened', role: 'administrator', name_before: null, name_after: null },
    ]);
    await expect(
      sut.db.query(`DELETE FROM organisation_unit_changes WHERE unit_code = $1`, [unitCode]),
    ).rejects.toThrow('permission denied for table organisation_unit_changes');
  });

  it('refuses a duplicate code with 409 and changes nothing', async () => {
    const answer = await admin('POST', '/api/admin/units', {
      code: 'KF-NYBORG',
      name: 'Et andet Nyborg',
      kind: 'institution',
      institutionType: 'closed_prison',
    });
    expect([answer.status, answer.body]).toEqual([
      409,
      {
        code: 'UNIT_ALREADY_EXISTS',
        message: 'Der findes allerede en enhed med koden KF-NYBORG. Omdøb eller genåbn den i stedet.',
        details: null,
      },
    ]);
    const [row] = await sut.db.query(`SELECT name FROM organisation_units WHERE code = 'KF-NYBORG'`);
    expect(row.name).toBe('Nyborg Fængsel');
  });

  const valid = { code: code('BAD'), name: 'Prøveenhed', kind: 'police_district' };
  it.each([
    [
      'a code in small letters',
      { ...valid, code: 'kf-lille' },
      'code',
      'Koden skal være 2-64 tegn: store bogstaver (A-Z), tal og bindestreg, fx KF-NYBORG.',
    ],
    ['no code', { ...valid, code: undefined }, 'code', 'Koden skal udfyldes.'],
    ['no name', { ...valid, name: undefined }, 'name', 'Navnet skal udfyldes.'],
    ['a blank name', { ...valid, name: '   ' }, 'name', 'Navnet skal udfyldes.'],
    ['a name too long', { ...valid, name: 'x'.repeat(201) }, 'name', 'Navnet må højst være 200 tegn.'],
    [
      'an unknown kind',
      { ...valid, kind: 'hospital' },
      'kind',
      'Slags enhed skal være en enhed i Kriminalforsorgen, en politikreds eller en kommune.',
    ],
    [
      'an unknown institution type',
      { ...valid, kind: 'institution', institutionType: 'castle' },
      'institutionType',
      'Typen af Kriminalforsorgens enhed skal være lukket fængsel, åbent fængsel, arresthus eller Kriminalforsorgen i Frihed.',
    ],
    [
      'an unknown field',
      { ...valid, organisation: 'politi' },
      'organisation',
      "Feltet 'organisation' er ukendt og må ikke sendes.",
    ],
  ])('refuses %s with 400', async (_what, body, field, problem) => {
    const answer = await admin('POST', '/api/admin/units', body);
    expect([answer.status, answer.body.code, answer.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field, problems: [problem] }],
    ]);
  });

  it.each([
    [
      'an institution without its type',
      { ...valid, kind: 'institution' },
      'Angiv, hvilken type enhed i Kriminalforsorgen det er: lukket fængsel, åbent fængsel, arresthus eller Kriminalforsorgen i Frihed.',
    ],
    [
      'an institution type for a police district',
      { ...valid, institutionType: 'open_prison' },
      'Typen af enhed (fængsel, arresthus, Kriminalforsorgen i Frihed) gælder kun Kriminalforsorgens enheder.',
    ],
  ])('refuses %s with 422', async (_what, body, message) => {
    const answer = await admin('POST', '/api/admin/units', body);
    expect([answer.status, answer.body.code, answer.body.message]).toEqual([422, 'INVALID_DOMAIN_DATA', message]);
    expect(await sut.db.query(`SELECT 1 FROM organisation_units WHERE code = $1`, [valid.code])).toEqual([]);
  });

  it('answers 404 for a unit that does not exist, and 422 for a change that changes nothing', async () => {
    const unknown = await admin('PATCH', `/api/admin/units/KF-FINDES-IKKE-${SUFFIX}`, { name: 'Nyt navn' });
    expect([unknown.status, unknown.body]).toEqual([
      404,
      { code: 'UNIT_NOT_FOUND', message: `Enheden KF-FINDES-IKKE-${SUFFIX} findes ikke.`, details: null },
    ]);
    const empty = await admin('PATCH', '/api/admin/units/KF-NYBORG', {});
    expect([empty.status, empty.body.message]).toEqual([
      422,
      'Angiv et nyt navn, eller om enheden skal lukkes eller genåbnes.',
    ]);
    const same = await admin('PATCH', '/api/admin/units/KF-NYBORG', { name: 'Nyborg Fængsel', closed: false });
    expect([same.status, same.body.message]).toEqual([
      422,
      'Enheden Nyborg Fængsel er allerede sådan: intet er ændret.',
    ]);
    const blank = await admin('PATCH', '/api/admin/units/KF-NYBORG', { name: '' });
    expect([blank.status, blank.body.details]).toEqual([
      400,
      [{ field: 'name', problems: ['Navnet må ikke være tom tekst: udelad feltet, eller skriv en tekst.'] }],
    ]);
    const notBoolean = await admin('PATCH', '/api/admin/units/KF-NYBORG', { closed: 'ja' });
    expect([notBoolean.status, notBoolean.body.details]).toEqual([
      400,
      [{ field: 'closed', problems: ['Feltet »Lukket« skal være ja eller nej.'] }],
    ]);
    const badQuery = await admin('GET', '/api/admin/units?includeClosed=maybe');
    expect([badQuery.status, badQuery.body.details]).toEqual([
      400,
      [{ field: 'includeClosed', problems: ['Feltet »Også lukkede« skal være ja eller nej.'] }],
    ]);
  });

  it('is for administrators only: 403 for others, 401 without a login', async () => {
    const body = { code: code('FORBIDDEN'), name: 'Må ikke', kind: 'municipality' };
    for (const user of ['kf.storstroem', 'kf.leder.national', 'drift']) {
      const client = await sut.as(user);
      expect([
        (await client('GET', '/api/admin/units')).status,
        (await client('POST', '/api/admin/units', body)).status,
        (await client('PATCH', '/api/admin/units/KF-NYBORG', { name: 'Kapret' })).status,
      ]).toEqual([403, 403, 403]);
    }
    expect((await http(sut.baseUrl, 'GET', '/api/admin/units')).status).toBe(401);
    expect(await sut.db.query(`SELECT 1 FROM organisation_units WHERE code = $1`, [body.code])).toEqual([]);
    const [nyborg] = await sut.db.query(`SELECT name FROM organisation_units WHERE code = 'KF-NYBORG'`);
    expect(nyborg.name).toBe('Nyborg Fængsel');
  });
});

describe('a unit an administrator adds is used at once, and a closed one takes no new cases', () => {
  const unitCode = code('NEW');
  let newcomer: UserClient;

  /** A caseworker of the new institution: a user of this suite's own. */
  beforeAll(async () => {
    const added = await admin('POST', '/api/admin/units', {
      code: unitCode,
      name: 'Fængslet Nyetableret',
      kind: 'institution',
      institutionType: 'closed_prison',
    });
    expect(added.status).toBe(201);
    const username = `kf.e2e.${SUFFIX.toLowerCase()}`;
    await sut.db.query(
      `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
       VALUES ($1, $1, $2, 'kf_caseworker', 'kriminalforsorgen', $3)`,
      [username, await hashPassword(DEMO_SECRETS.demoUserPassword), [unitCode]],
    );
    newcomer = await sut.as(username);
  });

  const register = async () =>
    (await newcomer('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() })).body.personRef as string;
  const start = async (personRef: string) =>
    newcomer('POST', '/api/exit-courses', {
      personRef,
      institutionCode: unitCode,
      expectedReleaseDate: '2027-09-30',
      paroleLinked: false,
    });

  it('starts an exit course at the new institution, and the course shows its name (renamed too)', async () => {
    const started = await start(await register());
    expect([started.status, started.body.institution]).toEqual([201, { code: unitCode, name: 'Fængslet Nyetableret' }]);
    expect((await newcomer('GET', `/api/exit-courses/${started.body.id}`)).body.institution.name).toBe(
      'Fængslet Nyetableret',
    );
    await admin('PATCH', `/api/admin/units/${unitCode}`, { name: 'Fængslet Nyetableret Syd' });
    expect((await newcomer('GET', `/api/exit-courses/${started.body.id}`)).body.institution).toEqual({
      code: unitCode,
      name: 'Fængslet Nyetableret Syd',
    });
    const [access] = await sut.db.query(`SELECT organisation FROM case_access WHERE case_id = $1 AND org_unit = $2`, [
      started.body.id,
      unitCode,
    ]);
    expect(access.organisation).toBe('kriminalforsorgen');
  });

  it('checks the units of a decision at the API: unknown and closed ones are refused with 422', async () => {
    const { body: course } = await start(await register());
    const decide = (name: string, body: object) => newcomer('POST', `/api/exit-courses/${course.id}/${name}`, body);
    expect((await decide('suitability-assessment', { outcome: 'offer' })).status).toBe(200);
    expect((await decide('agreement-signed', {})).status).toBe(200);
    const notADistrict = await decide('release-plan', {
      municipalityCode: 'KOM-0101',
      policeDistrictCode: 'KF-NYBORG',
    });
    expect([notADistrict.status, notADistrict.body.message]).toEqual([422, "Politikredsen 'KF-NYBORG' kendes ikke."]);
    const notAMunicipality = await decide('release-plan', {
      municipalityCode: 'POL-KBH',
      policeDistrictCode: 'POL-KBH',
    });
    expect([notAMunicipality.status, notAMunicipality.body.message]).toEqual([422, "Kommunen 'POL-KBH' kendes ikke."]);

    const closedPrison = code('CLOSED');
    await admin('POST', '/api/admin/units', {
      code: closedPrison,
      name: 'Det lukkede fængsel',
      kind: 'institution',
      institutionType: 'closed_prison',
    });
    await admin('PATCH', `/api/admin/units/${closedPrison}`, { closed: true });
    const toClosed = await decide('transfer', { toInstitutionCode: closedPrison });
    expect([toClosed.status, toClosed.body.message]).toEqual([
      422,
      `Det lukkede fængsel (${closedPrison}) er lukket og kan ikke modtage nye sager.`,
    ]);
    expect((await newcomer('GET', `/api/exit-courses/${course.id}`)).body.institution.code).toBe(unitCode);
  });

  it('takes no new course at the institution once it is closed, and still shows the old ones by name', async () => {
    const before = await start(await register());
    await admin('PATCH', `/api/admin/units/${unitCode}`, { closed: true });
    try {
      const refused = await start(await register());
      expect([refused.status, refused.body.message]).toEqual([
        422,
        `Fængslet Nyetableret Syd (${unitCode}) er lukket og kan ikke modtage nye sager.`,
      ]);
      expect((await newcomer('GET', `/api/exit-courses/${before.body.id}`)).body.institution.name).toBe(
        'Fængslet Nyetableret Syd',
      );
    } finally {
      await admin('PATCH', `/api/admin/units/${unitCode}`, { closed: false });
    }
  });
});
