import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { LATENESS_RANGE_MESSAGE, OverdueBoardQuery, StepBoardQuery, UNKNOWN_UNIT_FILTER } from './step-board.dto';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { StepBoardRepository } from './step-board.repository';
import { ListResponses } from '../common/api-responses';
import { BoardStepPage, StepBoardView, type BoardStep, type StepBoard } from './step-board.views';

@ApiTags('Frister')
@ApiBearerAuth()
@Controller('steps')
export class StepsController {
  constructor(
    private readonly board: StepBoardRepository,
    private readonly accessLog: AccessLogService,
    private readonly units: OrganisationUnits,
  ) {}

  /** The unit filter names a unit that exists (closed ones too: their steps may still be open). */
  private async refuseUnknownUnit(query: StepBoardQuery): Promise<void> {
    if (query.unit === undefined || (await this.units.find(query.unit))) return;
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', [
      { field: 'unit', problems: [UNKNOWN_UNIT_FILTER] },
    ]);
  }

  @Get('overdue')
  @RequirePermission('case:read')
  @ListResponses(
    'Overskredne frister: alle åbne trin efter deres frist, på tværs af sagstyper, med antal pr. enhed.',
    StepBoardView,
  )
  async overdue(@Query() query: OverdueBoardQuery, @CurrentUser() user: AuthenticatedUser): Promise<StepBoard> {
    if (
      query.minLatenessHours !== undefined &&
      query.maxLatenessHours !== undefined &&
      query.minLatenessHours > query.maxLatenessHours
    ) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', [
        { field: 'minLatenessHours', problems: [LATENESS_RANGE_MESSAGE] },
      ]);
    }
    await this.refuseUnknownUnit(query);
    const board = await this.board.board({ list: 'overdue', query }, user, new Date());
    await this.accessLog.record(user, 'case_list', {});
    return board;
  }

  @Get('due-soon')
  @RequirePermission('case:read')
  @ListResponses('Snart forfaldne: åbne trin inden for deres varslingsvindue før fristen.', StepBoardView)
  async dueSoon(@Query() query: StepBoardQuery, @CurrentUser() user: AuthenticatedUser): Promise<StepBoard> {
    await this.refuseUnknownUnit(query);
    const board = await this.board.board({ list: 'due_soon', query }, user, new Date());
    await this.accessLog.record(user, 'case_list', {});
    return board;
  }

  @Get('mine')
  @RequirePermission('case:read')
  @ListResponses(
    'Mine opgaver: åbne trin, hvor det er brugerens rolle i brugerens enhed, der skal handle; tidligste frist først.',
    BoardStepPage,
  )
  async mine(@Query() query: StepBoardQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<BoardStep>> {
    await this.refuseUnknownUnit(query);
    const inbox = await this.board.inbox(query, user, new Date());
    await this.accessLog.record(user, 'case_list', {});
    return inbox;
  }
}
