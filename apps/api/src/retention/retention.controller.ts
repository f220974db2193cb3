import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseIdParam } from '../cases/case-id';
import { ApiErrorResponses, ReadResponses } from '../common/api-responses';
import { LegalHoldService } from './legal-hold.service';
import { LegalHoldDto } from './retention.dto';
import { RetentionListsService } from './retention-lists.service';
import { LegalHoldView, RetentionApprovalView, RetentionListsView } from './retention.views';

@ApiTags('Sletning')
@ApiBearerAuth()
@Controller()
export class RetentionController {
  constructor(
    private readonly lists: RetentionListsService,
    private readonly holds: LegalHoldService,
  ) {}

  @Get('retention-lists')
  @RequirePermission('retention:review')
  @ApiOperation({
    summary:
      'Sletningslister: de sager i databeskyttelsens ansvarsområde, hvis opbevaringsfrist er udløbet (natkørslen), uden navne.',
  })
  @ApiOkResponse({ type: RetentionListsView })
  @ApiErrorResponses(401, 403)
  async openLists(@CurrentUser() user: AuthenticatedUser): Promise<RetentionListsView> {
    return { items: await this.lists.openLists(user) };
  }

  @Post('retention-lists/:id/approval')
  @RequirePermission('retention:review')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Godkend sletning: hver sag på listen, der stadig er forfalden og uden sletningsstop, slettes (personen med, når ingen sag er tilbage).',
  })
  @ApiOkResponse({ type: RetentionApprovalView })
  @ApiErrorResponses(401, 403, 404, 409)
  approve(@Param('id') listId: string, @CurrentUser() user: AuthenticatedUser): Promise<RetentionApprovalView> {
    return this.lists.approve(user, listId);
  }

  @Get('cases/:id/legal-hold')
  @RequirePermission('legal-hold:set')
  @ReadResponses('Sagens sletningsstop: om det er sat, hvorfor og hvornår.', LegalHoldView)
  legalHold(@CaseIdParam() caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<LegalHoldView> {
    return this.holds.get(user, caseId);
  }

  @Post('cases/:id/legal-hold')
  @RequirePermission('legal-hold:set')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sæt eller ophæv sletningsstop på en sag (med begrundelse; logges).' })
  @ApiOkResponse({ type: LegalHoldView })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  setLegalHold(
    @CaseIdParam() caseId: string,
    @Body() dto: LegalHoldDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LegalHoldView> {
    return this.holds.set(user, caseId, dto);
  }
}
