import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { anyCaseStatusText, CASE_TYPE_STATUSES } from '../../../../libs/domain/case/case-type-statuses';
import { CASE_TYPE_LABELS } from '../../../../libs/domain/case/step-kinds';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import type { Page } from '../common/page';
import { PersonsService } from '../persons/persons.service';
import { CaseListQuery } from './case-list.query';
import { CaseListRepository } from './case-list.repository';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { CaseListPage, type CaseListItemView } from './case-list.views';

@ApiTags('Sager')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseListRepository,
    private readonly persons: PersonsService,
    private readonly accessLog: AccessLogService,
    private readonly units: OrganisationUnits,
  ) {}

  @Get()
  @RequirePermission('case:read')
  @ListResponses(
    'Sager af alle typer i brugerens adgang, filtreret og sidevis: åbne først, derefter nærmeste frist. Personens navn vises for brugere med adgang til personer (hver visning logges).',
    CaseListPage,
  )
  @ApiErrorResponses(422)
  async list(@Query() query: CaseListQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<CaseListItemView>> {
    if (query.unit !== undefined && !(await this.units.find(query.unit))) {
      throw ApiError.invalidDomainData(`Enheden '${query.unit}' kendes ikke.`);
    }
    if (query.caseType && query.status && !CASE_TYPE_STATUSES[query.caseType].codes.includes(query.status)) {
      throw ApiError.invalidDomainData(
        `Statussen »${anyCaseStatusText(query.status)}« findes ikke for sagstypen ${CASE_TYPE_LABELS[query.caseType]}.`,
      );
    }
    const page = await this.cases.list(query, user);
    const names = await this.persons.namesShownTo(
      user,
      page.items.map((item) => ({ caseId: item.id, personRef: item.personRef })),
    );
    const items = page.items.map((item) => ({ ...item, personName: names.get(item.personRef) ?? null }));
    await this.accessLog.record(user, 'case_list', {});
    return { ...page, items };
  }
}
