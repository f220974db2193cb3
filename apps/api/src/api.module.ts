import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { connectTemporalClient } from '../../../libs/temporal/temporal-connection';
import { UsersController } from './admin/users.controller';
import { API_CONFIG } from './api.tokens';
import { AttentionController } from './attention/attention.controller';
import { AttentionRepository } from './attention/attention.repository';
import { AccessLogService } from './audit/access-log.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { loginThrottlers } from './auth/login-throttler.guard';
import { TokenService } from './auth/token.service';
import { UsersRepository } from './auth/users.repository';
import { ExitCoursesModule } from './exit-courses/exit-courses.module';
import { CaseDecisionsService } from './cases/case-decisions.service';
import { CaseRecordsRepository } from './cases/case-records.repository';
import { CaseScopeRepository } from './cases/case-scope.repository';
import { IdempotencyKeysService } from './cases/idempotency-keys.service';
import { CodecController } from './codec/codec.controller';
import { DksCasesController } from './dks-cases/dks-cases.controller';
import { DksCasesService } from './dks-cases/dks-cases.service';
import { NetworkCouncilsController } from './network-councils/network-councils.controller';
import { NetworkCouncilsService } from './network-councils/network-councils.service';
import { HealthController } from './health/health.controller';
import { PersonsController } from './persons/persons.controller';
import { PersonsService } from './persons/persons.service';
import { ReportsModule } from './reports/reports.module';
import { OutboxNoticesController } from './notices/outbox-notices.controller';
import { OutboxNoticesRepository } from './notices/outbox-notices.repository';
import { ReferenceDataController } from './reference/reference-data.controller';
import { StepBoardRepository } from './steps/step-board.repository';
import { StepsController } from './steps/steps.controller';
import { TEMPORAL_CLIENT, TemporalCalls } from './temporal/temporal-client.provider';

@Module({})
export class ApiModule {
  static forRoot(config: ExitflowConfig): DynamicModule {
    return {
      module: ApiModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(readModelDataSourceOptions(config.databaseUrl)),
        ThrottlerModule.forRoot(loginThrottlers(config.auth)),
        ExitCoursesModule,
        ReportsModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        PersonsController,
        CodecController,
        DksCasesController,
        NetworkCouncilsController,
        StepsController,
        ReferenceDataController,
        OutboxNoticesController,
        AttentionController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        TokenService,
        UsersRepository,
        AccessLogService,
        PersonsService,
        CaseScopeRepository,
        CaseRecordsRepository,
        CaseDecisionsService,
        IdempotencyKeysService,
        DksCasesService,
        NetworkCouncilsService,
        StepBoardRepository,
        OutboxNoticesRepository,
        AttentionRepository,
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: (): Promise<Client> => connectTemporalClient(config.temporal, config.temporalCodecKeyring),
        },
        TemporalCalls,
      ],
      exports: [
        API_CONFIG,
        TEMPORAL_CLIENT,
        TemporalCalls,
        AccessLogService,
        PersonsService,
        CaseScopeRepository,
        CaseRecordsRepository,
        CaseDecisionsService,
        IdempotencyKeysService,
      ],
    };
  }
}
