import { currentWarningWindows } from '../../../../libs/domain/case/step-kinds';
import { NETWORK_COUNCIL_SLICE } from './network-council.slice';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { CLOCK_SKEW_MS } from '../../../../libs/domain/case/refusal';
import { findUnit, unitView } from '../../../../libs/domain/organisations/organisation-units';
import { describeCouncilStatus } from '../../../../libs/domain/youth/network-council.rules';
import { type NetworkCouncilStatus } from '../../../../libs/domain/youth/network-council.types';
import { API_CONFIG } from '../api.tokens';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseRecordsRepository, type CaseRecordRow } from '../cases/case-records.repository';
import { IdempotencyKeysService, type StartResult } from '../cases/idempotency-keys.service';
import { requireYouthAt } from '../cases/youth-check';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import type { NetworkCouncilSummaryView, NetworkCouncilView } from './network-council.views';
import { PersonsService } from '../persons/persons.service';
import type { StartNetworkCouncilDto } from './network-council.dto';

/** Network councils: registration with the under-18 check, decisions, and scoped reads. */
@Injectable()
export class NetworkCouncilsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
    private readonly idempotency: IdempotencyKeysService,
  ) {}

  async start(
    dto: StartNetworkCouncilDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    const receivedAt = new Date(dto.documentationReceivedAt).toISOString();
    if (findUnit(dto.municipalityCode)?.kind !== 'municipality') {
      throw ApiError.invalidDomainData(`Kommunen '${dto.municipalityCode}' kendes ikke.`);
    }
    if (!actsForUnit(user, dto.municipalityCode)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Du kan kun registrere netværkssamråd for din egen kommune.',
      );
    }
    if (Date.parse(receivedAt) > Date.now() + CLOCK_SKEW_MS) {
      throw ApiError.invalidDomainData('Modtagelsestidspunktet ligger i fremtiden.');
    }
    await requireYouthAt(
      this.persons,
      dto.personRef,
      user,
      receivedAt,
      'da dokumentationen fra politiet blev modtaget',
    );
    const claim = await this.idempotency.claim('network-council-start', user, idempotencyKey, dto);
    // A replay whose case is recorded is answered from the read model: nothing is started again.
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    const caseId = claim.caseId;
    await this.decisions.startCase('network_council', caseId, {
      caseId,
      personRef: dto.personRef,
      municipalityCode: dto.municipalityCode,
      suspicion: dto.suspicion,
      documentationReceivedAt: receivedAt,
      deadlines: this.config.deadlines,
      warningWindows: currentWarningWindows(),
      actor: { id: user.id },
    });
    return claim;
  }

  detail(caseId: string, user: AuthenticatedUser): Promise<NetworkCouncilView | undefined> {
    return this.records.scopedDetail(caseId, NETWORK_COUNCIL_SLICE, user, summary);
  }

  list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<NetworkCouncilSummaryView>> {
    return this.records.scopedList('network_council', user, page, pageSize, summary);
  }
}

function summary(row: CaseRecordRow): NetworkCouncilSummaryView {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    municipality: unitView(row.org_unit),
    status: row.status as NetworkCouncilStatus,
    statusText: describeCouncilStatus(row.status as NetworkCouncilStatus),
    documentationReceivedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
