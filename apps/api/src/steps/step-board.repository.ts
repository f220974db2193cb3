import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import { ROLE_LABELS, type Role } from '../../../../libs/domain/organisations/roles';
import { type AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import {
  CASE_RESOURCES,
  CASE_TYPE_LABELS,
  STEP_KIND_NAMES,
  STEP_KIND_ROLES,
  STEP_KINDS,
} from '../../../../libs/domain/case/step-kinds';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import { responsibleUnitSql } from '../../../../libs/persistence/responsible-unit';
import type { Page } from '../common/page';
import { suspensionOf } from '../cases/step-suspension';
import { pagedQuery } from '../common/paged-query';
import type { OverdueBoardQuery, StepBoardQuery } from './step-board.dto';
import type { BoardStep, StepBoard, UnitCount } from './step-board.views';
import { assigneeFilterSql } from '../staff/assignee-filter';
import { absenceInForceSql } from '../../../../libs/persistence/absence-in-force';
import { workedBySql } from '../staff/staff.repository';

/** Which open steps a list shows. */
export type StepList =
  | { list: 'overdue'; query: OverdueBoardQuery }
  | { list: 'due_soon'; query: StepBoardQuery }
  | { list: 'mine'; query: StepBoardQuery };

interface BoardRow {
  step_id: string;
  case_id: string;
  case_type: CaseType;
  kind: string;
  label: string;
  opened_at: Date;
  due_at: Date;
  warning_at: Date;
  overdue_at: Date | null;
  /** bigint: pg answers it as text. */
  lateness_seconds: string;
  remaining_seconds: string;
  responsible_role: Role;
  unit: string;
  unit_name: string;
  organisation: Organisation | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_absent: boolean;
  suspended_at: Date | null;
  suspension_reason: string | null;
  suspension_expected_until: Date | null;
}

/** The columns of a board's step (FROM as in StepBoardRepository.selection). */
const BOARD_COLUMNS = `s.id AS step_id, s.case_id, c.case_type, s.kind, k.label, s.opened_at, s.due_at, s.overdue_at,
       s.due_at - make_interval(hours => k.warning_hours) AS warning_at,
       GREATEST(0, floor(extract(epoch FROM (r.as_of - s.due_at))))::bigint AS lateness_seconds,
       GREATEST(0, ceil(extract(epoch FROM (s.due_at - r.as_of))))::bigint AS remaining_seconds,
       kr.responsible_role, r.unit, COALESCE(u.name, r.unit) AS unit_name, u.organisation,
       c.assignee_id, au.display_name AS assignee_name,
       EXISTS (SELECT 1 FROM absences ab WHERE ab.user_id = c.assignee_id AND ${absenceInForceSql('ab')}) AS assignee_absent,
       s.suspended_at, s.suspension_reason, s.suspension_expected_until`;

/**
 * Open steps across every workflow type, read from the read model within the user's scope: the overdue
 * board, the due-soon list and a user's own inbox. Whose turn a step is comes from the step-kind table
 * (libs/domain/case/step-kinds.ts): the unit holding the case, or the district it was handed to.
 */
@Injectable()
export class StepBoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async board(request: StepList, user: AuthenticatedUser, asOf: Date): Promise<StepBoard> {
    const { from, where, params } = this.selection(request, user, asOf);
    const [page, counts] = await Promise.all([
      this.page(request, from, where, params),
      this.dataSource.query(
        `SELECT r.unit, COALESCE(u.name, r.unit) AS unit_name, count(*)::int AS count FROM ${from} WHERE ${where}
          GROUP BY r.unit, u.name ORDER BY count DESC, unit_name`,
        params.values,
      ) as Promise<{ unit: string; unit_name: string; count: number }[]>,
    ]);
    const countsByUnit: UnitCount[] = counts.map((row) => ({
      unit: row.unit,
      unitName: row.unit_name,
      count: row.count,
    }));
    return { ...page, countsByUnit };
  }

  async inbox(query: StepBoardQuery, user: AuthenticatedUser, asOf: Date): Promise<Page<BoardStep>> {
    const request: StepList = { list: 'mine', query };
    const { from, where, params, rank } = this.selection(request, user, asOf);
    return this.page(request, from, where, params, rank);
  }

  /** `rank`: "Mine opgaver" has the cases the user works first, then the unit's unassigned ones, then the rest. */
  private page(
    request: StepList,
    from: string,
    where: string,
    params: SqlParameters,
    rank?: string,
  ): Promise<Page<BoardStep>> {
    const { page, pageSize } = request.query;
    const mineFirst = rank ? `${rank}, ` : '';
    return pagedQuery(
      this.dataSource,
      {
        from,
        where,
        params: params.values,
        select: BOARD_COLUMNS,
        orderBy: mineFirst + orderBy(request),
        page,
        pageSize,
      },
      toBoardStep,
    );
  }

  /** The FROM clause (steps with their case, kind and responsible unit) and the WHERE of a list. */
  private selection(request: StepList, user: AuthenticatedUser, asOf: Date) {
    const params = new SqlParameters();
    const asOfParam = params.add(asOf.toISOString());
    const from =
      `steps s JOIN cases c ON c.id = s.case_id LEFT JOIN exit_courses e ON e.case_id = s.case_id ` +
      `JOIN ${stepKindTable(params)} ON k.kind = s.kind ` +
      `JOIN ${stepRoleTable(params)} ON kr.kind = s.kind AND kr.case_type = c.case_type ` +
      `CROSS JOIN LATERAL (SELECT ${responsibleUnitSql('s', 'c', 'e', params)} AS unit, ` +
      `${asOfParam}::timestamptz AS as_of) r ` +
      `LEFT JOIN organisation_units u ON u.code = r.unit LEFT JOIN users au ON au.id::text = c.assignee_id`;
    const conditions = [
      `s.status = 'open'`,
      visibleCaseCondition(user, 'c', params, request.list === 'mine' ? 'write' : 'read'),
    ];
    const { query } = request;
    // A suspended deadline is neither overdue nor due soon: it waits ("afventer …", on the user's own list).
    if (request.list !== 'mine') conditions.push(`s.suspended_at IS NULL`);
    if (request.list === 'overdue') {
      conditions.push(`s.due_at <= r.as_of`);
      if (request.query.minLatenessHours !== undefined) {
        conditions.push(
          `s.due_at <= r.as_of - make_interval(hours => ${params.add(request.query.minLatenessHours)}::int)`,
        );
      }
      if (request.query.maxLatenessHours !== undefined) {
        conditions.push(
          `s.due_at >= r.as_of - make_interval(hours => ${params.add(request.query.maxLatenessHours)}::int)`,
        );
      }
    }
    if (request.list === 'due_soon')
      conditions.push(`s.due_at > r.as_of`, `s.due_at - make_interval(hours => k.warning_hours) <= r.as_of`);
    let rank: string | undefined;
    if (request.list === 'mine') {
      // The steps of the user's role in the user's units, and those of the cases the user works now (their
      // own, and an absent colleague's they substitute for) that the case's unit is to do.
      const worked = workedBySql('c.assignee_id', params.add(user.id));
      conditions.push(
        `((kr.responsible_role = ${params.add(user.role)} AND r.unit = ANY(${params.add(user.units)}::text[])) ` +
          `OR (r.unit = c.org_unit AND ${worked}))`,
      );
      rank = `CASE WHEN ${worked} THEN 0 WHEN c.assignee_id IS NULL THEN 1 ELSE 2 END`;
    }
    if (query.assignee) conditions.push(assigneeFilterSql(query.assignee, user, 'c.assignee_id', params));
    if (query.organisation) conditions.push(`u.organisation = ${params.add(query.organisation)}`);
    if (query.unit) conditions.push(`r.unit = ${params.add(query.unit)}`);
    if (query.caseType) conditions.push(`c.case_type = ${params.add(query.caseType)}`);
    if (query.kind) conditions.push(`s.kind = ${params.add(query.kind)}`);
    return { from, where: conditions.join(' AND '), params, rank };
  }
}

/** Whose turn each step kind is on each case type it occurs on, as SQL rows `kr(kind, case_type, responsible_role)`. */
function stepRoleTable(params: SqlParameters): string {
  const rows = STEP_KIND_ROLES.map(
    ({ kind, caseType, role }) => `(${params.add(kind)}, ${params.add(caseType)}, ${params.add(role)})`,
  );
  return `(VALUES ${rows.join(', ')}) AS kr(kind, case_type, responsible_role)`;
}

/** The step-kind table as SQL rows `k(kind, warning_hours, label, responsible_role)`. */
export function stepKindTable(params: SqlParameters): string {
  const rows = STEP_KIND_NAMES.map((kind) => {
    const definition = STEP_KINDS[kind];
    return `(${params.add(kind)}, ${params.add(definition.warningHours)}::int, ${params.add(definition.label)}, ${params.add(definition.responsibleRole)})`;
  });
  return `(VALUES ${rows.join(', ')}) AS k(kind, warning_hours, label, responsible_role)`;
}

function orderBy({ list, query }: StepList): string {
  const sort = query.sort ?? (list === 'overdue' ? 'lateness' : 'dueAt');
  const descending = (query.order ?? (sort === 'lateness' ? 'desc' : 'asc')) === 'desc';
  // The latest step is the least late: lateness sorts the deadline the other way round.
  const dueDirection = (sort === 'lateness') === descending ? 'ASC' : 'DESC';
  const direction = descending ? 'DESC' : 'ASC';
  switch (sort) {
    case 'unit':
      return `unit_name ${direction}, s.due_at ASC, s.id`;
    case 'kind':
      return `k.label ${direction}, s.due_at ASC, s.id`;
    default:
      return `s.due_at ${dueDirection}, s.id`;
  }
}

function toBoardStep(row: BoardRow): BoardStep {
  const remainingSeconds = Number(row.remaining_seconds);
  return {
    stepId: row.step_id,
    caseId: row.case_id,
    caseType: row.case_type,
    caseTypeLabel: CASE_TYPE_LABELS[row.case_type],
    kind: row.kind,
    label: row.label,
    openedAt: row.opened_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    warningAt: row.warning_at.toISOString(),
    overdue: remainingSeconds === 0 && !row.suspended_at,
    latenessSeconds: Number(row.lateness_seconds),
    remainingSeconds,
    escalatedAt: row.overdue_at?.toISOString() ?? null,
    assignee: row.assignee_id
      ? { id: row.assignee_id, displayName: row.assignee_name ?? row.assignee_id, absent: row.assignee_absent }
      : null,
    responsibleUnit: { code: row.unit, name: row.unit_name, organisation: row.organisation },
    responsibleRole: row.responsible_role,
    whoseTurn: `${row.unit_name} – ${ROLE_LABELS[row.responsible_role]}`,
    casePath: `/api/${CASE_RESOURCES[row.case_type]}/${row.case_id}`,
    suspension: suspensionOf(row),
  };
}
