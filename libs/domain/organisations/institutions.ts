/**
 * Kriminalforsorgen's institutions a course can be run from. Codes are stable identifiers used in the
 * read model and (later) in access scopes; names are shown to users.
 */
export interface Institution {
  code: string;
  name: string;
}

export const INSTITUTIONS: readonly Institution[] = Object.freeze([
  { code: 'KF-ENNER-MARK', name: 'Enner Mark Fængsel' },
  { code: 'KF-HERSTEDVESTER', name: 'Anstalten ved Herstedvester' },
  { code: 'KF-KOEBENHAVNS-FAENGSLER', name: 'Københavns Fængsler' },
  { code: 'KF-NYBORG', name: 'Nyborg Fængsel' },
  { code: 'KF-OESTJYLLAND', name: 'Østjyllands Fængsel' },
  { code: 'KF-SOENDERBORG', name: 'Sønderborg Fængsel' },
  { code: 'KF-STORSTROEM', name: 'Storstrøm Fængsel' },
  { code: 'KF-VESTJYLLAND', name: 'Fængslet Vestjylland' },
  { code: 'KF-KIF-HOVEDSTADEN', name: 'Kriminalforsorgen i Frihed Hovedstaden' },
]);

export function findInstitution(code: string): Institution | undefined {
  return INSTITUTIONS.find((institution) => institution.code === code);
}
