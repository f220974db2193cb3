/**
 * The organisations that use the system (DOMAIN.md) and the shape of their units. A unit code is the
 * stable identifier of access scopes and case ownership; its name is shown to users. The units themselves
 * are data (the `organisation_units` table, kept by administrators): no list of them is compiled in, so
 * workflows work with the codes they are given and the API checks codes against the database.
 */
export type Organisation = 'kriminalforsorgen' | 'politi' | 'kommune';

export const UNIT_KINDS = ['institution', 'police_district', 'municipality'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What kind of Kriminalforsorgen unit an institution is; every one of them can hold a course. */
export const INSTITUTION_TYPES = ['closed_prison', 'open_prison', 'remand_prison', 'probation_office'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface OrganisationUnit {
  code: string;
  name: string;
  organisation: Organisation;
  kind: UnitKind;
  /** For an institution, what kind of unit it is; `null` for districts and municipalities. */
  institutionType: InstitutionType | null;
  /** When the unit was closed: it keeps its name wherever it is referred to, but takes no new cases. */
  closedAt: string | null;
}

export const ORGANISATION_NAMES: Record<Organisation, string> = {
  kriminalforsorgen: 'Kriminalforsorgen',
  politi: 'Politiet',
  kommune: 'Kommunerne',
};

/** Every organisation's code. */
export const ORGANISATIONS = Object.keys(ORGANISATION_NAMES) as readonly Organisation[];

/** Each kind of unit belongs to one organisation. */
export const ORGANISATION_OF_KIND: Record<UnitKind, Organisation> = {
  institution: 'kriminalforsorgen',
  police_district: 'politi',
  municipality: 'kommune',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  institution: 'Kriminalforsorgens enhed',
  police_district: 'Politikreds',
  municipality: 'Kommune',
};

export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  closed_prison: 'Lukket fængsel',
  open_prison: 'Åbent fængsel',
  remand_prison: 'Arresthus',
  probation_office: 'Kriminalforsorgen i Frihed',
};

/** A unit code: capitals, digits and hyphens (`KF-NYBORG`, `POL-KBH`, `KOM-0101`). */
export const UNIT_CODE_PATTERN = '^[A-Z0-9][A-Z0-9-]{1,63}$';

/** A unit of this kind that is open: one a new case, a transfer or a handover may go to. */
export function isOpenUnitOfKind(unit: OrganisationUnit | undefined, kind: UnitKind): boolean {
  return unit !== undefined && unit.kind === kind && unit.closedAt === null;
}

/** A unit as the API shows it: its code and its name; a code no unit has (any more) shows as itself. */
export function unitViewOf(code: string, unit: OrganisationUnit | undefined): { code: string; name: string } {
  return { code, name: unit?.name ?? code };
}
