import { HttpStatus, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { Refusal } from '../../../../libs/domain/case/refusal';
import { refuseCourseStart } from '../../../../libs/domain/exit-course/exit-course.rules';
import { institutionReference } from '../../../../libs/domain/organisations/unit-references';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { ApiError } from '../common/api-error';
import { instantOrNow } from '../common/instant-or-now';
import type { StartExitCourseDto } from './dto/start-exit-course.dto';
import { CaseDecisionsService, refusalToApiError } from '../cases/case-decisions.service';
import { CaseRecordsRepository } from '../cases/case-records.repository';
import { IdempotencyKeysService, START_OPERATIONS, type StartResult } from '../cases/idempotency-keys.service';
import { PersonsService } from '../persons/persons.service';
import { requireRegistered } from '../cases/youth-check';
import { OpenCourseReservations } from './open-course-reservations';

/** Starts exit courses: the checks before the start, the person's one open course, the idempotent start. */
@Injectable()
export class ExitCourseCommandsService {
  constructor(
    private readonly reservations: OpenCourseReservations,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly idempotency: IdempotencyKeysService,
    private readonly records: CaseRecordsRepository,
    private readonly units: OrganisationUnits,
  ) {}

  async start(
    dto: StartExitCourseDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    const referredAt = instantOrNow(dto.referredAt);
    const institution = await this.units.find(dto.institutionCode);
    refuseWithApiError(
      refuseCourseStart({ ...dto, referredAt }, new Date(), () => institution?.kind === 'institution'),
    );
    await this.units.requireOpen(institutionReference(dto.institutionCode));
    if (!actsForUnit(user, institution!)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Du kan kun starte exit-forløb for din egen institution.');
    }
    // The same answer for an unknown person and one registered only by another unit.
    await requireRegistered(this.persons, dto.personRef, user);
    const claim = await this.idempotency.claim(START_OPERATIONS.exit_course, user, idempotencyKey, dto);
    // A replay whose case is already recorded is answered from the read model alone: starting it again
    // could bring back an ended case whose run Temporal no longer keeps (retention).
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    await this.reservations.reserve(dto.personRef, claim.caseId);
    const input = this.decisions.startInput(claim.caseId, user, (caseId) => ({
      caseId,
      personRef: dto.personRef,
      institutionCode: dto.institutionCode,
      expectedReleaseDate: dto.expectedReleaseDate,
      paroleLinked: dto.paroleLinked,
      referredAt,
    }));
    try {
      await this.decisions.startCase('exit_course', claim.caseId, input);
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
}

function refuseWithApiError(refusal: Refusal | undefined): void {
  if (refusal) throw refusalToApiError(refusal.kind, refusal.message);
}
