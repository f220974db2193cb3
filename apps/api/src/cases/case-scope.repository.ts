import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { isCaseId } from './case-id';

/** A case as assigning it needs it. */
export interface ScopedCase {
  id: string;
  caseType: CaseType;
  orgUnit: string;
  assigneeId: string | null;
  closed: boolean;
  writable: boolean;
}

/** Finds a case of a type only within the user's scope (the access policy's SQL condition). */
@Injectable()
export class CaseScopeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The case's workflow id and whether the user may change it, or `undefined` when there is no such case
   * the user may see (the same answer, so a case outside the scope is not revealed).
   */
  async findForUser(
    caseId: string,
    caseType: CaseType,
    user: AuthenticatedUser,
  ): Promise<{ workflowId: string; status: string; writable: boolean } | undefined> {
    if (!isCaseId(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const typeParam = params.add(caseType);
    const readable = visibleCaseCondition(user, 'c', params, 'read');
    const writable = visibleCaseCondition(user, 'c', params, 'write');
    const rows: { workflow_id: string; status: string; writable: boolean }[] = await this.dataSource.query(
      `SELECT c.workflow_id, c.status, ${writable} AS writable FROM cases c
        WHERE c.id = ${idParam} AND c.case_type = ${typeParam} AND ${readable}`,
      params.values,
    );
    return rows[0] && { workflowId: rows[0].workflow_id, status: rows[0].status, writable: rows[0].writable };
  }

  /**
   * Cases of any type the user may see, by id, with what assigning them needs (holding unit, assignee,
   * whether the user may change them); `lock` takes the rows FOR UPDATE within a transaction. A case outside
   * the scope is simply missing from the answer.
   */
  async findManyForUser(
    caseIds: readonly string[],
    user: AuthenticatedUser,
    db: Pick<DataSource, 'query'> = this.dataSource,
    lock = false,
  ): Promise<Map<string, ScopedCase>> {
    const ids = caseIds.filter(isCaseId);
    if (!ids.length) return new Map();
    const params = new SqlParameters();
    const idsParam = params.add(ids);
    const readable = visibleCaseCondition(user, 'c', params, 'read');
    const writable = visibleCaseCondition(user, 'c', params, 'write');
    const rows: {
      id: string;
      case_type: CaseType;
      org_unit: string;
      assignee_id: string | null;
      closed: boolean;
      writable: boolean;
    }[] = await db.query(
      `SELECT c.id, c.case_type, c.org_unit, c.assignee_id, c.closed_at IS NOT NULL AS closed, ${writable} AS writable
         FROM cases c WHERE c.id = ANY(${idsParam}::uuid[]) AND ${readable} ORDER BY c.id${lock ? ' FOR UPDATE OF c' : ''}`,
      params.values,
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          caseType: row.case_type,
          orgUnit: row.org_unit,
          assigneeId: row.assignee_id,
          closed: row.closed,
          writable: row.writable,
        },
      ]),
    );
  }
}
