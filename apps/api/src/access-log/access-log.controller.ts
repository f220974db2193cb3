import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import type { Page } from '../common/page';
import { CaseIdParam } from '../cases/case-id';
import { AccessLogReadsService } from './access-log-reads.service';
import { AccessLogQuery } from './access-log.query';
import { AccessLogPage, type AccessLogEntryView } from './access-log.views';

/**
 * Who read a case or a person (`access-log:read`): supervisors for what they may see, a data-protection
 * officer for what its organisation (or its units) answers for. Anything else is 404; reading is logged.
 */
@ApiTags('Adgangslog')
@ApiBearerAuth()
@Controller()
export class AccessLogController {
  constructor(private readonly reads: AccessLogReadsService) {}

  @Get('cases/:id/access-log')
  @RequirePermission('access-log:read')
  @ListResponses(
    'Hvem har læst sagen: adgangsloggens rækker om sagen (hvornår, hvem, hvad), nyeste først, sidevis; filtre for periode og bruger. Læsningen logges.',
    AccessLogPage,
  )
  @ApiErrorResponses(404)
  ofCase(
    @CaseIdParam() caseId: string,
    @Query() query: AccessLogQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<AccessLogEntryView>> {
    return this.reads.ofCase(caseId, query, user);
  }

  @Get('persons/:personRef/access-log')
  @RequirePermission('access-log:read')
  @ListResponses(
    'Hvem har læst oplysningerne om personen: rækkerne om personen (læst af brugere i egen organisation) og om hver af personens sager i brugerens adgang, nyeste først, sidevis. Læsningen logges.',
    AccessLogPage,
  )
  @ApiErrorResponses(404)
  ofPerson(
    @Param('personRef') personRef: string,
    @Query() query: AccessLogQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<AccessLogEntryView>> {
    return this.reads.ofPerson(personRef, query, user);
  }
}
