import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ENDING_NAMES, ENDINGS, OTHER_REASON, endingOfAction } from '../../../../libs/domain/case/ending-reasons';
import type { ReportPeriod } from './report-period';
import type { EndingReasonsReport } from './report.views';

interface CountRow {
  action: string;
  reason_code: string;
  endings: number;
}

/**
 * The period's endings (and declined handovers) per reason code, over the cases the user may see: every
 * decision that takes one counts once, at the moment the user stated (`occurred_at`). An event recorded
 * before reason codes has none: its free text counts under `other` (docs/figures.md).
 */
@Injectable()
export class EndingReasonsFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(period: ReportPeriod, user: AuthenticatedUser): Promise<EndingReasonsReport> {
    const params = new SqlParameters();
    const startsAt = params.add(period.startsAt);
    const endsBefore = params.add(period.endsBefore);
    const actions = params.add(ENDING_NAMES.map((ending) => ENDINGS[ending].action));
    const other = params.add(OTHER_REASON);
    const rows: CountRow[] = await this.dataSource.query(
      `SELECT e.action, COALESCE(e.reason_code, ${other}) AS reason_code, count(*)::int AS endings
         FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE e.action = ANY(${actions}::text[]) AND e.occurred_at >= ${startsAt} AND e.occurred_at < ${endsBefore}
          AND ${visibleCaseCondition(user, 'c', params, 'read', 'reported')}
          -- Two decisions end a case only one way: a handover accepted to close the course, an assessment
          -- without a concern conversation (their other outcomes carry no reason code).
          AND NOT (e.action = 'handover_accepted' AND e.details ->> 'continuation' IS DISTINCT FROM 'closed')
          AND NOT (e.action = 'dks_assessed' AND e.details ->> 'concernConversation' IS DISTINCT FROM 'false')
        GROUP BY 1, 2`,
      params.values,
    );
    const countOf = (action: string, code: string) =>
      rows.find((row) => row.action === action && row.reason_code === code)?.endings ?? 0;
    return {
      from: period.from,
      to: period.to,
      endings: ENDING_NAMES.map((ending) => {
        const { action, label, caseType, reasons } = ENDINGS[ending];
        // A code no longer on the list (never expected) is still counted, under its code.
        const unlisted = rows
          .filter(
            (row) =>
              endingOfAction(row.action) === ending && !Object.prototype.hasOwnProperty.call(reasons, row.reason_code),
          )
          .map((row) => row.reason_code);
        const counted = [
          ...Object.entries(reasons).map(([reasonCode, reasonLabel]) => ({
            reasonCode,
            label: reasonLabel,
            count: countOf(action, reasonCode),
          })),
          ...unlisted.map((reasonCode) => ({ reasonCode, label: reasonCode, count: countOf(action, reasonCode) })),
        ];
        return {
          ending,
          label,
          caseType,
          total: counted.reduce((sum, reason) => sum + reason.count, 0),
          reasons: counted,
        };
      }),
    };
  }
}
