import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { CaseListQuery } from '../../api/src/cases/case-list.query';
import { CaseListRepository } from '../../api/src/cases/case-list.repository';
import { StepBoardRepository, type StepList } from '../../api/src/steps/step-board.repository';
import type { AuthenticatedUser } from '../../../libs/access/authenticated-user';
import { STEP_KIND_NAMES, STEP_KINDS } from '../../../libs/domain/case/step-kinds';
import { OrganisationUnitsDirectory } from '../../../libs/persistence/organisation-units-directory';
import { migrateReadModel, readModelDataSourceOptions } from '../../../libs/persistence/data-source-options';
import { startEmbeddedPostgres } from '../../../libs/persistence/embedded-postgres';

/**
 * Speed of the supervisors' boards, the inbox and the list of cases ("Sager") on a national-sized read model: prints figures, asserts
 * nothing. `npm run bench:boards` (BENCH_CASES to change the size; DATABASE_URL to use a server of yours,
 * on which a scratch database is created and dropped).
 */
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const ROUNDS = 30;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Cases of every type spread over every unit, each with 3 steps: one closed, one open (a third overdue), one cancelled. */
async function seed(db: DataSource): Promise<void> {
  const units = await new OrganisationUnitsDirectory(db).all();
  const typeOfUnit = {
    institution: 'exit_course',
    police_district: 'dks_assessment',
    municipality: 'network_council',
  } as const;
  const kindsOf = (caseType: string) => STEP_KIND_NAMES.filter((kind) => STEP_KINDS[kind].caseType === caseType);
  await db.query(`CREATE TEMP TABLE bench_units (n int, code text, case_type text, kinds text[])`);
  for (const [n, unit] of units.entries()) {
    await db.query(`INSERT INTO bench_units VALUES ($1, $2, $3, $4)`, [
      n,
      unit.code,
      typeOfUnit[unit.kind],
      kindsOf(typeOfUnit[unit.kind]),
    ]);
  }
  await db.query(
    `INSERT INTO cases (id, case_type, workflow_id, person_ref, org_unit, status, opened_at, last_seq)
     SELECT gen_random_uuid(), u.case_type, 'bench-' || g, gen_random_uuid()::text, u.code, 'open', now() - (g % 400) * interval '1 day', 1
       FROM generate_series(1, $1) g JOIN bench_units u ON u.n = g % $2`,
    [CASES, units.length],
  );
  await db.query(
    `INSERT INTO exit_courses (case_id, expected_release_date, parole_linked) SELECT id, now()::date + 200, false FROM cases WHERE case_type = 'exit_course'`,
  );
  await db.query(
    `INSERT INTO case_access (case_id, org_unit, organisation, access) SELECT c.id, c.org_unit, CASE c.case_type WHEN 'exit_course' THEN 'kriminalforsorgen' WHEN 'dks_assessment' THEN 'politi' ELSE 'kommune' END, 'write' FROM cases c`,
  );
  await db.query(
    `INSERT INTO steps (id, case_id, kind, status, opened_at, due_at, completed_at)
     SELECT gen_random_uuid(), c.id, u.kinds[1 + (s + abs(hashtext(c.id::text))) % array_length(u.kinds, 1)],
            (ARRAY['completed', 'open', 'cancelled'])[s], c.opened_at,
            CASE WHEN s = 2 AND abs(hashtext(c.id::text)) % 3 = 0 THEN now() - (abs(hashtext(c.id::text)) % 500) * interval '1 hour'
                 ELSE now() + (abs(hashtext(c.id::text)) % 900) * interval '1 hour' END,
            CASE WHEN s <> 2 THEN now() END
       FROM cases c JOIN bench_units u ON u.code = c.org_unit CROSS JOIN generate_series(1, 3) s`,
  );
  await db.query(`ANALYZE`);
}

async function time(label: string, run: () => Promise<{ total: number }>): Promise<void> {
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = process.hrtime.bigint();
    total = (await run()).total;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
  console.log(
    `${label.padEnd(58)} ${String(total).padStart(7)} rows   p50 ${pick(0.5).padStart(7)} ms   p95 ${pick(0.95).padStart(7)} ms`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-bench-'));
  const server = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'exitflow_bench', persistent: false });
  const url = server?.databaseUrl ?? process.env.DATABASE_URL!;
  await migrateReadModel(url);
  const db = await new DataSource(readModelDataSourceOptions(url)).initialize();
  try {
    const seeding = Date.now();
    await seed(db);
    const [{ steps, open, overdue }] = await db.query(
      `SELECT count(*)::int AS steps, count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND due_at <= now())::int AS overdue FROM steps`,
    );
    console.log(
      `${CASES} cases, ${steps} steps, ${open} open, ${overdue} overdue (seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s); ${ROUNDS} rounds each, 20 rows a page`,
    );
    const board = new StepBoardRepository(db);
    const user = (
      role: AuthenticatedUser['role'],
      organisation: AuthenticatedUser['organisation'],
      units: string[],
    ): AuthenticatedUser => ({
      id: 'bench',
      username: 'bench',
      displayName: 'bench',
      role,
      organisation,
      units,
    });
    const national = user('national_supervisor', 'kriminalforsorgen', []);
    const prison = user('supervisor', 'kriminalforsorgen', ['KF-STORSTROEM']);
    const dks = user('dks_officer', 'politi', ['POL-KBH']);
    const page = { page: 1, pageSize: 20 };
    const list = (request: StepList, who: AuthenticatedUser) => () => board.board(request, who, new Date());
    await time('overdue, national KF supervisor, by lateness', list({ list: 'overdue', query: page }, national));
    await time(
      'overdue, national KF supervisor, page 50 by unit',
      list({ list: 'overdue', query: { page: 50, pageSize: 20, sort: 'unit' } }, national),
    );
    await time(
      'overdue, national, kind + min 48 h late',
      list({ list: 'overdue', query: { ...page, kind: 'mentor_contact', minLatenessHours: 48 } }, national),
    );
    await time('overdue, one prison’s supervisor', list({ list: 'overdue', query: page }, prison));
    await time('due soon, national KF supervisor', list({ list: 'due_soon', query: page }, national));
    await time('inbox, a DKS officer', () => board.inbox(page, dks, new Date()));
    const cases = new CaseListRepository(db);
    const caseList = (filters: Partial<CaseListQuery>, who: AuthenticatedUser) => () =>
      cases.list(Object.assign(new CaseListQuery(), filters), who);
    await time('cases, national KF supervisor, open first', caseList({}, national));
    await time('cases, national KF supervisor, overdue only', caseList({ deadline: 'overdue' }, national));
    await time('cases, national KF supervisor, page 50', caseList({ page: 50 }, national));
    await time('cases, one prison’s supervisor', caseList({}, prison));
    const memory = process.memoryUsage();
    console.log(
      `node process: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await db.destroy();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
