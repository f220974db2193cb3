import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines that may wait (libs/domain/case/step-deadline.ts): a step's suspension (since when, why, the
 * note and the expected end) so the boards show "afventer …" instead of overdue; why a legal deadline was
 * missed, for the SLA report; and the outbox notice of a suspended, resumed or extended deadline
 * (`deadline_changed`: one per change, its id from the workflow, so not one per step and deadline).
 */
export class StepDeadlineWaits1765500000000 implements MigrationInterface {
  name = 'StepDeadlineWaits1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN suspended_at timestamptz`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN suspension_reason text`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN suspension_note text`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN suspension_expected_until timestamptz`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN missed_reason text`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN missed_note text`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN missed_recorded_at timestamptz`);
    await queryRunner.query(
      `ALTER TABLE steps ADD CONSTRAINT steps_suspension_fields CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL))`,
    );
    await queryRunner.query(
      `CREATE INDEX steps_missed_reason_idx ON steps (kind, missed_reason) WHERE missed_reason IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_deadline_fields`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_deadline_fields
         CHECK ((kind IN ('deadline_warning', 'deadline_overdue', 'deadline_changed')) = (step_id IS NOT NULL AND due_at IS NOT NULL))`,
    );
    await queryRunner.query(`DROP INDEX notifications_deadline_once_idx`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX notifications_deadline_once_idx ON notifications (step_id, kind, due_at)
         WHERE step_id IS NOT NULL AND kind IN ('deadline_warning', 'deadline_overdue')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'deadline_changed'`);
    await queryRunner.query(`DROP INDEX notifications_deadline_once_idx`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX notifications_deadline_once_idx ON notifications (step_id, kind, due_at) WHERE step_id IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_deadline_fields`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_deadline_fields
         CHECK ((kind IN ('deadline_warning', 'deadline_overdue')) = (step_id IS NOT NULL AND due_at IS NOT NULL))`,
    );
    await queryRunner.query(`DROP INDEX steps_missed_reason_idx`);
    await queryRunner.query(`ALTER TABLE steps DROP CONSTRAINT steps_suspension_fields`);
    for (const column of [
      'missed_recorded_at',
      'missed_note',
      'missed_reason',
      'suspension_expected_until',
      'suspension_note',
      'suspension_reason',
      'suspended_at',
    ]) {
      await queryRunner.query(`ALTER TABLE steps DROP COLUMN ${column}`);
    }
  }
}
