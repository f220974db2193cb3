import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { connectTemporalClient } from '../../../libs/temporal/temporal-connection';
import { API_CONFIG } from './api.tokens';
import { ExitCoursesModule } from './exit-courses/exit-courses.module';
import { HealthController } from './health/health.controller';
import { TEMPORAL_CLIENT, TemporalClientCloser } from './temporal/temporal-client.provider';

@Module({})
export class ApiModule {
  static forRoot(config: ExitflowConfig): DynamicModule {
    return {
      module: ApiModule,
      global: true,
      imports: [TypeOrmModule.forRoot(readModelDataSourceOptions(config.databaseUrl)), ExitCoursesModule],
      controllers: [HealthController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: TEMPORAL_CLIENT, useFactory: (): Promise<Client> => connectTemporalClient(config.temporal) },
        TemporalClientCloser,
      ],
      exports: [API_CONFIG, TEMPORAL_CLIENT],
    };
  }
}
