import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLE_LABELS, type Role } from '../../../../libs/access/roles';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case-record/case-transition';
import { CASE_RESOURCES, CASE_TYPE_LABELS, STEP_KIND_NAMES, STEP_KINDS } from '../../../../libs/domain/case-record/step-kinds';
import { ORGANISATION_NAMES, ORGANISATION_UNITS, type Organisation, type OrganisationUnit } from '../../../../libs/domain/organisations/organisation-units';
import { Authenticated } from '../auth/auth.decorators';

/** The names behind the API's codes: what a client shows in filters, forms and histories. */
export interface ReferenceData {
  organisations: { code: Organisation; name: string }[];
  units: OrganisationUnit[];
  caseTypes: { code: CaseType; label: string; resource: string }[];
  stepKinds: { kind: string; label: string; caseType: CaseType; responsibleRole: Role; responsibleRoleLabel: string; warningHours: number }[];
}

const REFERENCE_DATA: ReferenceData = {
  organisations: (Object.keys(ORGANISATION_NAMES) as Organisation[]).map((code) => ({ code, name: ORGANISATION_NAMES[code] })),
  units: [...ORGANISATION_UNITS],
  caseTypes: CASE_TYPES.map((code) => ({ code, label: CASE_TYPE_LABELS[code], resource: CASE_RESOURCES[code] })),
  stepKinds: STEP_KIND_NAMES.map((kind) => ({
    kind,
    label: STEP_KINDS[kind].label,
    caseType: STEP_KINDS[kind].caseType,
    responsibleRole: STEP_KINDS[kind].responsibleRole,
    responsibleRoleLabel: ROLE_LABELS[STEP_KINDS[kind].responsibleRole],
    warningHours: STEP_KINDS[kind].warningHours,
  })),
};

@ApiTags('Opslag')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Organisationer, enheder, sagstyper og trin med navne, hvis tur og varslingsvindue (ingen sagsdata).' })
  referenceData(): ReferenceData {
    return REFERENCE_DATA;
  }
}
