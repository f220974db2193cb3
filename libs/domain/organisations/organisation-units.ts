/**
 * The organisations that use the system (DOMAIN.md) and their units. A unit code is the stable
 * identifier of access scopes and case ownership; its name is shown to users.
 */
export type Organisation = 'kriminalforsorgen' | 'politi' | 'kommune';

export type UnitKind = 'institution' | 'police_district' | 'municipality';

export interface OrganisationUnit {
  code: string;
  name: string;
  organisation: Organisation;
  kind: UnitKind;
}

export const ORGANISATION_NAMES: Record<Organisation, string> = {
  kriminalforsorgen: 'Kriminalforsorgen',
  politi: 'Politiet',
  kommune: 'Kommunerne',
};

/** Every organisation's code. */
export const ORGANISATIONS = Object.keys(ORGANISATION_NAMES) as readonly Organisation[];

const institution = (code: string, name: string): OrganisationUnit => ({
  code,
  name,
  organisation: 'kriminalforsorgen',
  kind: 'institution',
});
const policeDistrict = (code: string, name: string): OrganisationUnit => ({
  code,
  name,
  organisation: 'politi',
  kind: 'police_district',
});
const municipality = (code: string, name: string): OrganisationUnit => ({
  code,
  name,
  organisation: 'kommune',
  kind: 'municipality',
});

export const ORGANISATION_UNITS: readonly OrganisationUnit[] = Object.freeze([
  institution('KF-ENNER-MARK', 'Enner Mark Fængsel'),
  institution('KF-HERSTEDVESTER', 'Anstalten ved Herstedvester'),
  institution('KF-KOEBENHAVNS-FAENGSLER', 'Københavns Fængsler'),
  institution('KF-NYBORG', 'Nyborg Fængsel'),
  institution('KF-OESTJYLLAND', 'Østjyllands Fængsel'),
  institution('KF-SOENDERBORG', 'Sønderborg Fængsel'),
  institution('KF-STORSTROEM', 'Storstrøm Fængsel'),
  institution('KF-VESTJYLLAND', 'Fængslet Vestjylland'),
  institution('KF-KIF-HOVEDSTADEN', 'Kriminalforsorgen i Frihed Hovedstaden'),
  policeDistrict('POL-NORDJYLLAND', 'Nordjyllands Politi'),
  policeDistrict('POL-OESTJYLLAND', 'Østjyllands Politi'),
  policeDistrict('POL-MIDT-VESTJYLLAND', 'Midt- og Vestjyllands Politi'),
  policeDistrict('POL-SYDOESTJYLLAND', 'Sydøstjyllands Politi'),
  policeDistrict('POL-SYD-SOENDERJYLLAND', 'Syd- og Sønderjyllands Politi'),
  policeDistrict('POL-FYN', 'Fyns Politi'),
  policeDistrict('POL-SYDSJAELLAND-LF', 'Sydsjællands og Lolland-Falsters Politi'),
  policeDistrict('POL-MIDT-VESTSJAELLAND', 'Midt- og Vestsjællands Politi'),
  policeDistrict('POL-NORDSJAELLAND', 'Nordsjællands Politi'),
  policeDistrict('POL-KBH-VESTEGN', 'Københavns Vestegns Politi'),
  policeDistrict('POL-KBH', 'Københavns Politi'),
  policeDistrict('POL-BORNHOLM', 'Bornholms Politi'),
  municipality('KOM-0101', 'Københavns Kommune'),
  municipality('KOM-0461', 'Odense Kommune'),
  municipality('KOM-0561', 'Esbjerg Kommune'),
  municipality('KOM-0751', 'Aarhus Kommune'),
  municipality('KOM-0851', 'Aalborg Kommune'),
]);

export function findUnit(code: string): OrganisationUnit | undefined {
  return ORGANISATION_UNITS.find((unit) => unit.code === code);
}

/** A unit's name for people; a code the table does not know (e.g. a unit since closed) shows as itself. */
export function unitName(code: string): string {
  return findUnit(code)?.name ?? code;
}

/** A unit as the API shows it: its code and its name. */
export function unitView(code: string): { code: string; name: string } {
  return { code, name: unitName(code) };
}

/** A Kriminalforsorgen institution an exit course can be run from. */
export function findInstitution(code: string): OrganisationUnit | undefined {
  const unit = findUnit(code);
  return unit?.kind === 'institution' ? unit : undefined;
}

/** The codes of every unit of one kind (the institutions, the police districts, the municipalities). */
export function unitCodesOf(kind: UnitKind): string[] {
  return ORGANISATION_UNITS.filter((unit) => unit.kind === kind).map((unit) => unit.code);
}
