import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { TEMPORAL_CLIENT, TemporalCalls } from '../temporal/temporal-client.provider';

/** Rows of a case that hold its contents beyond the anonymous facts reports count: deleted. */
const CASE_CONTENT_TABLES = [
  'notifications',
  'handover_views',
  'handover_reports',
  'police_documentation',
  'dks_home_visits',
  'idempotency_keys',
  'open_exit_courses',
  'read_model_failures',
  // An access request's CPR number (encrypted) and lookup hash.
  'access_requests',
] as const;

/** Whether a case may be erased now: on the approved list, closed, its period passed, not held, not erased. */
export const STILL_DUE = `c.closed_at IS NOT NULL AND c.erased_at IS NULL AND NOT c.legal_hold
  AND c.closed_at + make_interval(days => lc.period_days) <= now()`;

const GRPC_NOT_FOUND = 5;

/**
 * Erases one case at the end of its retention period (docs/retention.md): its workflow executions are
 * terminated and deleted in Temporal, then — in one transaction — its notes, documents, assignments and
 * per-type rows go, its audit rows become pseudonymous tombstones (`erase_case_audit`, the only way past
 * their append-only triggers), the case row keeps only anonymous facts (`erased_at`), and when no case of
 * the person's remains, the person leaves the register and their cases' tombstones get the pseudonym.
 */
@Injectable()
export class RetentionErasureService {
  private readonly logger = new Logger(RetentionErasureService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly calls: TemporalCalls,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
  ) {}

  /** Erases the case if it is still due on the approved list `listId`; answers whether it did. */
  async erase(user: AuthenticatedUser, listId: string, caseId: string): Promise<boolean> {
    const [candidate]: { workflow_id: string }[] = await this.dataSource.query(
      `SELECT c.workflow_id FROM cases c JOIN retention_list_cases lc ON lc.case_id = c.id AND lc.list_id = $1
        WHERE c.id = $2 AND ${STILL_DUE}`,
      [listId, caseId],
    );
    if (!candidate) return false;
    await this.deleteWorkflowExecutions(candidate.workflow_id);
    return this.dataSource.transaction(async (db) => {
      const [row]: { person_ref: string }[] = await db.query(
        `SELECT c.person_ref FROM cases c JOIN retention_list_cases lc ON lc.case_id = c.id AND lc.list_id = $1
          WHERE c.id = $2 AND ${STILL_DUE} FOR UPDATE OF c`,
        [listId, caseId],
      );
      if (!row) return false;
      await this.eraseInTransaction(db, user, listId, caseId, row.person_ref);
      return true;
    });
  }

  private async eraseInTransaction(
    db: EntityManager,
    user: AuthenticatedUser,
    listId: string,
    caseId: string,
    personRef: string,
  ): Promise<void> {
    const pseudonym = await this.pseudonymOf(db, personRef);
    const [{ others }]: { others: number }[] = await db.query(
      `SELECT count(*)::int AS others FROM cases WHERE person_ref = $1 AND id <> $2 AND erased_at IS NULL`,
      [personRef, caseId],
    );
    const personGone = others === 0;
    await db.query(`SELECT erase_case_audit($1, $2, $3, $4)`, [caseId, personRef, pseudonym, personGone]);
    for (const table of CASE_CONTENT_TABLES) await db.query(`DELETE FROM ${table} WHERE case_id = $1`, [caseId]);
    await db.query(
      `UPDATE steps SET suspension_reason = NULL, suspension_note = NULL, missed_reason = NULL, missed_note = NULL
        WHERE case_id = $1`,
      [caseId],
    );
    await db.query(`UPDATE council_initiatives SET description = '', note = NULL WHERE case_id = $1`, [caseId]);
    // A start routed for coordination names the person who was to start: it goes with the course it met.
    await db.query(`DELETE FROM course_coordinations WHERE held_case_id = $1`, [caseId]);
    await db.query(`UPDATE cases SET erased_at = now(), legal_hold_reason = NULL, updated_at = now() WHERE id = $1`, [
      caseId,
    ]);
    await db.query(`UPDATE retention_list_cases SET erased_at = now() WHERE list_id = $1 AND case_id = $2`, [
      listId,
      caseId,
    ]);
    if (personGone) {
      // Only now, so that a person's erased and remaining cases count as one person in the reports until then.
      await db.query(`UPDATE cases SET person_ref = $2 WHERE person_ref = $1`, [personRef, pseudonym]);
      await db.query(`UPDATE concern_letter_candidates SET person_ref = $2 WHERE person_ref = $1`, [
        personRef,
        pseudonym,
      ]);
      // A start routed for coordination, and a reservation whose start never happened, name the person too.
      await db.query(`DELETE FROM course_coordinations WHERE requesting_person_ref = $1`, [personRef]);
      await db.query(`DELETE FROM open_exit_courses WHERE person_ref = $1`, [personRef]);
      await db.query(`DELETE FROM person_name_tokens WHERE person_id::text = $1`, [personRef]);
      await db.query(`DELETE FROM person_units WHERE person_id::text = $1`, [personRef]);
      await db.query(`DELETE FROM persons WHERE id::text = $1`, [personRef]);
      await db.query(`DELETE FROM retention_pseudonyms WHERE person_ref = $1`, [personRef]);
    }
    await this.accessLog.record(
      user,
      'retention_erasure',
      { caseId, personRef: pseudonym, details: { listId, personErased: personGone } },
      db,
    );
  }

  /** The person's one pseudonym: the same for each of their cases, kept only while one of them remains. */
  private async pseudonymOf(db: EntityManager, personRef: string): Promise<string> {
    await db.query(
      `INSERT INTO retention_pseudonyms (person_ref, pseudonym) VALUES ($1, $2) ON CONFLICT (person_ref) DO NOTHING`,
      [personRef, `slettet-${randomBytes(12).toString('hex')}`],
    );
    const [{ pseudonym }] = await db.query(`SELECT pseudonym FROM retention_pseudonyms WHERE person_ref = $1`, [
      personRef,
    ]);
    return pseudonym;
  }

  /** Every run of the case's workflow id (continued-as-new ones too): terminated if running, then deleted. */
  private async deleteWorkflowExecutions(workflowId: string): Promise<void> {
    const timeout = this.config.api.commandTimeoutMs;
    await this.calls.within(timeout, async () => {
      try {
        await this.temporal.workflow.getHandle(workflowId).terminate('Opbevaringsfristen er udløbet; sagen slettes.');
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
      const runs: string[] = [];
      for await (const execution of this.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
        runs.push(execution.runId);
      }
      for (const runId of runs.length ? runs : [undefined]) {
        try {
          await this.temporal.workflowService.deleteWorkflowExecution({
            namespace: this.config.temporal.namespace,
            workflowExecution: { workflowId, runId },
          });
        } catch (error) {
          if ((error as { code?: number }).code !== GRPC_NOT_FOUND) throw error;
        }
      }
    });
    this.logger.log(`Workflow executions of ${workflowId} deleted (retention)`);
  }
}
