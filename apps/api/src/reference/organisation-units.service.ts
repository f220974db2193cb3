import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isOpenUnitOfKind, type OrganisationUnit } from '../../../../libs/domain/organisations/organisation-units';
import { closedUnitMessage, type UnitReference } from '../../../../libs/domain/organisations/unit-references';
import { OrganisationUnitsDirectory } from '../../../../libs/persistence/organisation-units-directory';
import { ApiError } from '../common/api-error';

/** The API's one directory of organisation units (read from the database, see OrganisationUnitsDirectory). */
@Injectable()
export class OrganisationUnits extends OrganisationUnitsDirectory {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * The open unit each reference names, in order: 422 with the reference's own message for a code that is
   * no unit of its kind, and 422 for a closed one (it is no longer offered or accepted for new cases).
   */
  async requireOpen(...references: UnitReference[]): Promise<OrganisationUnit[]> {
    const units: OrganisationUnit[] = [];
    for (const reference of references) {
      const unit = await this.find(reference.code);
      if (unit?.kind !== reference.kind) throw ApiError.invalidDomainData(reference.unknown);
      if (!isOpenUnitOfKind(unit, reference.kind)) {
        throw ApiError.invalidDomainData(closedUnitMessage(unit.name, unit.code));
      }
      units.push(unit);
    }
    return units;
  }
}
