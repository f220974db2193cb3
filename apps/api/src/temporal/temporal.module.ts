import { Global, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { tracingClientInterceptors } from '../../../../libs/observability/tracing/temporal-tracing';
import { connectTemporalClient } from '../../../../libs/temporal/temporal-connection';
import { API_CONFIG } from '../api.tokens';
import { TEMPORAL_CLIENT, TemporalCalls } from './temporal-client.provider';

/**
 * The one Temporal client and {@link TemporalCalls}. Global so that, imported by the root ahead of
 * TypeORM, its connection closes after PostgreSQL's on shutdown; the features that call Temporal import it.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [API_CONFIG],
      useFactory: (config: ExitflowConfig): Promise<Client> =>
        connectTemporalClient(config.temporal, config.temporalCodecKeyring, tracingClientInterceptors()),
    },
    TemporalCalls,
  ],
  exports: [TEMPORAL_CLIENT, TemporalCalls],
})
export class TemporalModule {}
