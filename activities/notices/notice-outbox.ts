import type { DataSource } from 'typeorm';
import type { CaseType } from '../../libs/domain/case-record/case-transition';
import type { NoticeSender } from './notice-senders';
import { composeNotice, type OutboxNotice } from './outgoing-notice';

/** The wait before the next try after the n-th failed one: 30 s, doubling, at most an hour. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, failedAttempts - 1));
}

export interface DeliveryRound {
  sent: number;
  failed: number;
  /** Deadline notices whose step closed or whose deadline moved before they could go out. */
  withdrawn: number;
}

/**
 * Delivers the `notifications` outbox. Each notice is claimed in its own transaction (`FOR UPDATE SKIP
 * LOCKED`, so several workers never take the same one), sent, and marked sent in that transaction; a
 * failure is recorded with a later retry. A deadline notice whose step has closed, or whose deadline has
 * moved, by then is withdrawn instead: the news is old (a moved deadline has notices of its own). A crash between sending and committing sends that one notice
 * again on the next round: delivery is at least once, the outbox row itself exists exactly once.
 */
export class NoticeOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: NoticeSender,
    private readonly webUrl: string,
  ) {}

  /** Sends every notice that is due now, up to `limit`. */
  async deliverDue(limit = 200): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, failed: 0, withdrawn: 0 };
    for (let i = 0; i < limit; i += 1) {
      const outcome = await this.deliverNext();
      if (outcome === 'none') break;
      round[outcome] += 1;
    }
    return round;
  }

  private deliverNext(): Promise<'sent' | 'failed' | 'withdrawn' | 'none'> {
    return this.dataSource.transaction(async (db) => {
      const rows: {
        id: string;
        case_id: string;
        case_type: CaseType;
        recipient_unit: string;
        kind: string;
        step_kind: string | null;
        due_at: Date | null;
        attempts: number;
        stale: boolean;
      }[] = await db.query(
        `SELECT n.id, n.case_id, c.case_type, n.recipient_unit, n.kind, s.kind AS step_kind, n.due_at, n.attempts,
                (n.step_id IS NOT NULL AND (s.status <> 'open' OR s.due_at <> n.due_at)) AS stale
           FROM notifications n JOIN cases c ON c.id = n.case_id LEFT JOIN steps s ON s.id = n.step_id
          WHERE n.sent_at IS NULL AND n.withdrawn_at IS NULL AND n.next_attempt_at <= now()
          ORDER BY n.next_attempt_at, n.created_at
          LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
      );
      if (rows.length === 0) return 'none';
      const [row] = rows;
      if (row.stale) {
        await db.query(`UPDATE notifications SET withdrawn_at = now() WHERE id = $1`, [row.id]);
        return 'withdrawn';
      }
      const notice: OutboxNotice = {
        id: row.id,
        caseId: row.case_id,
        caseType: row.case_type,
        recipientUnit: row.recipient_unit,
        kind: row.kind,
        stepKind: row.step_kind,
        dueAt: row.due_at,
        attempts: row.attempts,
      };
      try {
        await this.sender.send(composeNotice(notice, this.webUrl));
      } catch (error) {
        await db.query(
          `UPDATE notifications SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
          [row.id, String((error as Error)?.message ?? error).slice(0, 1000), retryDelaySeconds(row.attempts + 1)],
        );
        return 'failed';
      }
      await db.query(`UPDATE notifications SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
      return 'sent';
    });
  }
}
