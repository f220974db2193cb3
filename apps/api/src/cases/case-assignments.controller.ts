import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiErrorResponses, ReadResponses } from '../common/api-responses';
import { AssigneeDto, BulkAssignmentDto } from './case-assignment.dto';
import { BulkAssignmentView, CaseAssignmentView } from './case-assignment.views';
import { CaseAssignmentsService } from './case-assignments.service';

const CHANGE_ERRORS = [401, 403, 404, 409, 422];

@ApiTags('Sager')
@ApiBearerAuth()
@Controller('cases')
export class CaseAssignmentsController {
  constructor(
    private readonly assignments: CaseAssignmentsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post('assignments')
  @RequirePermission('case:assign')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Tildeler flere sager én sagsbehandler på én gang ("Tildel valgte"): alle eller ingen — en sag uden for adgangen (404) eller en, der ikke kan tildeles (409/422), ændrer intet.',
  })
  @ApiOkResponse({ type: BulkAssignmentView })
  @ApiErrorResponses(...CHANGE_ERRORS)
  async assignMany(
    @Body() dto: BulkAssignmentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<BulkAssignmentView> {
    const items = await this.assignments.assign(user, dto.caseIds, dto.assigneeId, dto.reason);
    return { changed: items.length, items };
  }

  @Get(':id/assignment')
  @RequirePermission('case:read')
  @ReadResponses(
    'Sagens ansvarlige sagsbehandler, hvem den kan tildeles, om brugeren kan tage eller tildele den, og historikken.',
    CaseAssignmentView,
  )
  async view(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseAssignmentView> {
    const view = await this.assignments.view(user, id);
    await this.accessLog.record(user, 'case_read', { caseId: id });
    return view;
  }

  @Post(':id/take')
  @RequirePermission('case:take')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      '"Tag sagen": en sagsbehandler i den enhed, der har sagen, bliver ansvarlig for en ufordelt sag. 409: sagen har allerede en ansvarlig.',
  })
  @ApiOkResponse({ type: CaseAssignmentView })
  @ApiErrorResponses(...CHANGE_ERRORS)
  async take(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseAssignmentView> {
    const [view] = await this.assignments.take(user, id);
    return view;
  }

  @Put(':id/assignee')
  @RequirePermission('case:assign')
  @ApiOperation({
    summary:
      'Tildeler eller flytter sagen: til en aktiv sagsbehandler i sagens enhed med sagstypens rolle. En leder, der flytter en sag fra én til en anden, skal give en begrundelse.',
  })
  @ApiOkResponse({ type: CaseAssignmentView })
  @ApiErrorResponses(...CHANGE_ERRORS)
  async assign(
    @Param('id') id: string,
    @Body() dto: AssigneeDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CaseAssignmentView> {
    const [view] = await this.assignments.assign(user, [id], dto.assigneeId, dto.reason);
    return view;
  }
}
