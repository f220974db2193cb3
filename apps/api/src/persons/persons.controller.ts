import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/roles';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { LookupPersonDto, RegisterPersonDto } from './person.dto';
import { PersonsService, type PersonView } from './persons.service';

@ApiTags('Personer')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Post()
  @RequirePermission('person:register')
  @ApiOperation({ summary: 'Registrér en person (eller find den allerede registrerede) og få den pseudonyme personreference.' })
  @ApiResponse({ status: 201, description: 'Registreret.' })
  @ApiResponse({ status: 200, description: 'Personen var allerede registreret.' })
  @ApiResponse({ status: 422, description: 'Ugyldigt CPR-nummer.' })
  async register(
    @Body() dto: RegisterPersonDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ personRef: string }> {
    const { personRef, created } = await this.persons.register(dto.name, dto.cpr, user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { personRef };
  }

  @Post('lookup')
  @RequirePermission('person:read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Find en person ud fra CPR-nummer med de sager (også tidligere aftaler), brugeren har adgang til.' })
  @ApiResponse({ status: 404, description: 'Personen findes ikke (eller er uden for brugerens adgang).' })
  lookup(@Body() dto: LookupPersonDto, @CurrentUser() user: AuthenticatedUser): Promise<PersonView> {
    return this.persons.lookup(dto.cpr, user);
  }

  @Get(':personRef')
  @RequirePermission('person:read')
  @ApiOperation({ summary: 'En persons navn, CPR-nummer og sager i brugerens adgang (læsningen logges).' })
  @ApiResponse({ status: 404, description: 'Personen findes ikke (eller er uden for brugerens adgang).' })
  read(@Param('personRef') personRef: string, @CurrentUser() user: AuthenticatedUser): Promise<PersonView> {
    return this.persons.read(personRef, user);
  }
}
