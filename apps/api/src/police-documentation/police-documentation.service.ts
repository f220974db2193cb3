import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { Role } from '../../../../libs/domain/organisations/roles';
import { municipalityReference, policeDistrictReference } from '../../../../libs/domain/organisations/unit-references';
import { describeCouncilStatus } from '../../../../libs/domain/youth/network-council.rules';
import type { NetworkCouncilStatus, Suspicion } from '../../../../libs/domain/youth/network-council.types';
import type { PoliceSenderFunction } from '../../../../libs/domain/youth/youth-vocabulary';
import type { UnitLookup } from '../../../../libs/persistence/organisation-units-directory';
import { requireOwnUnit } from '../cases/case-start-checks';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { isCaseId } from '../cases/case-id';
import type { StartResult } from '../cases/idempotency-keys.service';
import { requireYouthAt } from '../cases/youth-check';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { PersonsService } from '../persons/persons.service';
import { OrganisationUnits } from '../reference/organisation-units.service';
import type { PoliceDocumentationDetailView, PoliceDocumentationView } from '../network-councils/network-council.views';
import type { SendPoliceDocumentationDto } from './police-documentation.dto';
import { OffenceText } from './offence-text';

/** Which police function a sending role is. */
const SENDER_FUNCTION: Partial<Record<Role, PoliceSenderFunction>> = {
  dks_officer: 'dks',
  police_investigator: 'investigation',
};

interface DocumentationRow {
  case_id: string;
  person_ref: string;
  org_unit: string;
  status: string;
  sender_unit: string;
  sender_function: PoliceSenderFunction;
  suspicion: Suspicion;
  sent_at: Date;
  offence_encrypted: string;
}

const COLUMNS = `d.case_id, c.person_ref, c.org_unit, c.status, d.sender_unit, d.sender_function, d.suspicion, d.sent_at, d.offence_encrypted`;

/**
 * The police's documentation to the municipality through the system: the send starts the network council in
 * the municipality (the send is the receipt); the municipality reads what arrived (its inbox), the sending
 * police district what it sent and the council's status — never the council's own contents.
 */
@Injectable()
export class PoliceDocumentationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly units: OrganisationUnits,
    private readonly offences: OffenceText,
  ) {}

  async send(
    dto: SendPoliceDocumentationDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    await requireOwnUnit(this.units, user, policeDistrictReference(dto.policeDistrictCode), {
      notOwn: 'Du kan kun sende dokumentation fra din egen politikreds.',
    });
    await this.units.requireOpen(municipalityReference(dto.municipalityCode));
    const sentAt = new Date().toISOString();
    await requireYouthAt(this.persons, dto.personRef, user, sentAt, 'da dokumentationen blev sendt');
    const senderFunction = SENDER_FUNCTION[user.role]!;
    return this.decisions.startOnce('network_council', user, idempotencyKey, dto, (caseId) => ({
      caseId,
      personRef: dto.personRef,
      municipalityCode: dto.municipalityCode,
      suspicion: dto.suspicion,
      documentationReceivedAt: sentAt,
      documentationVia: 'system',
      policeDocumentation: {
        senderUnit: dto.policeDistrictCode,
        senderFunction,
        offenceSealed: this.offences.seal(caseId, dto.offence),
      },
    }));
  }

  /** What arrived in the user's municipality, or what the user's police district sent: newest first. */
  async list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<PoliceDocumentationView>> {
    const params = new SqlParameters();
    const where = scopeOf(user, params);
    const units = await this.units.lookup();
    return pagedQuery(
      this.dataSource,
      {
        from: 'police_documentation d JOIN cases c ON c.id = d.case_id',
        where,
        params: params.values,
        select: COLUMNS,
        orderBy: 'd.sent_at DESC, d.case_id DESC',
        page,
        pageSize,
      },
      (row: DocumentationRow) => viewOf(row, units),
    );
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<PoliceDocumentationDetailView> {
    if (!isCaseId(caseId)) throw notFound(caseId);
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const rows: DocumentationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM police_documentation d JOIN cases c ON c.id = d.case_id
        WHERE d.case_id = ${idParam} AND ${scopeOf(user, params)}`,
      params.values,
    );
    if (!rows[0]) throw notFound(caseId);
    return {
      ...viewOf(rows[0], await this.units.lookup()),
      offence: this.offences.open(caseId, rows[0].offence_encrypted),
    };
  }
}

/**
 * The receiving municipality, and the sending function of the police district (DKS or the investigating
 * unit: each reads what it sent, docs/need-to-know.md), each by the user's own units.
 */
function scopeOf(user: AuthenticatedUser, params: SqlParameters): string {
  const units = params.add(user.units);
  const senderFunction = params.add(SENDER_FUNCTION[user.role] ?? null);
  return `(c.org_unit = ANY(${units}::text[]) OR (d.sender_unit = ANY(${units}::text[]) AND d.sender_function = ${senderFunction}))`;
}

function viewOf(row: DocumentationRow, units: UnitLookup): PoliceDocumentationView {
  return {
    caseId: row.case_id,
    personRef: row.person_ref,
    municipality: units.view(row.org_unit),
    sender: units.view(row.sender_unit),
    senderFunction: row.sender_function,
    suspicion: row.suspicion,
    sentAt: row.sent_at.toISOString(),
    councilStatus: row.status as NetworkCouncilStatus,
    councilStatusText: describeCouncilStatus(row.status as NetworkCouncilStatus),
  };
}

const notFound = (caseId: string): ApiError => ApiError.caseNotFound(caseId);
