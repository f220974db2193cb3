import type { MigrationInterface, QueryRunner } from 'typeorm';

/** »Who read this person«: the access log's rows about a person, newest first (cases have their index). */
export class AccessLogPersonIndex1765920000000 implements MigrationInterface {
  name = 'AccessLogPersonIndex1765920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX access_log_person_idx ON access_log (person_ref, at) WHERE person_ref IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX access_log_person_idx`);
  }
}
