import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline notices in the outbox (one per step, deadline and stage: a moved deadline is a new notice),
 * delivery bookkeeping for the sender, and the index the supervisors' boards filter open steps by.
 */
export class DeadlineNotices1764800000000 implements MigrationInterface {
  name = 'DeadlineNotices1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN step_id uuid`);
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN due_at timestamptz`);
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN attempts integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN last_error text`);
    // A deadline notice not yet delivered when its step closed or its deadline moved is withdrawn, not sent.
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN withdrawn_at timestamptz`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_deadline_fields
         CHECK ((kind IN ('deadline_warning', 'deadline_overdue')) = (step_id IS NOT NULL AND due_at IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX notifications_deadline_once_idx ON notifications (step_id, kind, due_at) WHERE step_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX notifications_unsent_idx`);
    await queryRunner.query(
      `CREATE INDEX notifications_unsent_idx ON notifications (next_attempt_at, created_at) WHERE sent_at IS NULL AND withdrawn_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX steps_open_kind_due_idx ON steps (kind, due_at) WHERE status = 'open'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX steps_open_kind_due_idx`);
    await queryRunner.query(`DROP INDEX notifications_unsent_idx`);
    await queryRunner.query(
      `CREATE INDEX notifications_unsent_idx ON notifications (created_at) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX notifications_deadline_once_idx`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_deadline_fields`);
    for (const column of ['withdrawn_at', 'last_error', 'next_attempt_at', 'attempts', 'due_at', 'step_id']) {
      await queryRunner.query(`ALTER TABLE notifications DROP COLUMN ${column}`);
    }
  }
}
