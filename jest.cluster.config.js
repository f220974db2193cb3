// `npm run test:cluster`: the e2e suites and the cluster's fault test against Temporal's own server as a
// cluster (docs/cluster.md). `npm test` (jest.config.js) never starts a cluster.
const base = require('./jest.config.js');

const e2e = base.projects.find((project) => project.displayName === 'e2e');

/** e2e suites that cannot run against the cluster, each with its reason. */
const NOT_ON_THE_CLUSTER = {};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/cluster/global-setup.ts',
  globalTeardown: '<rootDir>/test/cluster/global-teardown.ts',
  reporters: base.reporters,
  modulePathIgnorePatterns: base.modulePathIgnorePatterns,
  maxWorkers: 2,
  testTimeout: 300_000,
  projects: [
    {
      ...e2e,
      displayName: 'cluster-e2e',
      testPathIgnorePatterns: Object.keys(NOT_ON_THE_CLUSTER).map((suite) => `/test/e2e/${suite}$`),
    },
    // The cluster as processes behind nginx: kills a Temporal node, a worker and an API replica under load.
    { ...e2e, setupFiles: [], displayName: 'cluster-faults', testMatch: ['<rootDir>/test/cluster/**/*.spec.ts'] },
  ],
};
