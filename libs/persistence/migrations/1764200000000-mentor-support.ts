import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mentor support (who, every contact with its form and minutes) and the psychologist course. */
export class MentorSupport1764200000000 implements MigrationInterface {
  name = 'MentorSupport1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN mentor_ref varchar(64)`);
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD COLUMN psychologist_course varchar(20) NOT NULL DEFAULT 'not_started'
         CHECK (psychologist_course IN ('not_started', 'ongoing', 'ended'))`,
    );
    await queryRunner.query(`
      CREATE TABLE mentor_contacts (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        contact_at timestamptz NOT NULL,
        form varchar(20) NOT NULL CHECK (form IN ('meeting', 'phone')),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        mentor_ref varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX mentor_contacts_case_idx ON mentor_contacts (case_id, contact_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mentor_contacts`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN psychologist_course`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN mentor_ref`);
  }
}
