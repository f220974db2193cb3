import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { SqlParameters } from '../../access/access-policy';
import { OUTBOX_STATE_CONDITIONS } from '../../persistence/outbox-states';
import { responsibleUnitSql } from '../../persistence/responsible-unit';

/** PostgreSQL stops a gauge query after this; the scrape waits at most a little longer (pool included). */
export const DOMAIN_QUERY_TIMEOUT_MS = 2000;
const SCRAPE_WAIT_MS = DOMAIN_QUERY_TIMEOUT_MS + 1000;

interface StepRow {
  kind: string;
  unit: string;
  open: number;
  overdue: number;
}
interface OutboxRow {
  pending: number;
  failing: number;
  oldest_seconds: number | null;
}
interface AttentionRow {
  case_type: string;
  cases: number;
  transitions: number;
}

/**
 * The read model's figures operations watch, counted by SQL when Prometheus scrapes: open and overdue steps
 * per step kind and responsible unit (as the overdue board counts them: a suspended deadline is not overdue),
 * the outbox's unsent notices, and the cases whose read model refused a transition. Labels are codes from
 * bounded sets (step kind, unit code, case type, state): never a case, a person or free text.
 * A database that is away or slow leaves these out of the scrape and sets `exitflow_domain_gauges_up` to 0.
 */
export class DomainGauges {
  private readonly openSteps: Gauge<'kind' | 'unit'>;
  private readonly overdueSteps: Gauge<'kind' | 'unit'>;
  private readonly outbox: Gauge<'state'>;
  private readonly oldestUnsent: Gauge;
  private readonly casesNeedingAttention: Gauge<'case_type'>;
  private readonly refusedTransitions: Gauge<'case_type'>;
  private readonly up: Gauge;
  private readonly queryDuration: Gauge;
  private refreshing?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    registry: Registry,
  ) {
    const registers = [registry];
    this.openSteps = new Gauge({
      name: 'exitflow_open_steps',
      help: 'Open steps by step kind and the unit whose turn they are.',
      labelNames: ['kind', 'unit'],
      registers,
    });
    this.overdueSteps = new Gauge({
      name: 'exitflow_overdue_steps',
      help: 'Open steps past their deadline (not suspended), by step kind and the unit whose turn they are.',
      labelNames: ['kind', 'unit'],
      registers,
    });
    this.outbox = new Gauge({
      name: 'exitflow_notice_outbox_notices',
      help: 'Unsent notices in the outbox: pending (not yet tried, or waiting to settle) and failing (the last try failed).',
      labelNames: ['state'],
      registers,
    });
    this.oldestUnsent = new Gauge({
      name: 'exitflow_notice_outbox_oldest_unsent_seconds',
      help: 'Age of the oldest unsent, not withdrawn notice in the outbox (0 when there is none).',
      registers,
    });
    this.casesNeedingAttention = new Gauge({
      name: 'exitflow_cases_needing_attention',
      help: "Cases whose read model refused a transition that is not yet written again (operations' Drift page).",
      labelNames: ['case_type'],
      registers,
    });
    this.refusedTransitions = new Gauge({
      name: 'exitflow_read_model_refused_transitions',
      help: 'Refused read-model transitions not yet written again (read_model_failures), by case type.',
      labelNames: ['case_type'],
      registers,
    });
    this.up = new Gauge({
      name: 'exitflow_domain_gauges_up',
      help: '1 if the read-model figures of this scrape were counted, 0 if PostgreSQL did not answer in time.',
      registers,
    });
    this.queryDuration = new Gauge({
      name: 'exitflow_domain_gauges_query_seconds',
      help: 'How long the last count of the read-model figures took.',
      registers,
    });
  }

  /** Counts anew; one count at a time (concurrent scrapes share it). Never rejects. */
  refresh(): Promise<void> {
    this.refreshing ??= this.count().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async count(): Promise<void> {
    const started = process.hrtime.bigint();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), SCRAPE_WAIT_MS);
      timer.unref();
    });
    try {
      const { steps, outbox, attention } = await Promise.race([this.query(), timeout]);
      this.resetFigures();
      for (const row of steps) {
        this.openSteps.set({ kind: row.kind, unit: row.unit }, row.open);
        if (row.overdue > 0) this.overdueSteps.set({ kind: row.kind, unit: row.unit }, row.overdue);
      }
      this.outbox.set({ state: 'pending' }, outbox.pending);
      this.outbox.set({ state: 'failing' }, outbox.failing);
      this.oldestUnsent.set(Number(outbox.oldest_seconds ?? 0));
      for (const row of attention) {
        this.casesNeedingAttention.set({ case_type: row.case_type }, row.cases);
        this.refusedTransitions.set({ case_type: row.case_type }, row.transitions);
      }
      this.up.set(1);
    } catch {
      // Down or slow: the figures stay out of this scrape; the health checks and logs say why.
      this.resetFigures();
      this.up.set(0);
    } finally {
      clearTimeout(timer);
      this.queryDuration.set(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /** A kind and unit without open steps has no series (rather than a 0 for every pair). */
  private resetFigures(): void {
    this.openSteps.reset();
    this.overdueSteps.reset();
    this.outbox.reset();
    this.oldestUnsent.reset();
    this.casesNeedingAttention.reset();
    this.refusedTransitions.reset();
  }

  private query(): Promise<{ steps: StepRow[]; outbox: OutboxRow; attention: AttentionRow[] }> {
    return this.dataSource.transaction('READ COMMITTED', async (db) => {
      await db.query(`SET LOCAL statement_timeout = ${DOMAIN_QUERY_TIMEOUT_MS}`);
      await db.query(`SET LOCAL lock_timeout = ${DOMAIN_QUERY_TIMEOUT_MS}`);
      const params = new SqlParameters();
      const steps: StepRow[] = await db.query(
        `SELECT s.kind, r.unit, count(*)::int AS open,
                count(*) FILTER (WHERE s.suspended_at IS NULL AND s.due_at <= now())::int AS overdue
           FROM steps s JOIN cases c ON c.id = s.case_id LEFT JOIN exit_courses e ON e.case_id = s.case_id
          CROSS JOIN LATERAL (SELECT ${responsibleUnitSql('s', 'c', 'e', params)} AS unit) r
          WHERE s.status = 'open' AND c.erased_at IS NULL
          GROUP BY s.kind, r.unit`,
        params.values,
      );
      const [outbox]: OutboxRow[] = await db.query(
        `SELECT count(*) FILTER (WHERE ${OUTBOX_STATE_CONDITIONS.pending})::int AS pending,
                count(*) FILTER (WHERE ${OUTBOX_STATE_CONDITIONS.failing})::int AS failing,
                extract(epoch FROM now() - min(n.created_at))::float8 AS oldest_seconds
           FROM notifications n WHERE n.sent_at IS NULL AND n.withdrawn_at IS NULL`,
      );
      const attention: AttentionRow[] = await db.query(
        `SELECT case_type, count(DISTINCT case_id)::int AS cases, count(*)::int AS transitions
           FROM read_model_failures WHERE resolved_at IS NULL GROUP BY case_type`,
      );
      return { steps, outbox, attention };
    });
  }
}
