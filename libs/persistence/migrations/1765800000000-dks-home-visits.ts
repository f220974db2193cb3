import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A DKS case's joint home visit as the municipality's social services see it: the planned time and the
 * municipality named for it, and their participation with the reference of their own level-1 case (sealed:
 * ciphertext only). The social services' list (`GET /api/home-visits`) reads it by municipality.
 */
export class DksHomeVisits1765800000000 implements MigrationInterface {
  name = 'DksHomeVisits1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dks_home_visits (
        case_id uuid PRIMARY KEY REFERENCES cases (id),
        planned_for timestamptz NOT NULL,
        municipality_code varchar(64),
        participates boolean,
        level_one_case_ref_encrypted text,
        participation_recorded_at timestamptz,
        participation_actor_id varchar(120),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX dks_home_visits_municipality_idx ON dks_home_visits (municipality_code, planned_for)
       WHERE municipality_code IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dks_home_visits`);
  }
}
