import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which units know a person. A unit registering a CPR number another unit registered before is linked
 * to the person, and answered exactly as for a new registration: the register does not tell one prison
 * whom another prison has registered.
 */
export class PersonUnits1764300000000 implements MigrationInterface {
  name = 'PersonUnits1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person_units (
        person_id uuid NOT NULL REFERENCES persons (id),
        org_unit varchar(64) NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, org_unit)
      )`);
    await queryRunner.query(`CREATE INDEX person_units_unit_idx ON person_units (org_unit, person_id)`);
    await queryRunner.query(`INSERT INTO person_units (person_id, org_unit) SELECT id, registered_unit FROM persons`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE person_units`);
  }
}
