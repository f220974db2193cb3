import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { http, startSystem, type SystemUnderTest } from '../support/system-under-test';

/**
 * Liveness and readiness against the real parts: readiness names the check that failed (up/down, never
 * a host), liveness answers whatever is down. The system starts without a worker; the test starts one.
 */
let sut: SystemUnderTest;
let worker: INestApplicationContext | undefined;

const get = (url: string) => http(sut.baseUrl, 'GET', url);

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  sut = await startSystem({}, { worker: false, throughProxies: true });
});

afterAll(async () => {
  await worker?.close();
  await sut?.stop();
});

test('without a worker: ready is 503 naming the worker check, live and the combined health are 200', async () => {
  const ready = await get('/api/health/ready');
  expect(ready.status).toBe(503);
  expect(ready.body).toEqual({
    code: 'SERVICE_UNAVAILABLE',
    message: 'Systemet er ikke klar: en afhængighed svarer ikke.',
    details: { postgres: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'down' } },
  });
  expect(ready.headers.get('retry-after')).toBe('5');
  const live = await get('/api/health/live');
  expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
  const health = await get('/api/health');
  expect([health.status, health.body]).toEqual([
    200,
    { status: 'ok', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } },
  ]);
});

test('with a worker polling both task queue types: ready is 200', async () => {
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(sut.config), { logger: ['error'] });
  await worker.init();
  await until(async () => (await get('/api/health/ready')).status === 200, 'ready 200');
  const ready = await get('/api/health/ready');
  expect(ready.body).toEqual({
    status: 'ok',
    checks: { postgres: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } },
  });
  const pollers = await Promise.all(
    [1, 2].map((taskQueueType) =>
      sut.temporal.workflowService.describeTaskQueue({
        namespace: sut.config.temporal.namespace,
        taskQueue: { name: sut.config.temporal.taskQueue },
        taskQueueType,
      }),
    ),
  );
  for (const answer of pollers) expect(answer.pollers.length).toBeGreaterThanOrEqual(1);
});

test('PostgreSQL cut: ready is 503 naming postgres, live stays 200; back again: ready 200', async () => {
  await sut.proxies!.database.cut();
  try {
    const ready = await get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details).toEqual({
      postgres: { status: 'down' },
      temporal: { status: 'up' },
      worker: { status: 'up' },
    });
    expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|ECONN|\d{4,5}/);
    const live = await get('/api/health/live');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
  } finally {
    await sut.proxies!.database.restore();
  }
  await until(async () => (await get('/api/health/ready')).status === 200, 'ready 200 again');
});
