import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReadModelRecorder } from '../../../activities/read-model.activities';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { NoticeDispatcherService } from './notice-dispatcher.service';
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
      ],
    };
  }
}
