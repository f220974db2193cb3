import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * A free port below Linux's ephemeral range (32768–60999): a part killed and started again on it meanwhile
 * cannot lose it to a port some other program was handed by the kernel.
 */
export async function freeFixedPort(taken: Set<number> = new Set()): Promise<number> {
  for (;;) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(candidate)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(candidate, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/** A child process whose output goes to a log file of its own. */
export function spawnLogged(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

export function readLog(logFile: string): string {
  try {
    return fs.readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}

/** Polls `check` until it holds; a process that exits meanwhile, or the timeout, is an error naming `what`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  process?: ChildProcess,
  timeoutMs = 120_000,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return (Date.now() - started) / 1000;
    if (process && (process.exitCode !== null || process.signalCode !== null)) {
      throw new Error(`Waiting for ${what}: the process exited (${process.signalCode ?? process.exitCode}).`);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`Waited ${timeoutMs / 1000} s for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export async function answers200(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  await response.arrayBuffer();
  return response.status === 200;
}
