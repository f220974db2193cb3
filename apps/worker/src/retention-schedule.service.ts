import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { shortestRetentionDays } from '../../../libs/domain/retention/retention-policy';
import { connectTemporalClient } from '../../../libs/temporal/temporal-connection';
import { EXITFLOW_CONFIG } from './worker.tokens';

export const RETENTION_SCHEDULE_ID = 'retention-deletion-list';

/**
 * At start: the nightly Schedule that writes the deletion lists (created once, its time updated to the
 * configuration's on every start), and the namespace's retention of closed workflow histories set to the
 * policy's shortest period — a closed history never outlives the shortest period a case of any type is kept
 * (each erased case's executions are deleted explicitly as well; docs/retention.md).
 */
@Injectable()
export class RetentionScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionScheduleService.name);

  constructor(@Inject(EXITFLOW_CONFIG) private readonly config: ExitflowConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const client = await connectTemporalClient(this.config.temporal, this.config.temporalCodecKeyring);
    try {
      await ensureRetentionSchedule(client, this.config);
      await this.setNamespaceRetention(client);
    } finally {
      await client.connection.close();
    }
  }

  private async setNamespaceRetention(client: Client): Promise<void> {
    const days = shortestRetentionDays(this.config.retention.periods);
    try {
      await client.workflowService.updateNamespace({
        namespace: this.config.temporal.namespace,
        config: { workflowExecutionRetentionTtl: msToTs(days * 24 * 60 * 60 * 1000) },
      });
    } catch (error) {
      // A namespace managed elsewhere (Temporal Cloud, an operator's tooling) keeps its own; say so.
      this.logger.warn(`Namespace retention not set to ${days} days: ${(error as Error).message}`);
    }
  }
}

export async function ensureRetentionSchedule(client: Client, config: ExitflowConfig): Promise<void> {
  const { cron, timeZone } = config.retention.schedule;
  const spec = { cronExpressions: [cron], timezone: timeZone };
  try {
    await client.schedule.create({
      scheduleId: RETENTION_SCHEDULE_ID,
      spec,
      action: { type: 'startWorkflow', workflowType: 'retentionSweepWorkflow', taskQueue: config.temporal.taskQueue },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(RETENTION_SCHEDULE_ID).update((previous) => ({ ...previous, spec }));
  }
}
