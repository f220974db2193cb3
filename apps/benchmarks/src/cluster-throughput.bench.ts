import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_SECRETS } from '../../../libs/config/demo-secrets';
import { startCluster } from '../../cluster/src/cluster';

/**
 * Starts and decisions per second through nginx on the cluster (`npm run bench:cluster`), with 1, 2 and 4
 * workers: prints figures, asserts nothing. One cluster (2 Temporal nodes, 2 API replicas, embedded
 * PostgreSQL); workers are added between the rounds. BENCH_CLUSTER_CASES per round (default 200), sent
 * BENCH_CLUSTER_CONCURRENCY at a time (default 20).
 */
const CASES = Number(process.env.BENCH_CLUSTER_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CLUSTER_CONCURRENCY ?? 20);
const WORKER_COUNTS = [1, 2, 4];

let people = 0;
/** A made-up CPR number (valid date, sequence digits 0–3), unique within the run. */
function benchCpr(): string {
  people += 1;
  const day = String((people % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(people / 28) % 12) + 1).padStart(2, '0');
  const year = String(Math.floor(people / 336) % 100).padStart(2, '0');
  const sequence = String(Math.floor(people / 33_600) % 4000).padStart(4, '0');
  return `${day}${month}${year}-${sequence}`;
}

/** Runs `work` for each item, `CONCURRENCY` at a time; answers the seconds it took. */
async function timed<T>(items: T[], work: (item: T) => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-bench-cluster-'));
  const cluster = await startCluster({
    dir,
    persistent: false,
    workers: 1,
    runtimePassword: 'exitflow-app-bench',
    env: {
      DATABASE_URL: '',
      MIGRATION_DATABASE_URL: '',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'exitflow-bench',
      LOGIN_ATTEMPTS_PER_MINUTE: '10000',
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000',
    },
    log: (line) => console.log(`  ${line}`),
  });
  try {
    const login = await fetch(`${cluster.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kf.storstroem', password: DEMO_SECRETS.demoUserPassword }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    let retries = 0;
    /** POSTs until answered `expected` (or 409 ILLEGAL_TRANSITION: an earlier try was applied); a 503 is tried again, same key. */
    const call = async (url: string, body: unknown, expected: number, headers: Record<string, string> = {}) => {
      for (;;) {
        const response = await fetch(`${cluster.baseUrl}${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, ...headers },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { id?: string; personRef?: string; code?: string };
        // 200 for a start: a try the 503 hid had started it, and the key answers that case.
        const done = response.status === expected || (expected === 201 && response.status === 200);
        if (done || (response.status === 409 && answer.code === 'ILLEGAL_TRANSITION')) return answer;
        if (response.status !== 503) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer)}`);
        retries += 1;
      }
    };
    const rows: string[] = [];
    for (const workers of WORKER_COUNTS) {
      while (cluster.workerCount() < workers) await cluster.addWorker();
      const persons: string[] = [];
      await timed(Array.from({ length: CASES }), async () => {
        persons.push((await call('/api/persons', { name: `Bench Person ${people}`, cpr: benchCpr() }, 201)).personRef!);
      });
      const ids: string[] = [];
      const startSeconds = await timed(persons, async (personRef) => {
        const body = {
          personRef,
          institutionCode: 'KF-STORSTROEM',
          expectedReleaseDate: '2028-06-30',
          paroleLinked: false,
        };
        const key = randomUUID();
        ids.push((await call('/api/exit-courses', body, 201, { 'idempotency-key': key })).id!);
      });
      const decisionSeconds = await timed(ids, async (id) => {
        await call(`/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer' }, 200);
      });
      const row = `| ${workers} | ${(CASES / startSeconds).toFixed(1)} | ${(CASES / decisionSeconds).toFixed(1)} | ${retries} | ${os.loadavg()[0].toFixed(1)} |`;
      retries = 0;
      console.log(row);
      rows.push(row);
    }
    console.log(
      [
        '',
        `Cluster throughput: ${CASES} starts, then ${CASES} decisions (suitability offers) per round, ${CONCURRENCY} at a time, through nginx; 2 Temporal nodes, 2 API replicas, ${os.cpus().length} cores`,
        '',
        '| workers | starts per second | decisions per second | 503s tried again | load average (1 min) |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench:cluster failed: ${error.message}`);
  process.exit(1);
});
