import { Body, Controller, Get, Headers, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { PersonsService } from '../persons/persons.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { parseIdempotencyKey } from '../cases/idempotency-keys.service';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses, ListResponses, ReadResponses, StartResponses } from '../common/api-responses';
import { familyLetterHtml } from './family-letter';
import { PageQuery } from '../common/page';
import {
  CouncilAgreementsDto,
  CouncilExpectedReleaseDto,
  CouncilMeetingDto,
  CouncilMeetingPlanDto,
  CouncilReleaseDto,
  InitiativeFollowUpDto,
  InvitationsDto,
  StartNetworkCouncilDto,
} from './network-council.dto';
import { NetworkCouncilsService } from './network-councils.service';
import { NetworkCouncilSummaryPage, NetworkCouncilView } from './network-council.views';
import { NETWORK_COUNCIL_SLICE } from './network-council.slice';
import { NETWORK_COUNCIL_DECISIONS } from '../../../../libs/domain/youth/network-council.decisions';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseIdParam } from '../cases/case-id';
import { CaseDecision } from '../cases/case-slice';
import { COUNCIL_YOUTH_DECISIONS } from '../../../../libs/domain/youth/youth-case.decisions';
import { AdultHandoverDto, CaseLevelDto } from '../youth-cases/youth-case.dto';

@ApiTags('Netværkssamråd')
@ApiBearerAuth()
@Controller('network-councils')
export class NetworkCouncilsController {
  constructor(
    private readonly councils: NetworkCouncilsService,
    private readonly decisions: CaseDecisionsService,
    private readonly accessLog: AccessLogService,
    private readonly persons: PersonsService,
  ) {}

  @Post()
  @RequirePermission('council:decide')
  @StartResponses(
    'Registrér modtaget dokumentation om en ung under 18: netværkssamrådet skal indkaldes inden 7 dage.',
    NetworkCouncilView,
  )
  async start(
    @Body() dto: StartNetworkCouncilDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NetworkCouncilView> {
    const { caseId, created } = await this.councils.start(dto, parseIdempotencyKey(idempotencyKeyHeader), user);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/network-councils/${caseId}`);
    return this.detail(caseId, user);
  }

  @Get()
  @RequirePermission('case:read')
  @ListResponses('Netværkssamråd i brugerens kommune, nyeste først, sidevis.', NetworkCouncilSummaryPage)
  async list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.councils.list(user, query.page, query.pageSize);
    await this.accessLog.record(user, 'case_list', {});
    return page;
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ReadResponses('Et netværkssamråd: status, frist, historik.', NetworkCouncilView)
  async detail(@CaseIdParam() caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<NetworkCouncilView> {
    const view = await this.councils.detail(caseId, user);
    if (!view) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_read', { caseId });
    return this.persons.caseShownTo(view, caseId, user);
  }

  @Get(':id/family-letter')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Brevet til familien om, hvornår netværkssamrådet kan forventes (udskrivbar HTML): kommunens navn, indkaldt eller senest. Viser den unges navn for brugere med adgang til personer (læsningen logges); aldrig CPR-nummer.',
  })
  @ApiResponse({
    status: 200,
    description: 'Brevet som HTML.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiErrorResponses(401, 403, 404)
  async familyLetter(
    @CaseIdParam() caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const view = await this.councils.detail(caseId, user);
    if (!view) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_read', { caseId });
    const person = await this.persons.ofCase(view.personRef, caseId, user);
    // A protected person's letter names no one (»om jeres barn«), as for a user without access to persons.
    const letter = familyLetterHtml(view, person && !person.protected ? person.name : null, new Date());
    // Only the letter is HTML: an error answers JSON, as every error does.
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    return letter;
  }

  @CaseDecision(
    NETWORK_COUNCIL_DECISIONS.invitations,
    'Registrér indkaldelsen (deltagere efter rolle).',
    NetworkCouncilView,
  )
  async invitations(
    @CaseIdParam() caseId: string,
    @Body() dto: InvitationsDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'invitations', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(NETWORK_COUNCIL_DECISIONS.meeting, 'Registrér at samrådet er holdt.', NetworkCouncilView)
  async meeting(
    @CaseIdParam() caseId: string,
    @Body() dto: CouncilMeetingDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'meeting', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    NETWORK_COUNCIL_DECISIONS.agreements,
    'Registrér aftalerne: støtte under varetægt, ved løsladelse, mentorstøtte.',
    NetworkCouncilView,
  )
  async agreements(
    @CaseIdParam() caseId: string,
    @Body() dto: CouncilAgreementsDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'agreements', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    COUNCIL_YOUTH_DECISIONS['case-level'],
    'Sæt eller ændr sagens niveau (1–3) på samrådet; en ændring skal have en begrundelse.',
    NetworkCouncilView,
  )
  async caseLevel(
    @CaseIdParam() caseId: string,
    @Body() dto: CaseLevelDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'case-level', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    NETWORK_COUNCIL_DECISIONS['meeting-plan'],
    'Planlæg mødet: det planlagte tidspunkt (ved indkaldelsen eller senere; en ny plan erstatter den forrige).',
    NetworkCouncilView,
  )
  async meetingPlan(
    @CaseIdParam() caseId: string,
    @Body() dto: CouncilMeetingPlanDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'meeting-plan', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    COUNCIL_YOUTH_DECISIONS['adult-handover'],
    'Den unge er fyldt 18: overdrages sagen til kommunens 18+-indsats (SSP+)?',
    NetworkCouncilView,
  )
  async adultHandover(
    @CaseIdParam() caseId: string,
    @Body() dto: AdultHandoverDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'adult-handover', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    NETWORK_COUNCIL_DECISIONS['initiative-follow-up'],
    'Registrér opfølgningen på ét initiativ i handleplanen (kommunen, eller initiativets ejer for sit eget): samrådet afsluttes, når alle er fulgt op.',
    NetworkCouncilView,
  )
  async initiativeFollowUp(
    @CaseIdParam() caseId: string,
    @Body() dto: InitiativeFollowUpDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.councils.followUp(caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    NETWORK_COUNCIL_DECISIONS['expected-release'],
    'Den unge er varetægtsfængslet: den forventede løsladelsesdato, som støtte ved løsladelse følger.',
    NetworkCouncilView,
  )
  async expectedRelease(
    @CaseIdParam() caseId: string,
    @Body() dto: CouncilExpectedReleaseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'expected-release', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    NETWORK_COUNCIL_DECISIONS.release,
    'Den unge er løsladt: støtte ved løsladelse har frist samme dag, og initiativernes ejere får et varsel.',
    NetworkCouncilView,
  )
  async release(
    @CaseIdParam() caseId: string,
    @Body() dto: CouncilReleaseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NetworkCouncilView> {
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'release', caseId, dto, user);
    return this.detail(caseId, user);
  }
}
