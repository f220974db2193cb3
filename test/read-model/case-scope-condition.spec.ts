import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition, visiblePersonCondition } from '../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../libs/access/authenticated-user';
import type { CaseType } from '../../libs/domain/case/case-transition';
import type { Organisation } from '../../libs/domain/organisations/organisation-units';
import type { Role } from '../../libs/domain/organisations/roles';
import type { UnitFunction } from '../../libs/domain/organisations/unit-functions';
import { openReadModel } from '../support/read-model';

/**
 * The SQL scope conditions every case and person query includes, run against a real PostgreSQL over a
 * known set of cases, access rows and persons. Each query is limited to this suite's own rows, so other
 * suites' cases in the shared database never count; the units are ones no demo user works for, the cases
 * have no steps and lie in 1980, so other suites' lists never see them either, and they are removed after.
 */
let db: DataSource;

type Access = 'read' | 'write';

interface CaseSpec {
  type: CaseType;
  /** The unit in the case row: the condition reads the access rows, never this. */
  orgUnit: string;
  access: [string, Access][];
}

const CASES = {
  exitNyborg: { type: 'exit_course', orgUnit: 'KF-NYBORG', access: [['KF-NYBORG', 'write']] },
  // Transferred from Nyborg to Østjylland: Nyborg keeps the history (read), Østjylland decides (write).
  exitTransferred: {
    type: 'exit_course',
    orgUnit: 'KF-OESTJYLLAND',
    access: [
      ['KF-NYBORG', 'read'],
      ['KF-OESTJYLLAND', 'write'],
    ],
  },
  // Released and handed over to Sydøstjyllands Politi's exit unit.
  exitHandedOver: {
    type: 'exit_course',
    orgUnit: 'KF-KIF-HOVEDSTADEN',
    access: [
      ['KF-KIF-HOVEDSTADEN', 'write'],
      ['POL-SYDOESTJYLLAND', 'write'],
    ],
  },
  // The receiving municipality was notified of the release: it may read, not decide.
  exitNotified: {
    type: 'exit_course',
    orgUnit: 'KF-KIF-HOVEDSTADEN',
    access: [
      ['KF-KIF-HOVEDSTADEN', 'write'],
      ['KOM-0461', 'read'],
    ],
  },
  // A case row naming a unit but with no access row: nobody holds it.
  exitWithoutAccessRow: { type: 'exit_course', orgUnit: 'KF-NYBORG', access: [] },
  dksSydoest: { type: 'dks_assessment', orgUnit: 'POL-SYDOESTJYLLAND', access: [['POL-SYDOESTJYLLAND', 'write']] },
  dksMidtVest: {
    type: 'dks_assessment',
    orgUnit: 'POL-MIDT-VESTSJAELLAND',
    access: [['POL-MIDT-VESTSJAELLAND', 'write']],
  },
  councilOdense: { type: 'network_council', orgUnit: 'KOM-0461', access: [['KOM-0461', 'write']] },
  councilAarhus: { type: 'network_council', orgUnit: 'KOM-0751', access: [['KOM-0751', 'write']] },
} satisfies Record<string, CaseSpec>;
type CaseName = keyof typeof CASES;

/** Persons: the units that registered (or linked to) them, and the case they have, if any. */
/** Each person's register links: the unit and the function that registered them there. */
const PERSONS = {
  registeredOnly: { units: [['KF-NYBORG', 'prison_casework']], case: undefined },
  linkedTwice: {
    units: [
      ['KF-NYBORG', 'prison_casework'],
      ['KOM-0751', 'municipal_casework'],
    ],
    case: undefined,
  },
  inHandedOverCourse: { units: [['KF-KIF-HOVEDSTADEN', 'prison_casework']], case: 'exitHandedOver' },
  inNotifiedCourse: { units: [['KF-KIF-HOVEDSTADEN', 'prison_casework']], case: 'exitNotified' },
  youthAtDks: { units: [['POL-SYDOESTJYLLAND', 'dks']], case: 'dksSydoest' },
  // Registered by a prison, in a municipality's network council.
  inCouncil: { units: [['KF-OESTJYLLAND', 'prison_casework']], case: 'councilOdense' },
  inCaseWithoutAccessRow: { units: [['KF-VESTJYLLAND', 'prison_casework']], case: 'exitWithoutAccessRow' },
} satisfies Record<string, { units: [string, UnitFunction][]; case: CaseName | undefined }>;
type PersonName = keyof typeof PERSONS;

const caseIds = Object.fromEntries(Object.keys(CASES).map((name) => [name, randomUUID()])) as Record<CaseName, string>;
const personIds = Object.fromEntries(Object.keys(PERSONS).map((name) => [name, randomUUID()])) as Record<
  PersonName,
  string
>;
const caseNameOf = new Map(Object.entries(caseIds).map(([name, id]) => [id, name]));
const personNameOf = new Map(Object.entries(personIds).map(([name, id]) => [id, name]));

const ORGANISATION_OF_PREFIX: Record<string, Organisation> = { KF: 'kriminalforsorgen', POL: 'politi', KOM: 'kommune' };
const organisationOf = (unit: string) => ORGANISATION_OF_PREFIX[unit.split('-')[0]];

beforeAll(async () => {
  db = await openReadModel();
  for (const [name, spec] of Object.entries(CASES) as [CaseName, CaseSpec][]) {
    const person = (Object.entries(PERSONS) as [PersonName, { case?: CaseName }][]).find(([, p]) => p.case === name);
    await db.query(
      `INSERT INTO cases (id, case_type, workflow_id, person_ref, org_unit, status, opened_at, last_seq)
       VALUES ($1, $2, $3, $4, $5, 'scope_test', '1980-01-01T00:00:00Z', 1)`,
      [
        caseIds[name],
        spec.type,
        `scope-test-${caseIds[name]}`,
        person ? personIds[person[0]] : randomUUID(),
        spec.orgUnit,
      ],
    );
    for (const [unit, access] of spec.access) {
      await db.query(`INSERT INTO case_access (case_id, org_unit, organisation, access) VALUES ($1, $2, $3, $4)`, [
        caseIds[name],
        unit,
        organisationOf(unit),
        access,
      ]);
    }
  }
  for (const [name, spec] of Object.entries(PERSONS) as [PersonName, { units: [string, UnitFunction][] }][]) {
    const [firstUnit] = spec.units[0];
    await db.query(
      `INSERT INTO persons (id, name_encrypted, cpr_encrypted, key_id, cpr_lookup, registered_unit, registered_by, organisation)
       VALUES ($1, 'not-a-name', 'not-a-cpr', 'scope-test', $2, $3, 'scope-test', $4)`,
      [personIds[name], randomBytes(32).toString('hex'), firstUnit, organisationOf(firstUnit)],
    );
    for (const [unit, unitFunction] of spec.units) {
      await db.query(`INSERT INTO person_units (person_id, org_unit, function) VALUES ($1, $2, $3)`, [
        personIds[name],
        unit,
        unitFunction,
      ]);
    }
  }
});

afterAll(async () => {
  if (!db) return;
  const cases = Object.values(caseIds);
  const persons = Object.values(personIds);
  await db.query(`DELETE FROM case_access WHERE case_id = ANY($1::uuid[])`, [cases]);
  await db.query(`DELETE FROM cases WHERE id = ANY($1::uuid[])`, [cases]);
  await db.query(`DELETE FROM person_units WHERE person_id = ANY($1::uuid[])`, [persons]);
  await db.query(`DELETE FROM persons WHERE id = ANY($1::uuid[])`, [persons]);
  await db.destroy();
});

const user = (role: Role, organisation: Organisation, units: string[]): AuthenticatedUser => ({
  id: randomUUID(),
  username: `scope.${role}`,
  displayName: 'Scope test',
  role,
  organisation,
  units,
});

/** This suite's cases the user may read (or, with `write`, change), by name, sorted. */
async function visibleCases(who: AuthenticatedUser, access: Access = 'read'): Promise<string[]> {
  const params = new SqlParameters();
  const ours = params.add(Object.values(caseIds));
  const condition = visibleCaseCondition(who, 'c', params, access);
  const rows: { id: string }[] = await db.query(
    `SELECT c.id FROM cases c WHERE c.id = ANY(${ours}::uuid[]) AND ${condition}`,
    params.values,
  );
  return rows.map((row) => caseNameOf.get(row.id)!).sort();
}

/** This suite's persons the user may see, by name, sorted. */
async function visiblePersons(who: AuthenticatedUser): Promise<string[]> {
  const params = new SqlParameters();
  const ours = params.add(Object.values(personIds));
  const condition = visiblePersonCondition(who, 'p', params);
  const rows: { id: string }[] = await db.query(
    `SELECT p.id FROM persons p WHERE p.id = ANY(${ours}::uuid[]) AND ${condition}`,
    params.values,
  );
  return rows.map((row) => personNameOf.get(row.id)!).sort();
}

describe('visibleCaseCondition — Kriminalforsorgen caseworker', () => {
  const nyborg = user('kf_caseworker', 'kriminalforsorgen', ['KF-NYBORG']);
  const oestjylland = user('kf_caseworker', 'kriminalforsorgen', ['KF-OESTJYLLAND']);

  it('reads the courses its prison holds, including one transferred away (history)', async () => {
    expect(await visibleCases(nyborg)).toEqual(['exitNyborg', 'exitTransferred']);
  });

  it('changes only the courses its prison holds with write access: not one transferred away', async () => {
    expect(await visibleCases(nyborg, 'write')).toEqual(['exitNyborg']);
  });

  it('reads and changes a course transferred to its prison, and nothing of the prison it came from', async () => {
    expect(await visibleCases(oestjylland)).toEqual(['exitTransferred']);
    expect(await visibleCases(oestjylland, 'write')).toEqual(['exitTransferred']);
  });

  it('reads what any of its units hold', async () => {
    const both = user('kf_caseworker', 'kriminalforsorgen', ['KF-NYBORG', 'KF-OESTJYLLAND']);
    expect(await visibleCases(both)).toEqual(['exitNyborg', 'exitTransferred']);
    expect(await visibleCases(both, 'write')).toEqual(['exitNyborg', 'exitTransferred']);
  });

  it('reads nothing of another prison, and nothing at all without units', async () => {
    expect(await visibleCases(user('kf_caseworker', 'kriminalforsorgen', ['KF-HERSTEDVESTER']))).toEqual([]);
    expect(await visibleCases(user('kf_caseworker', 'kriminalforsorgen', []))).toEqual([]);
  });

  it('follows the access rows, not the unit named in the case row', async () => {
    // exitWithoutAccessRow names KF-NYBORG as its unit but has no access row.
    expect(await visibleCases(nyborg)).not.toContain('exitWithoutAccessRow');
  });

  it('reads the courses still held by its prison after a handover or a release notice', async () => {
    const hovedstaden = user('kf_caseworker', 'kriminalforsorgen', ['KF-KIF-HOVEDSTADEN']);
    expect(await visibleCases(hovedstaden)).toEqual(['exitHandedOver', 'exitNotified']);
    expect(await visibleCases(hovedstaden, 'write')).toEqual(['exitHandedOver', 'exitNotified']);
  });
});

describe('visibleCaseCondition — police: the exit unit and DKS of one district see different case types', () => {
  const exitUnit = user('police_exit_officer', 'politi', ['POL-SYDOESTJYLLAND']);
  const dks = user('dks_officer', 'politi', ['POL-SYDOESTJYLLAND']);

  it('shows the exit unit the course handed over to the district, and not the district’s DKS cases', async () => {
    expect(await visibleCases(exitUnit)).toEqual(['exitHandedOver']);
    expect(await visibleCases(exitUnit, 'write')).toEqual(['exitHandedOver']);
  });

  it('shows DKS the district’s DKS cases, and not the exit course the district holds', async () => {
    expect(await visibleCases(dks)).toEqual(['dksSydoest']);
    expect(await visibleCases(dks, 'write')).toEqual(['dksSydoest']);
  });

  it('shows another district’s DKS nothing of this district', async () => {
    expect(await visibleCases(user('dks_officer', 'politi', ['POL-MIDT-VESTSJAELLAND']))).toEqual(['dksMidtVest']);
    expect(await visibleCases(user('police_exit_officer', 'politi', ['POL-MIDT-VESTSJAELLAND']))).toEqual([]);
  });
});

describe('visibleCaseCondition — municipality caseworker', () => {
  const odense = user('municipality_caseworker', 'kommune', ['KOM-0461']);

  it('reads its network councils and the exit course it was notified of', async () => {
    expect(await visibleCases(odense)).toEqual(['councilOdense', 'exitNotified']);
  });

  it('changes its network councils, not the exit course it may only read', async () => {
    expect(await visibleCases(odense, 'write')).toEqual(['councilOdense']);
  });

  it('reads nothing of another municipality', async () => {
    expect(await visibleCases(user('municipality_caseworker', 'kommune', ['KOM-0751']))).toEqual(['councilAarhus']);
    expect(await visibleCases(user('municipality_caseworker', 'kommune', ['KOM-0101']))).toEqual([]);
  });
});

describe('visibleCaseCondition — supervisors', () => {
  it('shows a supervisor every case type its units hold', async () => {
    expect(await visibleCases(user('supervisor', 'politi', ['POL-SYDOESTJYLLAND']))).toEqual([
      'dksSydoest',
      'exitHandedOver',
    ]);
    expect(await visibleCases(user('supervisor', 'kommune', ['KOM-0461']))).toEqual(['councilOdense', 'exitNotified']);
    expect(await visibleCases(user('supervisor', 'kriminalforsorgen', ['KF-NYBORG']))).toEqual([
      'exitNyborg',
      'exitTransferred',
    ]);
  });

  it('tells a supervisor’s read rows from write rows like anyone’s', async () => {
    expect(await visibleCases(user('supervisor', 'kriminalforsorgen', ['KF-NYBORG']), 'write')).toEqual(['exitNyborg']);
    expect(await visibleCases(user('supervisor', 'kommune', ['KOM-0461']), 'write')).toEqual(['councilOdense']);
  });

  it('shows a national supervisor every case its organisation holds, whatever its units', async () => {
    expect(await visibleCases(user('national_supervisor', 'politi', []))).toEqual([
      'dksMidtVest',
      'dksSydoest',
      'exitHandedOver',
    ]);
    expect(await visibleCases(user('national_supervisor', 'kriminalforsorgen', ['KF-NYBORG']))).toEqual([
      'exitHandedOver',
      'exitNotified',
      'exitNyborg',
      'exitTransferred',
    ]);
  });

  it('gives a national supervisor write scope over the organisation’s write rows', async () => {
    expect(await visibleCases(user('national_supervisor', 'politi', []), 'write')).toEqual([
      'dksMidtVest',
      'dksSydoest',
      'exitHandedOver',
    ]);
    // exitTransferred: Nyborg's row is read, but Østjylland's (also Kriminalforsorgen's) is write.
    expect(await visibleCases(user('national_supervisor', 'kriminalforsorgen', []), 'write')).toEqual([
      'exitHandedOver',
      'exitNotified',
      'exitNyborg',
      'exitTransferred',
    ]);
  });

  it('shows no one a case no unit holds', async () => {
    for (const organisation of ['kriminalforsorgen', 'politi'] as const) {
      expect(await visibleCases(user('national_supervisor', organisation, []))).not.toContain('exitWithoutAccessRow');
    }
  });
});

describe('visibleCaseCondition — roles that never see case contents', () => {
  it.each(['administrator', 'operations'] as const)('%s sees nothing, whatever its units', async (role) => {
    const everywhere = user(role, 'kriminalforsorgen', ['KF-NYBORG', 'POL-SYDOESTJYLLAND', 'KOM-0461']);
    expect(visibleCaseCondition(everywhere, 'c', new SqlParameters())).toBe('FALSE');
    expect(visibleCaseCondition(everywhere, 'c', new SqlParameters(), 'write')).toBe('FALSE');
    expect(await visibleCases(everywhere)).toEqual([]);
    expect(await visibleCases(everywhere, 'write')).toEqual([]);
  });
});

describe('visibleCaseCondition — assembly', () => {
  it('passes unit codes as parameters: a code with SQL in it matches nothing', async () => {
    const injected = user('kf_caseworker', 'kriminalforsorgen', ["KF-NYBORG' OR TRUE --", 'x) OR (TRUE']);
    expect(await visibleCases(injected)).toEqual([]);
  });

  it('numbers its parameters after those already in the query', () => {
    const params = new SqlParameters();
    params.add('first');
    const condition = visibleCaseCondition(user('kf_caseworker', 'kriminalforsorgen', ['KF-NYBORG']), 'c', params);
    expect(condition).toContain('$2');
    expect(condition).toContain('$3');
    expect(condition).not.toMatch(/\$1\b|\$4/);
    expect(params.values).toHaveLength(3);
    expect(params.values[0]).toBe('first');
    expect(params.values.slice(1)).toEqual(expect.arrayContaining([['KF-NYBORG'], ['exit_course', 'network_council']]));
  });
});

describe('visiblePersonCondition', () => {
  it('shows a caseworker the persons its unit registered, with or without a case', async () => {
    expect(await visiblePersons(user('kf_caseworker', 'kriminalforsorgen', ['KF-NYBORG']))).toEqual([
      'linkedTwice',
      'registeredOnly',
    ]);
  });

  it('shows a person linked to two units to both', async () => {
    expect(await visiblePersons(user('municipality_caseworker', 'kommune', ['KOM-0751']))).toEqual(['linkedTwice']);
  });

  it('shows the persons of the cases a user may read, registered elsewhere', async () => {
    // Odense reads its council (write row) and the course it was notified of (read row).
    expect(await visiblePersons(user('municipality_caseworker', 'kommune', ['KOM-0461']))).toEqual([
      'inCouncil',
      'inNotifiedCourse',
    ]);
  });

  it('shows the person of a handed-over course to the receiving exit unit, not the persons DKS of its district registered', async () => {
    // youthAtDks was registered by the district's DKS: each function of a unit sees what it registered itself.
    expect(await visiblePersons(user('police_exit_officer', 'politi', ['POL-SYDOESTJYLLAND']))).toEqual([
      'inHandedOverCourse',
    ]);
  });

  it('does not show a person through a case of a type the role does not work with', async () => {
    // The district holds exitHandedOver, but DKS does not work with exit courses.
    expect(await visiblePersons(user('dks_officer', 'politi', ['POL-SYDOESTJYLLAND']))).toEqual(['youthAtDks']);
  });

  it('shows a prison a person it registered, though the person’s only case is a council it cannot read', async () => {
    const oestjylland = user('kf_caseworker', 'kriminalforsorgen', ['KF-OESTJYLLAND']);
    expect(await visibleCases(oestjylland)).not.toContain('councilOdense');
    expect(await visiblePersons(oestjylland)).toEqual(['inCouncil']);
  });

  it('shows no one a person through a case no unit holds, only through registration', async () => {
    expect(await visiblePersons(user('national_supervisor', 'kriminalforsorgen', []))).not.toContain(
      'inCaseWithoutAccessRow',
    );
    expect(await visiblePersons(user('kf_caseworker', 'kriminalforsorgen', ['KF-VESTJYLLAND']))).toEqual([
      'inCaseWithoutAccessRow',
    ]);
  });

  it('shows nothing to a user without units', async () => {
    expect(await visiblePersons(user('kf_caseworker', 'kriminalforsorgen', []))).toEqual([]);
  });

  it('shows a national supervisor persons through the organisation’s cases only, never through registration', async () => {
    expect(await visiblePersons(user('national_supervisor', 'politi', []))).toEqual([
      'inHandedOverCourse',
      'youthAtDks',
    ]);
    // Units given to a national supervisor add no registered persons.
    expect(
      await visiblePersons(user('national_supervisor', 'kriminalforsorgen', ['KF-NYBORG', 'KF-VESTJYLLAND'])),
    ).toEqual(['inHandedOverCourse', 'inNotifiedCourse']);
  });

  it('shows a supervisor the persons every function of its units registered', async () => {
    expect(await visiblePersons(user('supervisor', 'politi', ['POL-SYDOESTJYLLAND']))).toEqual([
      'inHandedOverCourse',
      'youthAtDks',
    ]);
  });

  it.each(['administrator', 'operations'] as const)('shows %s no person', async (role) => {
    const everywhere = user(role, 'kriminalforsorgen', ['KF-NYBORG', 'POL-SYDOESTJYLLAND', 'KOM-0461']);
    expect(visiblePersonCondition(everywhere, 'p', new SqlParameters())).toBe('FALSE');
    expect(await visiblePersons(everywhere)).toEqual([]);
  });
});
