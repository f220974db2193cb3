import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLE_FUNCTION } from '../../domain/organisations/unit-functions';

/**
 * Need to know (docs/need-to-know.md).
 *
 * - `person_units.function`: which function of a unit registered the person (the exit unit, DKS, …), from
 *   the role of the user who registered it (access_log's `person_register`, else the person's first
 *   registrant). A link whose function cannot be told stays without one: only the unit's supervisors see
 *   the person through it (and everyone through a case they may see).
 * - `persons.organisation`: one register entry per organisation and CPR number. Rows that organisations
 *   share already stay shared (their name and CPR ciphertexts are bound to the row's id, and the migration
 *   holds no keys to re-encrypt them); a new registration by another organisation makes its own entry.
 * - `open_exit_courses.cpr_lookup`: the one open course per person holds across organisations, whose
 *   entries for one person now differ; `org_unit` is the unit that reserved it (its holder before the
 *   read model records the course).
 * - `course_coordinations`: a start for a person whose open course another unit holds, for the national
 *   supervisor of the organisation holding it.
 */
export class NeedToKnow1765900000000 implements MigrationInterface {
  name = 'NeedToKnow1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const roleFunctions = Object.entries(ROLE_FUNCTION)
      .flatMap(([role, unitFunction]) => (unitFunction ? [`('${role}', '${unitFunction}')`] : []))
      .join(', ');
    await queryRunner.query(`ALTER TABLE person_units ADD COLUMN function varchar(32)`);
    await queryRunner.query(`ALTER TABLE person_units DROP CONSTRAINT person_units_pkey`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX person_units_function_key ON person_units (person_id, org_unit, (COALESCE(function, '')))`,
    );
    await queryRunner.query(`
      INSERT INTO person_units (person_id, org_unit, function, linked_at)
      SELECT DISTINCT ON (pu.person_id, pu.org_unit, f.unit_function) pu.person_id, pu.org_unit, f.unit_function, pu.linked_at
        FROM person_units pu
        JOIN access_log l ON l.action = 'person_register' AND l.person_ref = pu.person_id::text
        JOIN users u ON u.id::text = l.user_id AND pu.org_unit = ANY(u.units)
        JOIN (VALUES ${roleFunctions}) AS f(role, unit_function) ON f.role = l.role
       WHERE pu.function IS NULL
      UNION
      SELECT pu.person_id, pu.org_unit, f.unit_function, pu.linked_at
        FROM person_units pu
        JOIN persons p ON p.id = pu.person_id AND p.registered_unit = pu.org_unit
        JOIN users u ON u.id::text = p.registered_by
        JOIN (VALUES ${roleFunctions}) AS f(role, unit_function) ON f.role = u.role
       WHERE pu.function IS NULL
      ON CONFLICT DO NOTHING`);
    await queryRunner.query(`
      DELETE FROM person_units pu WHERE pu.function IS NULL
         AND EXISTS (SELECT 1 FROM person_units k WHERE k.person_id = pu.person_id AND k.org_unit = pu.org_unit AND k.function IS NOT NULL)`);
    await queryRunner.query(`CREATE INDEX person_units_function_idx ON person_units (org_unit, function, person_id)`);

    await queryRunner.query(`ALTER TABLE persons ADD COLUMN organisation varchar(40)`);
    await queryRunner.query(`
      UPDATE persons p SET organisation = COALESCE(
        (SELECT ou.organisation FROM organisation_units ou WHERE ou.code = p.registered_unit), 'kriminalforsorgen')`);
    await queryRunner.query(`ALTER TABLE persons ALTER COLUMN organisation SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE persons DROP CONSTRAINT persons_cpr_lookup_key`);
    await queryRunner.query(
      `ALTER TABLE persons ADD CONSTRAINT persons_organisation_cpr_key UNIQUE (organisation, cpr_lookup)`,
    );
    await queryRunner.query(`CREATE INDEX persons_cpr_lookup_idx ON persons (cpr_lookup)`);

    await queryRunner.query(
      `ALTER TABLE open_exit_courses ADD COLUMN cpr_lookup char(64), ADD COLUMN org_unit varchar(64)`,
    );
    // A reservation whose person the register does not know keeps its reference as its key.
    await queryRunner.query(`
      UPDATE open_exit_courses o SET
        cpr_lookup = COALESCE((SELECT p.cpr_lookup FROM persons p WHERE p.id::text = o.person_ref), o.person_ref),
        org_unit = (SELECT c.org_unit FROM cases c WHERE c.id = o.case_id)`);
    // Two organisations' courses for one person, started before the rule spanned them: the newer yields.
    await queryRunner.query(`
      DELETE FROM open_exit_courses o WHERE EXISTS (
        SELECT 1 FROM open_exit_courses k WHERE k.cpr_lookup = o.cpr_lookup AND k.reserved_at < o.reserved_at)`);
    await queryRunner.query(`ALTER TABLE open_exit_courses DROP CONSTRAINT open_exit_courses_pkey`);
    await queryRunner.query(`ALTER TABLE open_exit_courses ALTER COLUMN cpr_lookup SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE open_exit_courses ADD PRIMARY KEY (cpr_lookup)`);

    await queryRunner.query(`
      CREATE TABLE course_coordinations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_at timestamptz NOT NULL DEFAULT now(),
        requesting_unit varchar(64) NOT NULL,
        requested_by varchar(120) NOT NULL,
        requesting_person_ref varchar(64) NOT NULL,
        held_case_id uuid NOT NULL,
        holding_unit varchar(64) NOT NULL,
        holding_organisation varchar(40) NOT NULL,
        resolved_at timestamptz,
        resolved_by varchar(120)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX course_coordinations_open_key ON course_coordinations (held_case_id, requesting_unit) WHERE resolved_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX course_coordinations_organisation_idx ON course_coordinations (holding_organisation, requested_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE course_coordinations`);
    await queryRunner.query(`ALTER TABLE open_exit_courses DROP CONSTRAINT open_exit_courses_pkey`);
    await queryRunner.query(`ALTER TABLE open_exit_courses DROP COLUMN cpr_lookup, DROP COLUMN org_unit`);
    await queryRunner.query(`ALTER TABLE open_exit_courses ADD PRIMARY KEY (person_ref)`);
    await queryRunner.query(`DROP INDEX persons_cpr_lookup_idx`);
    await queryRunner.query(`ALTER TABLE persons DROP CONSTRAINT persons_organisation_cpr_key`);
    await queryRunner.query(`ALTER TABLE persons ADD CONSTRAINT persons_cpr_lookup_key UNIQUE (cpr_lookup)`);
    await queryRunner.query(`ALTER TABLE persons DROP COLUMN organisation`);
    await queryRunner.query(`DROP INDEX person_units_function_idx`);
    await queryRunner.query(
      `DELETE FROM person_units a USING person_units b WHERE a.person_id = b.person_id AND a.org_unit = b.org_unit AND a.ctid > b.ctid`,
    );
    await queryRunner.query(`DROP INDEX person_units_function_key`);
    await queryRunner.query(`ALTER TABLE person_units DROP COLUMN function`);
    await queryRunner.query(`ALTER TABLE person_units ADD PRIMARY KEY (person_id, org_unit)`);
  }
}
