import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installClusterBinaries } from '../../apps/cluster/src/cluster-binaries';
import { startTemporalCluster, type TemporalCluster } from '../../apps/cluster/src/temporal-cluster';
import globalSetup from '../support/global-setup';

/**
 * `npm run test:cluster`: the run's database as for `npm test`, and a Temporal cluster of two nodes of
 * Temporal's own server on the same PostgreSQL server (databases of the run's own). The e2e suites then
 * take the cluster's frontends (EXITFLOW_TEST_TEMPORAL_ADDRESS) instead of a dev server each.
 */
export default async function clusterGlobalSetup(): Promise<void> {
  await globalSetup();
  const binaries = installClusterBinaries();
  const suffix = randomBytes(4).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-cluster-tests-'));
  const cluster = await startTemporalCluster({
    binaries,
    ownerUrl: process.env.EXITFLOW_TEST_OWNER_DATABASE_URL!,
    nodes: 2,
    dir,
    namespace: 'default',
    databases: { temporal: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` },
  });
  process.env.EXITFLOW_TEST_TEMPORAL_ADDRESS = cluster.frontends.join(',');
  (globalThis as { __exitflowTemporalCluster?: { cluster: TemporalCluster; dir: string } }).__exitflowTemporalCluster =
    {
      cluster,
      dir,
    };
}
