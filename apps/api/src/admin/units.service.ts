import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ORGANISATION_OF_KIND, type OrganisationUnit } from '../../../../libs/domain/organisations/organisation-units';
import { UNIT_COLUMNS, unitOfRow, type UnitRow } from '../../../../libs/persistence/organisation-units-directory';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { SqlParameters } from '../../../../libs/access/access-policy';
import { OrganisationUnits } from '../reference/organisation-units.service';
import type { CreateUnitDto, UnitListQuery, UpdateUnitDto } from './units.dto';

type UnitChange = 'added' | 'renamed' | 'closed' | 'reopened';

/**
 * The administrators' upkeep of the organisation units: add, rename, close, reopen — never delete (cases
 * and access scopes keep a unit's code). Each change and its audit record (organisation_unit_changes,
 * append-only) are written in one transaction; then the directory reads the units again.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrganisationUnits,
  ) {}

  list(query: UnitListQuery): Promise<Page<OrganisationUnit>> {
    const params = new SqlParameters();
    const conditions = ['TRUE'];
    if (query.kind) conditions.push(`kind = ${params.add(query.kind)}`);
    if (query.organisation) conditions.push(`organisation = ${params.add(query.organisation)}`);
    if (!query.includeClosed) conditions.push('closed_at IS NULL');
    if (query.search?.trim()) {
      const pattern = params.add(`%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`(code ILIKE ${pattern} OR name ILIKE ${pattern})`);
    }
    return pagedQuery(
      this.dataSource,
      {
        from: 'organisation_units',
        where: conditions.join(' AND '),
        params: params.values,
        select: UNIT_COLUMNS,
        orderBy: 'kind, name, code',
        page: query.page,
        pageSize: query.pageSize,
      },
      unitOfRow,
    );
  }

  async create(dto: CreateUnitDto, user: AuthenticatedUser): Promise<OrganisationUnit> {
    const isInstitution = dto.kind === 'institution';
    if (isInstitution && !dto.institutionType) {
      throw ApiError.invalidDomainData(
        'Angiv, hvilken type enhed i Kriminalforsorgen det er: lukket fængsel, åbent fængsel, arresthus eller Kriminalforsorgen i Frihed.',
      );
    }
    if (!isInstitution && dto.institutionType) {
      throw ApiError.invalidDomainData(
        'Typen af enhed (fængsel, arresthus, Kriminalforsorgen i Frihed) gælder kun Kriminalforsorgens enheder.',
      );
    }
    const unit = await this.dataSource.transaction(async (db) => {
      const rows: UnitRow[] = await db.query(
        `INSERT INTO organisation_units (code, name, organisation, kind, sub_kind) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO NOTHING RETURNING ${UNIT_COLUMNS}`,
        [dto.code, dto.name.trim(), ORGANISATION_OF_KIND[dto.kind], dto.kind, dto.institutionType ?? null],
      );
      if (rows.length === 0) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'UNIT_ALREADY_EXISTS',
          `Der findes allerede en enhed med koden ${dto.code}. Omdøb eller genåbn den i stedet.`,
        );
      }
      await audit(db, dto.code, 'added', user, null, dto.name.trim());
      return unitOfRow(rows[0]);
    });
    this.units.changed();
    return unit;
  }

  async update(code: string, dto: UpdateUnitDto, user: AuthenticatedUser): Promise<OrganisationUnit> {
    if (dto.name === undefined && dto.closed === undefined) {
      throw ApiError.invalidDomainData('Angiv et nyt navn, eller om enheden skal lukkes eller genåbnes.');
    }
    const unit = await this.dataSource.transaction(async (db) => {
      const [current]: UnitRow[] = await db.query(
        `SELECT ${UNIT_COLUMNS} FROM organisation_units WHERE code = $1 FOR UPDATE`,
        [code],
      );
      if (!current) throw new ApiError(HttpStatus.NOT_FOUND, 'UNIT_NOT_FOUND', `Enheden ${code} findes ikke.`);
      const name = dto.name?.trim();
      const renamed = name !== undefined && name !== current.name;
      const closing = dto.closed === true && current.closed_at === null;
      const reopening = dto.closed === false && current.closed_at !== null;
      if (!renamed && !closing && !reopening) {
        throw ApiError.invalidDomainData(`Enheden ${current.name} er allerede sådan: intet er ændret.`);
      }
      // An UPDATE answers [rows, count] through TypeORM.
      const [[updated]]: [UnitRow[], number] = await db.query(
        `UPDATE organisation_units
            SET name = $2,
                closed_at = CASE WHEN $3::boolean THEN now() WHEN $4::boolean THEN NULL ELSE closed_at END,
                updated_at = now()
          WHERE code = $1 RETURNING ${UNIT_COLUMNS}`,
        [code, renamed ? name : current.name, closing, reopening],
      );
      if (renamed) await audit(db, code, 'renamed', user, current.name, name);
      if (closing) await audit(db, code, 'closed', user, null, null);
      if (reopening) await audit(db, code, 'reopened', user, null, null);
      return unitOfRow(updated);
    });
    this.units.changed();
    return unit;
  }
}

async function audit(
  db: EntityManager,
  code: string,
  action: UnitChange,
  user: AuthenticatedUser,
  nameBefore: string | null,
  nameAfter: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO organisation_unit_changes (unit_code, action, user_id, role, name_before, name_after)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [code, action, user.id, user.role, nameBefore, nameAfter],
  );
}
