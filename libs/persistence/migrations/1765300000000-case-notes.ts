import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggers } from './append-only';

/**
 * The case journal, for every case type: notes (kind, the moment it happened, the text encrypted at rest with
 * its key id, like the person register). Append-only like the other audit tables — a correction is a new
 * note pointing at the one it corrects, on the same case (the composite key makes the database refuse
 * anything else).
 */
export class CaseNotes1765300000000 implements MigrationInterface {
  name = 'CaseNotes1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        kind varchar(40) NOT NULL CHECK (kind IN ('phone', 'meeting', 'other_authority', 'other')),
        occurred_at timestamptz NOT NULL,
        text_encrypted text NOT NULL,
        key_id varchar(32) NOT NULL,
        corrects_note_id uuid,
        author_id varchar(120) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, id),
        FOREIGN KEY (case_id, corrects_note_id) REFERENCES case_notes (case_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX case_notes_case_idx ON case_notes (case_id, occurred_at, recorded_at)`);
    for (const statement of appendOnlyTriggers('case_notes')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_notes`);
  }
}
