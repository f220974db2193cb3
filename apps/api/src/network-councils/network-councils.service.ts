import { NETWORK_COUNCIL_SLICE } from './network-council.slice';
import { refuseFutureMoment, requireOwnUnit } from '../cases/case-start-checks';
import { Injectable } from '@nestjs/common';
import { caseLevelFields } from '../youth-cases/case-level.views';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { UnitLookup } from '../../../../libs/persistence/organisation-units-directory';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { municipalityReference } from '../../../../libs/domain/organisations/unit-references';
import { describeCouncilStatus } from '../../../../libs/domain/youth/network-council.rules';
import { type NetworkCouncilStatus } from '../../../../libs/domain/youth/network-council.types';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { CaseRecordsRepository, type CaseRecordRow } from '../cases/case-records.repository';
import { type StartResult } from '../cases/idempotency-keys.service';
import { requireYouthAt } from '../cases/youth-check';
import type { Page } from '../common/page';
import type { NetworkCouncilSummaryView, NetworkCouncilView } from './network-council.views';
import { PersonsService } from '../persons/persons.service';
import type { StartNetworkCouncilDto } from './network-council.dto';

/** Network councils: registration with the under-18 check, decisions, and scoped reads. */
@Injectable()
export class NetworkCouncilsService {
  constructor(
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
    private readonly units: OrganisationUnits,
  ) {}

  async start(
    dto: StartNetworkCouncilDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    const receivedAt = new Date(dto.documentationReceivedAt).toISOString();
    await requireOwnUnit(this.units, user, municipalityReference(dto.municipalityCode), {
      notOwn: 'Du kan kun registrere netværkssamråd for din egen kommune.',
    });
    refuseFutureMoment(receivedAt, 'Modtagelsestidspunktet ligger i fremtiden.');
    const birthDate = await requireYouthAt(
      this.persons,
      dto.personRef,
      user,
      receivedAt,
      'da dokumentationen fra politiet blev modtaget',
    );
    return this.decisions.startOnce('network_council', user, idempotencyKey, dto, (caseId) => ({
      caseId,
      personRef: dto.personRef,
      municipalityCode: dto.municipalityCode,
      suspicion: dto.suspicion,
      documentationReceivedAt: receivedAt,
      birthDate,
    }));
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<NetworkCouncilView | undefined> {
    return this.records.scopedDetail(caseId, NETWORK_COUNCIL_SLICE, user, summaryIn(await this.units.lookup()));
  }

  async list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<NetworkCouncilSummaryView>> {
    return this.records.scopedList('network_council', user, page, pageSize, summaryIn(await this.units.lookup()));
  }
}

const summaryIn =
  (units: UnitLookup) =>
  (row: CaseRecordRow): NetworkCouncilSummaryView => ({
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    municipality: units.view(row.org_unit),
    status: row.status as NetworkCouncilStatus,
    statusText: describeCouncilStatus(row.status as NetworkCouncilStatus),
    documentationReceivedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    ...caseLevelFields(row.case_level),
  });
