import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * Every call the API makes to Temporal, with a deadline. A call the API has stopped waiting for (it
 * answered 503 at its own timeout) may still be retrying inside the client until its deadline; shutdown
 * waits for those before it closes the connection, whose retry timers would otherwise fire on a closed
 * channel.
 */
@Injectable()
export class TemporalCalls implements OnApplicationShutdown {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /** `call` with every gRPC call in it bounded by `timeoutMs` from now. */
  within<T>(timeoutMs: number, call: () => Promise<T>): Promise<T> {
    const running = this.client.withDeadline(Date.now() + timeoutMs, call);
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return running;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.inFlight);
    await this.client.connection.close();
  }
}
