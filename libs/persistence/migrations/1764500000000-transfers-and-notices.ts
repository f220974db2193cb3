import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The release plan (municipality and police district) and the outbox of notices to other units. */
export class TransfersAndNotices1764500000000 implements MigrationInterface {
  name = 'TransfersAndNotices1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN release_municipality varchar(64)`);
    await queryRunner.query(`ALTER TABLE exit_courses ADD COLUMN release_district varchar(64)`);
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        recipient_unit varchar(64) NOT NULL,
        kind varchar(40) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX notifications_unsent_idx ON notifications (created_at) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX notifications_case_idx ON notifications (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN release_district`);
    await queryRunner.query(`ALTER TABLE exit_courses DROP COLUMN release_municipality`);
  }
}
