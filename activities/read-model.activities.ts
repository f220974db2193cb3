import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseEventRecord, CaseTransition } from '../libs/domain/case/case-transition';
import type { ReadModelAttention } from '../libs/domain/case/read-model-attention';
import { SqlParameters } from '../libs/access/access-policy';
import { responsibleUnitSql } from '../libs/persistence/responsible-unit';
import { OPERATIONS_RECIPIENT } from './notices/outgoing-notice';
import { applyCouncilRecord } from './council.records';
import { OVERDUE_NOTICE_SETTLE_SECONDS } from './notices/notice-outbox';
import { readModelFailure } from './read-model-failure';
import { applyHandoverPreparation } from './handover-preparation.records';
import { applyDksHomeVisit } from './dks-home-visit.records';
import { SYSTEM_ACTOR } from '../libs/domain/case/case-assignment';
import { isStepKind, STEP_KINDS } from '../libs/domain/case/step-kinds';

/** The activities workflows call to mirror their transitions into the read model. */
export interface ReadModelActivities {
  recordTransition(transition: CaseTransition): Promise<void>;
  /** A transition the read model refused: on the operations list, with a notice to operations. */
  recordAttention(attention: ReadModelAttention): Promise<void>;
  /** The refused transition went through after all (re-driven by operations). */
  resolveAttention(resolved: { caseId: string; seq: number }): Promise<void>;
}

/**
 * Writes a case's transitions to PostgreSQL. Each transition is one database transaction, applied only
 * when its sequence number is above the case's `last_seq`: a retried activity (after a crash, a timeout,
 * a worker restart) finds its transition already applied and adds nothing.
 *
 * A failure leaves as an ApplicationFailure naming only the error's class and code (read-model-failure.ts):
 * retryable when the database is away, non-retryable when it refused the data — the workflow then puts the
 * case on operations' list instead of retrying for ever.
 */
@Injectable()
export class ReadModelRecorder implements ReadModelActivities {
  constructor(private readonly dataSource: DataSource) {}

  async recordTransition(transition: CaseTransition): Promise<void> {
    try {
      await this.applyOnce(transition);
    } catch (error) {
      throw readModelFailure(error, `transition ${transition.seq} of case ${transition.caseId}`);
    }
  }

  async recordAttention(attention: ReadModelAttention): Promise<void> {
    try {
      await this.dataSource.transaction(async (db) => {
        await db.query(
          `INSERT INTO read_model_failures (case_id, transition_seq, case_type, workflow_id, step_id, step_kind, error_class, error_code, schema_object, failures)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (case_id, transition_seq) DO UPDATE
             SET failures = GREATEST(read_model_failures.failures, EXCLUDED.failures), last_failed_at = now(), resolved_at = NULL,
                 error_class = EXCLUDED.error_class, error_code = EXCLUDED.error_code, schema_object = EXCLUDED.schema_object`,
          [
            attention.caseId,
            attention.seq,
            attention.caseType,
            attention.workflowId,
            attention.stepId ?? null,
            attention.stepKind ?? null,
            attention.errorClass,
            attention.errorCode ?? null,
            attention.schemaObject ?? null,
            attention.failures,
          ],
        );
        // One notice per refused transition (its id is derived from it, so a retried activity adds none).
        await db.query(
          `INSERT INTO notifications (id, case_id, recipient_unit, kind) VALUES (md5($1::text || ':' || $2::text)::uuid, $1::uuid, $3, 'case_needs_attention')
           ON CONFLICT (id) DO NOTHING`,
          [attention.caseId, attention.seq, OPERATIONS_RECIPIENT],
        );
      });
    } catch (error) {
      throw readModelFailure(error, `attention for transition ${attention.seq} of case ${attention.caseId}`);
    }
  }

  async resolveAttention({ caseId, seq }: { caseId: string; seq: number }): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE read_model_failures SET resolved_at = now() WHERE case_id = $1 AND transition_seq = $2 AND resolved_at IS NULL`,
        [caseId, seq],
      );
    } catch (error) {
      throw readModelFailure(error, `resolution for transition ${seq} of case ${caseId}`);
    }
  }

  /** The plain object of functions a Temporal worker registers. */
  asActivities(): ReadModelActivities {
    return {
      recordTransition: (transition) => this.recordTransition(transition),
      recordAttention: (attention) => this.recordAttention(attention),
      resolveAttention: (resolved) => this.resolveAttention(resolved),
    };
  }

  private async applyOnce(transition: CaseTransition): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      if (transition.opened) await insertCase(db, transition);
      const rows: { last_seq: number }[] = await db.query('SELECT last_seq FROM cases WHERE id = $1 FOR UPDATE', [
        transition.caseId,
      ]);
      if (rows.length === 0) throw new CaseNotInReadModelError();
      if (rows[0].last_seq >= transition.seq) return;
      await applyTransition(db, transition);
    });
  }
}

/** A transition arrived before the case's opening did (never in order; retried, then held for operations). */
class CaseNotInReadModelError extends Error {}

/** The organisation of the unit `$2` (organisation_units); the API checked the code before the workflow got it. */
const UNIT_ORGANISATION_SQL = `COALESCE((SELECT ou.organisation FROM organisation_units ou WHERE ou.code = $2::varchar), 'kriminalforsorgen')`;

async function insertCase(db: EntityManager, { caseId, opened }: CaseTransition): Promise<void> {
  if (!opened) return;
  await db.query(
    `INSERT INTO cases (id, case_type, workflow_id, person_ref, org_unit, status, opened_at, last_seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 0) ON CONFLICT (id) DO NOTHING`,
    [caseId, opened.caseType, opened.workflowId, opened.personRef, opened.orgUnit, opened.status, opened.openedAt],
  );
  // The responsible unit holds the case; transfers and handovers add access rows of their own.
  await db.query(
    `INSERT INTO case_access (case_id, org_unit, organisation, access)
     VALUES ($1, $2::varchar, COALESCE($3::varchar, ${UNIT_ORGANISATION_SQL}), 'write')
     ON CONFLICT (case_id, org_unit) DO NOTHING`,
    [caseId, opened.orgUnit, opened.organisation ?? null],
  );
  if (opened.exitCourse) {
    await db.query(
      `INSERT INTO exit_courses (case_id, expected_release_date, parole_linked, referral_source, outside_prison)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO NOTHING`,
      [
        caseId,
        opened.exitCourse.expectedReleaseDate ?? null,
        opened.exitCourse.paroleLinked,
        opened.exitCourse.referralSource ?? 'kriminalforsorgen',
        opened.exitCourse.outsidePrison ?? false,
      ],
    );
  }
}

async function applyTransition(db: EntityManager, transition: CaseTransition): Promise<void> {
  const { caseId } = transition;
  for (const step of transition.stepsOpened ?? []) {
    await db.query(
      `INSERT INTO steps (id, case_id, kind, status, opened_at, due_at, responsible_unit) VALUES ($1, $2, $3, 'open', $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [step.stepId, caseId, step.kind, step.openedAt, step.dueAt, step.responsibleUnit ?? null],
    );
  }
  for (const step of transition.stepsOverdue ?? []) {
    await db.query(
      `UPDATE steps SET overdue_at = COALESCE(overdue_at, $3), updated_at = now() WHERE id = $1 AND case_id = $2`,
      [step.stepId, caseId, step.overdueAt],
    );
  }
  for (const step of transition.stepsWarned ?? [])
    await insertDeadlineNotice(db, caseId, step.stepId, 'deadline_warning', { dueAt: step.dueAt });
  for (const step of transition.stepsOverdue ?? [])
    await insertDeadlineNotice(db, caseId, step.stepId, 'deadline_overdue');
  for (const step of transition.stepsClosed ?? []) {
    await db.query(
      `UPDATE steps SET status = $3, completed_at = $4, lateness_seconds = $5, outcome = $6,
              suspended_at = NULL, suspension_reason = NULL, suspension_note = NULL, suspension_expected_until = NULL,
              updated_at = now()
       WHERE id = $1 AND case_id = $2`,
      [step.stepId, caseId, step.status, step.completedAt, step.latenessSeconds ?? null, step.outcome ?? null],
    );
  }
  if (transition.handoverPreparation) await applyHandoverPreparation(db, caseId, transition.handoverPreparation);
  if (transition.dksHomeVisit) await applyDksHomeVisit(db, caseId, transition.dksHomeVisit);
  for (const contact of transition.mentorContacts ?? []) {
    await db.query(
      `INSERT INTO mentor_contacts (id, case_id, contact_at, form, duration_minutes, mentor_ref, organisation)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING`,
      [
        contact.contactId,
        caseId,
        contact.contactAt,
        contact.form,
        contact.durationMinutes,
        contact.mentorRef ?? null,
        contact.organisation ?? 'kriminalforsorgen',
      ],
    );
  }
  if (transition.exitCourseFacts) {
    const facts = transition.exitCourseFacts;
    await db.query(
      `UPDATE exit_courses SET mentor_ref = COALESCE($2, mentor_ref), psychologist_course = COALESCE($3, psychologist_course),
              release_municipality = COALESCE($4, release_municipality), release_district = COALESCE($5, release_district),
              expected_release_date = COALESCE($6::date, expected_release_date), readiness = COALESCE($7::jsonb, readiness),
              release_notice_sent_at = COALESCE($8, release_notice_sent_at), released_at = COALESCE($9, released_at),
              handover_district = COALESCE($10, handover_district), handover_continuation = COALESCE($11, handover_continuation),
              police_phase_started_at = COALESCE($12, police_phase_started_at), police_district = COALESCE($13, police_district),
              police_outcome = COALESCE($14, police_outcome), police_outcome_at = COALESCE($15, police_outcome_at),
              reoffended = COALESCE($16, reoffended), reoffending_checked_at = COALESCE($17, reoffending_checked_at)
       WHERE case_id = $1`,
      [
        caseId,
        facts.mentorRef ?? null,
        facts.psychologistCourse ?? null,
        facts.releaseMunicipality ?? null,
        facts.releaseDistrict ?? null,
        facts.expectedReleaseDate ?? null,
        facts.readiness ? JSON.stringify(facts.readiness) : null,
        facts.releaseNoticeSentAt ?? null,
        facts.releasedAt ?? null,
        facts.handoverDistrict ?? null,
        facts.handoverContinuation ?? null,
        facts.policePhaseStartedAt ?? null,
        facts.policeDistrict ?? null,
        facts.policeOutcome ?? null,
        facts.policeOutcomeAt ?? null,
        facts.reoffended ?? null,
        facts.reoffendingCheckedAt ?? null,
      ],
    );
  }
  for (const step of transition.stepsRescheduled ?? []) {
    await db.query(
      `UPDATE steps SET due_at = $3, overdue_at = NULL, updated_at = now() WHERE id = $1 AND case_id = $2`,
      [step.stepId, caseId, step.dueAt],
    );
  }
  for (const { stepId, suspension } of transition.stepsSuspended ?? []) {
    await db.query(
      `UPDATE steps SET suspended_at = $3, suspension_reason = $4, suspension_note = $5, suspension_expected_until = $6,
              updated_at = now()
       WHERE id = $1 AND case_id = $2`,
      [
        stepId,
        caseId,
        suspension?.since ?? null,
        suspension?.reason ?? null,
        suspension?.note ?? null,
        suspension?.expectedUntil ?? null,
      ],
    );
  }
  for (const step of transition.stepsMissedReason ?? []) {
    await db.query(
      `UPDATE steps SET missed_reason = $3, missed_note = $4, missed_recorded_at = $5, updated_at = now()
       WHERE id = $1 AND case_id = $2`,
      [step.stepId, caseId, step.reason, step.note, step.recordedAt],
    );
  }
  // A deadline suspended, resumed or extended: a notice to the unit whose turn the step is, once per change.
  for (const change of transition.deadlineChanges ?? []) {
    await insertDeadlineNotice(db, caseId, change.stepId, 'deadline_changed', {
      dueAt: change.dueAt,
      notificationId: change.notificationId,
    });
  }
  await clearAssigneeOnHandOn(db, transition);
  if (transition.orgUnit) await db.query(`UPDATE cases SET org_unit = $2 WHERE id = $1`, [caseId, transition.orgUnit]);
  if (transition.caseLevel !== undefined) {
    await db.query(`UPDATE cases SET case_level = $2 WHERE id = $1`, [caseId, transition.caseLevel]);
  }
  for (const change of transition.accessChanges ?? []) {
    if (change.access === 'none') {
      await db.query(`DELETE FROM case_access WHERE case_id = $1 AND org_unit = $2`, [caseId, change.orgUnit]);
      continue;
    }
    await db.query(
      `INSERT INTO case_access (case_id, org_unit, organisation, access) VALUES ($1, $2::varchar, ${UNIT_ORGANISATION_SQL}, $3)
       ON CONFLICT (case_id, org_unit) DO UPDATE SET access = EXCLUDED.access, granted_at = now()`,
      [caseId, change.orgUnit, change.access],
    );
  }
  if (transition.council) await applyCouncilRecord(db, caseId, transition.council);
  for (const notice of transition.notifications ?? []) {
    await db.query(
      `INSERT INTO notifications (id, case_id, recipient_unit, kind) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [notice.notificationId, caseId, notice.recipientUnit, notice.kind],
    );
  }
  if (transition.status?.closedAt) {
    // The course has ended: the person may start another.
    await db.query(`DELETE FROM open_exit_courses WHERE case_id = $1`, [caseId]);
  }
  for (const [position, event] of transition.events.entries()) {
    await insertEvent(db, transition, position, event);
  }
  await db.query(
    `UPDATE cases SET last_seq = $2, status = COALESCE($3, status), closed_at = COALESCE($4, closed_at), updated_at = now()
     WHERE id = $1`,
    [caseId, transition.seq, transition.status?.status ?? null, transition.status?.closedAt ?? null],
  );
}

/**
 * A case that moves to another unit (a prison transfer), or whose next step is another unit's (the handover
 * district's decision after a release), has no responsible caseworker any more: it waits in the receiving
 * unit's unassigned queue. The change is written to the assignment history as the system's.
 */
async function clearAssigneeOnHandOn(db: EntityManager, transition: CaseTransition): Promise<void> {
  const handedOn = (transition.stepsOpened ?? []).some(
    // A step of its own unit (a council initiative's owner) leaves the case with its caseworker.
    (step) => isStepKind(step.kind) && !['case_unit', 'step_unit'].includes(STEP_KINDS[step.kind].responsibleUnit),
  );
  if (!transition.orgUnit && !handedOn) return;
  const [row]: { assignee_id: string | null; org_unit: string }[] = await db.query(
    `SELECT assignee_id, org_unit FROM cases WHERE id = $1`,
    [transition.caseId],
  );
  if (!row?.assignee_id || (!handedOn && transition.orgUnit === row.org_unit)) return;
  await db.query(`UPDATE cases SET assignee_id = NULL, assigned_at = NULL WHERE id = $1`, [transition.caseId]);
  await db.query(
    `INSERT INTO case_assignments (case_id, change, from_user_id, to_user_id, org_unit, changed_by) VALUES ($1, 'cleared', $2, NULL, $3, $4)`,
    [transition.caseId, row.assignee_id, transition.orgUnit ?? row.org_unit, SYSTEM_ACTOR],
  );
}

/**
 * A deadline notice for the unit whose turn the step is: once per step, stage and deadline (the unique
 * index; a suspension, resumption or extension once per its id from the workflow), so neither a retried activity nor a workflow replaying after a restart adds a second; a moved
 * deadline is another deadline and gets its own. `dueAt` defaults to the step's deadline as recorded.
 * An overdue notice waits OVERDUE_NOTICE_SETTLE_SECONDS before it may go out (the step shows as overdue
 * at once): a case typed in afterwards opens steps already late and closes them a moment later, and the
 * outbox withdraws a notice whose step closed meanwhile instead of alarming the unit.
 */
async function insertDeadlineNotice(
  db: EntityManager,
  caseId: string,
  stepId: string,
  kind: 'deadline_warning' | 'deadline_overdue' | 'deadline_changed',
  { dueAt, notificationId }: { dueAt?: string; notificationId?: string } = {},
): Promise<void> {
  const params = new SqlParameters();
  const [idParam, kindParam, dueAtParam, stepParam, caseParam] = [
    params.add(notificationId ?? null),
    params.add(kind),
    params.add(dueAt ?? null),
    params.add(stepId),
    params.add(caseId),
  ];
  const settle = params.add(kind === 'deadline_overdue' ? OVERDUE_NOTICE_SETTLE_SECONDS : 0);
  await db.query(
    `INSERT INTO notifications (id, case_id, recipient_unit, kind, step_id, due_at, next_attempt_at)
     SELECT COALESCE(${idParam}::uuid, gen_random_uuid()), s.case_id, ${responsibleUnitSql('s', 'c', 'e', params)}, ${kindParam}, s.id, COALESCE(${dueAtParam}::timestamptz, s.due_at),
            now() + make_interval(secs => ${settle})
       FROM steps s JOIN cases c ON c.id = s.case_id LEFT JOIN exit_courses e ON e.case_id = s.case_id
      WHERE s.id = ${stepParam} AND s.case_id = ${caseParam}
     ON CONFLICT DO NOTHING`,
    params.values,
  );
}

async function insertEvent(
  db: EntityManager,
  { caseId, seq }: CaseTransition,
  position: number,
  event: CaseEventRecord,
): Promise<void> {
  await db.query(
    `INSERT INTO case_events
       (id, case_id, transition_seq, position, action, occurred_at, recorded_at, actor_id, reason, reason_code, step_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
    [
      event.eventId,
      caseId,
      seq,
      position,
      event.action,
      event.occurredAt,
      event.recordedAt,
      event.actorId,
      // A reason code may stand without a note: no note is no text, not an empty one.
      event.reason || null,
      event.reasonCode ?? null,
      event.stepId ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
}
