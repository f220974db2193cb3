import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseAction } from '../../../../libs/domain/case/case-transition';
import {
  POLICE_COURSE_OUTCOME_LABELS,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
  type ReferralSource,
} from '../../../../libs/domain/exit-course/police-phase.types';
import { addCalendarDays, parseLocalDate, startOfDanishDay } from '../../../../libs/domain/time/copenhagen-calendar';
import {
  type ClassifiedCourse,
  type CohortEvent,
  classifyCourse,
  cohortCounts,
  INTERRUPTION_REASONS,
  mentorHours,
  policeOutcome,
} from './cohort-course';
import { cohortDefinitions, MENTOR_HOUR_DEFINITIONS, MENTOR_HOUR_PARTS } from './cohort-definitions';
import type { CohortFigures, CohortReport } from './cohort.views';
import { holderAt } from './exit-course-figures.repository';
import type { ReportPeriod } from './report-period';
import { TOTAL_UNIT_NAME } from './report.views';
import { byUnitName } from './report-numbers';

/** The audit-trail actions that tell what became of a course after its agreement. */
const STATE_ACTIONS: readonly CaseAction[] = [
  'course_interrupted',
  'released',
  'handed_over',
  'handover_accepted',
  'police_course_started',
  'police_course_ended',
  'reoffending_checked',
];

interface CourseRow {
  id: string;
  person_ref: string;
  unit: string;
  unit_name: string;
  referral_source: string | null;
}

interface EventRow {
  case_id: string;
  action: string;
  occurred_at: Date;
  details: Record<string, unknown>;
  reason_code: string | null;
}

interface ContactRow {
  case_id: string;
  contact_at: Date;
  duration_minutes: number;
}

interface CohortCourseFacts {
  personRef: string;
  unit: string;
  unitName: string;
  referralSource: ReferralSource;
  classified: ClassifiedCourse;
}

/**
 * The cohort figures (DOMAIN.md §5: "368 and 158 are a cohort"): the exit courses in the user's scope whose
 * agreement was entered in the period, each in its state at the end of `asOf` as the audit trail tells it
 * (only events with `occurred_at` before then). The rules are cohort-course.ts; this reads the rows.
 */
@Injectable()
export class CohortFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(period: ReportPeriod, asOf: string, user: AuthenticatedUser): Promise<CohortReport> {
    const asOfDate = parseLocalDate(asOf);
    if (!asOfDate) throw new Error('CohortFiguresRepository needs a validated asOf');
    const asOfEnd = startOfDanishDay(addCalendarDays(asOfDate, 1));
    const courses = await this.cohort(period, user);
    const ids = courses.map((course) => course.id);
    const [events, contacts] = await Promise.all([this.events(ids, asOfEnd), this.contacts(ids, asOfEnd)]);
    const facts: CohortCourseFacts[] = courses.map((course) => ({
      personRef: course.person_ref,
      unit: course.unit,
      unitName: course.unit_name,
      referralSource: referralSourceOf(course.referral_source),
      classified: classifyCourse({
        events: events.get(course.id) ?? [],
        mentorContacts: contacts.get(course.id) ?? [],
      }),
    }));
    return {
      from: period.from,
      to: period.to,
      asOf,
      total: figures(null, TOTAL_UNIT_NAME, facts),
      byInstitution: groupsOf(facts, (course) => course.unit)
        .map(([unit, group]) => figures(unit, group[0].unitName, group))
        .sort((a, b) => byUnitName({ unitName: a.groupName }, { unitName: b.groupName })),
      byReferralSource: REFERRAL_SOURCES.map(
        (source) => [source, facts.filter((course) => course.referralSource === source)] as const,
      )
        .filter(([, group]) => group.length > 0)
        .map(([source, group]) => figures(source, REFERRAL_SOURCE_LABELS[source], group)),
      policeOutcomes: (Object.keys(POLICE_COURSE_OUTCOME_LABELS) as (keyof typeof POLICE_COURSE_OUTCOME_LABELS)[])
        .filter((outcome) => outcome !== 'moved')
        .map((outcome) => ({
          outcome: outcome as Exclude<typeof outcome, 'moved'>,
          label: POLICE_COURSE_OUTCOME_LABELS[outcome],
          count: facts.filter((course) => policeOutcome(course.classified) === outcome).length,
        })),
      interruptionReasons: (['inmate', 'kriminalforsorgen'] as const).flatMap((by) =>
        Object.entries(INTERRUPTION_REASONS).map(([reasonCode, label]) => ({
          by,
          reasonCode,
          label,
          count: facts.filter(
            ({ classified: { state } }) =>
              state.phase === 'interrupted' && state.by === by && state.reasonCode === reasonCode,
          ).length,
        })),
      ),
      mentorHours: MENTOR_HOUR_PARTS.map((part) => ({
        ...mentorHours(part, facts),
        label: MENTOR_HOUR_DEFINITIONS[part].label,
      })),
      definitions: cohortDefinitions(),
    };
  }

  /** The cohort's courses: first agreement entered in the period, with the institution holding them then. */
  private cohort(period: ReportPeriod, user: AuthenticatedUser): Promise<CourseRow[]> {
    const params = new SqlParameters();
    const startsAt = params.add(period.startsAt);
    const endsBefore = params.add(period.endsBefore);
    return this.dataSource.query(
      `WITH visible AS (
         SELECT c.id, c.person_ref, c.org_unit FROM cases c
          WHERE c.case_type = 'exit_course' AND ${visibleCaseCondition(user, 'c', params, 'read', 'reported')}
       ),
       cohort AS (
         SELECT v.id, v.person_ref, ${holderAt('v', 'signed.occurred_at', '<=')} AS unit
           FROM visible v
          CROSS JOIN LATERAL (
                SELECT s.occurred_at FROM case_events s WHERE s.case_id = v.id AND s.action = 'agreement_signed'
                 ORDER BY s.occurred_at, s.transition_seq LIMIT 1) signed
          WHERE signed.occurred_at >= ${startsAt} AND signed.occurred_at < ${endsBefore}
       )
       SELECT co.id, co.person_ref, co.unit, COALESCE(ou.name, co.unit) AS unit_name,
              (SELECT st.details ->> 'referralSource' FROM case_events st
                WHERE st.case_id = co.id AND st.action = 'case_started' ORDER BY st.transition_seq LIMIT 1) AS referral_source
         FROM cohort co LEFT JOIN organisation_units ou ON ou.code = co.unit`,
      params.values,
    );
  }

  private async events(ids: string[], asOfEnd: Date): Promise<Map<string, CohortEvent[]>> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.case_id, e.action, e.occurred_at, e.details, e.reason_code FROM case_events e
        WHERE e.case_id = ANY($1::uuid[]) AND e.action = ANY($2::text[]) AND e.occurred_at < $3
        ORDER BY e.case_id, e.occurred_at, e.transition_seq, e.position`,
      [ids, STATE_ACTIONS, asOfEnd],
    );
    return byCase(rows, (row) => ({
      action: row.action,
      occurredAt: row.occurred_at,
      details: row.details,
      reasonCode: row.reason_code,
    }));
  }

  private async contacts(ids: string[], asOfEnd: Date): Promise<Map<string, { at: Date; minutes: number }[]>> {
    const rows: ContactRow[] = await this.dataSource.query(
      `SELECT m.case_id, m.contact_at, m.duration_minutes FROM mentor_contacts m
        WHERE m.case_id = ANY($1::uuid[]) AND m.contact_at < $2`,
      [ids, asOfEnd],
    );
    return byCase(rows, (row) => ({ at: row.contact_at, minutes: row.duration_minutes }));
  }
}

function byCase<Row extends { case_id: string }, Item>(rows: Row[], item: (row: Row) => Item): Map<string, Item[]> {
  const map = new Map<string, Item[]>();
  for (const row of rows) {
    const items = map.get(row.case_id) ?? [];
    items.push(item(row));
    map.set(row.case_id, items);
  }
  return map;
}

function referralSourceOf(value: string | null): ReferralSource {
  return (REFERRAL_SOURCES as readonly string[]).includes(value ?? '')
    ? (value as ReferralSource)
    : 'kriminalforsorgen';
}

function groupsOf<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return [...groups.entries()];
}

function figures(group: string | null, groupName: string, courses: CohortCourseFacts[]): CohortFigures {
  return { group, groupName, ...cohortCounts(courses) };
}
