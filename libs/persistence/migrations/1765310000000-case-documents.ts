import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggers } from './append-only';

/**
 * A case's documents, for every case type: their type, the step they belong to (optional), the format read
 * from their bytes, and the file name and contents encrypted at rest with the key id (like the person
 * register). Append-only: a document is never changed or removed through the API.
 */
export class CaseDocuments1765310000000 implements MigrationInterface {
  name = 'CaseDocuments1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        document_type varchar(40) NOT NULL,
        step_id uuid REFERENCES steps (id),
        format varchar(10) NOT NULL,
        content_type varchar(120) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        file_name_encrypted text NOT NULL,
        content_encrypted text NOT NULL,
        key_id varchar(32) NOT NULL,
        uploaded_by varchar(120) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_documents_case_idx ON case_documents (case_id, document_type)`);
    for (const statement of appendOnlyTriggers('case_documents')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_documents`);
  }
}
