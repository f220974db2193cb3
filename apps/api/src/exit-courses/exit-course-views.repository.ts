import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEADLINE_POLICY } from '../../../../libs/domain/deadlines/deadline-policy';
import { describeStatus } from '../../../../libs/domain/exit-course/exit-course.rules';
import type { ExitCourseStatus } from '../../../../libs/domain/exit-course/exit-course.types';
import { findInstitution } from '../../../../libs/domain/organisations/institutions';
import type { Page } from '../common/page';
import type { ExitCourseDetail, ExitCourseSummary, HistoryEntry, StepView } from './exit-course.views';

const STEP_LABELS: Record<string, string> = {
  suitability_assessment: DEADLINE_POLICY.suitabilityAssessment.label,
  agreement_signing: DEADLINE_POLICY.agreementSigning.label,
};

/** Latest history entries shown with a case; the rest is paged at `/history`. */
export const HISTORY_IN_DETAIL = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CaseRow {
  id: string;
  workflow_id: string;
  person_ref: string;
  org_unit: string;
  status: ExitCourseStatus;
  opened_at: Date;
  closed_at: Date | null;
  expected_release_date: string;
  parole_linked: boolean;
}

/** Reads exit courses from the read model (never from workflow histories). */
@Injectable()
export class ExitCourseViewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The case's workflow id, or `undefined` when there is no such exit course. */
  async findWorkflowId(caseId: string): Promise<{ workflowId: string; status: ExitCourseStatus } | undefined> {
    if (!UUID.test(caseId)) return undefined;
    const rows: { workflow_id: string; status: ExitCourseStatus }[] = await this.dataSource.query(
      `SELECT workflow_id, status FROM cases WHERE id = $1 AND case_type = 'exit_course'`,
      [caseId],
    );
    return rows[0] && { workflowId: rows[0].workflow_id, status: rows[0].status };
  }

  async findDetail(caseId: string): Promise<ExitCourseDetail | undefined> {
    if (!UUID.test(caseId)) return undefined;
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at,
              to_char(e.expected_release_date, 'YYYY-MM-DD') AS expected_release_date, e.parole_linked
         FROM cases c JOIN exit_courses e ON e.case_id = c.id
        WHERE c.id = $1 AND c.case_type = 'exit_course'`,
      [caseId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const [steps, history] = await Promise.all([this.steps(caseId), this.history(caseId, 1, HISTORY_IN_DETAIL)]);
    return {
      ...summaryOf(row),
      paroleLinked: row.parole_linked,
      closedAt: row.closed_at?.toISOString() ?? null,
      openSteps: steps.filter((step) => step.status === 'open'),
      steps,
      history: history.items,
      historyTotal: history.total,
    };
  }

  async list(filter: { status?: string; institutionCode?: string; page: number; pageSize: number }): Promise<Page<ExitCourseSummary>> {
    const conditions = [`c.case_type = 'exit_course'`];
    const parameters: unknown[] = [];
    if (filter.status) conditions.push(`c.status = $${parameters.push(filter.status)}`);
    if (filter.institutionCode) conditions.push(`c.org_unit = $${parameters.push(filter.institutionCode)}`);
    const where = conditions.join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM cases c WHERE ${where}`,
      parameters,
    );
    const rows: (CaseRow & { next_due_at: Date | null; overdue_steps: number })[] = await this.dataSource.query(
      `SELECT c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at,
              to_char(e.expected_release_date, 'YYYY-MM-DD') AS expected_release_date, e.parole_linked,
              min(s.due_at) AS next_due_at,
              count(s.id) FILTER (WHERE s.due_at <= now())::int AS overdue_steps
         FROM cases c
         JOIN exit_courses e ON e.case_id = c.id
         LEFT JOIN steps s ON s.case_id = c.id AND s.status = 'open'
        WHERE ${where}
        GROUP BY c.id, e.case_id
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      items: rows.map((row) => ({
        ...summaryOf(row),
        nextDueAt: row.next_due_at?.toISOString() ?? null,
        overdueSteps: row.overdue_steps,
      })),
      page: filter.page,
      pageSize: filter.pageSize,
      total,
    };
  }

  async history(caseId: string, page: number, pageSize: number): Promise<Page<HistoryEntry>> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM case_events WHERE case_id = $1`,
      [caseId],
    );
    const rows: {
      id: string;
      action: string;
      occurred_at: Date;
      recorded_at: Date;
      actor_id: string;
      reason: string | null;
      step_id: string | null;
      details: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT id, action, occurred_at, recorded_at, actor_id, reason, step_id, details
         FROM case_events WHERE case_id = $1
        ORDER BY transition_seq, position
        LIMIT $2 OFFSET $3`,
      [caseId, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        action: row.action,
        occurredAt: row.occurred_at.toISOString(),
        recordedAt: row.recorded_at.toISOString(),
        actorId: row.actor_id,
        reason: row.reason,
        stepId: row.step_id,
        details: row.details,
      })),
      page,
      pageSize,
      total,
    };
  }

  private async steps(caseId: string): Promise<StepView[]> {
    const rows: {
      id: string;
      kind: string;
      status: StepView['status'];
      opened_at: Date;
      due_at: Date;
      overdue_at: Date | null;
      completed_at: Date | null;
      lateness_seconds: number | null;
      outcome: string | null;
      overdue: boolean;
    }[] = await this.dataSource.query(
      `SELECT id, kind, status, opened_at, due_at, overdue_at, completed_at, lateness_seconds, outcome,
              (status = 'open' AND due_at <= now()) AS overdue
         FROM steps WHERE case_id = $1 ORDER BY opened_at, created_at, id`,
      [caseId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: STEP_LABELS[row.kind] ?? row.kind,
      status: row.status,
      openedAt: row.opened_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      overdue: row.overdue,
      escalatedAt: row.overdue_at?.toISOString() ?? null,
      completedAt: row.completed_at?.toISOString() ?? null,
      latenessSeconds: row.lateness_seconds,
      outcome: row.outcome,
    }));
  }
}

function summaryOf(row: CaseRow): ExitCourseSummary {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    institution: { code: row.org_unit, name: findInstitution(row.org_unit)?.name ?? row.org_unit },
    status: row.status,
    statusText: describeStatus(row.status),
    referredAt: row.opened_at.toISOString(),
    expectedReleaseDate: row.expected_release_date,
  };
}
