import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and roles; which units hold each case (the access scope); the log of every read of personal
 * data; persons with encrypted name and CPR number; and append-only audit tables, refused by the
 * database itself.
 */
export class AccessAuditPersons1764100000000 implements MigrationInterface {
  name = 'AccessAuditPersons1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(120) NOT NULL UNIQUE,
        display_name varchar(200) NOT NULL,
        password_hash varchar(300) NOT NULL,
        role varchar(40) NOT NULL,
        organisation varchar(40) NOT NULL,
        units text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE case_access (
        case_id uuid NOT NULL REFERENCES cases (id),
        org_unit varchar(64) NOT NULL,
        organisation varchar(40) NOT NULL,
        access varchar(10) NOT NULL CHECK (access IN ('read', 'write')),
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, org_unit)
      )`);
    await queryRunner.query(`CREATE INDEX case_access_unit_idx ON case_access (org_unit, case_id)`);
    await queryRunner.query(`CREATE INDEX case_access_organisation_idx ON case_access (organisation, case_id)`);
    // Cases recorded before access rows existed: their responsible institution holds them.
    await queryRunner.query(`
      INSERT INTO case_access (case_id, org_unit, organisation, access)
      SELECT id, org_unit, 'kriminalforsorgen', 'write' FROM cases WHERE case_type = 'exit_course'`);
    await queryRunner.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        user_id varchar(120) NOT NULL,
        role varchar(40) NOT NULL,
        action varchar(40) NOT NULL,
        case_id uuid,
        person_ref varchar(64),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX access_log_case_idx ON access_log (case_id, at)`);
    await queryRunner.query(`CREATE INDEX access_log_user_idx ON access_log (user_id, at)`);
    await queryRunner.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY,
        name_encrypted text NOT NULL,
        cpr_encrypted text NOT NULL,
        key_id varchar(32) NOT NULL,
        cpr_lookup char(64) NOT NULL UNIQUE,
        registered_unit varchar(64) NOT NULL,
        registered_by varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cases_person_idx ON cases (person_ref)`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['case_events', 'access_log']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_events', 'access_log']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_audit_change()`);
    await queryRunner.query(`DROP INDEX cases_person_idx`);
    await queryRunner.query(`DROP TABLE persons`);
    await queryRunner.query(`DROP TABLE access_log`);
    await queryRunner.query(`DROP TABLE case_access`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
