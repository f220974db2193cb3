import type { temporal } from '@temporalio/proto';
import {
  describeWorkerDeployment,
  setCurrentVersion,
  setRampingVersion,
  waitUntilVersionRegistered,
  type WorkerDeploymentState,
} from '../../../libs/temporal/worker-deployment';

type WorkflowService = temporal.api.workflowservice.v1.WorkflowService;

export const USAGE =
  'usage: npm run deploy:status | npm run deploy:promote [-- <build id>] | npm run deploy:ramp -- <percent 0-99> [<build id>]';

export interface DeployTarget {
  namespace: string;
  deploymentName: string;
  /** The build id of this checkout's code (or TEMPORAL_WORKER_BUILD_ID): what a command acts on by default. */
  buildId: string;
  identity: string;
}

/** How long promote and ramp wait for the version's workers to be seen polling. */
const POLL_WAIT_MS = 15_000;

/**
 * `status`, `promote [buildId]`, `ramp <percent> [buildId]` against the worker deployment; prints what it did
 * and the deployment's state after. Throws with a sentence (and changes nothing) on bad arguments, or when the
 * version's workers do not poll.
 */
export async function runDeployCommand(
  args: string[],
  service: WorkflowService,
  target: DeployTarget,
  print: (line: string) => void,
): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'status' && rest.length === 0) {
    printState(await describeWorkerDeployment(service, target.namespace, target.deploymentName), target, print);
    return;
  }
  if (command === 'promote' && rest.length <= 1) {
    const version = { deploymentName: target.deploymentName, buildId: rest[0] ?? target.buildId };
    const state = await waitUntilVersionRegistered(service, target.namespace, version, POLL_WAIT_MS);
    if (state.currentBuildId === version.buildId) print(`${version.buildId} is already current.`);
    else {
      await setCurrentVersion(service, target.namespace, version, target.identity, state.conflictToken);
      print(`${version.buildId} is current (was ${state.currentBuildId ?? 'none'}).`);
    }
  } else if (command === 'ramp' && (rest.length === 1 || rest.length === 2) && /^\d{1,2}$/.test(rest[0])) {
    const percentage = Number(rest[0]);
    const version = { deploymentName: target.deploymentName, buildId: rest[1] ?? target.buildId };
    if (percentage > 0) await waitUntilVersionRegistered(service, target.namespace, version, POLL_WAIT_MS);
    await setRampingVersion(service, target.namespace, version, percentage, target.identity);
    print(percentage === 0 ? 'Ramping stopped.' : `${version.buildId} ramping at ${percentage} %.`);
  } else {
    throw new Error(USAGE);
  }
  printState(await describeWorkerDeployment(service, target.namespace, target.deploymentName), target, print);
}

function printState(state: WorkerDeploymentState | undefined, target: DeployTarget, print: (line: string) => void) {
  if (!state) {
    print(`Worker deployment ${target.deploymentName}: no worker has polled yet.`);
    return;
  }
  print(`Worker deployment ${target.deploymentName} (namespace ${target.namespace}):`);
  print(`  current: ${state.currentBuildId ?? 'none'}`);
  if (state.rampingBuildId) print(`  ramping: ${state.rampingBuildId} at ${state.rampingPercentage} %`);
  for (const version of state.versions) {
    const note =
      version.status === 'drained'
        ? ' (no open pinned execution: its workers may stop)'
        : version.status === 'draining'
          ? ' (pinned executions still open: keep its workers)'
          : '';
    const here = version.buildId === target.buildId ? ' [this checkout]' : '';
    print(`  ${version.buildId}: ${version.status}${note}${here}`);
  }
}
