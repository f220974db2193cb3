import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/roles';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import { type CsvDownload, exitCourseCsv, slaCsv } from './report-csv';
import { reportPeriod } from './report-period';
import { ReportPeriodQuery } from './report-period.query';
import { SlaFiguresRepository } from './sla-figures.repository';

/**
 * Figures for supervisors (DOMAIN.md §1: the ministry answers parliament from them). Aggregates only —
 * no case, person or name — so, unlike reads of cases, they are not written to the personal-data access log.
 */
@ApiTags('Tal')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@ApiResponse({ status: 400, description: 'Ugyldig periode eller ukendt format.' })
@ApiResponse({ status: 401, description: 'Ikke logget ind.' })
@ApiResponse({ status: 403, description: 'Rollen giver ikke adgang.' })
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly exitCourseFigures: ExitCourseFiguresRepository,
    private readonly slaFigures: SlaFiguresRepository,
  ) {}

  @Get('exit-courses')
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'Exit-forløb i perioden pr. institution og i alt: aftaler, overdragelser, afbrydelser, afslag, mentortimer.' })
  async exitCourses(@Query() query: ReportPeriodQuery, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response) {
    return answer(await this.exitCourseFigures.report(reportPeriod(query.from, query.to), user), query, response, exitCourseCsv);
  }

  @Get('sla')
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'Andel overholdte frister (DKS 24 timer, netværkssamråd 7 dage, opfølgning 14 dage) pr. enhed og måned.' })
  async sla(@Query() query: ReportPeriodQuery, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response) {
    return answer(await this.slaFigures.report(reportPeriod(query.from, query.to), user, new Date()), query, response, slaCsv);
  }
}

/** The report as JSON, or as a CSV download when asked for one. */
function answer<Report>(report: Report, query: ReportPeriodQuery, response: Response, toCsv: (report: Report) => CsvDownload): Report | string {
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
