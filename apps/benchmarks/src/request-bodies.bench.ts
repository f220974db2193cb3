import { fork } from 'node:child_process';
import path from 'node:path';

/**
 * CPU the API spends on hostile bodies before any handler runs: 30 bodies of ~98 kB sent at once, of each
 * shape (an independent measurement found 3 s of CPU for deeply nested ones before the limits existed).
 * Prints figures, asserts nothing. `npm run bench:bodies`.
 */
const AT_ONCE = 30;
const SIZE = 98_000;

const SHAPES: Record<string, () => string> = {
  'deeply nested arrays': () => `{"agreements":${'['.repeat(SIZE / 2)}${']'.repeat(SIZE / 2)}}`,
  'deeply nested objects': () => `{"agreements":${'{"a":'.repeat(SIZE / 6)}1${'}'.repeat(SIZE / 6)}}`,
  'one wide array': () => `{"agreements":[${Array.from({ length: SIZE / 2 }, () => '1').join(',')}]}`,
  'many agreements, long text': () =>
    JSON.stringify({
      agreements: Array.from({ length: 45 }, () => ({ kind: 'mentor_support', description: 'x'.repeat(2000) })),
    }),
  'a valid body (50 short agreements)': () =>
    JSON.stringify({
      agreements: Array.from({ length: 50 }, () => ({ kind: 'mentor_support', description: 'Mentor fra kommunen.' })),
    }),
};

async function measure(withoutLimits: boolean): Promise<void> {
  const server = fork(path.join(__dirname, 'request-bodies.server.js'), {
    stdio: 'inherit',
    env: { ...process.env, ...(withoutLimits ? { BENCH_WITHOUT_LIMITS: '1' } : {}) },
  });
  const port = await new Promise<number>((resolve) =>
    server.once('message', (message: { port: number }) => resolve(message.port)),
  );
  const base = `http://127.0.0.1:${port}`;
  const cpu = async () => ((await (await fetch(`${base}/cpu`)).json()) as { cpuMs: number }).cpuMs;
  console.log(
    `${withoutLimits ? 'Without the request limits (as before)' : 'With the request limits'}: ${AT_ONCE} bodies at once of each shape; CPU of the API-side process:`,
  );
  // A first round warms the JIT up; its figures are not printed.
  for (const [index, [shape, make]] of [...Object.entries(SHAPES), ...Object.entries(SHAPES)].entries()) {
    const body = make();
    const before = await cpu();
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from(
        { length: AT_ONCE },
        async () =>
          (await fetch(`${base}/body`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
            .status,
      ),
    );
    const cpuMs = (await cpu()) - before;
    if (index < Object.keys(SHAPES).length) continue;
    console.log(
      `  ${shape.padEnd(36)} ${String(body.length).padStart(7)} B  → ${[...new Set(statuses)].join('/')}  CPU ${cpuMs.toFixed(0).padStart(5)} ms  wall ${Date.now() - started} ms`,
    );
  }
  server.kill();
}

async function main(): Promise<void> {
  await measure(false);
  await measure(true);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
