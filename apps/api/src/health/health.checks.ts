import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { DataSource } from 'typeorm';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { API_CONFIG } from '../api.tokens';
import { TEMPORAL_CLIENT, TemporalCalls } from '../temporal/temporal-client.provider';

export const CHECK_TIMEOUT_MS = 3000;

/**
 * How recent a poller's last poll must be to count as a worker that polls. An idle worker's long poll
 * lasts up to a minute on the server before it polls again, so its `lastAccessTime` ages up to ~60 s;
 * the server keeps a gone worker in the list for 5 minutes. 90 s takes an idle worker as alive and a
 * worker gone for 90 s as gone (docs/operations.md, Health).
 */
export const POLLER_FRESHNESS_MS = 90_000;

const TaskQueueType = temporal.api.enums.v1.TaskQueueType;

const logger = new Logger('Health');

export type Check = { status: 'up' | 'down' };

/**
 * The health checks, each up or down; why one is down goes to the log only (it may name hosts and ports).
 * (@nestjs/terminus 12 is an ES module only, which this CommonJS build and jest 29 cannot load.)
 */
@Injectable()
export class HealthChecks {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly calls: TemporalCalls,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
  ) {}

  postgres() {
    return this.probe('postgres', () => this.dataSource.query('SELECT 1'));
  }

  temporal() {
    return this.probe('temporal', () =>
      this.calls.within(CHECK_TIMEOUT_MS, () =>
        this.client.workflowService.describeNamespace({ namespace: this.client.options.namespace }),
      ),
    );
  }

  /** Some worker has polled both the workflow and the activity task queue within POLLER_FRESHNESS_MS. */
  worker() {
    return this.probe('worker', async () => {
      for (const [type, name] of [
        [TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, 'workflow'],
        [TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY, 'activity'],
      ] as const) {
        const answer = await this.calls.within(CHECK_TIMEOUT_MS, () =>
          this.client.workflowService.describeTaskQueue({
            namespace: this.client.options.namespace,
            taskQueue: { name: this.config.temporal.taskQueue },
            taskQueueType: type,
          }),
        );
        const newest = Math.max(0, ...(answer.pollers ?? []).map((poller) => tsToMs(poller.lastAccessTime)));
        if (Date.now() - newest > POLLER_FRESHNESS_MS) {
          throw new Error(
            newest === 0
              ? `no poller on the ${name} task queue`
              : `the ${name} task queue's last poll was ${Math.round((Date.now() - newest) / 1000)} s ago`,
          );
        }
      }
    });
  }

  private async probe(key: string, probe: () => Promise<unknown>): Promise<Check> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([probe(), timeout]);
      return { status: 'up' };
    } catch (error) {
      logger.warn(`${key} is down: ${(error as Error).message}`);
      return { status: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
