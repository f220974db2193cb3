import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters } from '../../../../libs/access/access-policy';
import { CASEWORKER_ROLES } from '../../../../libs/domain/case/case-assignment';
import { ROLE_LABELS } from '../../../../libs/domain/organisations/roles';
import { responsibleUnitSql } from '../../../../libs/persistence/responsible-unit';
import { stepKindTable } from '../steps/step-board.repository';
import { AbsencesService } from './absences.service';
import { StaffRepository } from './staff.repository';
import type { WorkloadFiguresView, WorkloadView } from './staff.views';

interface FigureRow {
  assignee_id: string | null;
  open_cases: number;
  open_steps: number;
  overdue: number;
  due_soon: number;
}

const NONE: WorkloadFiguresView = { openCases: 0, openSteps: 0, overdue: 0, dueSoon: 0 };

/**
 * A supervisor's view of who has what: per caseworker of the supervisor's units, the open cases held by
 * those units that are theirs, the open steps of them that are the unit's to do (not another unit's, as
 * a handover district's decision), how many are overdue and how many due soon; the unassigned queue too.
 */
@Injectable()
export class WorkloadRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly absences: AbsencesService,
  ) {}

  async workload(units: string[], asOf: Date): Promise<WorkloadView> {
    const params = new SqlParameters();
    const asOfParam = params.add(asOf.toISOString());
    const unitsParam = params.add(units);
    const rows: FigureRow[] = await this.dataSource.query(
      `SELECT c.assignee_id, count(DISTINCT c.id)::int AS open_cases, count(s.id)::int AS open_steps,
              count(s.id) FILTER (WHERE s.suspended_at IS NULL AND s.due_at <= ${asOfParam}::timestamptz)::int AS overdue,
              count(s.id) FILTER (WHERE s.suspended_at IS NULL AND s.due_at > ${asOfParam}::timestamptz
                AND s.due_at - make_interval(hours => k.warning_hours) <= ${asOfParam}::timestamptz)::int AS due_soon
         FROM cases c LEFT JOIN exit_courses e ON e.case_id = c.id
         LEFT JOIN (steps s JOIN ${stepKindTable(params)} ON k.kind = s.kind) ON s.case_id = c.id AND s.status = 'open'
              AND ${responsibleUnitSql('s', 'c', 'e', params)} = c.org_unit
        WHERE c.closed_at IS NULL AND c.org_unit = ANY(${unitsParam}::text[])
          -- A data-protection officer's access requests are not the unit's casework.
          AND c.case_type <> 'access_request'
        GROUP BY c.assignee_id`,
      params.values,
    );
    const figures = new Map(
      rows.map((row) => [
        row.assignee_id,
        { openCases: row.open_cases, openSteps: row.open_steps, overdue: row.overdue, dueSoon: row.due_soon },
      ]),
    );
    const members = await this.staff.ofUnits(units, CASEWORKER_ROLES);
    const absent = await this.absences.currentOf(members.map((member) => member.id));
    return {
      asOf: asOf.toISOString(),
      units,
      items: members.map((member) => ({
        user: { id: member.id, displayName: member.displayName },
        role: member.role,
        roleLabel: ROLE_LABELS[member.role],
        units: member.units.filter((unit) => units.includes(unit)),
        absence: absent.get(member.id) ?? null,
        ...(figures.get(member.id) ?? NONE),
      })),
      unassigned: figures.get(null) ?? NONE,
    };
  }
}
