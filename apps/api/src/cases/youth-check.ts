import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { isYouth, YOUTH_AGE_LIMIT } from '../../../../libs/domain/youth/youth-age';
import { ageOn } from '../../../../libs/personal-data/cpr';
import { ApiError } from '../common/api-error';
import type { PersonsService } from '../persons/persons.service';

/**
 * Youth cases apply to youths (libs/domain/youth/youth-age.ts) at the legally relevant moment (the charge, the observation, the
 * documentation's receipt), read from the CPR number's birth date. 422 otherwise, and for a person the
 * user may not see (answered as unregistered). Answers the birth date (YYYY-MM-DD): the case's workflow
 * input carries it (encrypted) for the handover at 18.
 */
export async function requireYouthAt(
  persons: PersonsService,
  personRef: string,
  user: AuthenticatedUser,
  moment: string,
  momentText: string,
): Promise<string> {
  const birthDate = await requireRegistered(persons, personRef, user);
  const age = ageOn(birthDate, new Date(moment));
  if (!isYouth(age)) {
    throw ApiError.invalidDomainData(
      `Personen var ${age} år ${momentText}; ordningen gælder unge under ${YOUTH_AGE_LIMIT}.`,
    );
  }
  return birthDate;
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
