import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { OrganisationUnit } from '../../../../libs/domain/organisations/organisation-units';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import type { Page } from '../common/page';
import { PageOf } from '../common/view-properties';
import { UnitView } from '../reference/reference-data.controller';
import { CreateUnitDto, UnitListQuery, UpdateUnitDto } from './units.dto';
import { UnitsService } from './units.service';

class UnitPage extends PageOf(UnitView) {}

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('admin/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermission('units:manage')
  @ListResponses(
    'Organisationernes enheder (kommuner, politikredse, Kriminalforsorgens enheder), også lukkede.',
    UnitPage,
  )
  list(@Query() query: UnitListQuery): Promise<Page<OrganisationUnit>> {
    return this.units.list(query);
  }

  @Post()
  @RequirePermission('units:manage')
  @ApiOperation({ summary: 'Tilføj en enhed; den kan bruges med det samme.' })
  @ApiCreatedResponse({ type: UnitView })
  @ApiErrorResponses(401, 403, 409, 422)
  create(@Body() dto: CreateUnitDto, @CurrentUser() user: AuthenticatedUser): Promise<OrganisationUnit> {
    return this.units.create(dto, user);
  }

  @Patch(':code')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('units:manage')
  @ApiOperation({ summary: 'Omdøb, luk eller genåbn en enhed (en lukket enhed vises stadig ved navn).' })
  @ApiOkResponse({ type: UnitView })
  @ApiErrorResponses(401, 403, 404, 422)
  update(
    @Param('code') code: string,
    @Body() dto: UpdateUnitDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrganisationUnit> {
    return this.units.update(code, dto, user);
  }
}
