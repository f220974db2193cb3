import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The handover prepared before release: the Kriminalforsorgen caseworker's handover report (one per course,
 * a later one replaces it; its free texts encrypted as the journal's are, bound to the case), the views the
 * municipality and Kriminalforsorgen add to the exit unit's decision, and that decision when the release
 * plan's district takes it before the release.
 */
export class HandoverPreparation1765720000000 implements MigrationInterface {
  name = 'HandoverPreparation1765720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE handover_reports (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        submitted_at timestamptz NOT NULL,
        author_id varchar(120) NOT NULL,
        plan_encrypted text NOT NULL,
        plan_status varchar(20) NOT NULL,
        readiness_owners jsonb NOT NULL,
        mentor_ref varchar(64),
        mentor_minutes integer NOT NULL,
        mentor_contacts integer NOT NULL,
        psychologist_course varchar(20) NOT NULL,
        risk_encrypted text NOT NULL,
        extended_address_protection boolean NOT NULL,
        parole_conditions_encrypted text,
        contact_name varchar(200) NOT NULL,
        contact_phone varchar(40) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE handover_views (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        party varchar(20) NOT NULL,
        recommendation varchar(20) NOT NULL,
        view_encrypted text NOT NULL,
        recorded_at timestamptz NOT NULL,
        author_id varchar(120) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX handover_views_case ON handover_views (case_id, recorded_at)`);
    await queryRunner.query(`
      ALTER TABLE exit_courses
        ADD COLUMN early_handover_district varchar(40),
        ADD COLUMN early_handover_decision varchar(10),
        ADD COLUMN early_handover_continuation varchar(40),
        ADD COLUMN early_handover_decided_at timestamptz`);
    // The coming handovers of a district or municipality: courses notified and not yet released.
    await queryRunner.query(
      `CREATE INDEX exit_courses_coming_handovers ON exit_courses (expected_release_date)
        WHERE release_notice_sent_at IS NOT NULL AND released_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX exit_courses_coming_handovers`);
    await queryRunner.query(`
      ALTER TABLE exit_courses
        DROP COLUMN early_handover_district, DROP COLUMN early_handover_decision,
        DROP COLUMN early_handover_continuation, DROP COLUMN early_handover_decided_at`);
    await queryRunner.query(`DROP TABLE handover_views`);
    await queryRunner.query(`DROP TABLE handover_reports`);
  }
}
