import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The police's documentation sent to the municipality through the system (its offence encrypted, bound to
 * the case), a network council's meeting plan and the youth's release, its action plan's initiatives, and
 * the unit a step waits for when the step has one of its own (an initiative's owner).
 */
export class CouncilActionPlan1765820000000 implements MigrationInterface {
  name = 'CouncilActionPlan1765820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE police_documentation (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        sender_unit varchar(64) NOT NULL,
        sender_function varchar(20) NOT NULL,
        suspicion varchar(20) NOT NULL,
        offence_encrypted text NOT NULL,
        sent_at timestamptz NOT NULL,
        sender_actor_id varchar(120) NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX police_documentation_sender_idx ON police_documentation (sender_unit, sent_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE council_facts (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        planned_for timestamptz,
        expected_release_date date,
        released_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE council_initiatives (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        position integer NOT NULL,
        kind varchar(40) NOT NULL,
        description text NOT NULL,
        owner_organisation varchar(20) NOT NULL,
        owner_unit varchar(64) NOT NULL,
        due_date date NOT NULL,
        follows_release boolean NOT NULL,
        step_id uuid NOT NULL,
        agreed_at timestamptz NOT NULL,
        outcome varchar(20),
        note text,
        followed_up_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX council_initiatives_case_idx ON council_initiatives (case_id, position)`);
    await queryRunner.query(`ALTER TABLE steps ADD COLUMN responsible_unit varchar(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE steps DROP COLUMN responsible_unit`);
    await queryRunner.query(`DROP TABLE council_initiatives`);
    await queryRunner.query(`DROP TABLE council_facts`);
    await queryRunner.query(`DROP TABLE police_documentation`);
  }
}
