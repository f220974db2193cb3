import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the figures (reports): they select by period, not by case — events of some actions in a
 * period, mentor contacts in a period, and steps of some kinds by due date.
 */
export class ReportIndexes1764900000000 implements MigrationInterface {
  name = 'ReportIndexes1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX case_events_action_occurred_idx ON case_events (action, occurred_at)`);
    await queryRunner.query(`CREATE INDEX mentor_contacts_contact_at_idx ON mentor_contacts (contact_at)`);
    await queryRunner.query(`CREATE INDEX steps_kind_due_idx ON steps (kind, due_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX steps_kind_due_idx`);
    await queryRunner.query(`DROP INDEX mentor_contacts_contact_at_idx`);
    await queryRunner.query(`DROP INDEX case_events_action_occurred_idx`);
  }
}
