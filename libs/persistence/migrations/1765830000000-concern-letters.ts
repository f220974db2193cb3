import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONCERN_LETTER_PROPOSERS } from '../../domain/youth/youth-vocabulary';

/**
 * Concern letters (DOMAIN.md §5): a police district's coordination rounds, and each round's candidates.
 * A candidate's row is written by the API before the candidate's case starts (it holds the round's place,
 * so a full round refuses the next one); its case is a `concern_letter` case of the kernel. The exit course
 * an outcome started is linked here, both ways.
 */
export class ConcernLetters1765830000000 implements MigrationInterface {
  name = 'ConcernLetters1765830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const proposers = CONCERN_LETTER_PROPOSERS.map((proposer) => `'${proposer}'`).join(', ');
    await queryRunner.query(`
      CREATE TABLE concern_letter_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        police_district varchar(64) NOT NULL REFERENCES organisation_units (code),
        meeting_date date NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        created_by varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (police_district, meeting_date)
      )`);
    await queryRunner.query(`
      CREATE TABLE concern_letter_candidates (
        case_id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES concern_letter_rounds (id),
        person_ref varchar(64) NOT NULL,
        proposed_by varchar(30) NOT NULL CHECK (proposed_by IN (${proposers})),
        proposing_unit varchar(64) NOT NULL REFERENCES organisation_units (code),
        exit_course_id uuid UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, person_ref)
      )`);
    await queryRunner.query(`CREATE INDEX concern_letter_candidates_round_idx ON concern_letter_candidates (round_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE concern_letter_candidates`);
    await queryRunner.query(`DROP TABLE concern_letter_rounds`);
  }
}
