/**
 * Schemathesis (PyPI) for the API contract test, pinned, in a git-ignored virtual environment of the
 * project's own (`.tools/schemathesis`). Installed by npm's postinstall next to the Temporal binaries;
 * a test-only tool, so a production install (`npm ci --omit=dev`, or the image's `--ignore-scripts`)
 * never fetches it.
 *
 * Plain CommonJS so that the postinstall can run it before anything is compiled.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { PROJECT_ROOT } = require('../../libs/temporal/temporal-binaries');

/** Bump here and nowhere else. */
const SCHEMATHESIS_VERSION = '4.32.5';
const TOOL_DIR = path.join(PROJECT_ROOT, '.tools', 'schemathesis');
const MARKER_FILE = path.join(TOOL_DIR, 'installed-version');
const ST = path.join(TOOL_DIR, 'bin', 'st');

function installed() {
  try {
    return fs.readFileSync(MARKER_FILE, 'utf8').trim() === SCHEMATHESIS_VERSION && fs.statSync(ST).isFile();
  } catch {
    return false;
  }
}

/** The `st` command, or `undefined` when it is not installed. */
function locateSchemathesis() {
  return installed() ? ST : undefined;
}

function installHint() {
  return `Schemathesis ${SCHEMATHESIS_VERSION} is not installed in .tools/schemathesis: run 'npm run setup:schemathesis' (needs python3 with venv and pip).`;
}

/** Creates the virtual environment and installs the pinned version; does nothing when it is there. */
function installSchemathesis(log = (line) => console.log(line)) {
  if (installed()) return true;
  const python = ['python3', 'python'].find((candidate) => {
    try {
      execFileSync(candidate, ['-m', 'venv', '--help'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!python) {
    log(`exitflow: ${installHint()}`);
    return false;
  }
  log(`exitflow: installing schemathesis==${SCHEMATHESIS_VERSION} into .tools/schemathesis/ …`);
  fs.rmSync(TOOL_DIR, { recursive: true, force: true });
  execFileSync(python, ['-m', 'venv', TOOL_DIR], { stdio: 'inherit' });
  execFileSync(
    path.join(TOOL_DIR, 'bin', 'python'),
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    {
      stdio: 'inherit',
      env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
    },
  );
  fs.writeFileSync(MARKER_FILE, `${SCHEMATHESIS_VERSION}\n`);
  return installed();
}

module.exports = { SCHEMATHESIS_VERSION, locateSchemathesis, installSchemathesis, installHint };

/** npm's postinstall and `npm run setup:schemathesis`: skipped for a production install; in CI a failure fails. */
if (require.main === module) {
  const production = process.env.NODE_ENV === 'production' || /\bdev\b/.test(process.env.npm_config_omit ?? '');
  if (!production) {
    try {
      if (!installSchemathesis()) process.exitCode = process.env.CI ? 1 : 0;
    } catch (error) {
      console.error(`exitflow: installing schemathesis failed: ${error.message}`);
      process.exitCode = process.env.CI ? 1 : 0;
    }
  }
}
