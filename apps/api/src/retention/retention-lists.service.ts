import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { RETENTION_POLICY } from '../../../../libs/domain/retention/retention-policy';
import { retentionScopeKey } from '../../../../activities/retention-list.activities';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import { isUuid } from '../common/uuid';
import { RetentionErasureService, STILL_DUE } from './retention-erasure.service';
import type { RetentionApprovalView, RetentionListCaseView, RetentionListView } from './retention.views';

interface ListCaseRow {
  list_id: string;
  refreshed_at: Date;
  approved_at: Date | null;
  case_id: string | null;
  case_type: string;
  org_unit: string;
  unit_name: string | null;
  closed_at: Date;
  period_days: number;
  due_on: string;
  legal_hold: boolean;
}

const listNotFound = (listId: string) =>
  new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Sletningslisten findes ikke.', { listId });

/**
 * The deletion lists an officer answers for (the scope the nightly run wrote them for): shown without
 * names, approved once. Approval erases each case on the list that is still due and not held.
 */
@Injectable()
export class RetentionListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly erasure: RetentionErasureService,
    private readonly accessLog: AccessLogService,
  ) {}

  async openLists(user: AuthenticatedUser): Promise<RetentionListView[]> {
    const rows: ListCaseRow[] = await this.dataSource.query(
      `SELECT l.id AS list_id, l.refreshed_at, l.approved_at, c.id AS case_id, c.case_type, c.org_unit,
              ou.name AS unit_name, c.closed_at, lc.period_days,
              to_char(lc.due_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS due_on, c.legal_hold
         FROM retention_lists l
         LEFT JOIN retention_list_cases lc ON lc.list_id = l.id
         LEFT JOIN cases c ON c.id = lc.case_id AND c.erased_at IS NULL
         LEFT JOIN organisation_units ou ON ou.code = c.org_unit
        WHERE l.scope_key = $1 AND l.approved_at IS NULL
        ORDER BY l.created_at, lc.due_at, c.id`,
      [retentionScopeKey(user)],
    );
    const lists = new Map<string, RetentionListView>();
    for (const row of rows) {
      const list = lists.get(row.list_id) ?? {
        id: row.list_id,
        refreshedAt: row.refreshed_at.toISOString(),
        approvedAt: null,
        cases: [],
      };
      lists.set(row.list_id, list);
      if (row.case_id) list.cases.push(toListCase(row));
    }
    return [...lists.values()];
  }

  async approve(user: AuthenticatedUser, listId: string): Promise<RetentionApprovalView> {
    if (!isUuid(listId)) throw listNotFound(listId);
    const approved = await this.dataSource.transaction(async (db) => {
      const [list]: { approved_at: Date | null }[] = await db.query(
        `SELECT approved_at FROM retention_lists WHERE id = $1 AND scope_key = $2 FOR UPDATE`,
        [listId, retentionScopeKey(user)],
      );
      if (!list) throw listNotFound(listId);
      if (list.approved_at) {
        // An approval cut short (Temporal or PostgreSQL away: 503) goes on where it stopped; a finished one is 409.
        const [{ pending }] = await db.query(
          `SELECT count(*)::int AS pending FROM retention_list_cases lc JOIN cases c ON c.id = lc.case_id
            WHERE lc.list_id = $1 AND ${STILL_DUE}`,
          [listId],
        );
        if (pending > 0) return list.approved_at;
        throw new ApiError(HttpStatus.CONFLICT, 'ILLEGAL_TRANSITION', 'Sletningslisten er allerede godkendt.', {
          listId,
        });
      }
      // An UPDATE answers [rows, count].
      const [[{ approved_at, cases }]] = await db.query(
        `UPDATE retention_lists SET approved_at = now(), approved_by = $2 WHERE id = $1
         RETURNING approved_at, (SELECT count(*)::int FROM retention_list_cases WHERE list_id = $1) AS cases`,
        [listId, user.id],
      );
      await this.accessLog.record(user, 'retention_approval', { details: { listId, cases } }, db);
      return approved_at as Date;
    });
    const caseIds: { case_id: string; erased: boolean }[] = await this.dataSource.query(
      `SELECT case_id, erased_at IS NOT NULL AS erased FROM retention_list_cases WHERE list_id = $1 ORDER BY due_at, case_id`,
      [listId],
    );
    let erased = caseIds.filter((entry) => entry.erased).length;
    for (const { case_id } of caseIds.filter((entry) => !entry.erased)) {
      if (await this.erasure.erase(user, listId, case_id)) erased += 1;
    }
    return { listId, approvedAt: approved.toISOString(), erased, skipped: caseIds.length - erased };
  }
}

function toListCase(row: ListCaseRow): RetentionListCaseView {
  const definition = RETENTION_POLICY[row.case_type];
  return {
    caseId: row.case_id!,
    caseType: row.case_type,
    caseTypeLabel: definition?.label ?? row.case_type,
    unit: row.org_unit,
    unitName: row.unit_name ?? row.org_unit,
    closedAt: row.closed_at.toISOString(),
    periodDays: row.period_days,
    dueOn: row.due_on,
    source: definition?.source ?? '',
    legalHold: row.legal_hold,
  };
}
