import fs from 'node:fs';
import type { TemporalCluster } from '../../apps/cluster/src/temporal-cluster';
import globalTeardown from '../support/global-teardown';

export default async function clusterGlobalTeardown(): Promise<void> {
  const started = (globalThis as { __exitflowTemporalCluster?: { cluster: TemporalCluster; dir: string } })
    .__exitflowTemporalCluster;
  await started?.cluster.stop();
  if (started) fs.rmSync(started.dir, { recursive: true, force: true });
  await globalTeardown();
}
