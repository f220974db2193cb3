import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { DataSource } from 'typeorm';
import { classifyDatabaseError } from '../../../../libs/persistence/database-errors';

/** How often a process deletes the rows whose window and block have both passed. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The login limiter's counters in PostgreSQL (`login_attempt_counters`), so that every API process on
 * the database shares one count: a fixed window per throttler and key, counted by one atomic upsert (two
 * replicas answering at once cannot both see the same count). A count over the limit blocks the key for
 * the block duration. PostgreSQL away: the error reaches the exception filter, which answers 503.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('LoginLimits');
  private nextSweep = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO login_attempt_counters AS c (throttler, key, hits, window_ends_at, blocked_until)
       VALUES ($1, $2, 1, now() + $3::int * interval '1 millisecond',
               CASE WHEN 1 > $4::int THEN now() + $5::int * interval '1 millisecond' END)
       ON CONFLICT (throttler, key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END,
         blocked_until = CASE
           WHEN c.blocked_until > now() THEN c.blocked_until
           WHEN (CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END) > $4::int
             THEN now() + $5::int * interval '1 millisecond'
         END
       RETURNING hits,
                 extract(epoch FROM window_ends_at - now())::float8 AS expires_in,
                 coalesce(blocked_until > now(), false) AS blocked,
                 coalesce(extract(epoch FROM blocked_until - now()), 0)::float8 AS block_expires_in`,
      [throttlerName, key, ttl, limit, blockDuration],
    )) as { hits: number; expires_in: number; blocked: boolean; block_expires_in: number }[];
    this.sweepNowAndThen();
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil(row.expires_in)),
      isBlocked: row.blocked,
      timeToBlockExpire: Math.max(0, Math.ceil(row.block_expires_in)),
    };
  }

  /** Old rows go at most once a minute per process, after a count; a failed sweep waits for the next. */
  private sweepNowAndThen(): void {
    if (Date.now() < this.nextSweep) return;
    this.nextSweep = Date.now() + SWEEP_INTERVAL_MS;
    this.dataSource
      .query(
        `DELETE FROM login_attempt_counters
         WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
      )
      .catch((error: unknown) =>
        this.logger.warn(`Sweeping old login counters failed: ${classifyDatabaseError(error).kind}`),
      );
  }
}
