import { Body, Controller, Get, Headers, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { PersonsService } from '../persons/persons.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { PageQuery, type Page } from '../common/page';
import {
  AgreementSignedDto,
  AssessmentInputDto,
  MentorAssignmentDto,
  MentorContactDto,
  PsychologistCourseDto,
} from './dto/agreement-support.dto';
import { InterruptionDto } from './dto/interruption.dto';
import {
  ExpectedReleaseDateDto,
  HandoverDecisionDto,
  HandoverRedirectDto,
  PrisonTransferDto,
  ReadinessDto,
  ReleaseDto,
  ReleasePlanDto,
} from './dto/release.dto';
import { ListExitCoursesQuery } from './dto/list-exit-courses.query';
import { StartExitCourseDto } from './dto/start-exit-course.dto';
import { StartOutsidePrisonCourseDto } from './dto/start-outside-prison-course.dto';
import { SuitabilityAssessmentDto } from './dto/suitability-assessment.dto';
import { PoliceCourseEndDto, PolicePlanDto, PoliceReviewDto, ReoffendingCheckDto } from './dto/police-phase.dto';
import { parseIdempotencyKey, type StartResult } from '../cases/idempotency-keys.service';
import { ExitCourseCommandsService } from './exit-course-commands.service';
import { EXIT_COURSE_SLICE } from './exit-course.slice';
import { EXIT_COURSE_DECISIONS } from '../../../../libs/domain/exit-course/exit-course.decisions';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseIdParam } from '../cases/case-id';
import { CaseDecision } from '../cases/case-slice';
import { ExitCourseViewsRepository } from './exit-course-views.repository';
import {
  ExitCourseDetailView,
  ExitCourseSummaryPage,
  MentorContactPage,
  type ExitCourseDetail,
  type ExitCourseSummary,
  type MentorContactView,
} from './exit-course.views';
import { HistoryEntryPage, type HistoryEntry } from '../cases/case.views';
import { CoordinationResponse, ListResponses, ReadResponses, StartResponses } from '../common/api-responses';
import { CaseScopeRepository } from '../cases/case-scope.repository';
import { HandoverReportDto, HandoverViewDto } from './dto/handover-preparation.dto';
import { HandoverTexts } from './handover-texts';

@ApiTags('Exit-forløb')
@ApiBearerAuth()
@Controller('exit-courses')
export class ExitCoursesController {
  constructor(
    private readonly commands: ExitCourseCommandsService,
    private readonly decisions: CaseDecisionsService,
    private readonly views: ExitCourseViewsRepository,
    private readonly scope: CaseScopeRepository,
    private readonly accessLog: AccessLogService,
    private readonly persons: PersonsService,
    private readonly texts: HandoverTexts,
  ) {}

  @Post()
  @RequirePermission('exit-course:start')
  @StartResponses('Start et exit-forløb; egnethedsvurderingen åbnes med frist.', ExitCourseDetailView)
  @CoordinationResponse()
  async start(
    @Body() dto: StartExitCourseDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExitCourseDetail> {
    return this.started(
      await this.commands.start(dto, parseIdempotencyKey(idempotencyKeyHeader), user),
      user,
      response,
    );
  }

  @Post('outside-prison')
  @RequirePermission('exit-course:start-outside')
  @StartResponses(
    'Politiets exitenhed eller kommunen starter selv et exit-forløb uden for fængslet; egnethedsvurderingen åbnes med frist.',
    ExitCourseDetailView,
  )
  @CoordinationResponse()
  async startOutsidePrison(
    @Body() dto: StartOutsidePrisonCourseDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExitCourseDetail> {
    const result = await this.commands.startOutsidePrison(dto, parseIdempotencyKey(idempotencyKeyHeader), user);
    return this.started(result, user, response);
  }

  /** A start's answer: 201 for a new course, 200 for one an earlier request with the same key made. */
  private started(
    { caseId, created }: StartResult,
    user: AuthenticatedUser,
    response: Response,
  ): Promise<ExitCourseDetail> {
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/exit-courses/${caseId}`);
    return this.detail(caseId, user);
  }

  @Get()
  @RequirePermission('case:read')
  @ListResponses('Exit-forløb i brugerens adgang, nyeste først, sidevis.', ExitCourseSummaryPage)
  async list(
    @Query() query: ListExitCoursesQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<ExitCourseSummary>> {
    const page = await this.views.list(query, user);
    await this.accessLog.record(user, 'case_list', {});
    return page;
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ReadResponses('Et forløb: status, åbne trin med frister og overskridelser, historik.', ExitCourseDetailView)
  async detail(@CaseIdParam() caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<ExitCourseDetail> {
    const detail = await this.views.findDetail(caseId, user);
    if (!detail) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_read', { caseId });
    return this.persons.caseShownTo(detail, caseId, user);
  }

  @Get(':id/history')
  @RequirePermission('case:read')
  @ReadResponses('Forløbets fulde historik (revisionsspor), sidevis.', HistoryEntryPage)
  async history(
    @CaseIdParam() caseId: string,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<HistoryEntry>> {
    if (!(await this.scope.findForUser(caseId, 'exit_course', user))) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_history_read', { caseId });
    return this.persons.freeTextsShownTo(await this.views.history(caseId, query.page, query.pageSize), caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['suitability-assessment'],
    'Registrér egnethedsvurderingen: tilbud (åbner underskrift) eller afslag (afslutter).',
    ExitCourseDetailView,
  )
  async assessSuitability(
    @CaseIdParam() caseId: string,
    @Body() dto: SuitabilityAssessmentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'suitability-assessment', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS.interruption,
    'Afbryd forløbet (af den indsatte eller Kriminalforsorgen) fra ethvert åbent trin.',
    ExitCourseDetailView,
  )
  async interrupt(
    @CaseIdParam() caseId: string,
    @Body() dto: InterruptionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'interruption', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['assessment-inputs'],
    'Registrér en parts udtalelse til den fælles egnethedsvurdering (forløb knyttet til prøveløsladelse).',
    ExitCourseDetailView,
  )
  async assessmentInput(
    @CaseIdParam() caseId: string,
    @Body() dto: AssessmentInputDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'assessment-inputs', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['agreement-signed'],
    'Registrér at exit-aftalen er underskrevet; åbner tildeling af mentor med frist.',
    ExitCourseDetailView,
  )
  async agreementSigned(
    @CaseIdParam() caseId: string,
    @Body() dto: AgreementSignedDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'agreement-signed', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS.mentor,
    'Tildel mentor (første gang starter kontaktkadencen) eller skift mentor.',
    ExitCourseDetailView,
  )
  async assignMentor(
    @CaseIdParam() caseId: string,
    @Body() dto: MentorAssignmentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'mentor', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['mentor-contacts'],
    'Registrér en mentorkontakt (dato, møde/telefon, minutter).',
    ExitCourseDetailView,
  )
  async logMentorContact(
    @CaseIdParam() caseId: string,
    @Body() dto: MentorContactDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'mentor-contacts', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @Get(':id/mentor-contacts')
  @RequirePermission('case:read')
  @ReadResponses('Forløbets mentorkontakter, nyeste først, sidevis.', MentorContactPage)
  async mentorContacts(
    @CaseIdParam() caseId: string,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<MentorContactView>> {
    if (!(await this.scope.findForUser(caseId, 'exit_course', user))) throw ApiError.caseNotFound(caseId);
    await this.accessLog.record(user, 'case_read', { caseId });
    return this.views.mentorContacts(caseId, query.page, query.pageSize);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['psychologist-course'],
    'Registrér start eller afslutning af psykologforløbet.',
    ExitCourseDetailView,
  )
  async psychologistCourse(
    @CaseIdParam() caseId: string,
    @Body() dto: PsychologistCourseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'psychologist-course', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS.transfer,
    'Registrér en overførsel til et andet fængsel: forløbet fortsætter dér; det afgivende fængsel beholder læseadgang.',
    ExitCourseDetailView,
  )
  async transfer(
    @CaseIdParam() caseId: string,
    @Body() dto: PrisonTransferDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'transfer', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['release-plan'],
    'Angiv kommune og politikreds personen løslades til (modtagere af varsel og overdragelse).',
    ExitCourseDetailView,
  )
  async releasePlan(
    @CaseIdParam() caseId: string,
    @Body() dto: ReleasePlanDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'release-plan', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['expected-release-date'],
    'Ændr den forventede løsladelsesdato; varsel og frister følger med.',
    ExitCourseDetailView,
  )
  async expectedReleaseDate(
    @CaseIdParam() caseId: string,
    @Body() dto: ExpectedReleaseDateDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'expected-release-date', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS.readiness,
    'Opdatér tjeklisten for løsladelse (bolig, forsørgelse, job-/uddannelsesplan, mentorkontinuitet).',
    ExitCourseDetailView,
  )
  async readiness(
    @CaseIdParam() caseId: string,
    @Body() dto: ReadinessDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'readiness', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS.release,
    'Registrér løsladelsen: sagen overdrages til politikredsens exitenhed; Kriminalforsorgens del slutter.',
    ExitCourseDetailView,
  )
  async release(
    @CaseIdParam() caseId: string,
    @Body() dto: ReleaseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'release', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['handover-report'],
    'Kriminalforsorgens overdragelsesrapport (fra løsladelsesvarslet til løsladelsen): plan, ansvarlige for tjeklisten, risiko og sikkerhed, vilkår, kontaktperson.',
    ExitCourseDetailView,
  )
  async handoverReport(
    @CaseIdParam() caseId: string,
    @Body() dto: HandoverReportDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    const sealed: HandoverReportDto = {
      ...dto,
      plan: this.texts.seal(caseId, 'plan', dto.plan),
      riskAssessment: this.texts.seal(caseId, 'risk', dto.riskAssessment),
      ...(dto.paroleConditions
        ? { paroleConditions: this.texts.seal(caseId, 'parole_conditions', dto.paroleConditions) }
        : {}),
    };
    await this.decisions.decide(EXIT_COURSE_SLICE, 'handover-report', caseId, sealed, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['handover-view'],
    'Kommunens eller Kriminalforsorgens udtalelse til exitenhedens afgørelse (fra løsladelsesvarslet, til exitenheden har afgjort).',
    ExitCourseDetailView,
  )
  async handoverView(
    @CaseIdParam() caseId: string,
    @Body() dto: HandoverViewDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    const sealed: HandoverViewDto = { ...dto, view: this.texts.seal(caseId, 'view', dto.view) };
    await this.decisions.decide(EXIT_COURSE_SLICE, 'handover-view', caseId, sealed, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['handover-decision'],
    'Politiets exitenhed: overtag (videreført eller afsluttet) eller afvis overdragelsen — efter løsladelsen, eller før den fra løsladelsesvarslet (løsladelsesplanens politikreds).',
    ExitCourseDetailView,
  )
  async handoverDecision(
    @CaseIdParam() caseId: string,
    @Body() dto: HandoverDecisionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'handover-decision', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['handover-redirect'],
    'Efter en afvisning: overdrag til en anden politikreds.',
    ExitCourseDetailView,
  )
  async handoverRedirect(
    @CaseIdParam() caseId: string,
    @Body() dto: HandoverRedirectDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'handover-redirect', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['police-plan'],
    'Politiets exitenhed: planen for det videreførte forløb (hvem der kører det).',
    ExitCourseDetailView,
  )
  async policePlan(
    @CaseIdParam() caseId: string,
    @Body() dto: PolicePlanDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'police-plan', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['police-review'],
    'Politiets exitenhed: opfølgning på forløbet; den næste opfølgning åbnes fra den.',
    ExitCourseDetailView,
  )
  async policeReview(
    @CaseIdParam() caseId: string,
    @Body() dto: PoliceReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'police-review', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['police-course-end'],
    'Politiets exitenhed: afslut forløbet med et udfald (flyttet: overdrag til den nye politikreds).',
    ExitCourseDetailView,
  )
  async policeCourseEnd(
    @CaseIdParam() caseId: string,
    @Body() dto: PoliceCourseEndDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'police-course-end', caseId, dto, user);
    return this.detail(caseId, user);
  }

  @CaseDecision(
    EXIT_COURSE_DECISIONS['reoffending-check'],
    'Politiets exitenhed: tilbagefaldskontrollen efter afslutningen (ny kriminalitet: ja eller nej).',
    ExitCourseDetailView,
  )
  async reoffendingCheck(
    @CaseIdParam() caseId: string,
    @Body() dto: ReoffendingCheckDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExitCourseDetail> {
    await this.decisions.decide(EXIT_COURSE_SLICE, 'reoffending-check', caseId, dto, user);
    return this.detail(caseId, user);
  }
}
