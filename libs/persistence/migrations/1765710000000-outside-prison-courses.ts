import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REFERRAL_SOURCES } from '../../domain/exit-course/police-phase.types';

/**
 * Courses that start outside prison (DOMAIN.md §5): who referred each course, and whether a police exit unit
 * or a municipality started it outside prison, where there is no expected release date. Every course before
 * this was referred by Kriminalforsorgen in prison.
 */
export class OutsidePrisonCourses1765710000000 implements MigrationInterface {
  name = 'OutsidePrisonCourses1765710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sources = REFERRAL_SOURCES.map((source) => `'${source}'`).join(', ');
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD COLUMN referral_source varchar(30) NOT NULL DEFAULT 'kriminalforsorgen'
         CHECK (referral_source IN (${sources}))`,
    );
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN outside_prison boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE exit_courses ALTER COLUMN expected_release_date DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD CONSTRAINT exit_courses_prison_course_has_release_date
         CHECK (outside_prison OR expected_release_date IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD CONSTRAINT exit_courses_outside_prison_referral
         CHECK (outside_prison = (referral_source <> 'kriminalforsorgen'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exit_courses DROP CONSTRAINT exit_courses_outside_prison_referral`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP CONSTRAINT exit_courses_prison_course_has_release_date`);
    await queryRunner.query(`ALTER TABLE exit_courses ALTER COLUMN expected_release_date SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN outside_prison`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN referral_source`);
  }
}
