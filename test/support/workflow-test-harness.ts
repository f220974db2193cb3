import { WorkflowUpdateFailedError, type WorkflowHandle, type WorkflowStartOptions } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition, type Workflow } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openReadModel } from './read-model';
import { createTestWorker, createTimeSkippingEnvironment, type TestWorkerOptions } from './temporal-test-env';

/** `RECORD_HISTORIES=1 npm run record-histories` saves each scenario's history here for the replay tests. */
const HISTORIES_DIR = path.join(__dirname, '..', 'replay', 'histories');

/** What a workflow spec file works with: a time-skipping server, a worker with the real read-model activities, the test database. */
export interface WorkflowTestHarness {
  readonly env: TestWorkflowEnvironment;
  readonly db: DataSource;
  /** The test server's clock, which time skipping moves. */
  now(): Promise<Date>;
  /** Starts a case workflow and waits until its first transition is in the read model. */
  startSynced<W extends Workflow>(
    workflow: W,
    workflowId: string,
    readModelSynced: UpdateDefinition<unknown, []>,
    input: Parameters<W>[0],
  ): Promise<WorkflowHandle<W>>;
  /** Saves the workflow's history as `<prefix>.<name>.json`, once, when RECORD_HISTORIES is set. */
  recordHistory(name: string, workflowId: string): Promise<void>;
  /** Stops the worker and starts a new one with an empty cache: running workflows replay from their history. */
  restartWorker(): Promise<void>;
}

/** Sets the harness up before the file's tests and tears it down after them. */
export function useWorkflowTestHarness(
  taskQueue: string,
  historyPrefix: string,
  options: TestWorkerOptions = {},
): WorkflowTestHarness {
  let env: TestWorkflowEnvironment;
  let db: DataSource;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    db = await openReadModel();
    worker = await createTestWorker(env, taskQueue, db, options);
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await db?.destroy();
  });

  return {
    get env() {
      return env;
    },
    get db() {
      return db;
    },
    now: async () => new Date(await env.currentTimeMs()),
    async restartWorker() {
      worker.shutdown();
      await running;
      worker = await createTestWorker(env, taskQueue, db, options);
      running = worker.run();
    },
    async startSynced(workflow, workflowId, readModelSynced, input) {
      const options = { workflowId, taskQueue, args: [input] } as unknown as WorkflowStartOptions<typeof workflow>;
      const handle = await env.client.workflow.start(workflow, options);
      await handle.executeUpdate(readModelSynced);
      return handle;
    },
    async recordHistory(name, workflowId) {
      const file = path.join(HISTORIES_DIR, `${historyPrefix}.${name}.json`);
      if (!process.env.RECORD_HISTORIES || fs.existsSync(file)) return;
      fs.writeFileSync(file, historyToJSON(await env.client.workflow.getHandle(workflowId).fetchHistory()) + '\n');
    },
  };
}

/** The rule a workflow update was refused with: the failure type and the Danish message the caseworker sees. */
export async function refusalOf(promise: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: (cause as ApplicationFailure).type ?? undefined, message: (cause as ApplicationFailure).message };
}
