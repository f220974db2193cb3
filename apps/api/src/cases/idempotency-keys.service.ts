import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ApiError } from '../common/api-error';

/** Allowed characters of an `Idempotency-Key` header. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{8,200}$';
const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/** The operation an Idempotency-Key is claimed for, per case type (stored with the key: never rename). */
export const START_OPERATIONS: Record<CaseType, string> = {
  exit_course: 'exit-course-start',
  dks_assessment: 'dks-case-start',
  network_council: 'network-council-start',
  concern_letter: 'concern-letter-start',
  access_request: 'access-request-start',
};

export interface StartResult {
  caseId: string;
  /** `false` when an earlier request with the same Idempotency-Key already claimed the case id. */
  created: boolean;
}

/**
 * Idempotent starts for every case type: a client's `Idempotency-Key`, per user and operation, maps to
 * one case id. The same key with the same request gets that case; with another request it is refused.
 */
@Injectable()
export class IdempotencyKeysService {
  constructor(private readonly dataSource: DataSource) {}

  /** Without a key: a fresh case id. With one: the case id this user's key stands for. */
  async claim(
    operation: string,
    user: AuthenticatedUser,
    key: string | undefined,
    request: object,
  ): Promise<StartResult> {
    if (key === undefined) return { caseId: randomUUID(), created: true };
    // The user id is hashed: a subject containing ':' cannot make one user's key collide with another's.
    const scopedKey = `${operation}:${createHash('sha256').update(user.id).digest('hex')}:${key}`;
    const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
    const candidate = randomUUID();
    const inserted: { case_id: string }[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (key, request_hash, case_id) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING RETURNING case_id`,
      [scopedKey, requestHash, candidate],
    );
    if (inserted.length) return { caseId: candidate, created: true };
    const [existing]: { case_id: string; request_hash: string }[] = await this.dataSource.query(
      `SELECT case_id, request_hash FROM idempotency_keys WHERE key = $1`,
      [scopedKey],
    );
    if (existing.request_hash !== requestHash) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'IDEMPOTENCY_KEY_REUSED',
        'Idempotency-Key er allerede brugt til en anden forespørgsel.',
      );
    }
    return { caseId: existing.case_id, created: false };
  }
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', [
      { field: 'Idempotency-Key', problems: ['Idempotency-Key skal være 8-200 tegn: bogstaver, tal og . _ : -'] },
    ]);
  }
  return header;
}

function canonicalJson(value: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}
