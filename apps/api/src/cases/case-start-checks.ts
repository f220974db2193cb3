import { HttpStatus } from '@nestjs/common';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CLOCK_SKEW_MS } from '../../../../libs/domain/case/refusal';
import { findUnit, type UnitKind } from '../../../../libs/domain/organisations/organisation-units';
import { ApiError } from '../common/api-error';

/** The checks before a case starts that every case type makes: its unit, and its legally relevant moment. */

/** 422 for a code that is no unit of this kind; 403 when the user does not act for that unit. */
export function requireOwnUnit(
  user: AuthenticatedUser,
  code: string,
  kind: UnitKind,
  messages: { unknown: string; notOwn: string },
): void {
  if (findUnit(code)?.kind !== kind) throw ApiError.invalidDomainData(messages.unknown);
  if (!actsForUnit(user, code)) throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', messages.notOwn);
}

/** 422 for a moment later than now (beyond the clock skew). */
export function refuseFutureMoment(moment: string, message: string): void {
  if (Date.parse(moment) > Date.now() + CLOCK_SKEW_MS) throw ApiError.invalidDomainData(message);
}
