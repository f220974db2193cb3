import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-responses';
import { ChoiceView, NestedView, NumberView, TextView } from '../common/view-properties';
import { ROLE_LABELS, ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import { CASE_RESOURCES, CASE_TYPE_LABELS, STEP_KIND_NAMES, STEP_KINDS } from '../../../../libs/domain/case/step-kinds';
import {
  ORGANISATION_NAMES,
  ORGANISATIONS,
  ORGANISATION_UNITS,
  type Organisation,
  type OrganisationUnit,
} from '../../../../libs/domain/organisations/organisation-units';
import { Authenticated } from '../auth/auth.decorators';

class OrganisationView {
  @ChoiceView(ORGANISATIONS) code!: Organisation;
  @TextView() name!: string;
}

class UnitView {
  @TextView() code!: string;
  @TextView() name!: string;
  @ChoiceView(ORGANISATIONS) organisation!: Organisation;
  @ChoiceView(['institution', 'police_district', 'municipality']) kind!: OrganisationUnit['kind'];
}

class CaseTypeView {
  @ChoiceView(CASE_TYPES) code!: CaseType;
  @TextView() label!: string;
  @TextView({ description: 'API-ressourcen: /api/<resource>/<id>.' }) resource!: string;
}

class StepKindView {
  @ChoiceView(STEP_KIND_NAMES) kind!: string;
  @TextView() label!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @ChoiceView(ROLES) responsibleRole!: Role;
  @TextView() responsibleRoleLabel!: string;
  @NumberView({ description: 'Timer før fristen, hvor trinnet bliver «snart forfaldent».' }) warningHours!: number;
}

/** The names behind the API's codes: what a client shows in filters, forms and histories. */
export class ReferenceData {
  @NestedView([OrganisationView]) organisations!: OrganisationView[];
  @NestedView([UnitView]) units!: OrganisationUnit[];
  @NestedView([CaseTypeView]) caseTypes!: CaseTypeView[];
  @NestedView([StepKindView]) stepKinds!: StepKindView[];
}

const REFERENCE_DATA: ReferenceData = {
  organisations: ORGANISATIONS.map((code) => ({ code, name: ORGANISATION_NAMES[code] })),
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
  @ApiOperation({
    summary: 'Organisationer, enheder, sagstyper og trin med navne, hvis tur og varslingsvindue (ingen sagsdata).',
  })
  @ApiOkResponse({ type: ReferenceData })
  @ApiErrorResponses(401)
  referenceData(): ReferenceData {
    return REFERENCE_DATA;
  }
}
