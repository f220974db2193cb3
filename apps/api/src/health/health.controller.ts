import { Controller, Get, HttpStatus, Inject, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorBodyView } from '../common/api-responses';
import { ChoiceView, NestedView } from '../common/view-properties';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT, TemporalCalls } from '../temporal/temporal-client.provider';

type Check = { status: 'up' } | { status: 'down' };

class CheckView {
  @ChoiceView(['up', 'down']) status!: 'up' | 'down';
}

class ChecksView {
  @NestedView(CheckView) postgres!: Check;
  @NestedView(CheckView) temporal!: Check;
}

export class HealthReport {
  @ChoiceView(['ok']) status!: 'ok';
  @NestedView(ChecksView) checks!: { postgres: Check; temporal: Check };
}

const CHECK_TIMEOUT_MS = 3000;

const logger = new Logger('Health');

/** Up or down; why it is down goes to the log, not to anonymous callers (it may name hosts and ports). */
function check(name: string, probe: () => Promise<unknown>): Promise<Check> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref(),
  );
  return Promise.race([probe(), timeout]).then(
    () => ({ status: 'up' as const }),
    (error: Error) => {
      logger.warn(`${name} is down: ${error.message}`);
      return { status: 'down' as const };
    },
  );
}

@ApiTags('Drift')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly calls: TemporalCalls,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'PostgreSQL og Temporal (med navnerummet) svarer: 200, ellers 503 SERVICE_UNAVAILABLE.' })
  @ApiOkResponse({ type: HealthReport })
  @ApiResponse({
    status: 503,
    type: ApiErrorBodyView,
    description: 'En afhængighed svarer ikke; details siger hvilken (up/down).',
  })
  async health(): Promise<HealthReport> {
    const [postgres, temporal] = await Promise.all([
      check('PostgreSQL', () => this.dataSource.query('SELECT 1')),
      check('Temporal', () =>
        this.calls.within(CHECK_TIMEOUT_MS, () =>
          this.client.workflowService.describeNamespace({ namespace: this.client.options.namespace }),
        ),
      ),
    ]);
    const checks = { postgres, temporal };
    if (postgres.status === 'down' || temporal.status === 'down') {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        'Systemet er ikke klar: en afhængighed svarer ikke.',
        checks,
      );
    }
    return { status: 'ok', checks };
  }
}
