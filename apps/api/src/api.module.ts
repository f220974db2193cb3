import { type DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { AccessLogModule } from './access-log/access-log.module';
import { AdminModule } from './admin/admin.module';
import { ApiConfigModule } from './api-config.module';
import { AttentionModule } from './attention/attention.module';
import { AuthModule } from './auth/auth.module';
import { loginThrottlers } from './auth/login-throttler.guard';
import { PostgresThrottlerStorage } from './auth/postgres-throttler.storage';
import { CodecModule } from './codec/codec.module';
import { DksCasesModule } from './dks-cases/dks-cases.module';
import { ConcernLettersModule } from './concern-letters/concern-letters.module';
import { AccessRequestsModule } from './access-requests/access-requests.module';
import { YouthCasesModule } from './youth-cases/youth-cases.module';
import { ExitCoursesModule } from './exit-courses/exit-courses.module';
import { HealthModule } from './health/health.module';
import { HomeVisitsModule } from './home-visits/home-visits.module';
import { NetworkCouncilsModule } from './network-councils/network-councils.module';
import { NoticesModule } from './notices/notices.module';
import { PoliceDocumentationModule } from './police-documentation/police-documentation.module';
import { PersonsModule } from './persons/persons.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { StepsModule } from './steps/steps.module';
import { TemporalModule } from './temporal/temporal.module';

/**
 * The root: what every feature shares, set up once (configuration, Temporal client, DataSource, login
 * throttling), then the features. Their order is the order of the routes and of the OpenAPI document.
 */
@Module({})
export class ApiModule {
  static forRoot(config: ExitflowConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiConfigModule.forRoot(config),
        TemporalModule,
        TypeOrmModule.forRoot(readModelDataSourceOptions(config.databaseUrl)),
        ThrottlerModule.forRootAsync({
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => ({
            throttlers: loginThrottlers(config.auth),
            storage: new PostgresThrottlerStorage(dataSource),
          }),
        }),
        HealthModule,
        AuthModule,
        AdminModule,
        PersonsModule,
        CodecModule,
        DksCasesModule,
        NetworkCouncilsModule,
        PoliceDocumentationModule,
        StepsModule,
        ReferenceModule,
        NoticesModule,
        AttentionModule,
        ExitCoursesModule,
        ReportsModule,
        HomeVisitsModule,
        ConcernLettersModule,
        YouthCasesModule,
        AccessLogModule,
        AccessRequestsModule,
        RetentionModule,
      ],
    };
  }
}
