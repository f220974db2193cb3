import { Body, Controller, Get, Headers, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ACCESS_REQUEST_DECISIONS } from '../../../../libs/domain/access-request/access-request.decisions';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseIdParam } from '../cases/case-id';
import { CaseDecision } from '../cases/case-slice';
import { attachmentDisposition } from '../cases/document-content';
import { parseIdempotencyKey } from '../cases/idempotency-keys.service';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses, ListResponses, ReadResponses, StartResponses } from '../common/api-responses';
import { PageQuery } from '../common/page';
import { accessExportPdf } from './access-export-pdf';
import {
  AccessRequestDecisionDto,
  AccessRequestExtensionDto,
  ExportQuery,
  StartAccessRequestDto,
} from './access-request.dto';
import { AccessExportView, AccessRequestSummaryPage, AccessRequestView } from './access-request.views';
import { AccessRequestsService } from './access-requests.service';

@ApiTags('Indsigt')
@ApiBearerAuth()
@Controller('access-requests')
export class AccessRequestsController {
  constructor(
    private readonly requests: AccessRequestsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post()
  @RequirePermission('access-request:handle')
  @StartResponses(
    'Registrér en anmodning om indsigt (CPR-nummeret i brødteksten): svarfristen er en måned efter modtagelsen.',
    AccessRequestView,
  )
  async start(
    @Body() dto: StartAccessRequestDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessRequestView> {
    const { caseId, created } = await this.requests.start(dto, parseIdempotencyKey(idempotencyKeyHeader), user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/access-requests/${caseId}`);
    return this.detail(caseId, user);
  }

  @Get()
  @RequirePermission('access-request:handle')
  @ListResponses(
    'Anmodninger om indsigt i den dataansvarliges omfang, nyeste først, med svarfrist.',
    AccessRequestSummaryPage,
  )
  async list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.requests.list(user, query.page, query.pageSize);
    await this.accessLog.record(user, 'case_list', {});
    return page;
  }

  @Get(':id')
  @RequirePermission('access-request:handle')
  @ReadResponses('En anmodning om indsigt: CPR-nummer, frist, svar og mulige beslutninger.', AccessRequestView)
  async detail(@CaseIdParam() caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<AccessRequestView> {
    const view = await this.requests.detail(caseId, user);
    if (!view) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_read', { caseId });
    return view;
  }

  @Get(':id/export')
  @RequirePermission('access-request:handle')
  @ApiOperation({
    summary:
      'Udtræk af alt, hvad den dataansvarliges omfang har om personen (registret, sager, hændelser, notater, dokumentliste, mentorkontakter, beskeder, læsninger), som JSON eller PDF. Udtrækket logges.',
  })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({ type: AccessExportView, description: 'JSON (format=json) eller en PDF til udskrift (format=pdf).' })
  @ApiErrorResponses(400, 401, 403, 404)
  async export(
    @CaseIdParam() caseId: string,
    @Query() query: ExportQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessExportView | undefined> {
    const data = await this.requests.export(caseId, user);
    if (!data) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'access_export', {
      caseId,
      details: { requestId: caseId, format: query.format },
    });
    // And against each case and person exported, so that "who read this case" shows the export too.
    await this.accessLog.recordEach(user, 'access_export', [
      ...data.cases.map((exported) => ({ caseId: exported.id })),
      ...data.persons.map((person) => ({ personRef: person.personRef })),
    ]);
    response.set('Cache-Control', 'no-store');
    if (query.format === 'json') return data as AccessExportView;
    const pdf = accessExportPdf(data);
    response
      .status(HttpStatus.OK)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.length),
        'Content-Disposition': attachmentDisposition(`indsigt-${caseId}.pdf`),
        'X-Content-Type-Options': 'nosniff',
      })
      .end(pdf);
    return undefined;
  }

  @CaseDecision(
    ACCESS_REQUEST_DECISIONS['access-request-decision'],
    'Svaret på anmodningen: fuld indsigt, delvis indsigt eller afslag; undtagelse med retlig grund og begrundelse.',
    AccessRequestView,
  )
  async decision(
    @CaseIdParam() caseId: string,
    @Body() dto: AccessRequestDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AccessRequestView> {
    await this.requests.decide('access-request-decision', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    ACCESS_REQUEST_DECISIONS['access-request-extension'],
    'Forlæng svarfristen én gang med 1 eller 2 måneder, med begrundelse (databeskyttelsesforordningens art. 12, stk. 3).',
    AccessRequestView,
  )
  async extension(
    @CaseIdParam() caseId: string,
    @Body() dto: AccessRequestExtensionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AccessRequestView> {
    await this.requests.decide('access-request-extension', caseId, dto, user);
    return this.detail(caseId, user);
  }
}
