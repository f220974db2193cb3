import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** Closes the Temporal client's connection when the API shuts down. */
@Injectable()
export class TemporalClientCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
