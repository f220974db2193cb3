import type { UnitKind } from './organisation-units';

/**
 * A unit code a request names, the kind of unit it must be, and what to answer when no open unit of that
 * kind has it. The API checks these against the units in the database before a case starts or a
 * decision reaches its workflow; the workflows trust the codes they are given.
 */
export interface UnitReference {
  code: string;
  kind: UnitKind;
  /** "Institutionen 'KF-UKENDT' kendes ikke." */
  unknown: string;
}

export const institutionReference = (code: string): UnitReference => ({
  code,
  kind: 'institution',
  unknown: `Institutionen '${code}' kendes ikke.`,
});

export const policeDistrictReference = (code: string): UnitReference => ({
  code,
  kind: 'police_district',
  unknown: `Politikredsen '${code}' kendes ikke.`,
});

export const municipalityReference = (code: string): UnitReference => ({
  code,
  kind: 'municipality',
  unknown: `Kommunen '${code}' kendes ikke.`,
});

/** The answer for a unit that exists but is closed: it keeps its cases, but takes no new ones. */
export const closedUnitMessage = (name: string, code: string): string =>
  `${name} (${code}) er lukket og kan ikke modtage nye sager.`;
