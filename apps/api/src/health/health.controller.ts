import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';

type Check = { status: 'up' } | { status: 'down'; error: string };

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { postgres: Check; temporal: Check };
}

const CHECK_TIMEOUT_MS = 3000;

function check(probe: () => Promise<unknown>): Promise<Check> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref());
  return Promise.race([probe(), timeout]).then(
    () => ({ status: 'up' as const }),
    (error: Error) => ({ status: 'down' as const, error: error.message }),
  );
}

@ApiTags('Drift')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'PostgreSQL og Temporal svarer (200), ellers 503.' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [postgres, temporal] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.client.workflowService.getSystemInfo({})),
    ]);
    const ok = postgres.status === 'up' && temporal.status === 'up';
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, temporal } };
  }
}
