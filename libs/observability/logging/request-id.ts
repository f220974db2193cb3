import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * What an incoming `X-Request-Id` may look like to be kept: 8–128 characters of letters, digits and `._:-`
 * (a UUID, a ULID, a proxy's hex id, `trace-id:span`). Anything else — spaces, quotes, other characters that
 * could be free text or forge log lines, or a header sent twice — is replaced by a new UUID. A text of ten
 * digits, with or without a dash after the sixth, is refused too: it could be a CPR number.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const CPR_SHAPED = /^\d{6}-?\d{4}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value) && !CPR_SHAPED.test(value);
}

/** The request's id: the client's (or proxy's) `X-Request-Id` when it is sane, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return isSaneRequestId(header) ? header : randomUUID();
}
