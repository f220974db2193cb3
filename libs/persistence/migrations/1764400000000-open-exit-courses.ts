import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One open exit course per person: the API reserves the person when it starts a course, and the
 * read-model activity releases the reservation when the course ends. A person may have several
 * agreements over time, one at a time.
 */
export class OpenExitCourses1764400000000 implements MigrationInterface {
  name = 'OpenExitCourses1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE open_exit_courses (
        person_ref varchar(64) PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE,
        reserved_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO open_exit_courses (person_ref, case_id)
      SELECT DISTINCT ON (person_ref) person_ref, id FROM cases
       WHERE case_type = 'exit_course' AND closed_at IS NULL
       ORDER BY person_ref, opened_at DESC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE open_exit_courses`);
  }
}
