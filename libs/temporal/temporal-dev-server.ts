import { Connection } from '@temporalio/client';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { installHint, locateTemporalBinary } from './temporal-binaries';

/** A `temporal server start-dev` process (SQLite-backed, with its web UI) started by this process. */
export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would (the fault tests): the SQLite file keeps what was committed. */
  kill(): Promise<void>;
}

export interface TemporalDevServerOptions {
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** Remote payload codec the web UI uses to show encrypted payloads (may be a path on the UI's origin). */
  uiCodecEndpoint?: string;
  /** The path the web UI is served under (the API serves it at TEMPORAL_UI_PATH). */
  uiPublicPath?: string;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server. */
  dbFile?: string;
  logFile: string;
  namespace?: string;
  /** `--dynamic-config-value KEY=VALUE` settings (values in JSON), e.g. shorter worker-deployment intervals in tests. */
  dynamicConfig?: Record<string, string>;
}

/** The Temporal CLI from the project folder or PATH; without one, the SDK downloads the dev server. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const cli = locateTemporalBinary('cli');
  return cli ? startFromCli(cli.path, options) : startFromSdkDownload(options);
}

async function startFromCli(cli: string, options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push('--namespace', options.namespace ?? 'default');
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  args.push(...uiArguments(options));
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${value}`);
  }
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(cli, args, { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, options.logFile);
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    stop: () => stopProcess(child),
    kill: () => killProcess(child),
  };
}

async function startFromSdkDownload(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download' },
        ip: '127.0.0.1',
        port: options.port,
        namespace: options.namespace ?? 'default',
        dbFilename: options.dbFile,
        ui: options.uiPort !== undefined,
        uiPort: options.uiPort,
        log: { format: 'pretty', level: 'warn' },
        extraArgs: [
          ...uiArguments(options),
          ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => [
            '--dynamic-config-value',
            `${key}=${value}`,
          ]),
        ],
      },
    });
    return {
      address: env.address,
      uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
      stop: () => env.teardown(),
      kill: () => env.teardown(),
    };
  } catch (error) {
    throw new Error(`${installHint('cli')} (The SDK's own download failed: ${(error as Error).message})`);
  }
}

function uiArguments({ uiCodecEndpoint, uiPublicPath }: TemporalDevServerOptions): string[] {
  return [
    ...(uiCodecEndpoint ? ['--ui-codec-endpoint', uiCodecEndpoint] : []),
    ...(uiPublicPath ? ['--ui-public-path', uiPublicPath] : []),
  ];
}

async function waitUntilServing(address: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) {
      throw new Error(`The Temporal dev server exited with code ${exited} while starting; see ${logFile}.`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(
          `The Temporal dev server did not answer at ${address} within 60 s: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** SIGKILL, and wait until the process is gone. */
export function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** SIGTERM, then SIGKILL after 10 s. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
