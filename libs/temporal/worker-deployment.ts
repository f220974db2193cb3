import type { WorkerDeploymentOptions } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import type { WorkerDeploymentSettings } from '../config/exitflow-config';

type WorkflowService = temporal.api.workflowservice.v1.WorkflowService;
const { VersionDrainageStatus, WorkerDeploymentVersionStatus } = temporal.api.enums.v1;

/**
 * The worker's deployment version. Workflows are AUTO_UPGRADE unless their code says otherwise
 * (`setWorkflowOptions`): a case lives for months or years, longer than any worker version, and its tasks
 * always go to the current version's workers only; the retention sweep is PINNED (docs/operations.md).
 */
export function workerDeploymentOptions(settings: WorkerDeploymentSettings): {
  workerDeploymentOptions?: WorkerDeploymentOptions;
} {
  if (!settings.versioning) return {};
  return {
    workerDeploymentOptions: {
      useWorkerVersioning: true,
      version: { deploymentName: settings.deploymentName, buildId: settings.buildId },
      defaultVersioningBehavior: 'AUTO_UPGRADE',
    },
  };
}

export interface DeploymentVersionState {
  buildId: string;
  /** `current`, `ramping`, `draining` (pinned executions still open), `drained`, `inactive` (never current). */
  status: string;
}

export interface WorkerDeploymentState {
  currentBuildId?: string;
  rampingBuildId?: string;
  rampingPercentage: number;
  versions: DeploymentVersionState[];
  conflictToken?: Uint8Array | null;
}

const GRPC_NOT_FOUND = 5;

/** The deployment's routing and versions; undefined while no worker of it has ever polled. */
export async function describeWorkerDeployment(
  service: WorkflowService,
  namespace: string,
  deploymentName: string,
): Promise<WorkerDeploymentState | undefined> {
  try {
    const { workerDeploymentInfo: info, conflictToken } = await service.describeWorkerDeployment({
      namespace,
      deploymentName,
    });
    const routing = info?.routingConfig;
    return {
      currentBuildId: routing?.currentDeploymentVersion?.buildId || undefined,
      rampingBuildId: routing?.rampingDeploymentVersion?.buildId || undefined,
      rampingPercentage: routing?.rampingVersionPercentage ?? 0,
      versions: (info?.versionSummaries ?? []).map((summary) => ({
        buildId: summary.deploymentVersion?.buildId ?? '',
        status: versionStatus(summary.status, summary.drainageInfo?.status ?? summary.drainageStatus),
      })),
      conflictToken,
    };
  } catch (error) {
    if ((error as { code?: number }).code === GRPC_NOT_FOUND) return undefined;
    throw error;
  }
}

function versionStatus(status?: number | null, drainage?: number | null): string {
  switch (status) {
    case WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT:
      return 'current';
    case WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_RAMPING:
      return 'ramping';
    case WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINED:
      return 'drained';
    case WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINING:
      return drainage === VersionDrainageStatus.VERSION_DRAINAGE_STATUS_DRAINED ? 'drained' : 'draining';
    default:
      return 'inactive';
  }
}

/**
 * Makes the version current (taking it off ramping). Refused by Temporal when the version's workers do not
 * poll the task queues the current version polls.
 */
export async function setCurrentVersion(
  service: WorkflowService,
  namespace: string,
  version: { deploymentName: string; buildId: string },
  identity: string,
  conflictToken?: Uint8Array | null,
): Promise<void> {
  await service.setWorkerDeploymentCurrentVersion({
    namespace,
    deploymentName: version.deploymentName,
    buildId: version.buildId,
    identity,
    ...(conflictToken ? { conflictToken } : {}),
  });
}

/** Sends `percentage` of new executions (and AUTO_UPGRADE executions' next tasks) to the version; 0 stops ramping. */
export async function setRampingVersion(
  service: WorkflowService,
  namespace: string,
  version: { deploymentName: string; buildId: string },
  percentage: number,
  identity: string,
): Promise<void> {
  await service.setWorkerDeploymentRampingVersion({
    namespace,
    deploymentName: version.deploymentName,
    buildId: percentage === 0 ? '' : version.buildId,
    percentage,
    identity,
  });
}

/** Waits until Temporal lists the version in its deployment (its workers have polled). */
export async function waitUntilVersionRegistered(
  service: WorkflowService,
  namespace: string,
  version: { deploymentName: string; buildId: string },
  timeoutMs: number,
): Promise<WorkerDeploymentState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await describeWorkerDeployment(service, namespace, version.deploymentName);
    if (state?.versions.some((known) => known.buildId === version.buildId)) return state;
    if (Date.now() > deadline) {
      throw new Error(
        `Worker deployment version ${version.deploymentName}/${version.buildId} has no polling workers ` +
          `after ${Math.round(timeoutMs / 1000)} s.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * At a worker's start, once it polls: with `auto` its version becomes current; with `manual` only when the
 * deployment has no current version yet (the very first deploy). Answers what it did, for the log.
 */
export async function promoteOnStart(
  service: WorkflowService,
  namespace: string,
  settings: WorkerDeploymentSettings,
  identity: string,
  timeoutMs = 60_000,
): Promise<string> {
  const version = { deploymentName: settings.deploymentName, buildId: settings.buildId };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await waitUntilVersionRegistered(service, namespace, version, Math.max(deadline - Date.now(), 0));
    if (state.currentBuildId === version.buildId) return `version ${version.buildId} is current`;
    if (settings.promote === 'manual' && state.currentBuildId) {
      return (
        `version ${version.buildId} polls beside the current ${state.currentBuildId}; ` +
        'promote it with `npm run deploy:promote`'
      );
    }
    try {
      // The conflict token: of workers starting together, one sets it and the others see it set.
      await setCurrentVersion(service, namespace, version, identity, state.conflictToken);
      return `version ${version.buildId} made current (was ${state.currentBuildId ?? 'none'})`;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
