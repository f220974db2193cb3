import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { HealthController } from './health.controller';

/** Health: PostgreSQL and Temporal answer. */
@Module({
  imports: [TemporalModule],
  controllers: [HealthController],
})
export class HealthModule {}
