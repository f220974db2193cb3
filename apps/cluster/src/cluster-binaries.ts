import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../libs/temporal/temporal-binaries';

/**
 * Temporal's own server and `temporal-sql-tool`, built by `go install` at one pinned version (the one
 * docker-compose.yml's images carry too) into a git-ignored folder, with the PostgreSQL schemas that ship
 * in the same module. Built once: later runs find the marker file and do nothing.
 */
export const TEMPORAL_SERVER_VERSION = '1.32.2';
/** The server's go.mod asks for a newer Go than Debian's: the go command fetches this toolchain itself. */
export const GO_TOOLCHAIN = 'go1.27.3';
const MODULE = 'go.temporal.io/server';

export interface ClusterBinaries {
  server: string;
  sqlTool: string;
  /** `temporal` and `temporal_visibility` schema folders (postgres12 plugin, versioned). */
  schemas: { temporal: string; visibility: string };
}

export function clusterBinariesDir(): string {
  return path.join(PROJECT_ROOT, '.cluster', `temporal-${TEMPORAL_SERVER_VERSION}`);
}

function layout(dir: string): ClusterBinaries {
  return {
    server: path.join(dir, 'temporal-server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    schemas: {
      temporal: path.join(dir, 'schema', 'temporal', 'versioned'),
      visibility: path.join(dir, 'schema', 'visibility', 'versioned'),
    },
  };
}

const MARKER = 'installed-version';

export function installedClusterBinaries(dir = clusterBinariesDir()): ClusterBinaries | undefined {
  try {
    if (fs.readFileSync(path.join(dir, MARKER), 'utf8').trim() !== TEMPORAL_SERVER_VERSION) return undefined;
  } catch {
    return undefined;
  }
  return layout(dir);
}

/** Builds the binaries unless they are there; `go` missing is one clear sentence. */
export function installClusterBinaries(
  log: (line: string) => void = console.log,
  dir = clusterBinariesDir(),
): ClusterBinaries {
  const installed = installedClusterBinaries(dir);
  if (installed) return installed;
  const env = { ...process.env, GOTOOLCHAIN: GO_TOOLCHAIN };
  if (spawnSync('go', ['version'], { stdio: 'ignore', env: { PATH: process.env.PATH } }).error) {
    throw new Error(
      `Temporal's server ${TEMPORAL_SERVER_VERSION} is built from source with Go, and no 'go' command was found: install Go 1.21 or newer (apt-get install golang-go) and run npm run start:cluster again.`,
    );
  }
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  log(`Bygger Temporal-serveren ${TEMPORAL_SERVER_VERSION} med go install (første gang tager det flere minutter) …`);
  execFileSync(
    'go',
    [
      'install',
      `${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
      `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
    ],
    { env: { ...env, GOBIN: building }, stdio: 'inherit' },
  );
  fs.renameSync(path.join(building, 'server'), path.join(building, 'temporal-server'));
  fs.renameSync(path.join(building, 'sql'), path.join(building, 'temporal-sql-tool'));
  const moduleCache = execFileSync('go', ['env', 'GOMODCACHE'], { env, encoding: 'utf8' }).trim();
  const schemas = path.join(moduleCache, `${MODULE}@v${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  for (const schema of ['temporal', 'visibility']) {
    const target = path.join(building, 'schema', schema);
    fs.cpSync(path.join(schemas, schema), target, { recursive: true });
    makeWritable(target);
  }
  fs.writeFileSync(path.join(building, MARKER), `${TEMPORAL_SERVER_VERSION}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  return layout(dir);
}

/** The module cache is read-only; the copies must be removable with the folder. */
function makeWritable(target: string): void {
  fs.chmodSync(target, 0o755);
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) makeWritable(child);
    else fs.chmodSync(child, 0o644);
  }
}
