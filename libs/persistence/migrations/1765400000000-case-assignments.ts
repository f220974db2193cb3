import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named caseworkers, absences with substitutes, notices to a person:
 * - `users.email`: where notices to the user go (the unit's mailbox when it is empty);
 * - `cases.assignee_id`: the responsible caseworker now (a user id, as the audit trail records it), and
 *   `case_assignments`, the append-only history of every change (taken, assigned, reassigned, cleared at a
 *   transfer or handover) with who changed it and why;
 * - `absences`: a user away from one date to another with a substitute of the same unit, cancellable;
 * - `notifications.recipient_user_id`: the user a `case_assigned` notice is for.
 */
export class CaseAssignments1765400000000 implements MigrationInterface {
  name = 'CaseAssignments1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN email varchar(254)`);
    await queryRunner.query(
      `ALTER TABLE cases ADD COLUMN assignee_id varchar(120), ADD COLUMN assigned_at timestamptz`,
    );
    await queryRunner.query(`CREATE INDEX cases_assignee_idx ON cases (assignee_id) WHERE assignee_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE case_assignments (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        change varchar(20) NOT NULL CHECK (change IN ('taken', 'assigned', 'reassigned', 'cleared')),
        from_user_id varchar(120),
        to_user_id varchar(120),
        org_unit varchar(64) NOT NULL,
        changed_by varchar(120) NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_assignments_case_idx ON case_assignments (case_id, at)`);
    await queryRunner.query(`
      CREATE TABLE absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id varchar(120) NOT NULL,
        substitute_id varchar(120) NOT NULL CHECK (substitute_id <> user_id),
        org_unit varchar(64) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        recorded_by varchar(120) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        cancelled_by varchar(120),
        cancelled_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX absences_user_idx ON absences (user_id, ends_on) WHERE cancelled_at IS NULL`);
    await queryRunner.query(
      `CREATE INDEX absences_substitute_idx ON absences (substitute_id, ends_on) WHERE cancelled_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN recipient_user_id varchar(120)`);
    await queryRunner.query(
      `CREATE TRIGGER case_assignments_append_only BEFORE UPDATE OR DELETE ON case_assignments FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_assignments_no_truncate BEFORE TRUNCATE ON case_assignments FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN recipient_user_id`);
    await queryRunner.query(`DROP TABLE absences`);
    await queryRunner.query(`DROP TABLE case_assignments`);
    await queryRunner.query(`DROP INDEX cases_assignee_idx`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN assigned_at, DROP COLUMN assignee_id`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
