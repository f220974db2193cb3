import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { DKS_CASE_DECISIONS } from '../../../../libs/domain/youth/dks-case.decisions';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseIdParam } from '../cases/case-id';
import { DecisionResponses, ListResponses } from '../common/api-responses';
import { SocialServicesParticipationDto } from '../dks-cases/dks-case.dto';
import { HomeVisitList, HomeVisitView } from './home-visit.views';
import { HomeVisitsService } from './home-visits.service';

/** The municipality's social services in DKS's joint home visits: their narrow view, and their part in it. */
@ApiTags('Hjemmebesøg (socialforvaltningen)')
@ApiBearerAuth()
@Controller()
export class HomeVisitsController {
  constructor(private readonly homeVisits: HomeVisitsService) {}

  @Get('home-visits')
  @RequirePermission('home-visit:read')
  @ListResponses(
    'De fælles hjemmebesøg, DKS har planlagt med brugerens kommune: tidspunkt, den unge og politikredsen (hver læsning logges).',
    HomeVisitList,
  )
  async list(@CurrentUser() user: AuthenticatedUser): Promise<HomeVisitList> {
    return { items: await this.homeVisits.list(user) };
  }

  @Post(`dks-cases/:id/${DKS_CASE_DECISIONS['social-services'].name}`)
  @RequirePermission(DKS_CASE_DECISIONS['social-services'].permission)
  @DecisionResponses(
    'Socialforvaltningens deltagelse i hjemmebesøget og sagsnummeret på dens egen niveau 1-sag (gemmes krypteret).',
    HomeVisitView,
  )
  async record(
    @CaseIdParam() caseId: string,
    @Body() dto: SocialServicesParticipationDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HomeVisitView> {
    return this.homeVisits.record(caseId, dto, user);
  }
}
