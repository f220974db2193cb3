import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before the worker delivered the outbox, its rows only piled up. The first delivery would send all of
 * them, however old; notices older than 30 days (cases long moved on) are withdrawn instead, with the
 * reason, and the rest go out.
 */
export class OutboxBacklog1765000000000 implements MigrationInterface {
  name = 'OutboxBacklog1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE notifications SET withdrawn_at = now(), last_error = 'Oprettet før udbakken blev leveret og over 30 dage gammel; ikke sendt.'
        WHERE sent_at IS NULL AND withdrawn_at IS NULL AND created_at < now() - interval '30 days'`,
    );
  }

  async down(): Promise<void> {
    // Withdrawn notices stay withdrawn: sending them now would be the flood this migration prevents.
  }
}
