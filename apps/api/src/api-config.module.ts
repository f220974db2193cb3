import { type DynamicModule, Module } from '@nestjs/common';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { API_CONFIG } from './api.tokens';

/** The configuration (`API_CONFIG`), provided once for every module, as the DataSource is. */
@Module({})
export class ApiConfigModule {
  static forRoot(config: ExitflowConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      global: true,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
