import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Release and handover to a police exit unit, and what it decided about the course's continuation. */
export class Handover1764700000000 implements MigrationInterface {
  name = 'Handover1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN released_at timestamptz`);
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN handover_district varchar(64)`);
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD COLUMN handover_continuation varchar(40)
         CHECK (handover_continuation IN ('with_municipality', 'municipal_exit_programme', 'closed'))`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_handover_inbox_idx ON cases (status) WHERE status = 'awaiting_handover_decision'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cases_handover_inbox_idx`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN handover_continuation`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN handover_district`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN released_at`);
  }
}
