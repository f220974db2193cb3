import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Free-text keys a case event's `details` may carry (a step's missed or wait reason): removed in a tombstone. */
export const FREE_TEXT_EVENT_DETAILS = ['missedReason', 'waitReason', 'note', 'reason', 'description'] as const;

/**
 * Retention (docs/retention.md): a legal hold and the erasure mark on a case; the nightly deletion lists, one
 * open list per data-protection scope; and `erase_case_audit`, the one way past the audit tables'
 * append-only triggers. It runs as its owner (SECURITY DEFINER) and sets a transaction-local flag that
 * `refuse_audit_change` accepts only from that owner: a DELETE or UPDATE of an audit row by anyone else,
 * the owner's own statements outside the function included, is still refused.
 */
export class Retention1765940000000 implements MigrationInterface {
  name = 'Retention1765940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ owner }] = await queryRunner.query(`SELECT current_user AS owner`);
    const quotedOwner = `'${String(owner).replace(/'/g, "''")}'`;
    await queryRunner.query(`
      ALTER TABLE cases
        ADD COLUMN legal_hold boolean NOT NULL DEFAULT false,
        ADD COLUMN legal_hold_reason varchar(500),
        ADD COLUMN legal_hold_at timestamptz,
        ADD COLUMN erased_at timestamptz`);
    await queryRunner.query(`CREATE INDEX cases_retention_idx ON cases (closed_at) WHERE erased_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE retention_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope_key varchar(200) NOT NULL,
        organisation varchar(40) NOT NULL,
        units text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        approved_at timestamptz,
        approved_by varchar(120)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX retention_lists_open_idx ON retention_lists (scope_key) WHERE approved_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE retention_list_cases (
        list_id uuid NOT NULL REFERENCES retention_lists (id),
        case_id uuid NOT NULL REFERENCES cases (id),
        period_days integer NOT NULL CHECK (period_days > 0),
        due_at timestamptz NOT NULL,
        erased_at timestamptz,
        PRIMARY KEY (list_id, case_id)
      )`);
    // A person's pseudonym while some case of theirs is not yet erased (removed with the person).
    await queryRunner.query(`
      CREATE TABLE retention_pseudonyms (
        person_ref varchar(64) PRIMARY KEY,
        pseudonym varchar(64) NOT NULL UNIQUE
      )`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'TRUNCATE' AND current_setting('exitflow.audit_tombstone', true) = 'on'
           AND current_user = ${quotedOwner} THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'the audit table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    const freeText = FREE_TEXT_EVENT_DETAILS.map((key) => `'${key}'`).join(', ');
    await queryRunner.query(`
      CREATE FUNCTION erase_case_audit(p_case uuid, p_person_ref text, p_pseudonym text, p_person_gone boolean)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM cases c
            JOIN retention_list_cases lc ON lc.case_id = c.id
            JOIN retention_lists l ON l.id = lc.list_id AND l.approved_at IS NOT NULL
           WHERE c.id = p_case AND NOT c.legal_hold AND c.closed_at IS NOT NULL AND c.person_ref = p_person_ref
        ) THEN
          RAISE EXCEPTION 'case % is not on an approved deletion list', p_case USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM set_config('exitflow.audit_tombstone', 'on', true);
        UPDATE case_events SET reason = NULL, details = details - ARRAY[${freeText}]::text[] WHERE case_id = p_case;
        UPDATE access_log SET person_ref = CASE WHEN person_ref IS NULL THEN NULL ELSE p_pseudonym END, details = NULL
         WHERE case_id = p_case;
        IF p_person_gone THEN
          UPDATE access_log SET person_ref = p_pseudonym, details = NULL WHERE person_ref = p_person_ref;
        END IF;
        DELETE FROM case_notes WHERE case_id = p_case;
        DELETE FROM case_documents WHERE case_id = p_case;
        DELETE FROM case_assignments WHERE case_id = p_case;
        PERFORM set_config('exitflow.audit_tombstone', '', true);
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION erase_case_audit(uuid, text, text, boolean)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`DROP TABLE retention_pseudonyms`);
    await queryRunner.query(`DROP TABLE retention_list_cases`);
    await queryRunner.query(`DROP TABLE retention_lists`);
    await queryRunner.query(`DROP INDEX cases_retention_idx`);
    await queryRunner.query(
      `ALTER TABLE cases DROP COLUMN erased_at, DROP COLUMN legal_hold_at, DROP COLUMN legal_hold_reason, DROP COLUMN legal_hold`,
    );
  }
}
