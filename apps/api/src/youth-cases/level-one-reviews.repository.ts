import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { CASE_RESOURCES, CASE_TYPE_LABELS } from '../../../../libs/domain/case/step-kinds';
import type { LevelOneReviewCaseView } from './level-one-reviews.views';

export interface LevelOneReviewCandidate extends Omit<LevelOneReviewCaseView, 'personName'> {
  workflowId: string;
  status: string;
  writable: boolean;
}

interface CandidateRow {
  id: string;
  case_type: CaseType;
  workflow_id: string;
  status: string;
  person_ref: string;
  org_unit: string;
  unit_name: string | null;
  opened_at: Date;
  due_at: Date;
  overdue: boolean;
  writable: boolean;
}

/** The open level-1 cases whose monthly review step is open, within the user's scope. */
@Injectable()
export class LevelOneReviewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `unit`: only that unit's; `openedBefore`: only steps opened before it (a meeting reviews what was due by then). */
  async open(
    user: AuthenticatedUser,
    filter: { unit?: string; openedBefore?: Date } = {},
  ): Promise<LevelOneReviewCandidate[]> {
    const params = new SqlParameters();
    const readable = visibleCaseCondition(user, 'c', params, 'read');
    const writable = visibleCaseCondition(user, 'c', params, 'write');
    const conditions = [`c.closed_at IS NULL`, `c.case_level = 1`, readable];
    if (filter.unit) conditions.push(`c.org_unit = ${params.add(filter.unit)}`);
    // The meeting is the holding unit's: a unit that only reads a case (an initiative's owner, the district a
    // DKS case moved from) does not review it.
    if (user.role !== 'national_supervisor') conditions.push(`c.org_unit = ANY(${params.add(user.units)}::text[])`);
    if (filter.openedBefore) conditions.push(`s.opened_at < ${params.add(filter.openedBefore)}`);
    const rows: CandidateRow[] = await this.dataSource.query(
      `SELECT c.id, c.case_type, c.workflow_id, c.status, c.person_ref, c.org_unit, u.name AS unit_name,
              s.opened_at, s.due_at, s.due_at <= now() AS overdue, ${writable} AS writable
         FROM cases c
         JOIN steps s ON s.case_id = c.id AND s.kind = 'level_one_review' AND s.status = 'open'
         LEFT JOIN organisation_units u ON u.code = c.org_unit
        WHERE ${conditions.join(' AND ')}
        ORDER BY s.due_at, c.opened_at, c.id`,
      params.values,
    );
    return rows.map((row) => ({
      id: row.id,
      caseType: row.case_type,
      caseTypeLabel: CASE_TYPE_LABELS[row.case_type],
      resource: CASE_RESOURCES[row.case_type],
      unit: { code: row.org_unit, name: row.unit_name ?? row.org_unit },
      personRef: row.person_ref,
      openedAt: row.opened_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      overdue: row.overdue,
      workflowId: row.workflow_id,
      status: row.status,
      writable: row.writable,
    }));
  }
}
