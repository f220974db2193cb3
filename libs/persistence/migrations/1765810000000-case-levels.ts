import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A youth case's level (*enkeltsagskoncept*, 003): 1 risk behaviour, 2 crime, 3 qualified crime; NULL until
 * it is set (at the DKS assessment, on the council, or by the `case-level` decision). The case list filters
 * on it (`?level=`) and the monthly coordination meeting lists a unit's level-1 cases by it.
 */
export class CaseLevels1765810000000 implements MigrationInterface {
  name = 'CaseLevels1765810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE cases ADD COLUMN case_level smallint NULL CONSTRAINT cases_case_level_check CHECK (case_level BETWEEN 1 AND 3)`,
    );
    await queryRunner.query(
      `CREATE INDEX cases_org_unit_case_level_idx ON cases (org_unit, case_level) WHERE case_level IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cases_org_unit_case_level_idx`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN case_level`);
  }
}
