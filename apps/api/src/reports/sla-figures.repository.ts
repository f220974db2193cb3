import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { DANISH_TIME_ZONE } from '../../../../libs/domain/time/copenhagen-calendar';
import type { ReportPeriod } from './report-period';
import { SLA_MEASURES, type SlaMeasure, type SlaMissedReasonRow, type SlaReport, type SlaRow } from './report.views';
import { MISSED_DEADLINE_REASON_LABELS, type MissedDeadlineReason } from '../../../../libs/domain/case/step-deadline';
import { byUnitName, roundedRatio } from './report-numbers';
import { SLA_MEASURE_STEPS } from './sla-measures';

interface SlaCountRow {
  kind: string;
  unit: string;
  unit_name: string;
  month: string;
  total: number;
  within_deadline: number;
}

/**
 * Share of legal deadlines kept, per measure, responsible unit and Danish month of the deadline, over
 * the cases the user may see. A step is measured in the month its deadline falls: completed on time
 * (lateness 0) is within; completed late, or still open with its deadline passed, is not; a step still
 * open before its deadline (outcome unknown) and a cancelled one are not measured.
 */
@Injectable()
export class SlaFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(period: ReportPeriod, user: AuthenticatedUser, now: Date): Promise<SlaReport> {
    const measureOfKind = new Map(
      SLA_MEASURES.filter((measure) => [undefined, user.organisation].includes(SLA_MEASURE_STEPS[measure].onlyFor)).map(
        (measure) => [SLA_MEASURE_STEPS[measure].stepKind as string, measure],
      ),
    );
    const params = new SqlParameters();
    const kinds = params.add([...measureOfKind.keys()]);
    const startsAt = params.add(period.startsAt);
    const endsBefore = params.add(period.endsBefore);
    const nowParam = params.add(now);
    const zone = params.add(DANISH_TIME_ZONE);
    const rows: SlaCountRow[] = await this.dataSource.query(
      // A day deadline ends at the next local midnight (e.g. 30.11 kl. 24.00 is stored as 1 December 00:00):
      // it belongs to the day, month and period that end there, so the instant just before counts.
      `SELECT s.kind, c.org_unit AS unit, COALESCE(min(ou.name), c.org_unit) AS unit_name, to_char((s.due_at - interval '1 microsecond') AT TIME ZONE ${zone}, 'YYYY-MM') AS month,
              count(*)::int AS total,
              count(*) FILTER (WHERE s.status = 'completed' AND COALESCE(s.lateness_seconds, 0) = 0)::int AS within_deadline
         FROM steps s JOIN cases c ON c.id = s.case_id LEFT JOIN organisation_units ou ON ou.code = c.org_unit
        WHERE s.kind = ANY(${kinds}::text[]) AND s.due_at > ${startsAt} AND s.due_at <= ${endsBefore}
          AND (s.status = 'completed' OR (s.status = 'open' AND s.due_at <= ${nowParam}))
          AND ${visibleCaseCondition(user, 'c', params, 'read', 'reported')}
        GROUP BY 1, 2, 4`,
      params.values,
    );
    const slaRows = rows.map((row) => slaRow(measureOfKind.get(row.kind)!, row));
    slaRows.sort((a, b) => a.measure.localeCompare(b.measure) || byUnitName(a, b) || a.month.localeCompare(b.month));
    return {
      from: period.from,
      to: period.to,
      rows: slaRows,
      missedReasons: await this.missedReasons(period, user, measureOfKind),
    };
  }

  /** The reasons recorded for missed legal deadlines, per measure, of steps due in the period, in the user's scope. */
  private async missedReasons(
    period: ReportPeriod,
    user: AuthenticatedUser,
    measureOfKind: Map<string, SlaMeasure>,
  ): Promise<SlaMissedReasonRow[]> {
    const params = new SqlParameters();
    const kinds = params.add([...measureOfKind.keys()]);
    const startsAt = params.add(period.startsAt);
    const endsBefore = params.add(period.endsBefore);
    const rows: { kind: string; reason: MissedDeadlineReason; count: number }[] = await this.dataSource.query(
      `SELECT s.kind, s.missed_reason AS reason, count(*)::int AS count
         FROM steps s JOIN cases c ON c.id = s.case_id
        WHERE s.kind = ANY(${kinds}::text[]) AND s.missed_reason IS NOT NULL
          AND s.due_at > ${startsAt} AND s.due_at <= ${endsBefore}
          AND ${visibleCaseCondition(user, 'c', params, 'read', 'reported')}
        GROUP BY 1, 2`,
      params.values,
    );
    return rows
      .map((row) => {
        const measure = measureOfKind.get(row.kind)!;
        return {
          measure,
          label: SLA_MEASURE_STEPS[measure].label,
          reason: row.reason,
          reasonText: MISSED_DEADLINE_REASON_LABELS[row.reason] ?? row.reason,
          count: row.count,
        };
      })
      .sort((a, b) => a.measure.localeCompare(b.measure) || b.count - a.count || a.reason.localeCompare(b.reason));
  }
}

function slaRow(measure: SlaMeasure, row: SlaCountRow): SlaRow {
  return {
    measure,
    label: SLA_MEASURE_STEPS[measure].label,
    unit: row.unit,
    unitName: row.unit_name,
    month: row.month,
    total: row.total,
    withinDeadline: row.within_deadline,
    share: row.total === 0 ? null : roundedRatio(row.within_deadline, row.total, 4),
  };
}
