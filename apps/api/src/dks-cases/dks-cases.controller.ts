import { Body, Controller, Get, Headers, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { PersonsService } from '../persons/persons.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { parseIdempotencyKey } from '../cases/idempotency-keys.service';
import { ApiError } from '../common/api-error';
import { ListResponses, ReadResponses, StartResponses } from '../common/api-responses';
import { PageQuery } from '../common/page';
import {
  DksAssessmentDto,
  DksCaseEndDto,
  DksCaseMoveDto,
  FollowUpCheckDto,
  HomeVisitDto,
  HomeVisitPlanDto,
  StartDksCaseDto,
} from './dks-case.dto';
import { DksCasesService } from './dks-cases.service';
import { DksCaseSummaryPage, DksCaseView } from './dks-case.views';
import { DKS_CASE_SLICE } from './dks-case.slice';
import { DKS_CASE_DECISIONS } from '../../../../libs/domain/youth/dks-case.decisions';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseIdParam } from '../cases/case-id';
import { CaseDecision } from '../cases/case-slice';
import { DKS_YOUTH_DECISIONS } from '../../../../libs/domain/youth/youth-case.decisions';
import { AdultHandoverDto, CaseLevelDto } from '../youth-cases/youth-case.dto';

@ApiTags('DKS')
@ApiBearerAuth()
@Controller('dks-cases')
export class DksCasesController {
  constructor(
    private readonly dks: DksCasesService,
    private readonly decisions: CaseDecisionsService,
    private readonly accessLog: AccessLogService,
    private readonly persons: PersonsService,
  ) {}

  @Post()
  @RequirePermission('dks:decide')
  @StartResponses(
    'Registrér en bandesag med en ung under 18: DKS-vurderingen skal foreligge inden 24 timer.',
    DksCaseView,
  )
  async start(
    @Body() dto: StartDksCaseDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DksCaseView> {
    const { caseId, created } = await this.dks.start(dto, parseIdempotencyKey(idempotencyKeyHeader), user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/dks-cases/${caseId}`);
    return this.detail(caseId, user);
  }

  @Get()
  @RequirePermission('case:read')
  @ListResponses('DKS-sager i brugerens politikreds, nyeste først, sidevis.', DksCaseSummaryPage)
  async list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.dks.list(user, query.page, query.pageSize);
    await this.accessLog.record(user, 'case_list', {});
    return page;
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ReadResponses('En DKS-sag: status, frister, historik.', DksCaseView)
  async detail(@CaseIdParam() caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<DksCaseView> {
    const view = await this.dks.detail(caseId, user);
    if (!view) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_read', { caseId });
    return this.persons.caseShownTo(view, caseId, user);
  }

  @CaseDecision(
    DKS_CASE_DECISIONS.assessment,
    'DKS-vurderingen: skal der holdes en bekymringssamtale (hjemmebesøg)?',
    DksCaseView,
  )
  async assess(
    @CaseIdParam() caseId: string,
    @Body() dto: DksAssessmentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'assessment', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(DKS_CASE_DECISIONS['home-visit-plan'], 'Planlæg hjemmebesøget (med socialforvaltningen).', DksCaseView)
  async planHomeVisit(
    @CaseIdParam() caseId: string,
    @Body() dto: HomeVisitPlanDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'home-visit-plan', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    DKS_CASE_DECISIONS['home-visit'],
    'Registrér at hjemmebesøget er holdt; opfølgningstjekket skal ske inden 14 dage.',
    DksCaseView,
  )
  async homeVisit(
    @CaseIdParam() caseId: string,
    @Body() dto: HomeVisitDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'home-visit', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    DKS_CASE_DECISIONS['follow-up'],
    'Registrér opfølgningstjekket af de iværksatte initiativer.',
    DksCaseView,
  )
  async followUp(
    @CaseIdParam() caseId: string,
    @Body() dto: FollowUpCheckDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'follow-up', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    DKS_CASE_DECISIONS['case-end'],
    'Afslut sagen uden hjemmebesøg: familien takker nej, kan ikke træffes, eller en eksisterende handleplan fortsætter. Åbne skridt annulleres.',
    DksCaseView,
  )
  async endCase(
    @CaseIdParam() caseId: string,
    @Body() dto: DksCaseEndDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'case-end', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    DKS_CASE_DECISIONS.move,
    'Den unge er flyttet: sagen går til den nye politikreds’ DKS med sin historik og sine frister; den gamle kan fortsat læse den.',
    DksCaseView,
  )
  async move(
    @CaseIdParam() caseId: string,
    @Body() dto: DksCaseMoveDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'move', caseId, dto, user);
    // Moved, the case is the new district's: the old one reads it still (its history).
    return this.detail(caseId, user);
  }

  @CaseDecision(
    DKS_YOUTH_DECISIONS['case-level'],
    'Sæt eller ændr sagens niveau (1–3); en ændring skal have en begrundelse.',
    DksCaseView,
  )
  async caseLevel(
    @CaseIdParam() caseId: string,
    @Body() dto: CaseLevelDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'case-level', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    DKS_YOUTH_DECISIONS['adult-handover'],
    'Den unge er fyldt 18: overdrages sagen til kommunens 18+-indsats (SSP+)?',
    DksCaseView,
  )
  async adultHandover(
    @CaseIdParam() caseId: string,
    @Body() dto: AdultHandoverDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DksCaseView> {
    await this.decisions.decide(DKS_CASE_SLICE, 'adult-handover', caseId, dto, user);
    return this.detail(caseId, user);
  }
}
