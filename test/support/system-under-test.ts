import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api.setup';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { ExitflowConfig } from '../../libs/config/exitflow-config';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import { startTemporalDevServer, type TemporalDevServer } from '../../libs/temporal/temporal-dev-server';
import { openReadModel, testDatabaseUrl } from './read-model';
import { freePort } from './test-database';

/**
 * The whole system as `npm start` runs it, in one process: a real Temporal dev server (the CLI from the
 * PyPI wheel), the worker's Nest context, the API's Nest app on a free port, and the test database.
 */
export interface SystemUnderTest {
  baseUrl: string;
  temporal: Client;
  db: DataSource;
  stop(): Promise<void>;
}

export async function startSystem(): Promise<SystemUnderTest> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-e2e-'));
  const server: TemporalDevServer = await startTemporalDevServer({
    port: await freePort(),
    logFile: path.join(logDir, 'temporal.log'),
  });
  const config: ExitflowConfig = {
    databaseUrl: testDatabaseUrl(),
    temporal: { address: server.address, namespace: 'default', taskQueue: 'exitflow-e2e' },
    api: { host: '127.0.0.1', port: 0 },
    deadlines: defaultDeadlinePolicy(),
  };
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  await worker.init();
  const api: INestApplication = await createApiApp(config);
  api.useLogger(['error', 'warn']);
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as { port: number };
  const temporal = new Client({ connection: await Connection.connect({ address: server.address }) });
  const db = await openReadModel();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    temporal,
    db,
    stop: async () => {
      await api.close();
      await worker.close();
      await temporal.connection.close();
      await db.destroy();
      await server.stop();
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP request; `body` may be a raw string to send malformed JSON. */
export async function http<T = any>(
  baseUrl: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T, headers: response.headers };
}
