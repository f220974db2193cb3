import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installClusterBinaries, installedClusterBinaries, TEMPORAL_SERVER_VERSION } from './cluster-binaries';

describe('the cluster binaries', () => {
  let dir: string;
  const path0 = process.env.PATH;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-cluster-binaries-'));
  });
  afterEach(() => {
    process.env.PATH = path0;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are found by the marker of the pinned version, and only that version', () => {
    expect(installedClusterBinaries(dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'installed-version'), '1.0.0\n');
    expect(installedClusterBinaries(dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'installed-version'), `${TEMPORAL_SERVER_VERSION}\n`);
    expect(installedClusterBinaries(dir)).toEqual({
      server: path.join(dir, 'temporal-server'),
      sqlTool: path.join(dir, 'temporal-sql-tool'),
      schemas: {
        temporal: path.join(dir, 'schema', 'temporal', 'versioned'),
        visibility: path.join(dir, 'schema', 'visibility', 'versioned'),
      },
    });
  });

  it('are not built again when the marker is there (no go command needed)', () => {
    fs.writeFileSync(path.join(dir, 'installed-version'), `${TEMPORAL_SERVER_VERSION}\n`);
    process.env.PATH = path.join(dir, 'no-such-folder');
    const log = jest.fn();
    expect(installClusterBinaries(log, dir).server).toBe(path.join(dir, 'temporal-server'));
    expect(log).not.toHaveBeenCalled();
  });

  it('stop with one sentence naming Go where there is no go command, and build nothing', () => {
    process.env.PATH = path.join(dir, 'no-such-folder');
    expect(() => installClusterBinaries(() => undefined, path.join(dir, 'bin'))).toThrow(
      `Temporal's server ${TEMPORAL_SERVER_VERSION} is built from source with Go, and no 'go' command was found: install Go 1.21 or newer (apt-get install golang-go) and run npm run start:cluster again.`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
