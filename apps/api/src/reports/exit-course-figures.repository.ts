import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseAction } from '../../../../libs/domain/case/case-transition';
import type { ReportPeriod } from './report-period';
import { type ExitCourseFigures, type ExitCourseReport, TOTAL_UNIT_NAME } from './report.views';
import { byUnitName, hoursOf } from './report-numbers';

/** The audit-trail actions the figures count, each at the moment the user stated (`occurred_at`). */
const COUNTED_ACTIONS: readonly CaseAction[] = [
  'agreement_signed',
  'handed_over',
  'handover_accepted',
  'course_interrupted',
  'suitability_rejection',
];

interface FiguresRow {
  /** `null` on the total row. */
  unit: string | null;
  unit_name: string | null;
  agreements_entered: number;
  persons_with_agreement: number;
  handed_over: number;
  continued_by_police: number;
  interrupted_by_inmate: number;
  interrupted_by_kriminalforsorgen: number;
  rejected: number;
  still_open: number;
  repeat_persons: number;
  mentor_minutes: number;
  mentor_persons: number;
  median_person_minutes: number | null;
}

/**
 * SQL for the institution that held a course (alias `course` of `visible`) at a moment: the receiving
 * prison of the latest transfer before it, else the sending prison of the first transfer (the course
 * started there), else the one holding it now. A figure belongs to the institution that held the course
 * when it happened, so a later transfer does not move figures already reported.
 */
export function holderAt(course: string, moment: string, before: '<' | '<='): string {
  const transfers = `FROM case_events t WHERE t.case_id = ${course}.id AND t.action = 'prison_transfer'`;
  return `COALESCE(
      (SELECT t.details ->> 'to' ${transfers} AND t.occurred_at ${before} ${moment} ORDER BY t.occurred_at DESC, t.transition_seq DESC LIMIT 1),
      (SELECT t.details ->> 'from' ${transfers} ORDER BY t.occurred_at, t.transition_seq LIMIT 1),
      ${course}.org_unit)`;
}

/**
 * Exit-course figures for a period (DOMAIN.md §1: what parliament asks), by institution and in total,
 * over the cases the user may see. Every fact is taken twice — once under the institution holding the course then and once
 * under the total (`unit` NULL) — so that the total counts each person once even when they had courses
 * at two institutions, and is not a sum of the rows.
 */
@Injectable()
export class ExitCourseFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(period: ReportPeriod, user: AuthenticatedUser): Promise<ExitCourseReport> {
    const params = new SqlParameters();
    const startsAt = params.add(period.startsAt);
    const endsBefore = params.add(period.endsBefore);
    const actions = params.add(COUNTED_ACTIONS);
    const rows: FiguresRow[] = await this.dataSource.query(
      `WITH visible AS (
         SELECT c.id, c.person_ref, c.closed_at, c.org_unit
           FROM cases c
          WHERE c.case_type = 'exit_course' AND ${visibleCaseCondition(user, 'c', params, 'read', 'reported')}
       ),
       period_events AS (
         SELECT scope.unit, v.person_ref, e.case_id, e.action, e.details ->> 'by' AS interrupted_by, e.details ->> 'continuation' AS continuation
           FROM case_events e JOIN visible v ON v.id = e.case_id
          CROSS JOIN LATERAL (VALUES (${holderAt('v', 'e.occurred_at', '<=')}), (NULL)) AS scope (unit)
          WHERE e.action = ANY(${actions}::text[]) AND e.occurred_at >= ${startsAt} AND e.occurred_at < ${endsBefore}
            -- An interruption ends an agreement: one before the agreement was signed is no drop-out.
            AND NOT (e.action = 'course_interrupted' AND NOT EXISTS (
                  SELECT 1 FROM case_events signed
                   WHERE signed.case_id = e.case_id AND signed.action = 'agreement_signed' AND signed.transition_seq < e.transition_seq))
            -- A course is handed over once: a new handover after a police unit declined is not another.
            AND NOT (e.action = 'handed_over' AND EXISTS (
                  SELECT 1 FROM case_events earlier
                   WHERE earlier.case_id = e.case_id AND earlier.action = 'handed_over' AND earlier.transition_seq < e.transition_seq))
       ),
       event_counts AS (
         SELECT unit,
                count(DISTINCT case_id) FILTER (WHERE action = 'agreement_signed')::int AS agreements_entered,
                count(DISTINCT case_id) FILTER (WHERE action = 'handed_over')::int AS handed_over,
                count(DISTINCT case_id) FILTER (WHERE action = 'handover_accepted' AND continuation <> 'closed')::int AS continued_by_police,
                count(DISTINCT case_id) FILTER (WHERE action = 'course_interrupted' AND interrupted_by = 'inmate')::int AS interrupted_by_inmate,
                count(DISTINCT case_id) FILTER (WHERE action = 'course_interrupted' AND interrupted_by = 'kriminalforsorgen')::int
                  AS interrupted_by_kriminalforsorgen,
                count(DISTINCT case_id) FILTER (WHERE action = 'suitability_rejection')::int AS rejected
           FROM period_events GROUP BY unit
       ),
       agreement_persons AS (
         SELECT unit, count(*)::int AS persons, count(*) FILTER (WHERE agreements >= 2)::int AS repeat_persons FROM (
           SELECT unit, person_ref, count(DISTINCT case_id) AS agreements FROM period_events WHERE action = 'agreement_signed'
            GROUP BY unit, person_ref
         ) per_person GROUP BY unit
       ),
       still_open AS (
         SELECT scope.unit, count(*)::int AS courses FROM visible v
          CROSS JOIN LATERAL (VALUES (${holderAt('v', endsBefore, '<')}), (NULL)) AS scope (unit)
          WHERE (v.closed_at IS NULL OR v.closed_at >= ${endsBefore})
            AND EXISTS (SELECT 1 FROM case_events s
                         WHERE s.case_id = v.id AND s.action = 'agreement_signed' AND s.occurred_at < ${endsBefore})
            -- Handed over to the police by then: no longer open at Kriminalforsorgen.
            AND NOT EXISTS (SELECT 1 FROM case_events h
                             WHERE h.case_id = v.id AND h.action = 'handed_over' AND h.occurred_at < ${endsBefore})
          GROUP BY scope.unit
       ),
       mentor_per_person AS (
         SELECT scope.unit, v.person_ref, sum(m.duration_minutes)::int AS minutes
           FROM mentor_contacts m JOIN visible v ON v.id = m.case_id
          CROSS JOIN LATERAL (VALUES (${holderAt('v', 'm.contact_at', '<=')}), (NULL)) AS scope (unit)
          WHERE m.contact_at >= ${startsAt} AND m.contact_at < ${endsBefore}
          GROUP BY scope.unit, v.person_ref
       ),
       mentor AS (
         SELECT unit, sum(minutes)::int AS minutes, count(*)::int AS persons,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median_minutes
           FROM mentor_per_person GROUP BY unit
       ),
       units AS (SELECT unit FROM event_counts UNION SELECT unit FROM still_open UNION SELECT unit FROM mentor)
       SELECT u.unit, COALESCE(ou.name, u.unit) AS unit_name,
              COALESCE(ec.agreements_entered, 0) AS agreements_entered, COALESCE(ap.persons, 0) AS persons_with_agreement,
              COALESCE(ec.handed_over, 0) AS handed_over, COALESCE(ec.continued_by_police, 0) AS continued_by_police,
              COALESCE(ec.interrupted_by_inmate, 0) AS interrupted_by_inmate,
              COALESCE(ec.interrupted_by_kriminalforsorgen, 0) AS interrupted_by_kriminalforsorgen,
              COALESCE(ec.rejected, 0) AS rejected, COALESCE(so.courses, 0) AS still_open,
              COALESCE(ap.repeat_persons, 0) AS repeat_persons, COALESCE(m.minutes, 0) AS mentor_minutes,
              COALESCE(m.persons, 0) AS mentor_persons, m.median_minutes AS median_person_minutes
         FROM units u
         LEFT JOIN organisation_units ou ON ou.code = u.unit
         LEFT JOIN event_counts ec ON ec.unit IS NOT DISTINCT FROM u.unit
         LEFT JOIN agreement_persons ap ON ap.unit IS NOT DISTINCT FROM u.unit
         LEFT JOIN still_open so ON so.unit IS NOT DISTINCT FROM u.unit
         LEFT JOIN mentor m ON m.unit IS NOT DISTINCT FROM u.unit`,
      params.values,
    );
    const total = rows.find((row) => row.unit === null);
    const institutions = rows
      .filter((row): row is FiguresRow & { unit: string } => row.unit !== null)
      .map((row) => figures(row, row.unit_name ?? row.unit))
      .sort(byUnitName);
    return { from: period.from, to: period.to, institutions, total: figures(total ?? emptyTotal(), TOTAL_UNIT_NAME) };
  }
}

function figures(row: FiguresRow, unitName: string): ExitCourseFigures {
  return {
    unit: row.unit,
    unitName,
    agreementsEntered: row.agreements_entered,
    personsWithAgreement: row.persons_with_agreement,
    handedOver: row.handed_over,
    continuedByPolice: row.continued_by_police,
    interruptedByInmate: row.interrupted_by_inmate,
    interruptedByKriminalforsorgen: row.interrupted_by_kriminalforsorgen,
    rejected: row.rejected,
    stillOpen: row.still_open,
    personsWithMoreThanOneAgreement: row.repeat_persons,
    mentorMinutesTotal: row.mentor_minutes,
    mentorHoursTotal: hoursOf(row.mentor_minutes),
    mentorPersons: row.mentor_persons,
    mentorHoursMeanPerPerson: hoursOf(row.mentor_minutes, row.mentor_persons),
    mentorHoursMedianPerPerson: hoursOf(row.median_person_minutes ?? 0),
  };
}

function emptyTotal(): FiguresRow {
  return {
    unit: null,
    unit_name: null,
    agreements_entered: 0,
    persons_with_agreement: 0,
    handed_over: 0,
    continued_by_police: 0,
    interrupted_by_inmate: 0,
    interrupted_by_kriminalforsorgen: 0,
    rejected: 0,
    still_open: 0,
    repeat_persons: 0,
    mentor_minutes: 0,
    mentor_persons: 0,
    median_person_minutes: null,
  };
}
