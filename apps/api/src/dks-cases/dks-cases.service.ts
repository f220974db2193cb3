import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actsForUnit, SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/roles';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { CLOCK_SKEW_MS } from '../../../../libs/domain/exit-course/exit-course.rules';
import { findUnit } from '../../../../libs/domain/organisations/organisation-units';
import { describeDksStatus } from '../../../../libs/domain/youth/dks-case.rules';
import type { DksCaseState, DksCaseStatus } from '../../../../libs/domain/youth/dks-case.types';
import { FINAL_DKS_CASE_STATUSES } from '../../../../libs/domain/youth/dks-case.types';
import { ageOn } from '../../../../libs/personal-data/cpr';
import {
  dksReadModelSyncedUpdate,
  planHomeVisitUpdate,
  recordDksAssessmentUpdate,
  recordFollowUpCheckUpdate,
  recordHomeVisitUpdate,
} from '../../../../workflows/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../../../workflows/dks-case.workflow';
import { API_CONFIG } from '../api.tokens';
import { CaseDecisionsService, type StatusWording } from '../cases/case-decisions.service';
import { CaseRecordsRepository } from '../cases/case-records.repository';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import type { HistoryEntry, StepView } from '../exit-courses/exit-course.views';
import { PersonsService } from '../persons/persons.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';
import type { DksAssessmentDto, FollowUpCheckDto, HomeVisitDto, HomeVisitPlanDto, StartDksCaseDto } from './dks-case.dto';

export interface DksCaseView {
  id: string;
  workflowId: string;
  personRef: string;
  policeDistrict: { code: string; name: string };
  status: DksCaseStatus;
  statusText: string;
  triggeredAt: string;
  closedAt: string | null;
  openSteps: StepView[];
  steps: StepView[];
  history: HistoryEntry[];
  historyTotal: number;
}

const DKS_WORDING: StatusWording = {
  closedMessage: (status) => `Sagen er ${describeDksStatus(status as DksCaseStatus)} og kan ikke ændres.`,
  isFinal: (status) => FINAL_DKS_CASE_STATUSES.includes(status as DksCaseStatus),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** DKS cases: registration with the under-18 check, decisions, and scoped reads. */
@Injectable()
export class DksCasesService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly dataSource: DataSource,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly records: CaseRecordsRepository,
  ) {}

  async start(dto: StartDksCaseDto, user: AuthenticatedUser): Promise<string> {
    const triggeredAt = (dto.triggeredAt ? new Date(dto.triggeredAt) : new Date()).toISOString();
    if (findUnit(dto.policeDistrictCode)?.kind !== 'police_district') {
      throw ApiError.invalidDomainData(`Politikredsen '${dto.policeDistrictCode}' kendes ikke.`);
    }
    if (!actsForUnit(user, dto.policeDistrictCode)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Du kan kun registrere sager for din egen politikreds.');
    }
    if (Date.parse(triggeredAt) > Date.now() + CLOCK_SKEW_MS) {
      throw ApiError.invalidDomainData('Tidspunktet for sigtelsen eller observationen ligger i fremtiden.');
    }
    const birthDate = await this.persons.birthDateOf(dto.personRef, user);
    if (!birthDate) {
      throw ApiError.invalidDomainData('Personen er ikke registreret. Registrér personen (POST /api/persons) og brug den personreference, du får.');
    }
    const age = ageOn(birthDate, new Date(triggeredAt));
    if (age >= 18) {
      throw ApiError.invalidDomainData(
        `Personen var ${age} år på tidspunktet for sigtelsen eller observationen; DKS-vurderingen gælder unge under 18.`,
      );
    }
    const caseId = randomUUID();
    await this.decisions.withinCommandTimeout(caseId, () =>
      this.client.workflow.executeUpdateWithStart(dksReadModelSyncedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(dksCaseWorkflow, {
          workflowId: `${DKS_CASE_WORKFLOW_ID_PREFIX}${caseId}`,
          taskQueue: this.config.temporal.taskQueue,
          args: [
            {
              caseId,
              personRef: dto.personRef,
              policeDistrictCode: dto.policeDistrictCode,
              trigger: dto.trigger,
              triggeredAt,
              deadlines: this.config.deadlines,
              actor: { id: user.id },
            },
          ],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
    return caseId;
  }

  assess(caseId: string, dto: DksAssessmentDto, user: AuthenticatedUser) {
    const input = { concernConversation: dto.concernConversation, reason: dto.reason, decidedAt: instant(dto.decidedAt), actor: { id: user.id } };
    return this.decide(caseId, user, recordDksAssessmentUpdate, input);
  }

  planHomeVisit(caseId: string, dto: HomeVisitPlanDto, user: AuthenticatedUser) {
    return this.decide(caseId, user, planHomeVisitUpdate, { plannedFor: instant(dto.plannedFor), actor: { id: user.id } });
  }

  recordHomeVisit(caseId: string, dto: HomeVisitDto, user: AuthenticatedUser) {
    const input = { heldAt: instant(dto.heldAt), withSocialServices: dto.withSocialServices, initiatives: dto.initiatives, actor: { id: user.id } };
    return this.decide(caseId, user, recordHomeVisitUpdate, input);
  }

  recordFollowUp(caseId: string, dto: FollowUpCheckDto, user: AuthenticatedUser) {
    return this.decide(caseId, user, recordFollowUpCheckUpdate, { checkedAt: instant(dto.checkedAt), findings: dto.findings, actor: { id: user.id } });
  }

  private decide<Input>(caseId: string, user: AuthenticatedUser, update: UpdateDefinition<DksCaseState, [Input]>, input: Input) {
    return this.decisions.send(caseId, 'dks_assessment', user, update, input, DKS_WORDING);
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<DksCaseView | undefined> {
    if (!UUID.test(caseId)) return undefined;
    const params = new SqlParameters();
    const idParam = params.add(caseId);
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at FROM cases c
        WHERE c.id = ${idParam} AND c.case_type = 'dks_assessment' AND ${visibleCaseCondition(user, 'c', params)}`,
      params.values,
    );
    if (!rows[0]) return undefined;
    const [steps, history] = await Promise.all([this.records.steps(caseId), this.records.history(caseId, 1, 50)]);
    return { ...summary(rows[0]), openSteps: steps.filter((step) => step.status === 'open'), steps, history: history.items, historyTotal: history.total };
  }

  async list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<ReturnType<typeof summary>>> {
    const params = new SqlParameters();
    const where = `c.case_type = 'dks_assessment' AND ${visibleCaseCondition(user, 'c', params)}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM cases c WHERE ${where}`, params.values);
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at FROM cases c WHERE ${where}
        ORDER BY c.created_at DESC, c.id DESC LIMIT ${params.add(pageSize)} OFFSET ${params.add((page - 1) * pageSize)}`,
      params.values,
    );
    return { items: rows.map(summary), page, pageSize, total };
  }
}

interface CaseRow {
  id: string;
  workflow_id: string;
  person_ref: string;
  org_unit: string;
  status: DksCaseStatus;
  opened_at: Date;
  closed_at: Date | null;
}

function summary(row: CaseRow) {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    policeDistrict: { code: row.org_unit, name: findUnit(row.org_unit)?.name ?? row.org_unit },
    status: row.status,
    statusText: describeDksStatus(row.status),
    triggeredAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

function instant(value: string | undefined): string {
  return (value ? new Date(value) : new Date()).toISOString();
}
