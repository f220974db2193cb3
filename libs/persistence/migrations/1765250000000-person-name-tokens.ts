import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The blind index of persons' names (libs/personal-data/name-tokens.ts): one keyed hash per normalized
 * name token, never the name. Persons registered before it get theirs when the API starts
 * (PersonNameIndex), since only the API holds the key.
 */
export class PersonNameTokens1765250000000 implements MigrationInterface {
  name = 'PersonNameTokens1765250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person_name_tokens (
        person_id uuid NOT NULL REFERENCES persons (id),
        token_hash char(64) NOT NULL,
        PRIMARY KEY (person_id, token_hash)
      )`);
    await queryRunner.query(`CREATE INDEX person_name_tokens_hash_idx ON person_name_tokens (token_hash, person_id)`);
    await queryRunner.query(`CREATE INDEX persons_created_idx ON persons (created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX persons_created_idx`);
    await queryRunner.query(`DROP TABLE person_name_tokens`);
  }
}
