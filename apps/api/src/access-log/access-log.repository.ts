import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accessLogCaseCondition, accessLogPersonCondition, SqlParameters } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { CASE_TYPE_LABELS } from '../../../../libs/domain/case/step-kinds';
import { ROLE_LABELS, type Role } from '../../../../libs/domain/organisations/roles';
import { addCalendarDays, parseLocalDate, startOfDanishDay } from '../../../../libs/domain/time/copenhagen-calendar';
import type { PersonalDataRead } from '../audit/access-log.service';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { ACCESS_LOG_ACTION_LABELS } from './access-log-actions';
import type { AccessLogQuery } from './access-log.query';
import type { AccessLogEntryView } from './access-log.views';

interface EntryRow {
  id: string;
  at: Date;
  user_id: string;
  display_name: string | null;
  role: Role;
  units: { code: string; name: string }[];
  action: PersonalDataRead;
  case_id: string | null;
  case_type: CaseType | null;
}

const ENTRY_COLUMNS = `l.id::text AS id, l.at, l.user_id, u.display_name, l.role, l.action, c.id AS case_id, c.case_type,
  (SELECT COALESCE(json_agg(json_build_object('code', x.code, 'name', COALESCE(ou.name, x.code)) ORDER BY x.n), '[]')
     FROM unnest(u.units) WITH ORDINALITY AS x(code, n) LEFT JOIN organisation_units ou ON ou.code = x.code) AS units`;

/**
 * Who read a case or a person, from the append-only `access_log`, newest first: only for a case or a person
 * within the reader's access-log scope (the access policy's conditions), so anything else is not found.
 */
@Injectable()
export class AccessLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the case lies in the user's access-log scope. */
  async caseInScope(caseId: string, user: AuthenticatedUser): Promise<boolean> {
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM cases c WHERE c.id = ${idParam} AND ${accessLogCaseCondition(user, 'c', params)}`,
      params.values,
    );
    return rows.length > 0;
  }

  /** The person's cases in the user's access-log scope, or `undefined` when the person is not in it. */
  async personCasesInScope(personRef: string, user: AuthenticatedUser): Promise<string[] | undefined> {
    const params = new SqlParameters();
    const refParam = params.add(personRef);
    const persons: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM persons p WHERE p.id::text = ${refParam} AND ${accessLogPersonCondition(user, 'p', params)}`,
      params.values,
    );
    if (!persons.length) return undefined;
    const caseParams = new SqlParameters();
    const caseRef = caseParams.add(personRef);
    const cases: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM cases c WHERE c.person_ref = ${caseRef} AND ${accessLogCaseCondition(user, 'c', caseParams)}`,
      caseParams.values,
    );
    return cases.map((row) => row.id);
  }

  caseLog(caseId: string, query: AccessLogQuery): Promise<Page<AccessLogEntryView>> {
    const params = new SqlParameters();
    const where = [`l.case_id = ${params.add(caseId)}`, ...filters(query, params)];
    return this.page(where, params, query, `c.id = l.case_id`);
  }

  /**
   * The rows about the person directly, read by users of the reader's own organisation (another
   * organisation's interest in a person is not the reader's to know), and every row about one of the
   * person's cases the reader may see. A row names its case only when it is one of those.
   */
  personLog(
    personRef: string,
    caseIds: readonly string[],
    user: AuthenticatedUser,
    query: AccessLogQuery,
  ): Promise<Page<AccessLogEntryView>> {
    const params = new SqlParameters();
    const casesParam = params.add(caseIds);
    const direct =
      `l.person_ref = ${params.add(personRef)} AND EXISTS (SELECT 1 FROM users ru ` +
      `WHERE ru.id::text = l.user_id AND ru.organisation = ${params.add(user.organisation)})`;
    const where = [`(l.case_id = ANY(${casesParam}::uuid[]) OR (${direct}))`, ...filters(query, params)];
    return this.page(where, params, query, `c.id = l.case_id AND c.id = ANY(${casesParam}::uuid[])`);
  }

  private page(
    where: string[],
    params: SqlParameters,
    query: AccessLogQuery,
    caseJoin: string,
  ): Promise<Page<AccessLogEntryView>> {
    return pagedQuery(
      this.dataSource,
      {
        from: 'access_log l',
        where: where.join(' AND '),
        params: params.values,
        select: ENTRY_COLUMNS,
        join: `LEFT JOIN users u ON u.id::text = l.user_id LEFT JOIN cases c ON ${caseJoin}`,
        orderBy: 'l.at DESC, l.id DESC',
        page: query.page,
        pageSize: query.pageSize,
      },
      (row: EntryRow) => ({
        id: row.id,
        at: row.at.toISOString(),
        user: {
          id: row.user_id,
          displayName: row.display_name,
          role: row.role,
          roleLabel: ROLE_LABELS[row.role] ?? row.role,
          units: row.units,
        },
        action: row.action,
        actionLabel: ACCESS_LOG_ACTION_LABELS[row.action] ?? row.action,
        case: row.case_id
          ? { id: row.case_id, caseType: row.case_type!, caseTypeLabel: CASE_TYPE_LABELS[row.case_type!] }
          : null,
      }),
    );
  }
}

/** The period (Danish calendar days, inclusive) and the user the log is filtered by. */
function filters(query: AccessLogQuery, params: SqlParameters): string[] {
  const conditions: string[] = [];
  const from = query.from ? parseLocalDate(query.from) : undefined;
  const to = query.to ? parseLocalDate(query.to) : undefined;
  if (from) conditions.push(`l.at >= ${params.add(startOfDanishDay(from))}`);
  if (to) conditions.push(`l.at < ${params.add(startOfDanishDay(addCalendarDays(to, 1)))}`);
  if (query.userId) conditions.push(`l.user_id = ${params.add(query.userId.toLowerCase())}`);
  return conditions;
}
