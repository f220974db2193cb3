import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { UsersRepository } from './users.repository';

/** The cookie that carries an operations user's codec credential to /api/codec (and nowhere else). */
export const CODEC_COOKIE = 'exitflow_codec';

/** Minutes a codec credential lasts: long enough to read a few histories, short enough to need a logged-in user. */
export const CODEC_CREDENTIAL_MINUTES = 10;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Short-lived credentials for the Temporal UI's calls to the payload codec, which cannot send the web
 * page's bearer token: a random value in an HttpOnly cookie, kept here only as its SHA-256, so that a
 * logout revokes it at once and a leaked table row is useless.
 */
@Injectable()
export class CodecCredentials {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {}

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const [row] = (await this.dataSource.query(
      `INSERT INTO codec_credentials (token_hash, user_id, expires_at)
       VALUES ($1, $2, now() + $3::int * interval '1 minute') RETURNING expires_at`,
      [hash(token), userId, CODEC_CREDENTIAL_MINUTES],
    )) as { expires_at: Date }[];
    await this.dataSource.query(`DELETE FROM codec_credentials WHERE expires_at < now() - interval '1 day'`);
    return { token, expiresAt: new Date(row.expires_at) };
  }

  /**
   * The user of a credential that is neither expired nor revoked, as the database has them now: a
   * deactivated user has none (the caller checks the role, which may have changed too).
   */
  async userOf(token: string): Promise<AuthenticatedUser | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT user_id FROM codec_credentials WHERE token_hash = $1 AND expires_at > now() AND revoked_at IS NULL`,
      [hash(token)],
    )) as { user_id: string }[];
    return rows[0] && this.users.findActive(rows[0].user_id);
  }

  async revoke(token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE codec_credentials SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hash(token)],
    );
  }
}

/** The codec credential in a Cookie header, if any. */
export function codecCookie(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join('; ') : header;
  return value ? new RegExp(`(?:^|;\\s*)${CODEC_COOKIE}=([A-Za-z0-9_-]{43})(?:;|$)`).exec(value)?.[1] : undefined;
}
