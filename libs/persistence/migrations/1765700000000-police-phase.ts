import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The course after release, run by the police exit unit (police-phase.types.ts): when and in which district
 * its police phase began, how it ended and the reoffending check after it; and whose mentor held each
 * contact (contacts before it were all Kriminalforsorgen's).
 */
export class PolicePhase1765700000000 implements MigrationInterface {
  name = 'PolicePhase1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN police_phase_started_at timestamptz`);
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN police_district varchar(64)`);
    await queryRunner.query(
      `ALTER TABLE exit_courses ADD COLUMN police_outcome varchar(40)
         CHECK (police_outcome IN ('completed', 'dropped_out', 'closed_by_police', 'new_crime', 'other'))`,
    );
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN police_outcome_at timestamptz`);
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN reoffended boolean`);
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN reoffending_checked_at timestamptz`);
    // After release the police's or the municipality's mentor holds contacts; the course may have no KF mentor.
    await queryRunner.query(`ALTER TABLE mentor_contacts ALTER COLUMN mentor_ref DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE mentor_contacts ADD COLUMN organisation varchar(20) NOT NULL DEFAULT 'kriminalforsorgen'
         CHECK (organisation IN ('kriminalforsorgen', 'police', 'municipality'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mentor_contacts DROP COLUMN organisation`);
    await queryRunner.query(`ALTER TABLE mentor_contacts ALTER COLUMN mentor_ref SET NOT NULL`);
    for (const column of [
      'reoffending_checked_at',
      'reoffended',
      'police_outcome_at',
      'police_outcome',
      'police_district',
      'police_phase_started_at',
    ])
      await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN ${column}`);
  }
}
