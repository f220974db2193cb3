import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An administrator's change of a user is audited in the append-only `access_log` like operations'
 * re-drives: which user was changed, and what changed (`{"role": {"from": …, "to": …}}`, ids and codes only).
 */
export class UserChangeAudit1765150000000 implements MigrationInterface {
  name = 'UserChangeAudit1765150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE access_log ADD COLUMN subject_user_id varchar(120), ADD COLUMN details jsonb`);
    await queryRunner.query(
      `CREATE INDEX access_log_subject_user_idx ON access_log (subject_user_id, at) WHERE subject_user_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX access_log_subject_user_idx`);
    await queryRunner.query(`ALTER TABLE access_log DROP COLUMN details, DROP COLUMN subject_user_id`);
  }
}
