import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrorBodyView } from '../common/api-responses';
import { ApiError } from '../common/api-error';
import { ChoiceView, NestedView } from '../common/view-properties';
import { type Check, HealthChecks } from './health.checks';

class CheckView {
  @ChoiceView(['up', 'down']) status!: 'up' | 'down';
}

class ChecksView {
  @NestedView(CheckView) postgres!: Check;
  @NestedView(CheckView) temporal!: Check;
}

class ReadyChecksView extends ChecksView {
  @NestedView(CheckView) worker!: Check;
}

export class HealthReport {
  @ChoiceView(['ok']) status!: 'ok';
  @NestedView(ChecksView) checks!: { postgres: Check; temporal: Check };
}

export class ReadinessReport {
  @ChoiceView(['ok']) status!: 'ok';
  @NestedView(ReadyChecksView) checks!: { postgres: Check; temporal: Check; worker: Check };
}

export class LivenessReport {
  @ChoiceView(['ok']) status!: 'ok';
}

const UNAVAILABLE = {
  status: 503,
  type: ApiErrorBodyView,
  description: 'En afhængighed svarer ikke; details siger hvilken (up/down), årsagen står i loggen.',
} as const;

/**
 * Liveness (the process answers), readiness (PostgreSQL, Temporal's namespace and a worker polling the
 * task queue) and the combined health the launcher, docker-compose and the tests wait for.
 */
@ApiTags('Drift')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'PostgreSQL og Temporal (med navnerummet) svarer: 200, ellers 503 SERVICE_UNAVAILABLE.' })
  @ApiOkResponse({ type: HealthReport })
  @ApiResponse(UNAVAILABLE)
  async overall(): Promise<HealthReport> {
    const [postgres, temporal] = await Promise.all([this.checks.postgres(), this.checks.temporal()]);
    return answer({ postgres, temporal });
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Processen svarer (ingen afhængigheder): 200.' })
  @ApiOkResponse({ type: LivenessReport })
  live(): LivenessReport {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary:
      'Klar til trafik: PostgreSQL og Temporal svarer, og en worker henter opgaver fra køen: 200, ellers 503 SERVICE_UNAVAILABLE.',
  })
  @ApiOkResponse({ type: ReadinessReport })
  @ApiResponse(UNAVAILABLE)
  async ready(): Promise<ReadinessReport> {
    const [postgres, temporal, worker] = await Promise.all([
      this.checks.postgres(),
      this.checks.temporal(),
      this.checks.worker(),
    ]);
    return answer({ postgres, temporal, worker });
  }
}

/** 200 with the checks when every one is up, else 503 naming each check's up/down. */
function answer<Checks extends Record<string, Check>>(checks: Checks): { status: 'ok'; checks: Checks } {
  if (Object.values(checks).some((check) => check.status === 'down')) {
    throw new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'SERVICE_UNAVAILABLE',
      'Systemet er ikke klar: en afhængighed svarer ikke.',
      checks,
    );
  }
  return { status: 'ok', checks };
}
