import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CONCERN_LETTER_DECISIONS } from '../../../../libs/domain/concern-letter/concern-letter.decisions';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseIdParam } from '../cases/case-id';
import { CaseDecision } from '../cases/case-slice';
import { ApiError } from '../common/api-error';
import { CoordinationResponse, ListResponses, ReadResponses } from '../common/api-responses';
import { PageQuery } from '../common/page';
import { PersonsService } from '../persons/persons.service';
import {
  CommitteeDecisionDto,
  ConcernLetterFollowUpDto,
  ConcernLetterOutcomeDto,
  DeliveryAttemptDto,
  ParentsContactDto,
} from './concern-letter.dto';
import { CONCERN_LETTER_SLICE } from './concern-letter.slice';
import { ConcernLetterSummaryPage, ConcernLetterView } from './concern-letter.views';
import { ConcernLettersService } from './concern-letters.service';

/** A letter's detail with its person, the read logged: for this controller and the rounds' (a new candidate). */
export async function readConcernLetter(
  services: { letters: ConcernLettersService; accessLog: AccessLogService; persons: PersonsService },
  caseId: string,
  user: AuthenticatedUser,
): Promise<ConcernLetterView> {
  const view = await services.letters.detail(caseId, user);
  if (!view) throw ApiError.caseNotFound(caseId);
  await services.accessLog.record(user, 'case_read', { caseId });
  return services.persons.caseShownTo(view, caseId, user);
}

@ApiTags('Bekymringsbreve')
@ApiBearerAuth()
@Controller('concern-letters')
export class ConcernLettersController {
  constructor(
    readonly letters: ConcernLettersService,
    private readonly decisions: CaseDecisionsService,
    readonly accessLog: AccessLogService,
    readonly persons: PersonsService,
  ) {}

  @Get()
  @RequirePermission('case:read')
  @ListResponses(
    'Bekymringsbreve (én sag pr. kandidat) i brugerens adgang, nyeste først, sidevis.',
    ConcernLetterSummaryPage,
  )
  async list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.letters.list(user, query.page, query.pageSize);
    await this.accessLog.record(user, 'case_list', {});
    return page;
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ReadResponses('Et bekymringsbrev: runde, status, frister, historik og et startet exit-forløb.', ConcernLetterView)
  detail(@CaseIdParam() caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<ConcernLetterView> {
    return readConcernLetter(this, caseId, user);
  }

  @CaseDecision(
    CONCERN_LETTER_DECISIONS['committee-decision'],
    'Koordinationsudvalgets fælles beslutning om kandidaten, med de deltagende parter (politiet og kommunen).',
    ConcernLetterView,
  )
  async committeeDecision(
    @CaseIdParam() caseId: string,
    @Body() dto: CommitteeDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConcernLetterView> {
    await this.decisions.decide(CONCERN_LETTER_SLICE, 'committee-decision', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    CONCERN_LETTER_DECISIONS['delivery-attempt'],
    'Et forsøg på at aflevere brevet personligt; kun efter udvalgets beslutning om at sende det (ellers 409).',
    ConcernLetterView,
  )
  async deliveryAttempt(
    @CaseIdParam() caseId: string,
    @Body() dto: DeliveryAttemptDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConcernLetterView> {
    await this.decisions.decide(CONCERN_LETTER_SLICE, 'delivery-attempt', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    CONCERN_LETTER_DECISIONS['parents-contact'],
    'Kontakten til forældrene (retsplejelovens § 115a), når personen ikke blev truffet eller afviste.',
    ConcernLetterView,
  )
  async parentsContact(
    @CaseIdParam() caseId: string,
    @Body() dto: ParentsContactDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConcernLetterView> {
    await this.decisions.decide(CONCERN_LETTER_SLICE, 'parents-contact', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    CONCERN_LETTER_DECISIONS['follow-up'],
    'Opfølgningen efter afleveringen eller kontakten til forældrene.',
    ConcernLetterView,
  )
  async followUp(
    @CaseIdParam() caseId: string,
    @Body() dto: ConcernLetterFollowUpDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConcernLetterView> {
    await this.decisions.decide(CONCERN_LETTER_SLICE, 'follow-up', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    CONCERN_LETTER_DECISIONS.outcome,
    'Udfaldet, der afslutter sagen; exit_course starter et exit-forløb uden for fængslet (henvist af bekymringsbrev).',
    ConcernLetterView,
  )
  @CoordinationResponse()
  async outcome(
    @CaseIdParam() caseId: string,
    @Body() dto: ConcernLetterOutcomeDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConcernLetterView> {
    await this.letters.recordOutcome(caseId, dto, user);
    return this.detail(caseId, user);
  }
}
