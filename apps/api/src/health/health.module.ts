import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { HealthChecks } from './health.checks';
import { HealthController } from './health.controller';

/** Health: liveness, readiness (PostgreSQL, Temporal, a polling worker) and the combined check. */
@Module({
  imports: [TemporalModule],
  providers: [HealthChecks],
  controllers: [HealthController],
})
export class HealthModule {}
