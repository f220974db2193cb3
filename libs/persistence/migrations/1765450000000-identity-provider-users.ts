import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users of an identity provider (OIDC) get a row of their own, created and updated from their token's
 * claims when they make a request (just-in-time provisioning), so that they can be assigned, be a
 * substitute, appear in the staff lists and the workload, and receive their own notices:
 * - `users.external_subject`: the provider's `sub`, unique where set (local users have none);
 * - `users.password_hash` nullable: a provider's user has no local password and cannot log in locally.
 */
export class IdentityProviderUsers1765450000000 implements MigrationInterface {
  name = 'IdentityProviderUsers1765450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN external_subject varchar(120)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_external_subject_key ON users (external_subject) WHERE external_subject IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A hash no password matches: the provider's users stay unable to log in locally.
    await queryRunner.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await queryRunner.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
    await queryRunner.query(`DROP INDEX users_external_subject_key`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN external_subject`);
  }
}
