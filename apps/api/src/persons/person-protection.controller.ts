import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiErrorResponses } from '../common/api-responses';
import { PersonProtectionDto, RevealPersonDto } from './person-protection.dto';
import { PersonProtectionService } from './person-protection.service';
import { PersonProtectionView, RevealedPersonView } from './person.views';

@ApiTags('Personer')
@ApiBearerAuth()
@Controller()
export class PersonProtectionController {
  constructor(private readonly protection: PersonProtectionService) {}

  @Post('persons/:personRef/protection')
  @RequirePermission('person:protect')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Sæt eller ophæv udvidet adressebeskyttelse for en person på en sag, enheden har skriveadgang til (logges med årsagen).',
  })
  @ApiOkResponse({ type: PersonProtectionView })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  change(
    @Param('personRef') personRef: string,
    @Body() dto: PersonProtectionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PersonProtectionView> {
    return this.protection.change(personRef, dto, user);
  }

  @Post('cases/:id/person/reveal')
  @RequirePermission('person:read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Vis en beskyttet persons navn og CPR-nummer for sagsbehandlerne i enheden med skriveadgang til sagen; begrundelsen logges.',
  })
  @ApiOkResponse({ type: RevealedPersonView })
  @ApiErrorResponses(401, 403, 404, 409)
  reveal(
    @Param('id') caseId: string,
    @Body() dto: RevealPersonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RevealedPersonView> {
    return this.protection.reveal(caseId, dto, user);
  }
}
