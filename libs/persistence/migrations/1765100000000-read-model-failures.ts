import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transitions the read model refused for good (read-model-attention.ts): operations' list of cases that
 * wait for them, with ids, kinds and error codes only. A refused transition's operations notice goes
 * through the outbox even when the case itself never reached the read model (its opening was refused),
 * so a notice no longer needs a `cases` row. A lateness is a bigint: no moment the API takes overflows it.
 */
export class ReadModelFailures1765100000000 implements MigrationInterface {
  name = 'ReadModelFailures1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE read_model_failures (
        case_id uuid NOT NULL,
        transition_seq integer NOT NULL,
        case_type varchar(40) NOT NULL,
        workflow_id varchar(120) NOT NULL,
        step_id uuid,
        step_kind varchar(60),
        error_class varchar(120) NOT NULL,
        error_code varchar(40),
        schema_object varchar(200),
        failures integer NOT NULL DEFAULT 1,
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        redriven_at timestamptz,
        resolved_at timestamptz,
        PRIMARY KEY (case_id, transition_seq)
      )`);
    await queryRunner.query(
      `CREATE INDEX read_model_failures_pending_idx ON read_model_failures (first_failed_at) WHERE resolved_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_case_id_fkey`);
    await queryRunner.query(`ALTER TABLE steps ALTER COLUMN lateness_seconds TYPE bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE steps ALTER COLUMN lateness_seconds TYPE integer`);
    await queryRunner.query(
      `DELETE FROM notifications n WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id)`,
    );
    await queryRunner.query(`DROP TABLE read_model_failures`);
  }
}
