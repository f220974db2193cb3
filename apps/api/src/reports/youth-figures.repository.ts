import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { reportScopeCondition, SqlParameters } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { DANISH_TIME_ZONE } from '../../../../libs/domain/time/copenhagen-calendar';
import type { ReportPeriod } from './report-period';
import { TOTAL_UNIT_NAME } from './report.views';
import { byUnitName } from './report-numbers';
import { monthsOf } from './youth-figures.query';
import type { YouthFiguresRow, YouthReport } from './youth-figures.views';
import {
  YOUTH_EVENT_MEASURES,
  YOUTH_LEVEL_MEASURES,
  YOUTH_MEASURES,
  YOUTH_STEP_MEASURES,
  type EventMeasure,
  type StepMeasure,
  type YouthMeasure,
  youthMeasureLabel,
} from './youth-measures';

/** The case types whose events and steps the youth figures count. */
const YOUTH_CASE_TYPES = ['dks_assessment', 'network_council', 'concern_letter'];

interface CountRow {
  /** `null`: all units. */
  unit: string | null;
  unit_name: string | null;
  /** `null`: the whole period. */
  month: string | null;
  measure: YouthMeasure;
  value: number;
}

/**
 * SQL for the unit that held a youth case (alias `v` of `visible`) at a moment: the district a DKS case
 * moved to by then (the latest `dks_case_moved` at or before it), else the one it moved from first, else
 * the case's unit — so a later move does not move figures already reported (as the exit courses' holderAt).
 */
function unitAt(moment: string): string {
  const moves = `FROM case_events m WHERE m.case_id = v.id AND m.action = 'dks_case_moved'`;
  return `CASE WHEN v.case_type <> 'dks_assessment' THEN v.org_unit ELSE COALESCE(
      (SELECT m.details ->> 'toPoliceDistrictCode' ${moves} AND m.occurred_at <= ${moment} ORDER BY m.occurred_at DESC, m.transition_seq DESC LIMIT 1),
      (SELECT m.details ->> 'fromPoliceDistrictCode' ${moves} ORDER BY m.occurred_at, m.transition_seq LIMIT 1),
      v.org_unit) END`;
}

const KEYS: Record<NonNullable<EventMeasure['key']>, string> = {
  case: `e.case_id::text`,
  person: `e.person_ref`,
  initiative: `e.case_id::text || ':' || (e.details ->> 'initiativeId')`,
};

const actionsOf = (measure: EventMeasure): readonly string[] =>
  typeof measure.action === 'string' ? [measure.action] : measure.action;

/** One SELECT per measure: the things it counts, with their unit and month. */
function eventFacts(): string {
  return Object.entries(YOUTH_EVENT_MEASURES as Record<string, EventMeasure>)
    .map(
      ([name, measure]) =>
        `SELECT e.unit, e.month, '${name}' AS measure, ${KEYS[measure.key ?? 'case']} AS key FROM events e
          WHERE e.action IN (${actionsOf(measure)
            .map((action) => `'${action}'`)
            .join(', ')})${measure.condition ? ` AND ${measure.condition}` : ''}`,
    )
    .join('\n UNION ALL ');
}

function stepFacts(): string {
  return Object.entries(YOUTH_STEP_MEASURES as Record<string, StepMeasure>)
    .map(
      ([name, measure]) =>
        `SELECT s.unit, s.month, '${name}' AS measure, s.key FROM step_states s
          WHERE s.kind = '${measure.stepKind}' AND s.case_type = '${measure.caseType}' AND s.state = '${measure.state}'`,
    )
    .join('\n UNION ALL ');
}

const LEVEL_MEASURE = Object.fromEntries(
  Object.entries(YOUTH_LEVEL_MEASURES).map(([name, { level }]) => [level, name]),
) as Record<string, YouthMeasure>;

/**
 * The youth figures (DOMAIN.md §2–5) per unit and Danish month of a period, over the youth cases the user's
 * units (national: organisation) hold, under the user's units only (national: every unit), in one query: every counted thing becomes a fact (unit, month,
 * measure, key), and GROUPING SETS count distinct keys per unit and month, per unit, per month and in all.
 */
@Injectable()
export class YouthFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(period: ReportPeriod, unit: string | null, user: AuthenticatedUser, now: Date): Promise<YouthReport> {
    const params = new SqlParameters();
    const caseTypes = params.add(YOUTH_CASE_TYPES);
    const scope = reportScopeCondition(user, 'c', params);
    const actions = params.add([
      ...new Set([
        ...Object.values(YOUTH_EVENT_MEASURES as Record<string, EventMeasure>).flatMap(actionsOf),
        'case_level_set',
      ]),
    ]);
    const stepKinds = params.add([...new Set(Object.values(YOUTH_STEP_MEASURES).map((m) => m.stepKind))]);
    const startsAt = params.add(period.startsAt);
    const endsBefore = params.add(period.endsBefore);
    const nowParam = params.add(now);
    const zone = params.add(DANISH_TIME_ZONE);
    // A local supervisor's figures are its units' own, also for a case another unit held first or later.
    const units = params.add(unit ? [unit] : user.role === 'national_supervisor' ? null : user.units);
    const inUnits = (alias: string) => `(${units}::text[] IS NULL OR ${alias}unit = ANY(${units}::text[]))`;
    const rows: CountRow[] = await this.dataSource.query(
      `WITH visible AS (
         -- A youth is counted once across the organisations' register entries for their CPR number.
         SELECT c.id, c.case_type, COALESCE(p.cpr_lookup, c.person_ref) AS person_ref, c.org_unit FROM cases c
           LEFT JOIN persons p ON p.id::text = c.person_ref
          WHERE c.case_type = ANY(${caseTypes}::text[]) AND ${scope}
       ),
       events AS (
         SELECT e.id, e.case_id, e.action, e.occurred_at, e.transition_seq, e.position, e.details, v.person_ref,
                CASE WHEN e.action = 'dks_case_moved' THEN COALESCE(e.details ->> 'fromPoliceDistrictCode', v.org_unit)
                     ELSE ${unitAt('e.occurred_at')} END AS unit,
                to_char(e.occurred_at AT TIME ZONE ${zone}, 'YYYY-MM') AS month
           FROM case_events e JOIN visible v ON v.id = e.case_id
          WHERE e.action = ANY(${actions}::text[]) AND e.occurred_at >= ${startsAt} AND e.occurred_at < ${endsBefore}
       ),
       -- A deadline at local midnight belongs to the day (and month) ending there, as in the SLA report.
       step_states AS (
         SELECT ${unitAt('s.due_at')} AS unit, to_char((s.due_at - interval '1 microsecond') AT TIME ZONE ${zone}, 'YYYY-MM') AS month,
                s.kind, v.case_type, s.id::text AS key,
                CASE WHEN s.status = 'open' THEN 'open_past_due'
                     WHEN COALESCE(s.lateness_seconds, 0) = 0 THEN 'in_time' ELSE 'late' END AS state
           FROM steps s JOIN visible v ON v.id = s.case_id
          WHERE s.kind = ANY(${stepKinds}::text[]) AND s.due_at > ${startsAt} AND s.due_at <= ${endsBefore}
            AND (s.status = 'completed' OR (s.status = 'open' AND s.due_at <= ${nowParam}))
       ),
       facts AS (${eventFacts()}
         UNION ALL ${stepFacts()}
       ),
       levels AS (
         SELECT e.unit, e.month, e.case_id,
                (array_agg(e.details ->> 'level' ORDER BY e.occurred_at DESC, e.transition_seq DESC, e.position DESC))[1] AS level
           FROM events e WHERE e.action = 'case_level_set' AND ${inUnits('e.')}
          GROUP BY GROUPING SETS ((e.unit, e.month, e.case_id), (e.unit, e.case_id), (e.month, e.case_id), (e.case_id))
       )
       SELECT r.unit, COALESCE(ou.name, r.unit) AS unit_name, r.month, r.measure, r.value FROM (
         SELECT unit, month, measure, count(DISTINCT key)::int AS value FROM facts
          WHERE ${inUnits('')}
          GROUP BY GROUPING SETS ((unit, month, measure), (unit, measure), (month, measure), (measure))
         UNION ALL
         SELECT unit, month, level AS measure, count(*)::int AS value FROM levels GROUP BY unit, month, level
       ) r LEFT JOIN organisation_units ou ON ou.code = r.unit`,
      params.values,
    );
    return this.pivot(period, unit, rows);
  }

  /** One row per (unit, month) group with every measure, 0 where nothing was counted. */
  private pivot(period: ReportPeriod, unit: string | null, counts: CountRow[]): YouthReport {
    const groups = new Map<string, YouthFiguresRow>();
    const group = (unitCode: string | null, unitName: string | null, month: string | null) => {
      const key = `${unitCode ?? ''}|${month ?? ''}`;
      let figures = groups.get(key);
      if (!figures) {
        figures = {
          unit: unitCode,
          unitName: unitCode === null ? TOTAL_UNIT_NAME : (unitName ?? unitCode),
          month,
          ...(Object.fromEntries(YOUTH_MEASURES.map((measure) => [measure, 0])) as Record<YouthMeasure, number>),
        };
        groups.set(key, figures);
      }
      return figures;
    };
    for (const month of monthsOf(period.from, period.to)) group(null, null, month);
    group(null, null, null);
    for (const count of counts) {
      const measure = LEVEL_MEASURE[count.measure] ?? count.measure;
      // A level outside 1–3 (none is written) has no figure of its own.
      if (YOUTH_MEASURES.includes(measure)) group(count.unit, count.unit_name, count.month)[measure] = count.value;
    }
    const all = [...groups.values()];
    const byMonth = (a: YouthFiguresRow, b: YouthFiguresRow) => (a.month ?? '').localeCompare(b.month ?? '');
    return {
      from: period.from,
      to: period.to,
      unit,
      rows: all
        .filter((row) => row.unit !== null && row.month !== null)
        .sort((a, b) => byUnitName(a, b) || byMonth(a, b)),
      unitTotals: all.filter((row) => row.unit !== null && row.month === null).sort(byUnitName),
      monthTotals: all.filter((row) => row.unit === null && row.month !== null).sort(byMonth),
      total: groups.get('|')!,
      measures: YOUTH_MEASURES.map((measure) => ({ measure, label: youthMeasureLabel(measure) })),
    };
  }
}
