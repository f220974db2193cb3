import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ReadModelRecorder } from '../../../activities/read-model.activities';
import { RetentionListWriter } from '../../../activities/retention-list.activities';
import type { ExitflowConfig } from '../../../libs/config/exitflow-config';
import { tracingWorkerOptions } from '../../../libs/observability/tracing/temporal-tracing';
import { connectWorkerConnection, encryptedDataConverter } from '../../../libs/temporal/temporal-connection';
import { promoteOnStart, workerDeploymentOptions } from '../../../libs/temporal/worker-deployment';
import { EXITFLOW_CONFIG } from './worker.tokens';

/** Runs the Temporal worker for the whole life of the Nest application context. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  /** Rejects when the worker stops by itself (not by shutdown); `main.ts` then ends the process. */
  stopped: Promise<void> = new Promise(() => undefined);

  constructor(
    @Inject(EXITFLOW_CONFIG) private readonly config: ExitflowConfig,
    private readonly readModel: ReadModelRecorder,
    private readonly retentionLists: RetentionListWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { temporal } = this.config;
    this.connection = await connectWorkerConnection(temporal);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      workflowsPath: require.resolve('../../../workflows'),
      activities: { ...this.readModel.asActivities(), ...this.retentionLists.asActivities() },
      dataConverter: encryptedDataConverter(this.config.temporalCodecKeyring, 'mark'),
      ...workerDeploymentOptions(this.config.workerDeployment),
      ...tracingWorkerOptions(),
    });
    this.running = this.worker.run();
    this.stopped = this.running.catch((error: Error) => {
      this.logger.error(`Temporal worker stopped: ${error.message}`);
      throw error;
    });
    this.logger.log(
      `Worker polling task queue '${temporal.taskQueue}' in namespace '${temporal.namespace}' at ${temporal.address}`,
    );
    await this.promote();
  }

  /** A versioned worker takes tasks only once its version is current (or ramping): see promoteOnStart. */
  private async promote(): Promise<void> {
    const deployment = this.config.workerDeployment;
    if (!deployment.versioning || !this.connection || !this.worker) return;
    const outcome = await promoteOnStart(
      this.connection.workflowService,
      this.config.temporal.namespace,
      deployment,
      this.worker.options.identity,
    );
    this.logger.log(`Worker deployment ${deployment.deploymentName}: ${outcome}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
