import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import type { Refusal } from '../../../../libs/domain/case/refusal';
import { describeStatus, isFinal, refuseCourseStart } from '../../../../libs/domain/exit-course/exit-course.rules';
import type { Actor } from '../../../../libs/domain/case/actor';
import type {
  ExitCourseState,
  HandoverDecisionInput,
  InterruptionInput,
  StartExitCourseInput,
  SuitabilityAssessmentInput,
} from '../../../../libs/domain/exit-course/exit-course.types';
import { findInstitution } from '../../../../libs/domain/organisations/organisation-units';
import {
  assignMentorUpdate,
  interruptCourseUpdate,
  logMentorContactUpdate,
  readModelSyncedUpdate,
  recordAgreementSignedUpdate,
  recordAssessmentInputUpdate,
  recordPrisonTransferUpdate,
  recordPsychologistCourseUpdate,
  recordSuitabilityAssessmentUpdate,
  setReleasePlanUpdate,
  changeExpectedReleaseDateUpdate,
  updateReadinessUpdate,
  recordReleaseUpdate,
  decideHandoverUpdate,
  redirectHandoverUpdate,
} from '../../../../workflows/exit-course/exit-course.messages';
import {
  EXIT_COURSE_WORKFLOW_ID_PREFIX,
  exitCourseWorkflow,
} from '../../../../workflows/exit-course/exit-course.workflow';
import { API_CONFIG } from '../api.tokens';
import { ApiError } from '../common/api-error';
import { instantOrNow } from '../common/instant-or-now';
import type {
  AgreementSignedDto,
  AssessmentInputDto,
  MentorAssignmentDto,
  MentorContactDto,
  PsychologistCourseDto,
} from './dto/agreement-support.dto';
import type { InterruptionDto } from './dto/interruption.dto';
import type {
  ExpectedReleaseDateDto,
  HandoverDecisionDto,
  HandoverRedirectDto,
  PrisonTransferDto,
  ReadinessDto,
  ReleaseDto,
  ReleasePlanDto,
} from './dto/release.dto';
import type { StartExitCourseDto } from './dto/start-exit-course.dto';
import type { SuitabilityAssessmentDto } from './dto/suitability-assessment.dto';
import { CaseDecisionsService, refusalToApiError, type StatusWording } from '../cases/case-decisions.service';
import { CaseRecordsRepository } from '../cases/case-records.repository';
import { IdempotencyKeysService, type StartResult } from '../cases/idempotency-keys.service';
import { PersonsService } from '../persons/persons.service';
import { OpenCourseReservations } from './open-course-reservations';

/** Turns API commands into Temporal workflow starts and updates. */
@Injectable()
export class ExitCourseCommandsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly reservations: OpenCourseReservations,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly idempotency: IdempotencyKeysService,
    private readonly records: CaseRecordsRepository,
  ) {}

  async start(
    dto: StartExitCourseDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    const referredAt = instantOrNow(dto.referredAt);
    refuseWithApiError(
      refuseCourseStart({ ...dto, referredAt }, new Date(), (code) => findInstitution(code) !== undefined),
    );
    if (!actsForUnit(user, dto.institutionCode)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Du kan kun starte exit-forløb for din egen institution.');
    }
    if (!(await this.persons.isVisible(dto.personRef, user))) {
      // The same answer for an unknown person and one registered only by another unit.
      throw ApiError.invalidDomainData(
        'Personen er ikke registreret. Registrér personen (POST /api/persons) og brug den personreference, du får.',
      );
    }
    const claim = await this.idempotency.claim('exit-course-start', user, idempotencyKey, dto);
    // A replay whose case is already recorded is answered from the read model alone: starting it again
    // could bring back an ended case whose run Temporal no longer keeps (retention).
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    await this.reservations.reserve(dto.personRef, claim.caseId);
    const actor: Actor = { id: user.id };
    const input: StartExitCourseInput = {
      caseId: claim.caseId,
      personRef: dto.personRef,
      institutionCode: dto.institutionCode,
      expectedReleaseDate: dto.expectedReleaseDate,
      paroleLinked: dto.paroleLinked,
      referredAt,
      deadlines: this.config.deadlines,
      actor,
    };
    const workflowId = `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${claim.caseId}`;
    try {
      await this.decisions.startCase(claim.caseId, exitCourseWorkflow, workflowId, readModelSyncedUpdate, [input]);
    } catch (error) {
      // A course already ended under this key: the read model already holds all of it.
      if (error instanceof WorkflowExecutionAlreadyStartedError && !claim.created) return claim;
      // Not started for certain (not a timeout, after which it may still start): free the person again.
      if (!(error instanceof ApiError && error.getStatus() === HttpStatus.SERVICE_UNAVAILABLE))
        await this.reservations.release(claim.caseId);
      throw error;
    }
    return claim;
  }

  recordSuitabilityAssessment(
    caseId: string,
    dto: SuitabilityAssessmentDto,
    user: AuthenticatedUser,
  ): Promise<ExitCourseState> {
    const actor: Actor = { id: user.id };
    const decidedAt = instantOrNow(dto.decidedAt);
    const input: SuitabilityAssessmentInput =
      dto.outcome === 'offer'
        ? { outcome: 'offer', decidedAt, actor }
        : { outcome: 'rejection', decidedAt, reason: dto.reason ?? '', actor };
    return this.decide(caseId, user, recordSuitabilityAssessmentUpdate, input);
  }

  interrupt(caseId: string, dto: InterruptionDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const actor: Actor = { id: user.id };
    const input: InterruptionInput = {
      by: dto.by,
      reason: dto.reason,
      interruptedAt: instantOrNow(dto.interruptedAt),
      actor,
    };
    return this.decide(caseId, user, interruptCourseUpdate, input);
  }

  recordAssessmentInput(caseId: string, dto: AssessmentInputDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = {
      party: dto.party,
      summary: dto.summary,
      recordedAt: instantOrNow(dto.recordedAt),
      actor: { id: user.id },
    };
    return this.decide(caseId, user, recordAssessmentInputUpdate, input);
  }

  recordAgreementSigned(caseId: string, dto: AgreementSignedDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = { signedAt: instantOrNow(dto.signedAt), actor: { id: user.id } };
    return this.decide(caseId, user, recordAgreementSignedUpdate, input);
  }

  assignMentor(caseId: string, dto: MentorAssignmentDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = { mentorRef: dto.mentorRef, assignedAt: instantOrNow(dto.assignedAt), actor: { id: user.id } };
    return this.decide(caseId, user, assignMentorUpdate, input);
  }

  logMentorContact(caseId: string, dto: MentorContactDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = {
      contactAt: instantOrNow(dto.contactAt),
      form: dto.form,
      durationMinutes: dto.durationMinutes,
      actor: { id: user.id },
    };
    return this.decide(caseId, user, logMentorContactUpdate, input);
  }

  recordPsychologistCourse(
    caseId: string,
    dto: PsychologistCourseDto,
    user: AuthenticatedUser,
  ): Promise<ExitCourseState> {
    const input = { event: dto.event, at: instantOrNow(dto.at), actor: { id: user.id } };
    return this.decide(caseId, user, recordPsychologistCourseUpdate, input);
  }

  recordPrisonTransfer(caseId: string, dto: PrisonTransferDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = {
      toInstitutionCode: dto.toInstitutionCode,
      transferredAt: instantOrNow(dto.transferredAt),
      actor: { id: user.id },
    };
    return this.decide(caseId, user, recordPrisonTransferUpdate, input);
  }

  setReleasePlan(caseId: string, dto: ReleasePlanDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = {
      municipalityCode: dto.municipalityCode,
      policeDistrictCode: dto.policeDistrictCode,
      actor: { id: user.id },
    };
    return this.decide(caseId, user, setReleasePlanUpdate, input);
  }

  changeExpectedReleaseDate(
    caseId: string,
    dto: ExpectedReleaseDateDto,
    user: AuthenticatedUser,
  ): Promise<ExitCourseState> {
    const input = { expectedReleaseDate: dto.expectedReleaseDate, reason: dto.reason, actor: { id: user.id } };
    return this.decide(caseId, user, changeExpectedReleaseDateUpdate, input);
  }

  updateReadiness(caseId: string, dto: ReadinessDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = { item: dto.item, ready: dto.ready, ...(dto.note ? { note: dto.note } : {}), actor: { id: user.id } };
    return this.decide(caseId, user, updateReadinessUpdate, input);
  }

  recordRelease(caseId: string, dto: ReleaseDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = {
      releasedAt: instantOrNow(dto.releasedAt),
      ...(dto.policeDistrictCode ? { policeDistrictCode: dto.policeDistrictCode } : {}),
      ...(dto.municipalityCode ? { municipalityCode: dto.municipalityCode } : {}),
      actor: { id: user.id },
    };
    return this.decide(caseId, user, recordReleaseUpdate, input);
  }

  decideHandover(caseId: string, dto: HandoverDecisionDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const common = { decidedAt: instantOrNow(dto.decidedAt), actor: { id: user.id } };
    const input: HandoverDecisionInput =
      dto.decision === 'accept'
        ? {
            decision: 'accept',
            continuation: dto.continuation!,
            ...(dto.reason ? { reason: dto.reason } : {}),
            ...common,
          }
        : { decision: 'decline', reason: dto.reason ?? '', ...common };
    return this.decide(caseId, user, decideHandoverUpdate, input);
  }

  redirectHandover(caseId: string, dto: HandoverRedirectDto, user: AuthenticatedUser): Promise<ExitCourseState> {
    const input = {
      policeDistrictCode: dto.policeDistrictCode,
      redirectedAt: instantOrNow(undefined),
      actor: { id: user.id },
    };
    return this.decide(caseId, user, redirectHandoverUpdate, input);
  }

  private decide<Input>(
    caseId: string,
    user: AuthenticatedUser,
    update: UpdateDefinition<ExitCourseState, [Input]>,
    input: Input,
  ): Promise<ExitCourseState> {
    return this.decisions.send(caseId, 'exit_course', user, update, input, EXIT_COURSE_WORDING);
  }
}

function refuseWithApiError(refusal: Refusal | undefined): void {
  if (refusal) throw refusalToApiError(refusal.kind, refusal.message);
}

const EXIT_COURSE_WORDING: StatusWording = {
  closedMessage: (status) => `Forløbet er ${describeStatus(status as ExitCourseState['status'])} og kan ikke ændres.`,
  isFinal: (status) => isFinal(status as ExitCourseState['status']),
};
