import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { endingOfAction, endingReasonLabel } from '../../../../libs/domain/case/ending-reasons';
import { stepLabel } from '../../../../libs/domain/case/step-kinds';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import type { CaseDetail, CaseProgress, HistoryEntry, StepView } from './case.views';
import { availableDecisionsOf } from './available-decisions';
import type { CaseSlice } from './case-slice';
import { isCaseId } from './case-id';
import { permissionsOf } from '../../../../libs/access/access-policy';
import { availableDecisions } from '../../../../libs/domain/case/case-decision';
import {
  MISSED_DEADLINE_REASON_LABELS,
  STEP_DEADLINE_DECISIONS,
  deadlineFixedByLaw,
  deadlineMovable,
  stepIsLate,
  type DeadlineWaitReason,
  type MissedDeadlineReason,
  type StepDeadlineFacts,
} from '../../../../libs/domain/case/step-deadline';
import type { AvailableDecisionView } from './available-decisions';
import { STEP_DEADLINE_ROUTES } from './step-deadlines.slice';
import { suspensionOf } from './step-suspension';

const CASE_COLUMNS = 'c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at, c.case_level';

/** How many of the latest history entries a case's detail shows. */
const HISTORY_IN_DETAIL = 50;

/** A case's own row, as every case type has it. */
export interface CaseRecordRow {
  id: string;
  workflow_id: string;
  person_ref: string;
  org_unit: string;
  status: string;
  opened_at: Date;
  closed_at: Date | null;
  /** A youth case's level (1–3), null until set; null on other case types. */
  case_level: number | null;
}

interface HistoryRow {
  id: string;
  action: string;
  occurred_at: Date;
  recorded_at: Date;
  actor_id: string;
  reason: string | null;
  reason_code: string | null;
  step_id: string | null;
  details: Record<string, unknown>;
  actor_name: string | null;
}

/**
 * The steps and the history of any case, read from the read model. Callers find the case within the
 * user's scope first (CaseScopeRepository or a scoped view), then read these.
 */
@Injectable()
export class CaseRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the read model has the case at all (an idempotent replay is answered from it). */
  async isRecorded(caseId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId])).length > 0;
  }

  /**
   * The steps and the latest history a case's detail shows, for every case type; with `access`, each step
   * lists the deadline decisions the user may take on it now.
   */
  async progress(caseId: string, access?: StepDecisionAccess): Promise<CaseProgress> {
    const [steps, history] = await Promise.all([
      this.steps(caseId, access),
      this.history(caseId, 1, HISTORY_IN_DETAIL),
    ]);
    return {
      openSteps: steps.filter((step) => step.status === 'open'),
      steps,
      history: history.items,
      historyTotal: history.total,
    };
  }

  /** A case of a type within the user's scope, or `undefined` (unknown and out of scope alike). */
  private async scopedCase(
    caseId: string,
    caseType: CaseType,
    user: AuthenticatedUser,
  ): Promise<(CaseRecordRow & { decidable: boolean; answerable: boolean }) | undefined> {
    if (!isCaseId(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const typeParam = params.add(caseType);
    const rows: (CaseRecordRow & { decidable: boolean; answerable: boolean })[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS}, ${decidableCondition(user, 'c', params)} AS decidable, ${answerableCondition('c')} AS answerable
         FROM cases c WHERE c.id = ${idParam} AND c.case_type = ${typeParam} AND ${visibleCaseCondition(user, 'c', params)}`,
      params.values,
    );
    return rows[0];
  }

  /**
   * A case within the user's scope as its detail shows it: the type's summary, steps, latest history, and
   * the decisions the user may take now (for a case type whose decisions depend on its status alone).
   */
  async scopedDetail<Summary>(
    caseId: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the type, the table and the routes are read
    slice: CaseSlice<any, any, { status: string }>,
    user: AuthenticatedUser,
    summarize: (row: CaseRecordRow) => Summary,
  ): Promise<(Summary & CaseDetail) | undefined> {
    const row = await this.scopedCase(caseId, slice.caseType, user);
    if (!row) return undefined;
    const progress = await this.progress(caseId, { user, decidable: row.decidable, closed: row.closed_at !== null });
    // A decision that completes a step the system opens (the 18+ handover) is offered while that step is open.
    const facts = { status: row.status, openStepKinds: progress.openSteps.map((step) => step.kind) };
    return {
      ...summarize(row),
      ...progress,
      // A decision that read access suffices for (a council initiative's owner's follow-up) needs only the read.
      availableDecisions: availableDecisionsOf(slice, facts, user, row.decidable, row.answerable),
    };
  }

  /** Cases of a type within the user's scope, newest first, each as the type's summary. */
  async scopedList<Summary>(
    caseType: CaseType,
    user: AuthenticatedUser,
    page: number,
    pageSize: number,
    summarize: (row: CaseRecordRow) => Summary,
  ): Promise<Page<Summary>> {
    const params = new SqlParameters();
    const where = `c.case_type = ${params.add(caseType)} AND ${visibleCaseCondition(user, 'c', params)}`;
    return pagedQuery(
      this.dataSource,
      {
        from: 'cases c',
        where,
        params: params.values,
        select: CASE_COLUMNS,
        orderBy: 'c.created_at DESC, c.id DESC',
        page,
        pageSize,
      },
      summarize,
    );
  }

  /** The history of a case the caller has already found within the user's scope. */
  history(caseId: string, page: number, pageSize: number): Promise<Page<HistoryEntry>> {
    return pagedQuery(
      this.dataSource,
      {
        from: 'case_events e',
        where: 'e.case_id = $1',
        params: [caseId],
        select:
          'e.id, e.action, e.occurred_at, e.recorded_at, e.actor_id, e.reason, e.reason_code, e.step_id, e.details, u.display_name AS actor_name',
        // The actor's name when the actor is a user of this system (not for timers, or OIDC users never seen here).
        join: 'LEFT JOIN users u ON u.id::text = e.actor_id',
        orderBy: 'e.transition_seq, e.position',
        page,
        pageSize,
      },
      (row: HistoryRow): HistoryEntry => ({
        id: row.id,
        action: row.action,
        occurredAt: row.occurred_at.toISOString(),
        recordedAt: row.recorded_at.toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        reason: row.reason,
        reasonCode: row.reason_code,
        reasonLabel: reasonLabelOf(row.action, row.reason_code),
        stepId: row.step_id,
        details: row.details,
      }),
    );
  }

  /** The steps of a case the caller has already found within the user's scope. */
  async steps(caseId: string, access?: StepDecisionAccess): Promise<StepView[]> {
    const rows: {
      id: string;
      kind: string;
      status: StepView['status'];
      opened_at: Date;
      due_at: Date;
      overdue_at: Date | null;
      completed_at: Date | null;
      lateness_seconds: string | null;
      outcome: string | null;
      overdue: boolean;
      suspended_at: Date | null;
      suspension_reason: DeadlineWaitReason | null;
      suspension_note: string | null;
      suspension_expected_until: Date | null;
      missed_reason: MissedDeadlineReason | null;
      missed_note: string | null;
      missed_recorded_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, kind, status, opened_at, due_at, overdue_at, completed_at, lateness_seconds, outcome,
              (status = 'open' AND due_at <= now() AND suspended_at IS NULL) AS overdue,
              suspended_at, suspension_reason, suspension_note, suspension_expected_until,
              missed_reason, missed_note, missed_recorded_at
         FROM steps WHERE case_id = $1 ORDER BY opened_at, created_at, id`,
      [caseId],
    );
    const now = new Date();
    return rows.map((row) => {
      const step = {
        id: row.id,
        kind: row.kind,
        label: stepLabel(row.kind),
        status: row.status,
        openedAt: row.opened_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        overdue: row.overdue,
        escalatedAt: row.overdue_at?.toISOString() ?? null,
        completedAt: row.completed_at?.toISOString() ?? null,
        latenessSeconds: row.lateness_seconds === null ? null : Number(row.lateness_seconds),
        outcome: row.outcome,
        deadlineBasis: deadlineBasisOf(row.kind),
        suspension: withNote(suspensionOf(row), row.suspension_note),
        missedReason:
          row.missed_reason && row.missed_recorded_at
            ? {
                reason: row.missed_reason,
                reasonText: MISSED_DEADLINE_REASON_LABELS[row.missed_reason] ?? row.missed_reason,
                note: row.missed_note ?? '',
                recordedAt: row.missed_recorded_at.toISOString(),
              }
            : null,
      };
      return { ...step, decisions: access ? stepDecisionsOf(step, access, now) : [] };
    });
  }
}

function withNote<T extends object>(suspension: T | null, note: string | null): (T & { note: string }) | null {
  return suspension && { ...suspension, note: note ?? '' };
}

/** Who asks for a case's steps: the deadline decisions each lists are the ones this user may take now. */
export interface StepDecisionAccess {
  user: AuthenticatedUser;
  /** Write access, and no transition held for operations. */
  decidable: boolean;
  closed: boolean;
}

function deadlineBasisOf(kind: string): StepView['deadlineBasis'] {
  if (deadlineMovable(kind)) return 'default';
  return deadlineFixedByLaw(kind) ? 'fixed' : null;
}

/** The kernel's deadline decisions one step admits for the user now, each with its route's fields. */
function stepDecisionsOf(
  step: Omit<StepView, 'decisions'>,
  access: StepDecisionAccess,
  now: Date,
): AvailableDecisionView[] {
  const facts: StepDeadlineFacts = {
    kind: step.kind,
    status: step.status,
    dueAt: step.dueAt,
    suspended: step.suspension !== null,
    late: stepIsLate(
      { status: step.status, dueAt: step.dueAt, latenessSeconds: step.latenessSeconds ?? undefined },
      now,
    ),
    missedReasonRecorded: step.missedReason !== null,
    caseClosed: access.closed,
  };
  const can = { permissions: permissionsOf(access.user.role), writable: access.decidable };
  return availableDecisions(STEP_DEADLINE_DECISIONS, facts, can).map((decision) => ({
    ...decision,
    fields: STEP_DEADLINE_ROUTES[decision.name as keyof typeof STEP_DEADLINE_ROUTES].fields.map((field) => ({
      ...field,
    })),
  }));
}

/**
 * SQL condition: the user may take decisions on the case now — write access, and no transition of it held
 * for operations (a decision would only wait behind it: 503).
 */
export function decidableCondition(user: AuthenticatedUser, caseAlias: string, params: SqlParameters): string {
  return `(${visibleCaseCondition(user, caseAlias, params, 'write')} AND ${answerableCondition(caseAlias)})`;
}

/** SQL condition: the case is not held for operations (its read model took every transition). */
export function answerableCondition(caseAlias: string): string {
  return `NOT EXISTS (SELECT 1 FROM read_model_failures f WHERE f.case_id = ${caseAlias}.id AND f.resolved_at IS NULL)`;
}

/** A recorded reason code's Danish name, from the list of the ending its event records. */
function reasonLabelOf(action: string, code: string | null): string | null {
  const ending = code === null ? undefined : endingOfAction(action);
  return (ending && endingReasonLabel(ending, code!)) ?? null;
}
