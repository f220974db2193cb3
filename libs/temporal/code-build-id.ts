import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a worker runs: the workflow bundle's sources and everything its activities import. */
const CODE_FOLDERS = ['workflows', 'activities', 'libs', 'apps/worker'];
const CODE_FILE = /\.(ts|js|json)$/;
const NOT_CODE = /(\.spec\.ts|\.d\.ts)$/;

/** The folder this module runs from, two levels up: the project (sources) or `dist/` (built). */
const RUNNING_CODE = path.resolve(__dirname, '..', '..');
let runningCodeId: string | undefined;

/**
 * The worker's default build id: the package version and a hash of the code a worker runs (file paths and
 * contents, and the Temporal SDK's version), read from the folder this module runs from — the sources under
 * ts-node/jest, `dist/` once built. Every worker built from the same code has the same id; any change to
 * workflow, activity or library code gives a new one.
 */
export function codeBuildId(root: string = RUNNING_CODE): string {
  if (root === RUNNING_CODE) return (runningCodeId ??= hashOfCode(root));
  return hashOfCode(root);
}

function hashOfCode(root: string): string {
  const hash = createHash('sha256');
  for (const file of codeFiles(root)) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  hash.update(`@temporalio/worker ${sdkVersion()}`);
  return `${packageVersion(root)}-${hash.digest('hex').slice(0, 12)}`;
}

function codeFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!fs.existsSync(absolute)) return;
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (CODE_FILE.test(entry.name) && !NOT_CODE.test(entry.name)) files.push(child);
    }
  };
  CODE_FOLDERS.forEach(walk);
  return files.sort();
}

function packageVersion(root: string): string {
  for (const candidate of [path.join(root, 'package.json'), path.join(root, '..', 'package.json')]) {
    if (fs.existsSync(candidate)) {
      const { name, version } = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (name === 'exitflow' && version) return version;
    }
  }
  return '0.0.0';
}

function sdkVersion(): string {
  return (require('@temporalio/worker/package.json') as { version: string }).version;
}
