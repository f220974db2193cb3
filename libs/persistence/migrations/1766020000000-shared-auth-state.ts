import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * State that every API process on the database shares: the login limiter's counters (one row per
 * throttler and key — the throttler's SHA-256 of client address and username, never the name itself — and
 * window) and the operations users' short-lived codec credentials (their SHA-256 only).
 */
export class SharedAuthState1766020000000 implements MigrationInterface {
  name = 'SharedAuthState1766020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_attempt_counters (
        throttler text NOT NULL,
        key text NOT NULL,
        hits integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz,
        PRIMARY KEY (throttler, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX login_attempt_counters_expiry_idx ON login_attempt_counters (window_ends_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE codec_credentials (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX codec_credentials_expiry_idx ON codec_credentials (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE codec_credentials`);
    await queryRunner.query(`DROP TABLE login_attempt_counters`);
  }
}
