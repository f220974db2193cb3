import { HttpStatus } from '@nestjs/common';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CLOCK_SKEW_MS } from '../../../../libs/domain/case/refusal';
import type { OrganisationUnit } from '../../../../libs/domain/organisations/organisation-units';
import type { UnitReference } from '../../../../libs/domain/organisations/unit-references';
import { ApiError } from '../common/api-error';
import type { OrganisationUnits } from '../reference/organisation-units.service';

/** The checks before a case starts that every case type makes: its unit, and its legally relevant moment. */

/** 422 for a code that is no open unit of its kind; 403 when the user does not act for that unit. */
export async function requireOwnUnit(
  units: OrganisationUnits,
  user: AuthenticatedUser,
  reference: UnitReference,
  messages: { notOwn: string },
): Promise<OrganisationUnit> {
  const [unit] = await units.requireOpen(reference);
  if (!actsForUnit(user, unit)) throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', messages.notOwn);
  return unit;
}

/** 422 for a moment later than now (beyond the clock skew). */
export function refuseFutureMoment(moment: string, message: string): void {
  if (Date.parse(moment) > Date.now() + CLOCK_SKEW_MS) throw ApiError.invalidDomainData(message);
}
