import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { describeStatus, missingReadiness } from '../../../../libs/domain/exit-course/exit-course.rules';
import { REFERRAL_SOURCE_LABELS, type ReferralSource } from '../../../../libs/domain/exit-course/police-phase.types';
import {
  READINESS_LABELS,
  type ExitCourseStatus,
  type Readiness,
} from '../../../../libs/domain/exit-course/exit-course.types';
import type { UnitLookup } from '../../../../libs/persistence/organisation-units-directory';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { availableDecisionsOf } from '../cases/available-decisions';
import { answerableCondition, CaseRecordsRepository, decidableCondition } from '../cases/case-records.repository';
import { EXIT_COURSE_SLICE } from './exit-course.slice';
import type { PoliceCourseOutcome, PolicePlanRunner } from '../../../../libs/domain/exit-course/police-phase.types';
import { exitCourseFactsOf, openStepsColumn } from './exit-course-facts';
import { HandoverPreparationRepository } from './handover-preparation.repository';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import type { ExitCourseDetail, ExitCourseSummary, HandoverInboxItem, MentorContactView } from './exit-course.views';
import type { HistoryEntry } from '../cases/case.views';
import { isCaseId } from '../cases/case-id';

interface DetailRow extends CaseRow {
  mentor_ref: string | null;
  psychologist_course: ExitCourseDetail['psychologistCourse'];
  contact_count: number;
  contact_minutes: number;
  last_contact_at: Date | null;
  assessment_parties: string[];
  release_municipality: string | null;
  release_district: string | null;
  readiness: Readiness;
  release_notice_sent_at: Date | null;
  released_at: Date | null;
  handover_district: string | null;
  handover_continuation: string | null;
  police_phase_started_at: Date | null;
  police_district: string | null;
  police_outcome: PoliceCourseOutcome | null;
  police_outcome_at: Date | null;
  reoffended: boolean | null;
  reoffending_checked_at: Date | null;
  police_events: { action: string; reason: string; runBy?: PolicePlanRunner; occurredAt: string }[];
  open_steps: string[];
  early_handover_decision: string | null;
  decidable: boolean;
  answerable: boolean;
  concern_letter_id: string | null;
}

interface CaseRow {
  id: string;
  workflow_id: string;
  person_ref: string;
  org_unit: string;
  status: ExitCourseStatus;
  opened_at: Date;
  closed_at: Date | null;
  expected_release_date: string | null;
  parole_linked: boolean;
  referral_source: ReferralSource;
  outside_prison: boolean;
}

interface HandoverRow {
  id: string;
  person_ref: string;
  org_unit: string;
  released_at: Date;
  due_at: Date;
  overdue: boolean;
  status: ExitCourseStatus;
  parole_linked: boolean;
  mentor_ref: string | null;
  psychologist_course: ExitCourseDetail['psychologistCourse'];
  outside_prison: boolean;
  open_steps: string[];
  release_notice_sent_at: Date | null;
  early_handover_decision: string | null;
  decidable: boolean;
}

interface MentorContactRow {
  id: string;
  contact_at: Date;
  form: MentorContactView['form'];
  duration_minutes: number;
  mentor_ref: string | null;
  organisation: MentorContactView['organisation'];
}

/** Reads exit courses from the read model (never from workflow histories). */
@Injectable()
export class ExitCourseViewsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: CaseRecordsRepository,
    private readonly units: OrganisationUnits,
    private readonly preparation: HandoverPreparationRepository,
  ) {}

  async findDetail(caseId: string, user: AuthenticatedUser): Promise<ExitCourseDetail | undefined> {
    if (!isCaseId(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const rows: DetailRow[] = await this.dataSource.query(
      `SELECT c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at,
              to_char(e.expected_release_date, 'YYYY-MM-DD') AS expected_release_date, e.parole_linked, e.referral_source, e.outside_prison,
              e.mentor_ref, e.psychologist_course, e.release_municipality, e.release_district, e.readiness, e.release_notice_sent_at, e.released_at, e.handover_district, e.handover_continuation,
              e.police_phase_started_at, e.police_district, e.police_outcome, e.police_outcome_at, e.reoffended, e.reoffending_checked_at,
              ${openStepsColumn('c')},
              COALESCE((SELECT json_agg(json_build_object('action', ev.action, 'reason', ev.reason, 'runBy', ev.details->>'runBy',
                                                          'occurredAt', ev.occurred_at) ORDER BY ev.transition_seq, ev.position)
                          FROM case_events ev
                         WHERE ev.case_id = c.id AND ev.action IN ('police_plan_recorded', 'police_review_recorded')), '[]') AS police_events,
              e.early_handover_decision,
              (SELECT count(*)::int FROM mentor_contacts m WHERE m.case_id = c.id) AS contact_count,
              (SELECT COALESCE(sum(m.duration_minutes), 0)::int FROM mentor_contacts m WHERE m.case_id = c.id) AS contact_minutes,
              (SELECT max(m.contact_at) FROM mentor_contacts m WHERE m.case_id = c.id) AS last_contact_at,
              ARRAY(SELECT ev.details->>'party' FROM case_events ev
                     WHERE ev.case_id = c.id AND ev.action = 'assessment_input_recorded'
                     ORDER BY ev.transition_seq) AS assessment_parties,
              ${decidableCondition(user, 'c', params)} AS decidable, ${answerableCondition('c')} AS answerable,
              (SELECT k.case_id FROM concern_letter_candidates k WHERE k.exit_course_id = c.id) AS concern_letter_id
         FROM cases c JOIN exit_courses e ON e.case_id = c.id
        WHERE c.id = ${idParam} AND c.case_type = 'exit_course' AND ${visibleCaseCondition(user, 'c', params)}`,
      params.values,
    );
    const row = rows[0];
    if (!row) return undefined;
    const progress = await this.records.progress(caseId, {
      user,
      decidable: row.decidable,
      closed: row.closed_at !== null,
    });
    const units = await this.units.lookup();
    return {
      ...summaryOf(row, units),
      paroleLinked: row.parole_linked,
      mentor: {
        mentorRef: row.mentor_ref,
        contactCount: row.contact_count,
        contactMinutes: row.contact_minutes,
        lastContactAt: row.last_contact_at?.toISOString() ?? null,
      },
      psychologistCourse: row.psychologist_course,
      jointAssessment: { required: row.parole_linked, received: row.assessment_parties },
      releasePlan:
        row.release_municipality && row.release_district
          ? { municipality: units.view(row.release_municipality), policeDistrict: units.view(row.release_district) }
          : null,
      readiness: {
        items: row.readiness,
        missing: missingReadiness(row.readiness).map((item) => READINESS_LABELS[item]),
      },
      releaseNoticeSentAt: row.release_notice_sent_at?.toISOString() ?? null,
      handover:
        row.released_at && row.handover_district
          ? {
              releasedAt: row.released_at.toISOString(),
              policeDistrict: units.view(row.handover_district),
              continuation: row.handover_continuation,
            }
          : null,
      policePhase: policePhaseOf(row, units),
      handoverPreparation: await this.preparation.ofCase(caseId),
      concernLetterId: row.concern_letter_id,
      closedAt: row.closed_at?.toISOString() ?? null,
      ...progress,
      availableDecisions: availableDecisionsOf(
        EXIT_COURSE_SLICE,
        exitCourseFactsOf(row),
        user,
        row.decidable,
        row.answerable,
      ),
    };
  }

  async list(
    filter: { status?: string; institutionCode?: string; personRef?: string; page: number; pageSize: number },
    user: AuthenticatedUser,
  ): Promise<Page<ExitCourseSummary>> {
    const units = await this.units.lookup();
    const params = new SqlParameters();
    const conditions = [`c.case_type = 'exit_course'`, visibleCaseCondition(user, 'c', params)];
    if (filter.status) conditions.push(`c.status = ${params.add(filter.status)}`);
    if (filter.institutionCode) conditions.push(`c.org_unit = ${params.add(filter.institutionCode)}`);
    if (filter.personRef) conditions.push(`c.person_ref = ${params.add(filter.personRef)}`);
    return pagedQuery(
      this.dataSource,
      {
        from: 'cases c',
        where: conditions.join(' AND '),
        params: params.values,
        select: `c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at,
                 to_char(e.expected_release_date, 'YYYY-MM-DD') AS expected_release_date, e.parole_linked, e.referral_source, e.outside_prison,
                 min(s.due_at) AS next_due_at,
                 count(s.id) FILTER (WHERE s.due_at <= now())::int AS overdue_steps`,
        join: `JOIN exit_courses e ON e.case_id = c.id LEFT JOIN steps s ON s.case_id = c.id AND s.status = 'open'`,
        groupBy: 'c.id, e.case_id',
        orderBy: 'c.created_at DESC, c.id DESC',
        page: filter.page,
        pageSize: filter.pageSize,
      },
      (row: CaseRow & { next_due_at: Date | null; overdue_steps: number }): ExitCourseSummary => ({
        ...summaryOf(row, units),
        nextDueAt: row.next_due_at?.toISOString() ?? null,
        overdueSteps: row.overdue_steps,
      }),
    );
  }

  /** The history of a case the caller already found within the user's scope (CaseScopeRepository). */
  history(caseId: string, page: number, pageSize: number): Promise<Page<HistoryEntry>> {
    return this.records.history(caseId, page, pageSize);
  }

  /** Handovers waiting for a decision by one of the user's districts (cases it may change), oldest deadline first. */
  async handoverInbox(
    user: AuthenticatedUser,
    page: number,
    pageSize: number,
  ): Promise<Page<Omit<HandoverInboxItem, 'personName' | 'handoverPreparation'>>> {
    const units = await this.units.lookup();
    const params = new SqlParameters();
    return pagedQuery(
      this.dataSource,
      {
        from: 'cases c',
        where: `c.case_type = 'exit_course' AND c.status = 'awaiting_handover_decision' AND ${visibleCaseCondition(user, 'c', params, 'write')}`,
        params: params.values,
        select: (columnParams) =>
          `c.id, c.person_ref, c.org_unit, c.status, e.released_at, s.due_at, s.due_at <= now() AS overdue, e.parole_linked,
           e.mentor_ref, e.psychologist_course, e.outside_prison, e.release_notice_sent_at, e.early_handover_decision,
           ${decidableCondition(user, 'c', columnParams)} AS decidable,
           ${openStepsColumn('c')}`,
        join: `JOIN exit_courses e ON e.case_id = c.id
               JOIN steps s ON s.case_id = c.id AND s.kind = 'handover_decision' AND s.status = 'open'`,
        orderBy: 's.due_at, c.id',
        page,
        pageSize,
      },
      (row: HandoverRow): Omit<HandoverInboxItem, 'personName' | 'handoverPreparation'> => ({
        caseId: row.id,
        personRef: row.person_ref,
        institution: units.view(row.org_unit),
        releasedAt: row.released_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        overdue: row.overdue,
        paroleLinked: row.parole_linked,
        availableDecisions: availableDecisionsOf(EXIT_COURSE_SLICE, exitCourseFactsOf(row), user, row.decidable),
      }),
    );
  }

  /** Mentor contacts of a case the caller already found within the user's scope (CaseScopeRepository). */
  mentorContacts(caseId: string, page: number, pageSize: number): Promise<Page<MentorContactView>> {
    return pagedQuery(
      this.dataSource,
      {
        from: 'mentor_contacts',
        where: 'case_id = $1',
        params: [caseId],
        select: 'id, contact_at, form, duration_minutes, mentor_ref, organisation',
        orderBy: 'contact_at DESC, id',
        page,
        pageSize,
      },
      (row: MentorContactRow): MentorContactView => ({
        id: row.id,
        contactAt: row.contact_at.toISOString(),
        form: row.form,
        durationMinutes: row.duration_minutes,
        mentorRef: row.mentor_ref,
        organisation: row.organisation,
      }),
    );
  }
}

function summaryOf(row: CaseRow, units: UnitLookup): ExitCourseSummary {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    institution: units.view(row.org_unit),
    status: row.status,
    statusText: describeStatus(row.status),
    referredAt: row.opened_at.toISOString(),
    referralSource: row.referral_source,
    referralSourceText: REFERRAL_SOURCE_LABELS[row.referral_source],
    outsidePrison: row.outside_prison,
    expectedReleaseDate: row.expected_release_date,
  };
}

/** The police phase as the detail shows it: the plan and reviews are their case events (the text is theirs). */
function policePhaseOf(row: DetailRow, units: UnitLookup): ExitCourseDetail['policePhase'] {
  if (!row.police_phase_started_at || !row.police_district) return null;
  const plan = row.police_events.filter((event) => event.action === 'police_plan_recorded').at(-1);
  return {
    startedAt: row.police_phase_started_at.toISOString(),
    policeDistrict: units.view(row.police_district),
    plan: plan
      ? { summary: plan.reason, runBy: plan.runBy!, recordedAt: new Date(plan.occurredAt).toISOString() }
      : null,
    reviews: row.police_events
      .filter((event) => event.action === 'police_review_recorded')
      .map((event) => ({ summary: event.reason, reviewedAt: new Date(event.occurredAt).toISOString() })),
    outcome: row.police_outcome,
    endedAt: row.police_outcome_at?.toISOString() ?? null,
    reoffended: row.reoffended,
    reoffendingCheckedAt: row.reoffending_checked_at?.toISOString() ?? null,
  };
}
