import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import { PageQuery, type Page } from '../common/page';
import { AbsenceDto } from './absence.dto';
import { AbsencesService } from './absences.service';
import { AbsencePage, AbsenceView, StaffListView, WorkloadView } from './staff.views';
import { StaffRepository } from './staff.repository';
import { CASEWORKER_ROLES } from '../../../../libs/domain/case/case-assignment';
import { ROLE_LABELS } from '../../../../libs/domain/organisations/roles';
import { WorkloadRepository } from './workload.repository';

/** `GET /api/workload?unit=`: one of the supervisor's units, or all of them. */
export class WorkloadQuery {
  @ApiPropertyOptional({ maxLength: 64, description: 'Kun denne af lederens enheder (enhedskode).' })
  @IsOptional()
  @IsString({ message: 'Enheden skal angives én gang, som tekst.' })
  @MaxLength(64, { message: 'Enheden må højst være 64 tegn.' })
  unit?: string;
}

@ApiTags('Medarbejdere')
@ApiBearerAuth()
@Controller()
export class StaffController {
  constructor(
    private readonly absences: AbsencesService,
    private readonly workloads: WorkloadRepository,
    private readonly staff: StaffRepository,
  ) {}

  @Get('workload')
  @RequirePermission('workload:read')
  @ApiOperation({
    summary:
      'Arbejdsbyrde: pr. sagsbehandler i lederens enheder åbne sager, åbne trin, overskredne og snart forfaldne; og de ufordelte sager.',
  })
  @ApiOkResponse({ type: WorkloadView })
  @ApiErrorResponses(401, 403, 422)
  async workload(@Query() query: WorkloadQuery, @CurrentUser() user: AuthenticatedUser): Promise<WorkloadView> {
    if (query.unit !== undefined && !user.units.includes(query.unit)) {
      throw ApiError.invalidDomainData(`Enheden '${query.unit}' er ikke en af dine enheder.`, { field: 'unit' });
    }
    return this.workloads.workload(query.unit ? [query.unit] : user.units, new Date());
  }

  @Get('staff')
  @RequirePermission('absence:record')
  @ApiOperation({
    summary:
      'Kolleger: aktive sagsbehandlere (og ledere) i brugerens enheder, med rolle, enheder og om de har fravær i dag — til tildeling og stedfortræder.',
  })
  @ApiOkResponse({ type: StaffListView })
  @ApiErrorResponses(401, 403)
  async colleagues(@CurrentUser() user: AuthenticatedUser): Promise<StaffListView> {
    const members = await this.staff.ofUnits(user.units, [...CASEWORKER_ROLES, 'supervisor']);
    const absent = await this.absences.currentOf(members.map((member) => member.id));
    return {
      items: members.map((member) => ({
        id: member.id,
        displayName: member.displayName,
        role: member.role,
        roleLabel: ROLE_LABELS[member.role],
        units: member.units.filter((unit) => user.units.includes(unit)),
        absent: absent.has(member.id),
      })),
    };
  }

  @Get('absences')
  @RequirePermission('absence:record')
  @ListResponses(
    'Fravær, der ikke er slut (aflyste med): eget, hvor man er stedfortræder, og for en leder enhedens medarbejderes.',
    AbsencePage,
  )
  list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<AbsenceView>> {
    return this.absences.list(user, query.page, query.pageSize);
  }

  @Post('absences')
  @RequirePermission('absence:record')
  @ApiOperation({
    summary:
      'Registrerer fravær med en stedfortræder (en anden aktiv medarbejder med samme rolle i samme enhed): eget, eller en leders for enhedens medarbejdere. 409 ved overlap med andet fravær. Revisionsspor i access_log.',
  })
  @ApiCreatedResponse({ type: AbsenceView })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  record(@Body() dto: AbsenceDto, @CurrentUser() user: AuthenticatedUser): Promise<AbsenceView> {
    return this.absences.record(user, dto);
  }

  @Post('absences/:id/cancellation')
  @RequirePermission('absence:record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Aflyser et fravær, der ikke er slut (revisionsspor i access_log). 409: allerede aflyst eller slut.',
  })
  @ApiOkResponse({ type: AbsenceView })
  @ApiErrorResponses(401, 403, 404, 409)
  cancel(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<AbsenceView> {
    return this.absences.cancel(user, id);
  }
}
