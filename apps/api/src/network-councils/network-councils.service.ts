import { NETWORK_COUNCIL_SLICE } from './network-council.slice';
import { refuseFutureMoment, requireOwnUnit } from '../cases/case-start-checks';
import { caseLevelFields } from '../youth-cases/case-level.views';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  NETWORK_COUNCIL_DECISIONS,
  type NetworkCouncilDecisionName,
  type NetworkCouncilFacts,
} from '../../../../libs/domain/youth/network-council.decisions';
import { CaseScopeRepository } from '../cases/case-scope.repository';
import { ApiError } from '../common/api-error';
import { CouncilActionPlanRepository } from './council-action-plan.repository';
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
import type { InitiativeFollowUpDto, StartNetworkCouncilDto } from './network-council.dto';

/** Network councils: registration with the under-18 check, decisions, and scoped reads. */
@Injectable()
export class NetworkCouncilsService {
  constructor(
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
    private readonly units: OrganisationUnits,
    private readonly scope: CaseScopeRepository,
    private readonly actionPlan: CouncilActionPlanRepository,
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
      // The documentation arrived outside the system: the municipality registers it here.
      documentationVia: 'outside_system',
    }));
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<NetworkCouncilView | undefined> {
    const units = await this.units.lookup();
    const view = await this.records.scopedDetail(caseId, NETWORK_COUNCIL_SLICE, user, summaryIn(units));
    if (!view) return undefined;
    const plan = await this.actionPlan.of(caseId, units);
    const facts: NetworkCouncilFacts = { status: view.status, released: plan.releasedAt !== null };
    return {
      ...view,
      ...plan,
      // The council's table decides with every fact the council has (the kernel lists by status alone); the
      // youth decisions (level, 18+ handover) were decided by the kernel already.
      availableDecisions: view.availableDecisions.filter((decision) => {
        const council = NETWORK_COUNCIL_DECISIONS[decision.name as NetworkCouncilDecisionName];
        return council === undefined || council.allowedIn(facts);
      }),
    };
  }

  /**
   * An initiative's follow-up: the council's municipality (write access) follows up any of its initiatives,
   * an owner that only reads the council its own unit's (403 otherwise; 404 outside the scope).
   */
  async followUp(caseId: string, dto: InitiativeFollowUpDto, user: AuthenticatedUser): Promise<void> {
    const found = await this.scope.findForUser(caseId, 'network_council', user);
    if (!found) throw ApiError.caseNotFound(caseId);
    if (!found.writable) {
      const owner = await this.actionPlan.ownerOf(caseId, dto.initiativeId);
      if (!owner || !user.units.includes(owner)) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          'Din enhed kan kun følge op på de initiativer i handleplanen, den selv ejer.',
        );
      }
    }
    await this.decisions.decide(NETWORK_COUNCIL_SLICE, 'initiative-follow-up', caseId, dto, user);
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
