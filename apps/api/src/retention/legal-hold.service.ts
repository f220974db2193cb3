import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, overseenCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import type { LegalHoldDto } from './retention.dto';
import type { LegalHoldView } from './retention.views';

interface HoldRow {
  legal_hold: boolean;
  legal_hold_reason: string | null;
  legal_hold_at: Date | null;
}

/** A case's legal hold: while set, the case is never listed for deletion and never erased. */
@Injectable()
export class LegalHoldService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async get(user: AuthenticatedUser, caseId: string): Promise<LegalHoldView> {
    const params = new SqlParameters();
    const id = params.add(caseId);
    const [row]: HoldRow[] = await this.dataSource.query(
      `SELECT legal_hold, legal_hold_reason, legal_hold_at FROM cases c WHERE c.id = ${id} AND ${overseenCaseCondition(user, 'c', params)}`,
      params.values,
    );
    if (!row) throw ApiError.caseNotFound(caseId);
    return toView(caseId, row);
  }

  async set(user: AuthenticatedUser, caseId: string, dto: LegalHoldDto): Promise<LegalHoldView> {
    return this.dataSource.transaction(async (db) => {
      const params = new SqlParameters();
      const id = params.add(caseId);
      const [row]: HoldRow[] = await db.query(
        `SELECT legal_hold FROM cases c WHERE c.id = ${id} AND ${overseenCaseCondition(user, 'c', params)} FOR UPDATE OF c`,
        params.values,
      );
      if (!row) throw ApiError.caseNotFound(caseId);
      if (row.legal_hold === dto.held) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'ILLEGAL_TRANSITION',
          dto.held ? 'Sagen har allerede sletningsstop.' : 'Sagen har ikke sletningsstop.',
          { caseId },
        );
      }
      const [[updated]]: [HoldRow[], number] = await db.query(
        `UPDATE cases SET legal_hold = $2, legal_hold_reason = $3, legal_hold_at = now(), updated_at = now()
          WHERE id = $1 RETURNING legal_hold, legal_hold_reason, legal_hold_at`,
        [caseId, dto.held, dto.reason],
      );
      await this.accessLog.record(
        user,
        'legal_hold_change',
        { caseId, details: { held: dto.held, reason: dto.reason } },
        db,
      );
      return toView(caseId, updated);
    });
  }
}

function toView(caseId: string, row: HoldRow): LegalHoldView {
  return {
    caseId,
    held: row.legal_hold,
    reason: row.legal_hold_reason,
    changedAt: row.legal_hold_at?.toISOString() ?? null,
  };
}
