import type { DataSource } from 'typeorm';
import type { CaseType } from '../../libs/domain/case/case-transition';
import type { UnitKind } from '../../libs/domain/organisations/organisation-units';
import type { NoticeSender } from './notice-senders';
import { composeNotice, type NoticePerson, type OutboxNotice } from './outgoing-notice';
import { absenceInForceSql } from '../../libs/persistence/absence-in-force';

/** The wait before the next try after the n-th failed one: 30 s, doubling, at most an hour. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, failedAttempts - 1));
}

/** How long an overdue notice waits before it may go out (see insertDeadlineNotice in read-model.activities.ts). */
export const OVERDUE_NOTICE_SETTLE_SECONDS = 300;

/** How long a claimed notice is reserved for the worker sending it; after that (a crash) another may. */
export const CLAIM_LEASE_SECONDS = 300;

export interface DeliveryRound {
  sent: number;
  failed: number;
  /** Deadline notices whose news was old before they could go out (see NoticeOutbox). */
  withdrawn: number;
}

interface ClaimedRow {
  id: string;
  case_id: string;
  case_type: CaseType | null;
  recipient_unit: string;
  recipient_name: string | null;
  recipient_kind: UnitKind | null;
  kind: string;
  step_kind: string | null;
  due_at: Date | null;
  attempts: number;
  /** The person the notice is for, if any: a `case_assigned` notice's user, a deadline notice's assignee. */
  person_id: string | null;
}

/**
 * Delivers the `notifications` outbox. A notice is claimed in a short transaction (`FOR UPDATE SKIP
 * LOCKED`, so several workers never take the same one; the claim is a lease of CLAIM_LEASE_SECONDS), sent
 * outside any transaction, then marked sent — or kept with the reason and a later retry. A crash after
 * sending and before marking sends that one notice again when the lease ends: delivery is at least once,
 * the outbox row itself exists exactly once.
 *
 * A deadline notice is withdrawn instead of sent when its news is old: its step has closed or its deadline
 * moved (a moved deadline has notices of its own), or — for a warning — the deadline has already passed; a
 * `case_assigned` notice when the case has another assignee by then.
 *
 * A deadline notice for the unit holding the case goes to the case's responsible caseworker, if it has one
 * (see personOf), else to the unit's mailbox as before; the assignee is read when the notice is sent.
 */
export class NoticeOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: NoticeSender,
    private readonly webUrl: string,
  ) {}

  /** Sends every notice that is due now, up to `limit`, until `stopping()` says to stop. */
  async deliverDue(limit = 200, stopping: () => boolean = () => false): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, failed: 0, withdrawn: 0 };
    for (let i = 0; i < limit && !stopping(); i += 1) {
      const outcome = await this.deliverNext();
      if (outcome === 'none') break;
      round[outcome] += 1;
    }
    return round;
  }

  private async deliverNext(): Promise<'sent' | 'failed' | 'withdrawn' | 'none'> {
    const claimed = await this.claimNext();
    if (claimed === 'withdrawn' || claimed === undefined) return claimed ?? 'none';
    const notice: OutboxNotice = {
      id: claimed.id,
      caseId: claimed.case_id,
      caseType: claimed.case_type,
      recipientUnit: claimed.recipient_unit,
      recipient:
        claimed.recipient_name && claimed.recipient_kind
          ? { name: claimed.recipient_name, kind: claimed.recipient_kind }
          : null,
      kind: claimed.kind,
      stepKind: claimed.step_kind,
      dueAt: claimed.due_at,
      attempts: claimed.attempts,
    };
    try {
      const person = claimed.person_id ? await this.personOf(claimed.person_id, claimed.recipient_unit) : undefined;
      await this.sender.send({ ...composeNotice(notice, this.webUrl), ...(person ? { person } : {}) });
    } catch (error) {
      await this.dataSource.query(
        `UPDATE notifications SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
        [claimed.id, String((error as Error)?.message ?? error).slice(0, 1000), retryDelaySeconds(claimed.attempts)],
      );
      return 'failed';
    }
    await this.dataSource.query(`UPDATE notifications SET sent_at = now(), last_error = NULL WHERE id = $1`, [
      claimed.id,
    ]);
    return 'sent';
  }

  /**
   * Where a notice for a user goes, resolved at delivery (a reassignment or an absence recorded after the
   * notice was written is honoured): the user's own address; during an absence the substitute's, with the
   * unit's active supervisors copied. A user gone inactive, or a substitute gone inactive, is no recipient:
   * the unit's mailbox takes the notice. Absences count by the Danish calendar date.
   */
  private async personOf(userId: string, unit: string): Promise<NoticePerson | undefined> {
    const rows: {
      email: string | null;
      absent: boolean;
      substitute_id: string | null;
      substitute_email: string | null;
    }[] = await this.dataSource.query(
      `SELECT u.email, a.substitute_id IS NOT NULL AS absent, s.id::text AS substitute_id, s.email AS substitute_email
         FROM users u
         LEFT JOIN LATERAL (SELECT a.substitute_id FROM absences a
                             WHERE a.user_id = u.id::text AND a.org_unit = $2 AND ${absenceInForceSql('a')}
                             ORDER BY a.recorded_at DESC LIMIT 1) a ON true
         LEFT JOIN users s ON s.id::text = a.substitute_id AND s.active
        WHERE u.id::text = $1 AND u.active`,
      [userId, unit],
    );
    if (rows.length === 0) return undefined;
    const [row] = rows;
    // Absent with no active substitute: not to the absent user, the unit's mailbox takes it.
    if (row.absent && !row.substitute_id) return undefined;
    if (!row.substitute_id) return { userId, email: row.email, cc: [], substituteFor: null };
    const supervisors: { email: string }[] = await this.dataSource.query(
      `SELECT email FROM users WHERE role = 'supervisor' AND active AND email IS NOT NULL AND $1 = ANY(units) ORDER BY email`,
      [unit],
    );
    return {
      userId: row.substitute_id,
      email: row.substitute_email,
      cc: supervisors.map((supervisor) => supervisor.email),
      substituteFor: userId,
    };
  }

  /** The next due notice, reserved for this worker (attempt counted), or withdrawn when its news is old. */
  private claimNext(): Promise<ClaimedRow | 'withdrawn' | undefined> {
    return this.dataSource.transaction(async (db) => {
      const rows: (ClaimedRow & { stale: boolean })[] = await db.query(
        `SELECT n.id, n.case_id, c.case_type, n.recipient_unit, u.name AS recipient_name, u.kind AS recipient_kind, n.kind, s.kind AS step_kind, n.due_at, n.attempts,
                CASE WHEN n.kind = 'case_assigned' THEN n.recipient_user_id
                     WHEN n.step_id IS NOT NULL AND n.recipient_unit = c.org_unit THEN c.assignee_id END AS person_id,
                ((n.kind IN ('deadline_warning', 'deadline_overdue') AND (s.status <> 'open' OR s.due_at <> n.due_at
                  OR s.suspended_at IS NOT NULL OR (n.kind = 'deadline_warning' AND n.due_at <= now())))
                 OR (n.kind = 'case_assigned' AND c.assignee_id IS DISTINCT FROM n.recipient_user_id)) AS stale
           FROM notifications n LEFT JOIN cases c ON c.id = n.case_id LEFT JOIN steps s ON s.id = n.step_id
                LEFT JOIN organisation_units u ON u.code = n.recipient_unit
          WHERE n.sent_at IS NULL AND n.withdrawn_at IS NULL AND n.next_attempt_at <= now()
          ORDER BY n.next_attempt_at, n.created_at
          LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
      );
      if (rows.length === 0) return undefined;
      const [{ stale, ...row }] = rows;
      if (stale) {
        await db.query(`UPDATE notifications SET withdrawn_at = now() WHERE id = $1`, [row.id]);
        return 'withdrawn';
      }
      await db.query(
        `UPDATE notifications SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2) WHERE id = $1`,
        [row.id, CLAIM_LEASE_SECONDS],
      );
      return { ...row, attempts: row.attempts + 1 };
    });
  }
}
