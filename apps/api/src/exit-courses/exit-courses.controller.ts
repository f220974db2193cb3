import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../../../libs/domain/exit-course/exit-course.types';
import { ApiError } from '../common/api-error';
import { CurrentActor } from '../common/actor.decorator';
import { PageQuery, type Page } from '../common/page';
import { InterruptionDto } from './dto/interruption.dto';
import { ListExitCoursesQuery } from './dto/list-exit-courses.query';
import { StartExitCourseDto } from './dto/start-exit-course.dto';
import { SuitabilityAssessmentDto } from './dto/suitability-assessment.dto';
import { ExitCourseCommandsService, parseIdempotencyKey } from './exit-course-commands.service';
import { ExitCourseViewsRepository } from './exit-course-views.repository';
import type { ExitCourseDetail, ExitCourseSummary, HistoryEntry } from './exit-course.views';

@ApiTags('Exit-forløb')
@Controller('exit-courses')
export class ExitCoursesController {
  constructor(
    private readonly commands: ExitCourseCommandsService,
    private readonly views: ExitCourseViewsRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start et exit-forløb; egnethedsvurderingen åbnes med frist.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Samme nøgle og samme indhold starter kun ét forløb.' })
  @ApiResponse({ status: 201, description: 'Forløbet er startet.' })
  @ApiResponse({ status: 200, description: 'Forløbet var allerede startet med denne Idempotency-Key.' })
  @ApiResponse({ status: 400, description: 'Ugyldig forespørgsel; intet er oprettet.' })
  @ApiResponse({ status: 422, description: 'Velformede men ugyldige oplysninger; intet er oprettet.' })
  async start(
    @Body() dto: StartExitCourseDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ExitCourseDetail> {
    const { caseId, created } = await this.commands.start(dto, parseIdempotencyKey(idempotencyKeyHeader), actor);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/exit-courses/${caseId}`);
    return this.detail(caseId);
  }

  @Get()
  @ApiOperation({ summary: 'Exit-forløb, nyeste først, sidevis.' })
  list(@Query() query: ListExitCoursesQuery): Promise<Page<ExitCourseSummary>> {
    return this.views.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Et forløb: status, åbne trin med frister og overskridelser, historik.' })
  @ApiResponse({ status: 404, description: 'Sagen findes ikke.' })
  detail(@Param('id') caseId: string): Promise<ExitCourseDetail> {
    return this.views.findDetail(caseId).then((detail) => detail ?? Promise.reject(ApiError.caseNotFound(caseId)));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Forløbets fulde historik (revisionsspor), sidevis.' })
  async history(@Param('id') caseId: string, @Query() query: PageQuery): Promise<Page<HistoryEntry>> {
    if (!(await this.views.findWorkflowId(caseId))) throw ApiError.caseNotFound(caseId);
    return this.views.history(caseId, query.page, query.pageSize);
  }

  @Post(':id/suitability-assessment')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Registrér egnethedsvurderingen: tilbud (åbner underskrift) eller afslag (afslutter).' })
  @ApiResponse({ status: 409, description: 'Ikke tilladt i forløbets nuværende tilstand; begrundelsen står i message.' })
  async assessSuitability(
    @Param('id') caseId: string,
    @Body() dto: SuitabilityAssessmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExitCourseDetail> {
    await this.commands.recordSuitabilityAssessment(caseId, dto, actor);
    return this.detail(caseId);
  }

  @Post(':id/interruption')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Afbryd forløbet (af den indsatte eller Kriminalforsorgen) fra ethvert åbent trin.' })
  @ApiResponse({ status: 409, description: 'Forløbet er allerede afsluttet.' })
  async interrupt(
    @Param('id') caseId: string,
    @Body() dto: InterruptionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExitCourseDetail> {
    await this.commands.interrupt(caseId, dto, actor);
    return this.detail(caseId);
  }
}
