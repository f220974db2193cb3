import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataProtectionScopeCondition, SqlParameters } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { accessRequestFacts } from '../../../../libs/domain/access-request/access-request.decisions';
import type { AccessRequestDecisionName } from '../../../../libs/domain/access-request/access-request.decisions';
import {
  ACCESS_REQUEST_CHANNEL_LABELS,
  ACCESS_REQUEST_OUTCOME_LABELS,
  ACCESS_REQUEST_STATUS,
  WITHHOLDING_GROUND_LABELS,
  type AccessRequestChannel,
  type AccessRequestOutcome,
  type AccessRequestStatus,
  type StartAccessRequestInput,
  type WithholdingGround,
} from '../../../../libs/domain/access-request/access-request.types';
import { caseWorkflowId } from '../../../../libs/domain/case/case-workflows';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import { checkCpr, maskCpr } from '../../../../libs/personal-data/cpr';
import { decryptField, encryptField, keyIdOf, lookupHash } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import { availableDecisionsOf } from '../cases/available-decisions';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseRecordsRepository } from '../cases/case-records.repository';
import { refuseFutureMoment } from '../cases/case-start-checks';
import { isCaseId } from '../cases/case-id';
import { IdempotencyKeysService, START_OPERATIONS, type StartResult } from '../cases/idempotency-keys.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import type { StartAccessRequestDto } from './access-request.dto';
import { AccessRequestExport, type AccessExport } from './access-request-export';
import { ACCESS_REQUEST_SLICE } from './access-request.slice';
import type { AccessRequestSummaryView, AccessRequestView } from './access-request.views';

/** What an access request's encrypted CPR number is bound to: a ciphertext copied elsewhere does not decrypt. */
const requestCprField = (caseId: string) => `access_requests.cpr:${caseId}`;

/** The unit an organisation-wide officer's requests are held by: no unit of the register, its organisation's. */
export function dataProtectionUnitOf(user: AuthenticatedUser): string {
  return user.units[0] ?? `DPO-${user.organisation.toUpperCase()}`;
}

interface RequestRow {
  id: string;
  workflow_id: string;
  status: AccessRequestStatus;
  closed_at: Date | null;
  channel: AccessRequestChannel;
  received_at: Date;
  cpr_encrypted: string;
  cpr_lookup: string;
  due_at: Date;
  overdue: boolean;
}

const REQUEST_FROM = `cases c JOIN access_requests r ON r.case_id = c.id
  JOIN LATERAL (SELECT s.due_at, (s.status = 'open' AND s.due_at <= now()) AS overdue FROM steps s
                 WHERE s.case_id = c.id AND s.kind = 'access_request_answer' ORDER BY s.opened_at DESC LIMIT 1) st ON TRUE`;
const REQUEST_COLUMNS = `c.id, c.workflow_id, c.status, c.closed_at, r.channel, r.received_at, r.cpr_encrypted, r.cpr_lookup, st.due_at, st.overdue`;

/**
 * A person's requests for access: registered by the organisation's data-protection officer, answered within
 * the officer's scope (`dataProtectionScopeCondition`), and the export of what that scope holds.
 */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly decisions: CaseDecisionsService,
    private readonly idempotency: IdempotencyKeysService,
    private readonly records: CaseRecordsRepository,
    private readonly exporter: AccessRequestExport,
  ) {}

  /**
   * Registers the request and starts its case once per Idempotency-Key. The CPR number goes to the
   * `access_requests` row only (encrypted, and its lookup hash); the key's request hash is taken of the
   * lookup hash, never of the number itself.
   */
  async start(dto: StartAccessRequestDto, idempotencyKey: string | undefined, user: AuthenticatedUser) {
    const check = checkCpr(dto.cpr);
    if (!check.ok) throw ApiError.invalidDomainData(check.message);
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt).toISOString() : new Date().toISOString();
    refuseFutureMoment(receivedAt, 'Tidspunktet for modtagelsen ligger i fremtiden.');
    const { keyring, hmacKey } = this.config.personalData;
    const cprLookup = lookupHash(check.normalized, hmacKey);
    const claim: StartResult = await this.idempotency.claim(START_OPERATIONS.access_request, user, idempotencyKey, {
      cprLookup,
      // As sent: a replay without a moment is the same request, whenever it comes.
      receivedAt: dto.receivedAt ?? null,
      channel: dto.channel,
    });
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    const orgUnit = dataProtectionUnitOf(user);
    const cprEncrypted = encryptField(check.normalized, keyring, requestCprField(claim.caseId));
    await this.dataSource.query(
      `INSERT INTO access_requests (case_id, cpr_encrypted, key_id, cpr_lookup, channel, received_at, organisation, org_unit, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (case_id) DO NOTHING`,
      [
        claim.caseId,
        cprEncrypted,
        keyIdOf(cprEncrypted),
        cprLookup,
        dto.channel,
        receivedAt,
        user.organisation,
        orgUnit,
        user.id,
      ],
    );
    await this.decisions.startCase(
      'access_request',
      claim.caseId,
      this.decisions.startInput(
        claim.caseId,
        user,
        (caseId): Omit<StartAccessRequestInput, 'deadlines' | 'warningWindows' | 'actor'> => ({
          caseId,
          orgUnit,
          organisation: user.organisation as Organisation,
          channel: dto.channel,
          receivedAt,
        }),
      ),
    );
    return claim;
  }

  async list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<AccessRequestSummaryView>> {
    const params = new SqlParameters();
    const where = `c.case_type = 'access_request' AND ${dataProtectionScopeCondition(user, 'c', params)}`;
    return pagedQuery(
      this.dataSource,
      {
        from: REQUEST_FROM,
        where,
        params: params.values,
        select: REQUEST_COLUMNS,
        orderBy: 'r.received_at DESC, c.id DESC',
        page,
        pageSize,
      },
      (row: RequestRow) => this.summaryOf(row),
    );
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<AccessRequestView | undefined> {
    const row = await this.scoped(caseId, user);
    if (!row) return undefined;
    const progress = await this.records.progress(caseId);
    const [answer]: { reason: string | null; details: Record<string, string | null>; occurred_at: Date }[] =
      await this.dataSource.query(
        `SELECT reason, details, occurred_at FROM case_events
          WHERE case_id = $1 AND action = 'access_request_decided' ORDER BY transition_seq DESC LIMIT 1`,
        [caseId],
      );
    const [{ months }]: { months: number }[] = await this.dataSource.query(
      `SELECT COALESCE(max((details->>'months')::int), 0) AS months FROM case_events
        WHERE case_id = $1 AND action = 'access_request_extended'`,
      [caseId],
    );
    const facts = accessRequestFacts({
      caseId,
      status: row.status,
      receivedAt: row.received_at.toISOString(),
      steps: [],
      extensionMonths: months,
    });
    const ground = (answer?.details.withholdingGround ?? null) as WithholdingGround | null;
    const outcome = answer?.details.outcome as AccessRequestOutcome | undefined;
    return {
      ...this.summaryOf(row),
      cpr: this.cprOf(row).replace(/^(\d{6})(\d{4})$/, '$1-$2'),
      extensionMonths: months,
      answer:
        answer && outcome
          ? {
              outcome,
              outcomeText: ACCESS_REQUEST_OUTCOME_LABELS[outcome],
              withholdingGround: ground,
              withholdingGroundText: ground ? WITHHOLDING_GROUND_LABELS[ground] : null,
              reason: answer.reason,
              decidedAt: answer.occurred_at.toISOString(),
            }
          : null,
      ...progress,
      availableDecisions: availableDecisionsOf(ACCESS_REQUEST_SLICE, facts, user, true),
    };
  }

  /** A decision on a request in the officer's scope (404 outside it); the workflow's rule decides 409/422. */
  async decide(name: AccessRequestDecisionName, caseId: string, body: object, user: AuthenticatedUser): Promise<void> {
    const route = ACCESS_REQUEST_SLICE.routes[name];
    const input = route.toInput(body as never, { id: user.id }, user);
    const row = await this.scoped(caseId, user);
    if (!row) throw ApiError.caseNotFound(caseId);
    await this.decisions.sendUpdate(
      caseId,
      { workflowId: caseWorkflowId('access_request', caseId), status: row.status },
      ACCESS_REQUEST_SLICE.decisions[name].update,
      input,
      ACCESS_REQUEST_SLICE,
    );
  }

  /** The export of what the officer's scope holds about the request's person; `undefined` outside the scope. */
  async export(caseId: string, user: AuthenticatedUser): Promise<AccessExport | undefined> {
    const row = await this.scoped(caseId, user);
    if (!row) return undefined;
    const cpr = this.cprOf(row);
    return this.exporter.gather(caseId, `${cpr.slice(0, 6)}-${cpr.slice(6)}`, row.cpr_lookup, user);
  }

  private async scoped(caseId: string, user: AuthenticatedUser): Promise<RequestRow | undefined> {
    if (!isCaseId(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const rows: RequestRow[] = await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM}
        WHERE c.id = ${idParam} AND c.case_type = 'access_request' AND ${dataProtectionScopeCondition(user, 'c', params)}`,
      params.values,
    );
    return rows[0];
  }

  private cprOf(row: RequestRow): string {
    return decryptField(row.cpr_encrypted, this.config.personalData.keyring, requestCprField(row.id));
  }

  private summaryOf(row: RequestRow): AccessRequestSummaryView {
    return {
      id: row.id,
      workflowId: row.workflow_id,
      maskedCpr: maskCpr(this.cprOf(row)),
      channel: row.channel,
      channelText: ACCESS_REQUEST_CHANNEL_LABELS[row.channel],
      receivedAt: row.received_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      overdue: row.overdue,
      status: row.status,
      statusText: ACCESS_REQUEST_STATUS.text(row.status),
      closedAt: row.closed_at?.toISOString() ?? null,
    };
  }
}
