import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { caseStatusText } from '../../../../libs/domain/case/case-type-statuses';
import { CASE_RESOURCES, CASE_TYPE_LABELS } from '../../../../libs/domain/case/step-kinds';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { stepKindTable } from '../steps/step-board.repository';
import type { CaseListQuery } from './case-list.query';
import { REFERRAL_SOURCE_LABELS, type ReferralSource } from '../../../../libs/domain/exit-course/police-phase.types';
import type { CaseListItemView } from './case-list.views';
import { assigneeFilterSql } from '../staff/assignee-filter';
import { caseLevelFields, caseLevelFilterSql } from '../youth-cases/case-level.views';

interface CaseListRow {
  id: string;
  case_type: CaseType;
  person_ref: string;
  org_unit: string;
  unit_name: string | null;
  status: string;
  opened_at: Date;
  closed_at: Date | null;
  next_due_at: Date | null;
  overdue: boolean;
  due_soon: boolean;
  assignee_id: string | null;
  assignee_name: string | null;
  referral_source: ReferralSource | null;
  case_level: number | null;
}

/**
 * The cases of every type within the user's scope, filtered in SQL: open first, then the nearest open
 * deadline, then the newest. Each case's open deadlines are summed up once (`d`), for the filter, the
 * order and the row alike.
 */
@Injectable()
export class CaseListRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(query: CaseListQuery, user: AuthenticatedUser): Promise<Page<Omit<CaseListItemView, 'personName'>>> {
    const params = new SqlParameters();
    const deadlines =
      `LEFT JOIN LATERAL (SELECT min(s.due_at) AS next_due_at, bool_or(s.due_at <= now() AND s.suspended_at IS NULL) AS overdue, ` +
      // A suspended deadline is neither overdue nor due soon ("afventer …").
      `bool_or(s.suspended_at IS NULL AND s.due_at > now() AND s.due_at - make_interval(hours => k.warning_hours) <= now()) AS due_soon ` +
      `FROM steps s JOIN ${stepKindTable(params)} ON k.kind = s.kind ` +
      `WHERE s.case_id = c.id AND s.status = 'open') d ON true`;
    const conditions = [visibleCaseCondition(user, 'c', params)];
    if (query.caseType) conditions.push(`c.case_type = ${params.add(query.caseType)}`);
    if (query.status) conditions.push(`c.status = ${params.add(query.status)}`);
    if (query.unit) conditions.push(`c.org_unit = ${params.add(query.unit)}`);
    if (query.personRef) conditions.push(`c.person_ref = ${params.add(query.personRef)}`);
    if (query.state === 'open') conditions.push('c.closed_at IS NULL');
    if (query.state === 'closed') conditions.push('c.closed_at IS NOT NULL');
    if (query.deadline === 'overdue') conditions.push('d.overdue');
    if (query.deadline === 'due-soon') conditions.push('d.due_soon');
    if (query.deadline === 'none') conditions.push('d.next_due_at IS NULL');
    if (query.assignee) conditions.push(assigneeFilterSql(query.assignee, user, 'c.assignee_id', params));
    if (query.level) conditions.push(caseLevelFilterSql(query.level, params));
    return pagedQuery(
      this.dataSource,
      {
        from: `cases c LEFT JOIN organisation_units u ON u.code = c.org_unit ${deadlines}`,
        join: 'LEFT JOIN users au ON au.id::text = c.assignee_id LEFT JOIN exit_courses e ON e.case_id = c.id',
        where: conditions.join(' AND '),
        params: params.values,
        select:
          'c.id, c.case_type, c.person_ref, c.org_unit, u.name AS unit_name, c.status, c.opened_at, c.closed_at, d.next_due_at, ' +
          'coalesce(d.overdue, false) AS overdue, coalesce(d.due_soon, false) AS due_soon, ' +
          'c.assignee_id, au.display_name AS assignee_name, e.referral_source, c.case_level',
        orderBy: '(c.closed_at IS NULL) DESC, d.next_due_at ASC NULLS LAST, c.opened_at DESC, c.id DESC',
        page: query.page,
        pageSize: query.pageSize,
      },
      (row: CaseListRow) => ({
        id: row.id,
        caseType: row.case_type,
        caseTypeLabel: CASE_TYPE_LABELS[row.case_type] ?? row.case_type,
        resource: CASE_RESOURCES[row.case_type] ?? row.case_type,
        status: row.status,
        statusText: caseStatusText(row.case_type, row.status),
        unit: { code: row.org_unit, name: row.unit_name ?? row.org_unit },
        personRef: row.person_ref,
        openedAt: row.opened_at.toISOString(),
        closedAt: row.closed_at?.toISOString() ?? null,
        nextDueAt: row.next_due_at?.toISOString() ?? null,
        overdue: row.overdue,
        dueSoon: row.due_soon,
        assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? row.assignee_id } : null,
        referralSourceText: row.referral_source ? REFERRAL_SOURCE_LABELS[row.referral_source] : null,
        ...caseLevelFields(row.case_level),
      }),
    );
  }
}
