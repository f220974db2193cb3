import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { isCaseId } from './case-id';

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
