import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { isYouth, YOUTH_AGE_LIMIT } from '../../../../libs/domain/youth/youth-age';
import { ageOn } from '../../../../libs/personal-data/cpr';
import { ApiError } from '../common/api-error';
import type { PersonsService } from '../persons/persons.service';

/**
 * Youth cases apply to youths (libs/domain/youth/youth-age.ts) at the legally relevant moment (the charge, the observation, the
 * documentation's receipt), read from the CPR number's birth date. 422 otherwise, and for a person the
 * user may not see (answered as unregistered).
 */
export async function requireYouthAt(
  persons: PersonsService,
  personRef: string,
  user: AuthenticatedUser,
  moment: string,
  momentText: string,
): Promise<void> {
  const age = await ageAt(persons, personRef, user, moment);
  if (!isYouth(age)) {
    throw ApiError.invalidDomainData(
      `Personen var ${age} år ${momentText}; ordningen gælder unge under ${YOUTH_AGE_LIMIT}.`,
    );
  }
}

/** 422 for a person the user may not see, answered as for an unknown one (registered only by another unit). */
export async function requireRegistered(
  persons: PersonsService,
  personRef: string,
  user: AuthenticatedUser,
): Promise<string> {
  const birthDate = await persons.birthDateOf(personRef, user);
  if (!birthDate) {
    throw ApiError.invalidDomainData(
      'Personen er ikke registreret hos jer. Find eller registrér personen under »Ny sag« først.',
    );
  }
  return birthDate;
}

async function ageAt(persons: PersonsService, personRef: string, user: AuthenticatedUser, moment: string) {
  return ageOn(await requireRegistered(persons, personRef, user), new Date(moment));
}
