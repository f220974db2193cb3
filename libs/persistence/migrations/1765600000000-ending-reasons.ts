import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a case or course ended, or a handover was declined: the decision's case event records a code of the
 * ending's list (libs/domain/case/ending-reasons.ts) beside its free-text reason. Events recorded before it
 * have none (their reason is free text: the figures count them under `other`). The figures count the
 * period's endings by code (`GET /api/reports/ending-reasons`) through the events' index on (action, occurred_at).
 */
export class EndingReasons1765600000000 implements MigrationInterface {
  name = 'EndingReasons1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_events ADD COLUMN reason_code varchar(60)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_events DROP COLUMN reason_code`);
  }
}
