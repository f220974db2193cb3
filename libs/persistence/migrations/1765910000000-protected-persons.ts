import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protected persons (udvidet adressebeskyttelse, DOMAIN.md §5): a flag on the person, with who set it and
 * when. Every change is also in `access_log` (`person_protection_change`, with the reason), which keeps the
 * history; the row holds the flag in force.
 */
export class ProtectedPersons1765910000000 implements MigrationInterface {
  name = 'ProtectedPersons1765910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE persons
        ADD COLUMN protected boolean NOT NULL DEFAULT false,
        ADD COLUMN protection_changed_by varchar(120),
        ADD COLUMN protection_changed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE persons DROP COLUMN protection_changed_at, DROP COLUMN protection_changed_by, DROP COLUMN protected`,
    );
  }
}
