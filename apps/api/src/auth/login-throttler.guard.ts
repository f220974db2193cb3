import type { ThrottlerOptions } from '@nestjs/throttler';
import type { AuthSettings } from '../../../../libs/config/exitflow-config';

/**
 * Login attempts per minute, counted twice: per client address and username (guessing one user's
 * password), and per client address across all usernames (spraying one password over many users). The
 * per-address limit is the higher one, since a whole office may share one address at 8 in the morning.
 * The counters are in PostgreSQL (PostgresThrottlerStorage), shared by every API process on the database.
 */
export function loginThrottlers(auth: AuthSettings): ThrottlerOptions[] {
  const username = (request: Record<string, unknown>) => {
    const body = request.body as { username?: unknown } | undefined;
    return typeof body?.username === 'string' ? body.username.toLowerCase() : '';
  };
  return [
    {
      name: 'login-user',
      ttl: 60_000,
      limit: auth.loginAttemptsPerMinute,
      getTracker: (request) => `${String(request.ip)}|${username(request)}`,
    },
    {
      name: 'login-address',
      ttl: 60_000,
      limit: auth.loginAttemptsPerAddressPerMinute,
      getTracker: (request) => String(request.ip),
    },
  ];
}
