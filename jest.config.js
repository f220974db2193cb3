// One `npm test` runs every kind of test; `--selectProjects <name>` runs one kind.
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
// .tools/ holds a Python virtual environment (schemathesis): nothing in it is a module of this project.
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/.tools/'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  modulePathIgnorePatterns: ['<rootDir>/.tools/'],
  maxWorkers: 2,
  // Suites that start servers (Temporal, PostgreSQL) need more than the default 5 s per test.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{libs,apps,activities,workflows}/**/*.spec.ts',
        '<rootDir>/test/docs/**/*.spec.ts',
        '<rootDir>/test/support/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'read-model', testMatch: ['<rootDir>/test/read-model/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'workflow',
      setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'],
      testMatch: ['<rootDir>/test/workflow/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'replay',
      setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'],
      testMatch: ['<rootDir>/test/replay/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
    },
    { ...common, displayName: 'deployment', testMatch: ['<rootDir>/test/deployment/**/*.spec.ts'] },
    // API, worker, Temporal and PostgreSQL as processes of their own, killed and restarted (`npm run test:faults`).
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.spec.ts'] },
    // The OpenAPI document against the whole system, as every role (schemathesis from .tools/, see README).
    {
      ...common,
      displayName: 'contract',
      setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'],
      testMatch: ['<rootDir>/test/contract/**/*.spec.ts'],
    },
    // The web page in headless Chromium (Debian's `chromium`, or CHROMIUM_PATH) against the whole system.
    {
      ...common,
      displayName: 'browser',
      setupFiles: ['<rootDir>/test/support/temporal-log-level.ts'],
      testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
    },
  ],
};
