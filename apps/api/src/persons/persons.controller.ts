import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { LookupPersonDto, RegisterPersonDto, SearchPersonsDto } from './person.dto';
import { ApiErrorResponses, ReadResponses } from '../common/api-responses';
import { PersonSearchPage, PersonView, RegisteredPersonView } from './person.views';
import type { Page } from '../common/page';
import type { PersonSearchItemView } from './person.views';
import { PersonsService } from './persons.service';

@ApiTags('Personer')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Post()
  @RequirePermission('person:register')
  @ApiOperation({
    summary: 'Registrér en person (eller find den allerede registrerede) og få den pseudonyme personreference.',
  })
  @ApiCreatedResponse({ type: RegisteredPersonView, description: 'Registreret for enheden.' })
  @ApiOkResponse({ type: RegisteredPersonView, description: 'Enheden havde allerede registreret personen.' })
  @ApiErrorResponses(401, 403, 422)
  async register(
    @Body() dto: RegisterPersonDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredPersonView> {
    const { personRef, created } = await this.persons.register(dto.name, dto.cpr, user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { personRef };
  }

  @Post('lookup')
  @RequirePermission('person:read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Find en person ud fra CPR-nummer med de sager (også tidligere aftaler), brugeren har adgang til.',
  })
  @ApiOkResponse({ type: PersonView })
  @ApiErrorResponses(401, 403, 404, 422)
  lookup(@Body() dto: LookupPersonDto, @CurrentUser() user: AuthenticatedUser): Promise<PersonView> {
    return this.persons.lookup(dto.cpr, user, dto.reason);
  }

  @Post('search')
  @RequirePermission('person:read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Søg personer på navn (i brødteksten, aldrig i adressen) blandt dem, brugeren har adgang til; hvert ord skal passe. Hver vist person logges.',
  })
  @ApiOkResponse({ type: PersonSearchPage })
  @ApiErrorResponses(400, 401, 403, 422)
  search(@Body() dto: SearchPersonsDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<PersonSearchItemView>> {
    return this.persons.search(dto.name, dto.page, dto.pageSize, user);
  }

  @Get(':personRef')
  @RequirePermission('person:read')
  @ReadResponses('En persons navn, CPR-nummer og sager i brugerens adgang (læsningen logges).', PersonView)
  read(@Param('personRef') personRef: string, @CurrentUser() user: AuthenticatedUser): Promise<PersonView> {
    return this.persons.read(personRef, user);
  }
}
