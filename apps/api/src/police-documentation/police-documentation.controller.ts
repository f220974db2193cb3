import { Body, Controller, Get, Headers, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseIdParam } from '../cases/case-id';
import { parseIdempotencyKey } from '../cases/idempotency-keys.service';
import { ListResponses, ReadResponses, StartResponses } from '../common/api-responses';
import { PageQuery } from '../common/page';
import {
  PoliceDocumentationDetailView,
  PoliceDocumentationPage,
  type PoliceDocumentationView,
} from '../network-councils/network-council.views';
import { SendPoliceDocumentationDto } from './police-documentation.dto';
import { PoliceDocumentationService } from './police-documentation.service';

@ApiTags('Dokumentation fra politiet')
@ApiBearerAuth()
@Controller('police-documentation')
export class PoliceDocumentationController {
  constructor(
    private readonly documentation: PoliceDocumentationService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post()
  @RequirePermission('police-documentation:send')
  @StartResponses(
    'Send dokumentationen om, at en ung under 18 er mistænkt eller sigtet, til kommunen: afsendelsen er modtagelsen, og netværkssamrådet skal indkaldes inden 7 dage.',
    PoliceDocumentationDetailView,
  )
  async send(
    @Body() dto: SendPoliceDocumentationDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PoliceDocumentationDetailView> {
    const { caseId, created } = await this.documentation.send(dto, parseIdempotencyKey(idempotencyKeyHeader), user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/police-documentation/${caseId}`);
    return this.detail(caseId, user);
  }

  @Get()
  @RequirePermission('police-documentation:read')
  @ListResponses(
    'Kommunens indbakke (dokumentation modtaget fra politiet) eller politikredsens sendte dokumentation, nyeste først, sidevis.',
    PoliceDocumentationPage,
  )
  async list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.documentation.list(user, query.page, query.pageSize);
    await this.accessLog.record(user, 'case_list', { details: { list: 'police_documentation' } });
    return page as { items: PoliceDocumentationView[]; page: number; pageSize: number; total: number };
  }

  @Get(':id')
  @RequirePermission('police-documentation:read')
  @ReadResponses(
    'Én dokumentation fra politiet med lovovertrædelsen og netværkssamrådets status (ikke samrådets indhold).',
    PoliceDocumentationDetailView,
  )
  async detail(
    @CaseIdParam() caseId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PoliceDocumentationDetailView> {
    const view = await this.documentation.detail(caseId, user);
    await this.accessLog.record(user, 'case_read', { caseId, details: { read: 'police_documentation' } });
    return view;
  }
}
