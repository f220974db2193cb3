import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, exit-course facts, steps with deadlines, the audit trail, and start idempotency keys. */
export class InitialReadModel1764000000000 implements MigrationInterface {
  name = 'InitialReadModel1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        case_type varchar(40) NOT NULL,
        workflow_id varchar(120) NOT NULL UNIQUE,
        person_ref varchar(64) NOT NULL,
        org_unit varchar(64) NOT NULL,
        status varchar(60) NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        last_seq integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cases_type_status_idx ON cases (case_type, status)`);
    await queryRunner.query(`CREATE INDEX cases_org_unit_idx ON cases (org_unit)`);
    await queryRunner.query(`CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE exit_courses (
        case_id uuid PRIMARY KEY REFERENCES cases (id),
        expected_release_date date NOT NULL,
        parole_linked boolean NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE steps (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        kind varchar(60) NOT NULL,
        status varchar(20) NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        opened_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        overdue_at timestamptz,
        completed_at timestamptz,
        lateness_seconds integer CHECK (lateness_seconds >= 0),
        outcome varchar(60),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX steps_case_idx ON steps (case_id)`);
    await queryRunner.query(`CREATE INDEX steps_open_due_idx ON steps (due_at) WHERE status = 'open'`);
    await queryRunner.query(`
      CREATE TABLE case_events (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        transition_seq integer NOT NULL,
        position smallint NOT NULL,
        action varchar(60) NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor_id varchar(120) NOT NULL,
        reason text,
        step_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, transition_seq, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        key varchar(300) PRIMARY KEY,
        request_hash char(64) NOT NULL,
        case_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP TABLE case_events`);
    await queryRunner.query(`DROP TABLE steps`);
    await queryRunner.query(`DROP TABLE exit_courses`);
    await queryRunner.query(`DROP TABLE cases`);
  }
}
