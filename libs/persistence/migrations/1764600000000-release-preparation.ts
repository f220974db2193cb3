import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Release preparation: the readiness checklist and when the release notice went out. */
export class ReleasePreparation1764600000000 implements MigrationInterface {
  name = 'ReleasePreparation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD COLUMN readiness jsonb NOT NULL
         DEFAULT '{"housing": false, "income": false, "job_or_education_plan": false, "mentor_continuity": false}'::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN release_notice_sent_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN release_notice_sent_at`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN readiness`);
  }
}
