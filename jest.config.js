// One `npm test` runs every kind of test; `--selectProjects <name>` runs one kind.
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  maxWorkers: 2,
  // Suites that start servers (Temporal, PostgreSQL) need more than the default 5 s per test.
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,activities,workflows}/**/*.spec.ts'] },
    { ...common, displayName: 'read-model', testMatch: ['<rootDir>/test/read-model/**/*.spec.ts'] },
    { ...common, displayName: 'workflow', setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'], testMatch: ['<rootDir>/test/workflow/**/*.spec.ts'] },
    { ...common, displayName: 'replay', setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'], testMatch: ['<rootDir>/test/replay/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'], testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
    { ...common, displayName: 'deployment', testMatch: ['<rootDir>/test/deployment/**/*.spec.ts'] },
    // The web page in headless Chromium (Debian's `chromium`, or CHROMIUM_PATH) against the whole system.
    { ...common, displayName: 'browser', setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'], testMatch: ['<rootDir>/test/browser/**/*.spec.ts'] },
  ],
};
