import { clusterBinariesDir, installClusterBinaries, TEMPORAL_SERVER_VERSION } from './cluster-binaries';

/**
 * `npm run setup:cluster`: builds Temporal's server and `temporal-sql-tool` (docs/cluster.md) ahead of
 * `npm run start:cluster` or `test:cluster`, which otherwise build them on first use. `.ci/run` runs it
 * beside the other tests, so the build's minutes overlap them.
 */
try {
  installClusterBinaries();
  console.log(`Temporal ${TEMPORAL_SERVER_VERSION} is in ${clusterBinariesDir()}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
