import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { missingReadiness } from '../../../../libs/domain/exit-course/exit-course.rules';
import { READINESS_LABELS, type Readiness } from '../../../../libs/domain/exit-course/exit-course.types';
import { availableDecisionsOf } from '../cases/available-decisions';
import { answerableCondition, decidableCondition } from '../cases/case-records.repository';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { exitCourseFactsOf, openStepsColumn } from './exit-course-facts';
import { EXIT_COURSE_SLICE } from './exit-course.slice';
import { HandoverTexts } from './handover-texts';
import type {
  ComingHandoverView,
  HandoverPartyView,
  HandoverPreparationView,
  HandoverReportView,
} from './handover-preparation.views';

interface ReportRow {
  submitted_at: Date;
  plan_encrypted: string;
  plan_status: string;
  readiness_owners: HandoverReportView['readiness'];
  mentor_ref: string | null;
  mentor_minutes: number;
  mentor_contacts: number;
  psychologist_course: string;
  risk_encrypted: string;
  extended_address_protection: boolean;
  parole_conditions_encrypted: string | null;
  contact_name: string;
  contact_phone: string;
}

interface ViewRow {
  id: string;
  party: string;
  recommendation: string;
  view_encrypted: string;
  recorded_at: Date;
}

interface ComingRow {
  id: string;
  person_ref: string;
  org_unit: string;
  status: 'agreement_active';
  expected_release_date: string;
  days_to_release: number;
  readiness: Readiness;
  parole_linked: boolean;
  mentor_ref: string | null;
  psychologist_course: 'not_started' | 'ongoing' | 'ended';
  release_notice_sent_at: Date;
  early_handover_decision: string | null;
  outside_prison: boolean;
  open_steps: string[];
  report_submitted_at: Date | null;
  decidable: boolean;
  answerable: boolean;
}

/** The handover prepared before release, from the read model; its sealed texts opened for the reader. */
@Injectable()
export class HandoverPreparationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrganisationUnits,
    private readonly texts: HandoverTexts,
  ) {}

  /** Of a course the caller already found within the user's scope (its read is logged with the case's). */
  async ofCase(caseId: string): Promise<HandoverPreparationView> {
    const [reports, views, decisions] = await Promise.all([
      this.dataSource.query(`SELECT * FROM handover_reports WHERE case_id = $1`, [caseId]) as Promise<ReportRow[]>,
      this.dataSource.query(
        `SELECT id, party, recommendation, view_encrypted, recorded_at FROM handover_views
          WHERE case_id = $1 ORDER BY recorded_at, id`,
        [caseId],
      ) as Promise<ViewRow[]>,
      this.dataSource.query(
        `SELECT early_handover_district, early_handover_decision, early_handover_continuation, early_handover_decided_at
           FROM exit_courses WHERE case_id = $1 AND early_handover_decision IS NOT NULL`,
        [caseId],
      ) as Promise<
        {
          early_handover_district: string;
          early_handover_decision: string;
          early_handover_continuation: string | null;
          early_handover_decided_at: Date;
        }[]
      >,
    ]);
    const units = await this.units.lookup();
    const decided = decisions[0];
    return {
      report: reports[0] ? this.reportOf(caseId, reports[0]) : null,
      views: views.map((row): HandoverPartyView => ({
        id: row.id,
        party: row.party,
        recommendation: row.recommendation,
        view: this.texts.open(caseId, 'view', row.view_encrypted),
        recordedAt: row.recorded_at.toISOString(),
      })),
      decisionBeforeRelease: decided
        ? {
            policeDistrict: units.view(decided.early_handover_district),
            decision: decided.early_handover_decision,
            continuation: decided.early_handover_continuation,
            decidedAt: decided.early_handover_decided_at.toISOString(),
          }
        : null,
    };
  }

  /**
   * Courses notified to one of the user's police districts or municipalities and not yet released, the
   * nearest release first: scoped in SQL (the notice's read grant and the release plan both name the unit).
   */
  async coming(
    user: AuthenticatedUser,
    page: number,
    pageSize: number,
  ): Promise<Page<Omit<ComingHandoverView, 'personName'>>> {
    const units = await this.units.lookup();
    const params = new SqlParameters();
    const userUnits = params.add(user.units);
    return pagedQuery(
      this.dataSource,
      {
        from: 'cases c JOIN exit_courses e ON e.case_id = c.id',
        where:
          `c.case_type = 'exit_course' AND c.status = 'agreement_active' AND e.release_notice_sent_at IS NOT NULL` +
          ` AND e.released_at IS NULL` +
          ` AND (e.release_district = ANY(${userUnits}::text[]) OR e.release_municipality = ANY(${userUnits}::text[]))` +
          ` AND ${visibleCaseCondition(user, 'c', params)}`,
        params: params.values,
        select: (columnParams) =>
          `c.id, c.person_ref, c.org_unit, c.status, to_char(e.expected_release_date, 'YYYY-MM-DD') AS expected_release_date,
           (e.expected_release_date - (now() AT TIME ZONE 'Europe/Copenhagen')::date) AS days_to_release,
           e.readiness, e.parole_linked, e.mentor_ref, e.psychologist_course, e.release_notice_sent_at,
           e.early_handover_decision, e.outside_prison, r.submitted_at AS report_submitted_at,
           ${openStepsColumn('c')},
           ${decidableCondition(user, 'c', columnParams)} AS decidable, ${answerableCondition('c')} AS answerable`,
        join: 'LEFT JOIN handover_reports r ON r.case_id = c.id',
        orderBy: 'e.expected_release_date, c.id',
        page,
        pageSize,
      },
      (row: ComingRow): Omit<ComingHandoverView, 'personName'> => {
        const missing = missingReadiness(row.readiness);
        return {
          caseId: row.id,
          personRef: row.person_ref,
          institution: units.view(row.org_unit),
          expectedReleaseDate: row.expected_release_date,
          daysToRelease: row.days_to_release,
          ready: missing.length === 0,
          missing: missing.map((item) => READINESS_LABELS[item]),
          paroleLinked: row.parole_linked,
          reportSubmittedAt: row.report_submitted_at?.toISOString() ?? null,
          decisionBeforeRelease: row.early_handover_decision,
          availableDecisions: availableDecisionsOf(
            EXIT_COURSE_SLICE,
            exitCourseFactsOf(row),
            user,
            row.decidable,
            row.answerable,
          ),
        };
      },
    );
  }

  private reportOf(caseId: string, row: ReportRow): HandoverReportView {
    return {
      submittedAt: row.submitted_at.toISOString(),
      plan: this.texts.open(caseId, 'plan', row.plan_encrypted),
      planStatus: row.plan_status,
      mentorRef: row.mentor_ref,
      mentorMinutes: row.mentor_minutes,
      mentorContacts: row.mentor_contacts,
      psychologistCourse: row.psychologist_course,
      readiness: row.readiness_owners,
      riskAssessment: this.texts.open(caseId, 'risk', row.risk_encrypted),
      extendedAddressProtection: row.extended_address_protection,
      paroleConditions:
        row.parole_conditions_encrypted === null
          ? null
          : this.texts.open(caseId, 'parole_conditions', row.parole_conditions_encrypted),
      contactName: row.contact_name,
      contactPhone: row.contact_phone,
    };
  }
}
