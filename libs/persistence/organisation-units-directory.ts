import {
  unitViewOf,
  type InstitutionType,
  type Organisation,
  type OrganisationUnit,
  type UnitKind,
} from '../domain/organisations/organisation-units';

/** What the directory needs of a database connection (a TypeORM DataSource or EntityManager). */
export interface UnitsQueryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface UnitRow {
  code: string;
  name: string;
  organisation: Organisation;
  kind: UnitKind;
  sub_kind: InstitutionType | null;
  closed_at: Date | null;
}

export const UNIT_COLUMNS = 'code, name, organisation, kind, sub_kind, closed_at';

export function unitOfRow(row: UnitRow): OrganisationUnit {
  return {
    code: row.code,
    name: row.name,
    organisation: row.organisation,
    kind: row.kind,
    institutionType: row.sub_kind,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
  };
}

/** The units as loaded at one moment, looked up synchronously (e.g. while the rows of a page are mapped). */
export interface UnitLookup {
  find(code: string): OrganisationUnit | undefined;
  /** A unit as the API shows it: its code and its name; a code no unit has shows as itself. */
  view(code: string): { code: string; name: string };
}

/** How long a loaded list is used before it is read again (a rename made by another process shows then). */
const MAX_AGE_MS = 30_000;
/** A code the list does not know reads the list again, but not more often than this (unknown codes are cheap). */
const MISS_RELOAD_MS = 1_000;

/**
 * The organisation units, read from `organisation_units` and kept in memory: every lookup is answered from
 * the loaded list, which is read again when it is older than MAX_AGE_MS, on a code it does not know (a unit
 * another process just added) and after `changed()` (this process changed a unit). Units are never deleted,
 * so a code once known stays known.
 */
export class OrganisationUnitsDirectory {
  private units: Map<string, OrganisationUnit> | undefined;
  private loadedAt = 0;
  private loading: Promise<Map<string, OrganisationUnit>> | undefined;

  constructor(
    private readonly db: UnitsQueryable,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every unit, closed ones too, in the order of kind and Danish name. */
  async all(): Promise<OrganisationUnit[]> {
    return [...(await this.current()).values()];
  }

  async find(code: string): Promise<OrganisationUnit | undefined> {
    const known = (await this.current()).get(code);
    if (known || this.clock() - this.loadedAt < MISS_RELOAD_MS) return known;
    return (await this.reload()).get(code);
  }

  /** The units of these codes that exist (a code no unit has is left out). */
  async findMany(codes: readonly string[]): Promise<Map<string, OrganisationUnit>> {
    const found = new Map<string, OrganisationUnit>();
    for (const code of new Set(codes)) {
      const unit = await this.find(code);
      if (unit) found.set(code, unit);
    }
    return found;
  }

  /** The units as they are now, for many synchronous lookups. */
  async lookup(): Promise<UnitLookup> {
    const units = await this.current();
    return {
      find: (code) => units.get(code),
      view: (code) => unitViewOf(code, units.get(code)),
    };
  }

  /** A unit's name for people; a code no unit has shows as itself. */
  async name(code: string): Promise<string> {
    return (await this.find(code))?.name ?? code;
  }

  /** A unit as the API shows it: its code and its name. */
  async view(code: string): Promise<{ code: string; name: string }> {
    return unitViewOf(code, await this.find(code));
  }

  /** A unit was added or changed in this process: the next lookup reads the list again. */
  changed(): void {
    this.units = undefined;
  }

  private async current(): Promise<Map<string, OrganisationUnit>> {
    if (this.units && this.clock() - this.loadedAt < MAX_AGE_MS) return this.units;
    return this.reload();
  }

  private reload(): Promise<Map<string, OrganisationUnit>> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<Map<string, OrganisationUnit>> {
    const rows = (await this.db.query(
      `SELECT ${UNIT_COLUMNS} FROM organisation_units
        ORDER BY array_position(ARRAY['institution', 'police_district', 'municipality']::varchar[], kind), name, code`,
    )) as UnitRow[];
    this.units = new Map(rows.map((row) => [row.code, unitOfRow(row)]));
    this.loadedAt = this.clock();
    return this.units;
  }
}
