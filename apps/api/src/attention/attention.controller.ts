import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { REDRIVE_READ_MODEL_UPDATE } from '../../../../libs/domain/case/case-workflows';
import type { RedriveResult } from '../../../../libs/domain/case/read-model-attention';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseIdParam } from '../cases/case-id';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses } from '../common/api-responses';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';
import { AttentionPage, AttentionQuery, RedriveResultView } from './attention.dto';
import { AttentionRepository } from './attention.repository';

/**
 * Cases whose read model refused a transition for good (read-model-writer.ts): the case waits with it
 * for operations, still readable as it was. When the cause is fixed (a deployed fix, a migration),
 * operations send the held transitions again.
 */
@ApiTags('Drift')
@ApiBearerAuth()
@Controller('admin/attention')
export class AttentionController {
  constructor(
    private readonly failures: AttentionRepository,
    private readonly decisions: CaseDecisionsService,
    private readonly accessLog: AccessLogService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  @Get()
  @RequirePermission('cases:attention')
  @ApiOperation({
    summary:
      'Sager, der venter på driften (standard) eller er sendt igen, med fejlkode og trin; aldrig sagens indhold.',
  })
  @ApiOkResponse({ type: AttentionPage })
  @ApiErrorResponses(400, 401, 403, 503)
  list(@Query() query: AttentionQuery): Promise<AttentionPage> {
    return this.failures.list(query.state, query.page, query.pageSize);
  }

  @Post(':caseId/redrive')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('cases:attention')
  @ApiOperation({
    summary: 'Send sagens afviste registrering igen, når årsagen er rettet; svarer, om sagen er indhentet.',
  })
  @ApiOkResponse({ type: RedriveResultView })
  @ApiErrorResponses(400, 401, 403, 404, 503)
  async redrive(
    @CaseIdParam('caseId', notWaiting) caseId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RedriveResultView> {
    const pending = await this.failures.findPending(caseId);
    if (!pending) throw notWaiting();
    await this.failures.markRedriven(caseId);
    await this.accessLog.record(user, 'read_model_redrive', { caseId });
    const handle = this.client.workflow.getHandle(pending.workflowId);
    const result = await this.decisions.withinCommandTimeout(caseId, () =>
      handle.executeUpdate<RedriveResult, []>(REDRIVE_READ_MODEL_UPDATE),
    );
    return {
      caughtUp: result.caughtUp,
      attention: result.caughtUp ? null : ((await this.failures.findPending(caseId)) ?? null),
    };
  }
}

function notWaiting(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Sagen venter ikke på driften.');
}
