import { applyDecorators, Controller, Get, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-responses';
import { EndingReasonsReport, ExitCourseReport, SlaReport } from './report.views';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import {
  cohortCsv,
  type CsvDownload,
  endingReasonsCsv,
  exitCourseCsv,
  question1903Csv,
  slaCsv,
  youthCsv,
} from './report-csv';
import { CohortFiguresRepository } from './cohort-figures.repository';
import { CohortQuery } from './cohort.query';
import { CohortReport, Question1903Report } from './cohort.views';
import { question1903 } from './question-1903';
import { danishDateOf, formatLocalDate } from '../../../../libs/domain/time/copenhagen-calendar';
import { EndingReasonsFiguresRepository } from './ending-reasons-figures.repository';
import { reportPeriod } from './report-period';
import { ReportPeriodQuery } from './report-period.query';
import { SlaFiguresRepository } from './sla-figures.repository';
import { YouthReport } from './youth-figures.views';
import { YouthFiguresRepository } from './youth-figures.repository';
import { monthPeriod, YouthFiguresQuery } from './youth-figures.query';
import { ApiError } from '../common/api-error';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { actsForUnit } from '../../../../libs/access/access-policy';

/**
 * Figures for supervisors (DOMAIN.md §1: the ministry answers parliament from them). Aggregates only —
 * no case, person or name — so, unlike reads of cases, they are not written to the personal-data access log.
 */
@ApiTags('Tal')
@ApiBearerAuth()
@ApiExtraModels(ExitCourseReport, CohortReport, Question1903Report, EndingReasonsReport, SlaReport, YouthReport)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly exitCourseFigures: ExitCourseFiguresRepository,
    private readonly endingReasonsFigures: EndingReasonsFiguresRepository,
    private readonly slaFigures: SlaFiguresRepository,
    private readonly cohortFigures: CohortFiguresRepository,
    private readonly youthFigures: YouthFiguresRepository,
    private readonly units: OrganisationUnits,
  ) {}

  @Get('exit-courses')
  @RequirePermission('reports:read')
  @ReportResponses(
    'Aktivitet i perioden: hændelser i perioden pr. institution og i alt — aftaler, overdragelser, afbrydelser, afslag, mentortimer.',
    ExitCourseReport,
  )
  async exitCourses(
    @Query() query: ReportPeriodQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.exitCourseFigures.report(reportPeriod(query.from, query.to), user),
      query,
      response,
      exitCourseCsv,
    );
  }

  @Get('exit-courses/cohort')
  @RequirePermission('reports:read')
  @ReportResponses(
    'Kohorten: forløb med exit-aftale indgået i perioden og deres status pr. opgørelsesdatoen (overdraget, videreført, gennemført, frafaldet, afbrudt …), mentortimer pr. person, pr. institution og henvisning, med definitionerne.',
    CohortReport,
  )
  async cohort(
    @Query() query: CohortQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.cohortReport(query, user), query, response, cohortCsv);
  }

  @Get('exit-courses/question-1903')
  @RequirePermission('reports:read')
  @ReportResponses(
    'Svar på Folketingets spørgsmål 1903 for perioden: hvor mange har været igennem forløbet, hvor mange forløb var succesfulde, hvor mange faldt fra, mentortimer pr. person — i danske sætninger med tallene og deres definitioner.',
    Question1903Report,
  )
  async question1903(
    @Query() query: CohortQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(question1903(await this.cohortReport(query, user)), query, response, question1903Csv);
  }

  private cohortReport(query: CohortQuery, user: AuthenticatedUser): Promise<CohortReport> {
    // Without asOf: today, or the period's last day when that is still to come (asOf is never before `to`).
    const today = formatLocalDate(danishDateOf(new Date()));
    const asOf = query.asOf ?? (today < query.to ? query.to : today);
    return this.cohortFigures.report(reportPeriod(query.from, query.to), asOf, user);
  }

  @Get('ending-reasons')
  @RequirePermission('reports:read')
  @ReportResponses(
    'Afslutninger og afviste overdragelser i perioden pr. årsag (afslag, afbrydelse, afvist og afsluttet overdragelse, DKS uden bekymringssamtale).',
    EndingReasonsReport,
  )
  async endingReasons(
    @Query() query: ReportPeriodQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.endingReasonsFigures.report(reportPeriod(query.from, query.to), user),
      query,
      response,
      endingReasonsCsv,
    );
  }

  @Get('sla')
  @RequirePermission('reports:read')
  @ReportResponses(
    'Andel overholdte frister (DKS 24 timer, netværkssamråd 7 dage, opfølgning 14 dage) pr. enhed og måned.',
    SlaReport,
  )
  async sla(
    @Query() query: ReportPeriodQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.slaFigures.report(reportPeriod(query.from, query.to), user, new Date()),
      query,
      response,
      slaCsv,
    );
  }

  @Get('youth')
  @RequirePermission('reports:read')
  @ReportResponses(
    'Ungeområdet i tal pr. enhed og måned: unge registreret, DKS-sager og bekymringssamtaler, hjemmebesøg, opfølgninger, niveauer, netværkssamråd og deres indsatser, overdragelser ved 18 år og bekymringsbreve; med summer pr. enhed, pr. måned og i alt.',
    YouthReport,
    422,
  )
  async youth(
    @Query() query: YouthFiguresQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    const unit = query.unit === undefined ? null : await this.unitInScope(query.unit, user);
    return answer(
      await this.youthFigures.report(monthPeriod(query.from, query.to), unit, user, new Date()),
      query,
      response,
      youthCsv,
    );
  }

  /** 422 for a unit nobody knows, 403 for one outside the user's units (national: organisation). */
  private async unitInScope(code: string, user: AuthenticatedUser): Promise<string> {
    const unit = await this.units.find(code);
    if (!unit) throw ApiError.invalidDomainData(`Enheden '${code}' kendes ikke.`);
    if (!actsForUnit(user, unit))
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', `Tallene for ${unit.name} ligger uden for dine enheder.`);
    return unit.code;
  }
}

/** 200 as JSON (the report's schema) or as a CSV download (`?format=csv` or `Accept: text/csv`). */
function ReportResponses(summary: string, report: new () => object, ...errors: number[]): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiResponse({
      status: 200,
      description: 'Tallene som JSON, eller som CSV-fil.',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(report) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiErrorResponses(401, 403, ...errors),
  );
}

/** The report as JSON, or as a CSV download when asked for one. */
function answer<Report>(
  report: Report,
  query: ReportPeriodQuery,
  response: Response,
  toCsv: (report: Report) => CsvDownload,
): Report | string {
  if (!wantsCsv(query, response.req.headers.accept)) return report;
  const download = toCsv(report);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${download.filename}"`);
  return download.content;
}

/** `?format=` decides; without it, an `Accept` header asking for CSV does. */
function wantsCsv(query: ReportPeriodQuery, accept: string | undefined): boolean {
  if (query.format) return query.format === 'csv';
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept ?? '');
}
