import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../../activities/read-model.activities';
import { RetentionListWriter } from '../../../activities/retention-list.activities';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { WorkerMetrics } from '../../../libs/observability/metrics/worker-metrics';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { NoticeDispatcherService } from './notice-dispatcher.service';
import { RetentionScheduleService } from './retention-schedule.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { EXITFLOW_CONFIG } from './worker.tokens';

@Module({})
export class WorkerModule {
  static forRoot(config: ExitflowConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TypeOrmModule.forRoot(readModelDataSourceOptions(config.databaseUrl))],
      providers: [
        { provide: EXITFLOW_CONFIG, useValue: config },
        ReadModelRecorder,
        TemporalWorkerService,
        NoticeDispatcherService,
        {
          provide: RetentionListWriter,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new RetentionListWriter(dataSource, config.retention.periods),
        },
        RetentionScheduleService,
        {
          provide: WorkerMetrics,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new WorkerMetrics(dataSource),
        },
      ],
    };
  }
}
