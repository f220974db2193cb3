import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResponses } from '../common/api-responses';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { PageQuery, type Page } from '../common/page';
import { PersonsService } from '../persons/persons.service';
import { ExitCourseViewsRepository } from './exit-course-views.repository';
import { HandoverInboxPage, type HandoverInboxItem } from './exit-course.views';
import { HandoverPreparationRepository } from './handover-preparation.repository';
import { ComingHandoverPage, type ComingHandoverView } from './handover-preparation.views';

@ApiTags('Politiets exitenhed')
@ApiBearerAuth()
@Controller('handovers')
export class HandoversController {
  constructor(
    private readonly views: ExitCourseViewsRepository,
    private readonly accessLog: AccessLogService,
    private readonly persons: PersonsService,
    private readonly preparation: HandoverPreparationRepository,
  ) {}

  @Get()
  @RequirePermission('handover:decide')
  @ListResponses(
    'Indbakke: overdragelser til brugerens politikreds, der venter på en afgørelse, ældste frist først.',
    HandoverInboxPage,
  )
  async inbox(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<HandoverInboxItem>> {
    const page = await this.views.handoverInbox(user, query.page, query.pageSize);
    const names = await this.persons.namesShownTo(user, page.items);
    await this.accessLog.record(user, 'case_list', {});
    const items = await Promise.all(
      page.items.map(async (item) => ({
        ...item,
        personName: names.get(item.personRef) ?? null,
        handoverPreparation: await this.persons.freeTextsShownTo(
          await this.preparation.ofCase(item.caseId),
          item.caseId,
          user,
        ),
      })),
    );
    // The report and the views are the course's contents: each item's read is logged as a case read.
    await this.accessLog.recordEach(
      user,
      'case_read',
      items.map((item) => ({ caseId: item.caseId })),
    );
    return { ...page, items };
  }

  @Get('coming')
  @RequirePermission('case:read')
  @ListResponses(
    'Kommende overdragelser: forløb, hvis løsladelse er varslet til brugerens politikreds eller kommune, og som endnu ikke er løsladt, nærmeste løsladelse først.',
    ComingHandoverPage,
  )
  async coming(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<ComingHandoverView>> {
    const page = await this.preparation.coming(user, query.page, query.pageSize);
    const names = await this.persons.namesShownTo(user, page.items);
    await this.accessLog.record(user, 'case_list', {});
    return { ...page, items: page.items.map((item) => ({ ...item, personName: names.get(item.personRef) ?? null })) };
  }
}
