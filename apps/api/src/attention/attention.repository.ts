import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_TYPE_LABELS, stepLabel } from '../../../../libs/domain/case/step-kinds';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import type { AttentionPage, AttentionState, AttentionView } from './attention.dto';

const STATE_CONDITIONS: Record<AttentionState, string> = {
  pending: 'f.resolved_at IS NULL',
  resolved: 'f.resolved_at IS NOT NULL',
};

interface FailureRow {
  case_id: string;
  case_type: CaseType;
  workflow_id: string;
  transition_seq: number;
  step_kind: string | null;
  error_class: string;
  error_code: string | null;
  schema_object: string | null;
  failures: number;
  first_failed_at: Date;
  last_failed_at: Date;
  redriven_at: Date | null;
  resolved_at: Date | null;
}

// A step the held transition closes or escalates is in the read model already: its kind comes from there.
const COLUMNS = `f.case_id, f.case_type, f.workflow_id, f.transition_seq, COALESCE(f.step_kind, s.kind) AS step_kind, f.error_class, f.error_code,
                 f.schema_object, f.failures, f.first_failed_at, f.last_failed_at, f.redriven_at, f.resolved_at`;
const FROM = 'read_model_failures f LEFT JOIN steps s ON s.id = f.step_id';

/** Operations' list of cases whose read model refused a transition (read_model_failures). */
@Injectable()
export class AttentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(state: AttentionState, page: number, pageSize: number): Promise<AttentionPage> {
    const where = STATE_CONDITIONS[state];
    const [[{ total, pending }], rows] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE ${where})::int AS total, count(*) FILTER (WHERE ${STATE_CONDITIONS.pending})::int AS pending FROM read_model_failures f`,
      ) as Promise<{ total: number; pending: number }[]>,
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where}
          ORDER BY f.first_failed_at DESC, f.case_id, f.transition_seq LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ) as Promise<FailureRow[]>,
    ]);
    return { items: rows.map(toView), page, pageSize, total, pending };
  }

  /** The case's pending failure (the first, if several transitions were refused in turn). */
  async findPending(caseId: string): Promise<AttentionView | undefined> {
    const rows: FailureRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE f.case_id = $1 AND f.resolved_at IS NULL ORDER BY f.transition_seq LIMIT 1`,
      [caseId],
    );
    return rows[0] && toView(rows[0]);
  }

  async markRedriven(caseId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE read_model_failures SET redriven_at = now() WHERE case_id = $1 AND resolved_at IS NULL`,
      [caseId],
    );
  }
}

function toView(row: FailureRow): AttentionView {
  return {
    caseId: row.case_id,
    caseType: row.case_type,
    caseTypeLabel: CASE_TYPE_LABELS[row.case_type],
    workflowId: row.workflow_id,
    transitionSeq: row.transition_seq,
    stepKind: row.step_kind,
    stepLabel: row.step_kind ? stepLabel(row.step_kind) : null,
    errorClass: row.error_class,
    errorCode: row.error_code,
    schemaObject: row.schema_object,
    failures: row.failures,
    firstFailedAt: row.first_failed_at.toISOString(),
    lastFailedAt: row.last_failed_at.toISOString(),
    redrivenAt: row.redriven_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
