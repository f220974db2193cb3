import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { ApiError } from '../common/api-error';
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

/** A case the user may see: its workflow id, type, status, and whether the user may change it. */
export interface CaseInScope {
  workflowId: string;
  caseType: CaseType;
  status: string;
  writable: boolean;
}

/** 403 for a case the user may see but not change (its unit holds it read-only). */
export function requireWritable(found: { writable: boolean }): void {
  if (!found.writable) {
    throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Din enhed har kun læseadgang til denne sag.');
  }
}

/** Finds a case of a type only within the user's scope (the access policy's SQL condition). */
@Injectable()
export class CaseScopeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The case's workflow id and whether the user may change it, or `undefined` when there is no such case
   * the user may see (the same answer, so a case outside the scope is not revealed).
   */
  findForUser(caseId: string, caseType: CaseType, user: AuthenticatedUser): Promise<CaseInScope | undefined> {
    return this.find(caseId, caseType, user);
  }

  /** The same for a case of any type (the case journal and documents, which every case type has). */
  findAnyForUser(caseId: string, user: AuthenticatedUser): Promise<CaseInScope | undefined> {
    return this.find(caseId, undefined, user);
  }

  private async find(
    caseId: string,
    caseType: CaseType | undefined,
    user: AuthenticatedUser,
  ): Promise<CaseInScope | undefined> {
    if (!isCaseId(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const typeCondition = caseType ? ` AND c.case_type = ${params.add(caseType)}` : '';
    const readable = visibleCaseCondition(user, 'c', params, 'read');
    const writable = visibleCaseCondition(user, 'c', params, 'write');
    const rows: { workflow_id: string; case_type: CaseType; status: string; writable: boolean }[] =
      await this.dataSource.query(
        `SELECT c.workflow_id, c.case_type, c.status, ${writable} AS writable FROM cases c
          WHERE c.id = ${idParam}${typeCondition} AND ${readable}`,
        params.values,
      );
    const row = rows[0];
    return row && { workflowId: row.workflow_id, caseType: row.case_type, status: row.status, writable: row.writable };
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

  /**
   * A case of any type within the user's scope, with the step named (`undefined` for no such case, and
   * `step: undefined` for a step the case does not have), for the kernel's deadline decisions.
   */
  async findStepForUser(
    caseId: string,
    stepId: string,
    user: AuthenticatedUser,
  ): Promise<
    | {
        caseType: CaseType;
        workflowId: string;
        status: string;
        writable: boolean;
        step?: { kind: string };
      }
    | undefined
  > {
    if (!isCaseId(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const stepParam = params.add(isCaseId(stepId) ? stepId : null);
    const readable = visibleCaseCondition(user, 'c', params, 'read');
    const writable = visibleCaseCondition(user, 'c', params, 'write');
    const rows: { case_type: CaseType; workflow_id: string; status: string; writable: boolean; kind: string | null }[] =
      await this.dataSource.query(
        `SELECT c.case_type, c.workflow_id, c.status, ${writable} AS writable, s.kind
           FROM cases c LEFT JOIN steps s ON s.case_id = c.id AND s.id = ${stepParam}::uuid
          WHERE c.id = ${idParam} AND ${readable}`,
        params.values,
      );
    const row = rows[0];
    if (!row) return undefined;
    return {
      caseType: row.case_type,
      workflowId: row.workflow_id,
      status: row.status,
      writable: row.writable,
      ...(row.kind ? { step: { kind: row.kind } } : {}),
    };
  }
}
