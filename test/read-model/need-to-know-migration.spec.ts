import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { READ_MODEL_MIGRATIONS } from '../../libs/persistence/migrations';

/**
 * The need-to-know migration on a register written before it (docs/need-to-know.md): each unit's link gets
 * the function that registered the person (from the access log, else the first registrant), a link nobody
 * can tell stays without one, a person two organisations share stays shared, and the open-course
 * reservation is keyed by the CPR lookup hash.
 */
const ownerUrl = () => process.env.EXITFLOW_TEST_OWNER_DATABASE_URL!;
const name = `exitflow_test_${randomBytes(4).toString('hex')}`;
let db: DataSource;
const ids = { shared: randomUUID(), firstOnly: randomUUID(), unknown: randomUUID(), course: randomUUID() };

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const lookup = (digit: string) => digit.repeat(64);

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(ownerUrl()), { pathname: `/${name}` }).toString();
  const before = READ_MODEL_MIGRATIONS.filter((migration) => migration.name !== 'NeedToKnow1765900000000');
  db = await new DataSource({ ...readModelDataSourceOptions(url), migrations: before }).initialize();
  await db.runMigrations({ transaction: 'each' });

  const user = async (username: string, role: string, organisation: string, units: string[]) =>
    (
      await db.query(
        `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
         VALUES ($1, $1, 'x', $2, $3, $4) RETURNING id`,
        [username, role, organisation, units],
      )
    )[0].id as string;
  const dks = await user('m.dks', 'dks_officer', 'politi', ['POL-KBH']);
  const exit = await user('m.exit', 'police_exit_officer', 'politi', ['POL-KBH']);
  const municipality = await user('m.kommune', 'municipality_caseworker', 'kommune', ['KOM-0101']);
  const person = async (id: string, cprLookup: string, unit: string, by: string, links: string[]) => {
    await db.query(
      `INSERT INTO persons (id, name_encrypted, cpr_encrypted, key_id, cpr_lookup, registered_unit, registered_by)
       VALUES ($1, 'n', 'c', 'k1', $2, $3, $4)`,
      [id, cprLookup, unit, by],
    );
    for (const link of links)
      await db.query(`INSERT INTO person_units (person_id, org_unit) VALUES ($1, $2)`, [id, link]);
  };
  const registered = (userId: string, role: string, personRef: string) =>
    db.query(`INSERT INTO access_log (user_id, role, action, person_ref) VALUES ($1, $2, 'person_register', $3)`, [
      userId,
      role,
      personRef,
    ]);
  // Registered by DKS, then by the exit unit of the same district, and by the municipality: one row.
  await person(ids.shared, lookup('a'), 'POL-KBH', dks, ['POL-KBH', 'KOM-0101']);
  await registered(dks, 'dks_officer', ids.shared);
  await registered(exit, 'police_exit_officer', ids.shared);
  await registered(municipality, 'municipality_caseworker', ids.shared);
  // No access-log row: the first registrant tells the function.
  await person(ids.firstOnly, lookup('b'), 'POL-KBH', exit, ['POL-KBH']);
  // Registered by a user no longer known, with no access-log row: no function can be told.
  await person(ids.unknown, lookup('c'), 'POL-KBH', 'gone', ['POL-KBH']);
  await db.query(`INSERT INTO open_exit_courses (person_ref, case_id) VALUES ($1, $2)`, [ids.shared, ids.course]);

  await db.destroy();
  db = await new DataSource(readModelDataSourceOptions(url)).initialize();
  await db.runMigrations({ transaction: 'each' });
});

afterAll(async () => {
  await db?.destroy();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

it('gives each link the function that registered the person, and none where it cannot be told', async () => {
  const links = await db.query(
    `SELECT person_id, org_unit, function FROM person_units ORDER BY person_id, org_unit, function NULLS LAST`,
  );
  const named = (id: string) => Object.entries(ids).find(([, value]) => value === id)![0];
  expect(
    links.map((link: { person_id: string; org_unit: string; function: string | null }) => [
      named(link.person_id),
      link.org_unit,
      link.function,
    ]),
  ).toEqual(
    expect.arrayContaining([
      ['shared', 'KOM-0101', 'municipal_casework'],
      ['shared', 'POL-KBH', 'dks'],
      ['shared', 'POL-KBH', 'exit'],
      ['firstOnly', 'POL-KBH', 'exit'],
      ['unknown', 'POL-KBH', null],
    ]),
  );
  expect(links).toHaveLength(5);
});

it('keeps a shared person shared, with the organisation of its first registration, and splits new ones per organisation', async () => {
  const [shared] = await db.query(`SELECT organisation FROM persons WHERE id = $1`, [ids.shared]);
  expect(shared.organisation).toBe('politi');
  const insert = (organisation: string) =>
    db.query(
      `INSERT INTO persons (id, name_encrypted, cpr_encrypted, key_id, cpr_lookup, registered_unit, registered_by, organisation)
       VALUES ($1, 'n', 'c', 'k1', $2, 'X', 'y', $3)`,
      [randomUUID(), lookup('a'), organisation],
    );
  await insert('kommune');
  await expect(insert('politi')).rejects.toThrow(/persons_organisation_cpr_key/);
});

it('keys the open-course reservation by the CPR lookup hash', async () => {
  const reservations = await db.query(`SELECT cpr_lookup, person_ref, case_id FROM open_exit_courses`);
  expect(reservations).toEqual([{ cpr_lookup: lookup('a'), person_ref: ids.shared, case_id: ids.course }]);
});
