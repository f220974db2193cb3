import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { RetentionListWriter } from '../../activities/retention-list.activities';
import { loadConfig, type WorkerDeploymentSettings } from '../../libs/config/exitflow-config';
import { encryptedDataConverter } from '../../libs/temporal/temporal-connection';
import { startTemporalDevServer, type TemporalDevServer } from '../../libs/temporal/temporal-dev-server';
import { runDeployCommand, USAGE } from '../../apps/deploy/src/deploy-commands';
import {
  describeWorkerDeployment,
  promoteOnStart,
  waitUntilVersionRegistered,
  workerDeploymentOptions,
} from '../../libs/temporal/worker-deployment';
import {
  readModelSyncedUpdate,
  recordAgreementSignedUpdate,
  recordSuitabilityAssessmentUpdate,
} from '../../workflows/exit-course/exit-course.messages';
import { EXIT_COURSE_WORKFLOW_ID_PREFIX, exitCourseWorkflow } from '../../workflows/exit-course/exit-course.workflow';
import { retentionSweepWorkflow } from '../../workflows/retention/retention-sweep.workflow';
import { eventually } from '../support/eventually';
import { CASEWORKER, exitCourseInput } from '../support/exit-course-fixtures';
import { openReadModel } from '../support/read-model';
import { freePort } from '../support/test-database';

/**
 * The deploy procedure of docs/operations.md on a real Temporal dev server: workers of version v1, then of v2
 * beside them, then v2 promoted. Which worker handled each task is read from two sources: the build id Temporal
 * wrote in each WorkflowTaskCompleted event of the history, and the activities each worker ran (every worker's
 * activities record their own build id).
 */
const TASK_QUEUE = 'exitflow-deploy-test';
const DEPLOYMENT = 'exitflow-deploy-test';
const V1 = '0.1.0-aaaaaaaaaaaa';
const V2 = '0.1.0-bbbbbbbbbbbb';
const { EventType } = temporal.api.enums.v1;

interface ActivityRun {
  buildId: string;
  workflowId: string;
  activity: string;
}

let server: TemporalDevServer;
let logDir: string;
let connection: NativeConnection;
let client: Client;
let db: DataSource;
let bundle: WorkflowBundleWithSourceMap;
const config = loadConfig({ DATABASE_URL: 'postgres://unused@localhost/unused' });
const activityRuns: ActivityRun[] = [];
const running: { worker: Worker; run: Promise<void> }[] = [];

function settings(buildId: string): WorkerDeploymentSettings {
  return { versioning: true, deploymentName: DEPLOYMENT, buildId, promote: 'manual' };
}

/** A worker of `buildId` with the real activities, each run recorded; `beforeSweep` may hold the sweep's activity. */
async function startWorker(buildId: string, beforeSweep?: () => Promise<void>): Promise<Worker> {
  const readModel = new ReadModelRecorder(db).asActivities() as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const retention = new RetentionListWriter(db, config.retention.periods).asActivities() as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const activities: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, implementation] of Object.entries({ ...readModel, ...retention })) {
    activities[name] = async (...args: unknown[]) => {
      activityRuns.push({
        buildId,
        workflowId: Context.current().info.workflowExecution?.workflowId ?? '',
        activity: name,
      });
      if (name === 'writeRetentionLists' && beforeSweep) await beforeSweep();
      return implementation(...args);
    };
  }
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: bundle,
    activities,
    dataConverter: encryptedDataConverter(config.temporalCodecKeyring, 'mark'),
    ...workerDeploymentOptions(settings(buildId)),
  });
  running.push({ worker, run: worker.run() });
  await waitUntilVersionRegistered(connection.workflowService, 'default', settings(buildId), 30_000);
  return worker;
}

async function stopWorker(worker: Worker): Promise<void> {
  worker.shutdown();
  await running.find((entry) => entry.worker === worker)?.run;
}

/** The build id of every completed workflow task, in history order, read from the real history. */
async function workflowTaskBuildIds(workflowId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? [])
    .filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
    .map((event) => event.workflowTaskCompletedEventAttributes?.deploymentVersion?.buildId ?? '(unversioned)');
}

function activityBuildIds(workflowId: string): string[] {
  return activityRuns.filter((run) => run.workflowId === workflowId).map((run) => run.buildId);
}

/** At least one task, every one of them handled by `buildId`'s workers. */
function expectAllOn(buildIds: string[], buildId: string): void {
  expect(buildIds.length).toBeGreaterThan(0);
  expect(buildIds).toEqual(buildIds.map(() => buildId));
}

function startCourse(): Promise<WorkflowHandle<typeof exitCourseWorkflow>> {
  const input = exitCourseInput(new Date(Date.now() - 3 * 24 * 3600_000));
  return client.workflow.start(exitCourseWorkflow, {
    workflowId: `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    taskQueue: TASK_QUEUE,
    args: [input],
  });
}

beforeAll(async () => {
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-deploy-'));
  server = await startTemporalDevServer({
    port: await freePort(),
    logFile: path.join(logDir, 'temporal.log'),
    // How often Temporal re-checks whether a version still has open pinned executions (3 min by default).
    dynamicConfig: {
      'matching.wv.VersionDrainageStatusRefreshInterval': '"1s"',
      'matching.wv.VersionDrainageStatusVisibilityGracePeriod': '"1s"',
    },
  });
  connection = await NativeConnection.connect({ address: server.address });
  client = new Client({
    connection: await Connection.connect({ address: server.address }),
    dataConverter: encryptedDataConverter(config.temporalCodecKeyring),
  });
  db = await openReadModel();
  bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') });
});

afterAll(async () => {
  for (const { worker, run } of running) {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await run.catch(() => undefined);
  }
  await connection?.close();
  await client?.connection.close();
  await db?.destroy();
  await server?.stop();
  fs.rmSync(logDir, { recursive: true, force: true });
});

describe('a deploy of a new worker version beside the old one', () => {
  let v1: Worker;
  let v2: Worker;
  let releaseSweep: () => void;
  const sweepHeld = new Promise<void>((resolve) => (releaseSweep = resolve));
  let sweepStarted: () => void;
  const sweepRunning = new Promise<void>((resolve) => (sweepStarted = resolve));
  let pinnedSweep: WorkflowHandle<typeof retentionSweepWorkflow>;
  let oldCourse: WorkflowHandle<typeof exitCourseWorkflow>;
  const decidedAt = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();

  it('the first version becomes current by itself (the first deploy), and executions start on it', async () => {
    v1 = await startWorker(V1, async () => {
      sweepStarted();
      await sweepHeld;
    });
    const outcome = await promoteOnStart(connection.workflowService, 'default', settings(V1), 'deploy-test');
    expect(outcome).toBe(`version ${V1} made current (was none)`);

    pinnedSweep = await client.workflow.start(retentionSweepWorkflow, {
      workflowId: 'deploy-test-sweep-old',
      taskQueue: TASK_QUEUE,
    });
    await sweepRunning;
    oldCourse = await startCourse();
    await oldCourse.executeUpdate(readModelSyncedUpdate);
    expectAllOn(await workflowTaskBuildIds(oldCourse.workflowId), V1);
    expectAllOn(activityBuildIds(oldCourse.workflowId), V1);
  });

  it('a new version polling beside the current one takes nothing until it is promoted', async () => {
    v2 = await startWorker(V2);
    // In manual mode a worker never takes the current place of another version.
    const outcome = await promoteOnStart(connection.workflowService, 'default', settings(V2), 'deploy-test');
    expect(outcome).toBe(`version ${V2} polls beside the current ${V1}; promote it with \`npm run deploy:promote\``);
    const before = (await workflowTaskBuildIds(oldCourse.workflowId)).length;
    await oldCourse.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: decidedAt(48), actor: CASEWORKER }],
    });
    const later = (await workflowTaskBuildIds(oldCourse.workflowId)).slice(before);
    expectAllOn(later, V1);
    expectAllOn(activityBuildIds(oldCourse.workflowId), V1);
    const started = await startCourse();
    await started.executeUpdate(readModelSyncedUpdate);
    expectAllOn(await workflowTaskBuildIds(started.workflowId), V1);
  });

  it('after the promotion: the pinned sweep ends on v1, the case moves wholly to v2, new executions run on v2', async () => {
    // As `npm run deploy:promote -- <v2>` does it.
    const printed: string[] = [];
    const target = { namespace: 'default', deploymentName: DEPLOYMENT, buildId: V2, identity: 'deploy-test' };
    await runDeployCommand(['promote'], connection.workflowService, target, (line) => printed.push(line));
    expect(printed.slice(0, 3)).toEqual([
      `${V2} is current (was ${V1}).`,
      `Worker deployment ${DEPLOYMENT} (namespace default):`,
      `  current: ${V2}`,
    ]);
    expect(printed.slice(3).sort()).toEqual([expect.stringMatching(`^  ${V1}: `), `  ${V2}: current [this checkout]`]);

    // The case (AUTO_UPGRADE): every task after the promotion on v2, none on v1.
    const tasksBefore = (await workflowTaskBuildIds(oldCourse.workflowId)).length;
    const activitiesBefore = activityBuildIds(oldCourse.workflowId).length;
    const signed = await oldCourse.executeUpdate(recordAgreementSignedUpdate, {
      args: [{ signedAt: decidedAt(24), actor: CASEWORKER }],
    });
    expect(signed.status).toBe('agreement_active');
    const tasksAfter = (await workflowTaskBuildIds(oldCourse.workflowId)).slice(tasksBefore);
    expectAllOn(tasksAfter, V2);
    const activitiesAfter = activityBuildIds(oldCourse.workflowId).slice(activitiesBefore);
    expectAllOn(activitiesAfter, V2);

    // The sweep (PINNED) started on v1, finishes there although v2 is current; till then v1 is draining.
    const draining = await eventually(
      () => describeWorkerDeployment(connection.workflowService, 'default', DEPLOYMENT),
      (deployment) => deployment?.versions.find((version) => version.buildId === V1)?.status === 'draining',
      240,
    );
    expect(draining?.versions.find((version) => version.buildId === V1)?.status).toBe('draining');
    const status: string[] = [];
    await runDeployCommand(['status'], connection.workflowService, target, (line) => status.push(line));
    expect(status).toContain(`  ${V1}: draining (pinned executions still open: keep its workers)`);
    releaseSweep();
    await pinnedSweep.result();
    expect(await workflowTaskBuildIds(pinnedSweep.workflowId)).toEqual([V1, V1]);
    expect(activityBuildIds(pinnedSweep.workflowId)).toEqual([V1]);

    // New executions: v2 only.
    const newSweep = await client.workflow.start(retentionSweepWorkflow, {
      workflowId: 'deploy-test-sweep-new',
      taskQueue: TASK_QUEUE,
    });
    await newSweep.result();
    expect(await workflowTaskBuildIds(newSweep.workflowId)).toEqual([V2, V2]);
    expect(activityBuildIds(newSweep.workflowId)).toEqual([V2]);
    const newCourse = await startCourse();
    await newCourse.executeUpdate(readModelSyncedUpdate);
    expectAllOn(await workflowTaskBuildIds(newCourse.workflowId), V2);
    expectAllOn(activityBuildIds(newCourse.workflowId), V2);

    // Nothing lost: the case's read model has every decision, both sweeps completed.
    const [row] = await db.query('SELECT status FROM cases WHERE workflow_id = $1', [oldCourse.workflowId]);
    expect(row.status).toBe('agreement_active');
  });

  it('the old version drains once its pinned executions are closed, and then its workers may stop', async () => {
    const drained = await eventually(
      () => describeWorkerDeployment(connection.workflowService, 'default', DEPLOYMENT),
      (state) => state?.versions.find((version) => version.buildId === V1)?.status === 'drained',
      240,
    );
    expect(
      drained?.versions
        .map(({ buildId, status }) => ({ buildId, status }))
        .sort((a, b) => (a.buildId < b.buildId ? -1 : 1)),
    ).toEqual([
      { buildId: V1, status: 'drained' },
      { buildId: V2, status: 'current' },
    ]);
    const status: string[] = [];
    const target = { namespace: 'default', deploymentName: DEPLOYMENT, buildId: V2, identity: 'deploy-test' };
    await runDeployCommand(['status'], connection.workflowService, target, (line) => status.push(line));
    expect(status).toContain(`  ${V1}: drained (no open pinned execution: its workers may stop)`);
    await stopWorker(v1);
  });

  it('refuses a ramp of an unknown shape or of a version whose workers do not poll, and changes nothing', async () => {
    const target = { namespace: 'default', deploymentName: DEPLOYMENT, buildId: V2, identity: 'deploy-test' };
    const run = (args: string[]) => runDeployCommand(args, connection.workflowService, target, () => undefined);
    await expect(run(['ramp', '100'])).rejects.toThrow(USAGE);
    await expect(run(['promote', V1, V2])).rejects.toThrow(USAGE);
    await expect(run(['ramp', '10', '0.1.0-cccccccccccc'])).rejects.toThrow(
      `Worker deployment version ${DEPLOYMENT}/0.1.0-cccccccccccc has no polling workers after 15 s.`,
    );
    const state = await describeWorkerDeployment(connection.workflowService, 'default', DEPLOYMENT);
    expect({ current: state?.currentBuildId, ramping: state?.rampingBuildId }).toEqual({
      current: V2,
      ramping: undefined,
    });
  });

  it('a worker never takes a task of another version: an execution pinned to v1 waits for a v1 worker', async () => {
    const pinned = await client.workflow.start(retentionSweepWorkflow, {
      workflowId: 'deploy-test-sweep-pinned-v1',
      taskQueue: TASK_QUEUE,
      versioningOverride: { pinnedTo: { deploymentName: DEPLOYMENT, buildId: V1 } },
    });
    // v2 is polling and taking tasks: a course started after the pinned sweep runs on it...
    const course = await startCourse();
    await course.executeUpdate(readModelSyncedUpdate);
    expectAllOn(await workflowTaskBuildIds(course.workflowId), V2);
    // ... while the sweep's first workflow task has not been taken by anyone.
    const history = await pinned.fetchHistory();
    expect((history.events ?? []).map((event) => event.eventType)).toEqual([
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
    ]);
    expect(activityBuildIds(pinned.workflowId)).toEqual([]);

    await startWorker(V1);
    await pinned.result();
    expect(await workflowTaskBuildIds(pinned.workflowId)).toEqual([V1, V1]);
    expect(activityBuildIds(pinned.workflowId)).toEqual([V1]);
    expect(v2.getState()).toBe('RUNNING');
  });
});
