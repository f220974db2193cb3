import { HttpStatus, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { Refusal } from '../../../../libs/domain/case/refusal';
import { refuseCourseStart, refuseOutsidePrisonStart } from '../../../../libs/domain/exit-course/exit-course.rules';
import type { OutsidePrisonStart, StartExitCourseInput } from '../../../../libs/domain/exit-course/exit-course.types';
import {
  institutionReference,
  municipalityReference,
  policeDistrictReference,
} from '../../../../libs/domain/organisations/unit-references';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { ApiError } from '../common/api-error';
import { instantOrNow } from '../common/instant-or-now';
import type { StartExitCourseDto } from './dto/start-exit-course.dto';
import type { StartOutsidePrisonCourseDto } from './dto/start-outside-prison-course.dto';
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
    return this.startOnce(dto, idempotencyKey, user, {
      personRef: dto.personRef,
      institutionCode: dto.institutionCode,
      expectedReleaseDate: dto.expectedReleaseDate,
      paroleLinked: dto.paroleLinked,
      referralSource: 'kriminalforsorgen',
      referredAt,
    });
  }

  /**
   * A police exit unit or a municipality starts a course itself (DOMAIN.md §5), for one of the user's own
   * units. A municipality names the police district whose exit unit runs the course with it after the
   * agreement (the units register does not say which district a municipality lies in).
   */
  async startOutsidePrison(
    dto: StartOutsidePrisonCourseDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    const referredAt = instantOrNow(dto.referredAt);
    refuseWithApiError(refuseOutsidePrisonStart({ ...dto, referredAt }, new Date()));
    const unit = await this.units.find(dto.startingUnitCode);
    if (unit?.kind !== 'police_district' && unit?.kind !== 'municipality') {
      throw ApiError.invalidDomainData(
        `Enheden '${dto.startingUnitCode}' er hverken en politikreds eller en kommune: forløb i fængslet startes af Kriminalforsorgen.`,
      );
    }
    const startedBy = unit.kind === 'police_district' ? 'police' : 'municipality';
    await this.units.requireOpen(
      startedBy === 'police' ? policeDistrictReference(unit.code) : municipalityReference(unit.code),
    );
    if (!actsForUnit(user, unit)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Du kan kun starte exit-forløb for din egen politikreds eller kommune.',
      );
    }
    const policeDistrictCode = await this.policeDistrictOf(dto, startedBy);
    return this.startOnce(dto, idempotencyKey, user, {
      personRef: dto.personRef,
      paroleLinked: false,
      referralSource: dto.referralSource,
      outsidePrison: { startedBy, startingUnitCode: unit.code, policeDistrictCode },
      referredAt,
    });
  }

  /** The district whose exit unit runs the police phase: the starting one, or the one a municipality names. */
  private async policeDistrictOf(
    dto: StartOutsidePrisonCourseDto,
    startedBy: OutsidePrisonStart['startedBy'],
  ): Promise<string> {
    if (startedBy === 'police') {
      if (dto.policeDistrictCode !== undefined && dto.policeDistrictCode !== dto.startingUnitCode) {
        throw ApiError.invalidDomainData(
          'Politikredsen er den, der starter forløbet: lad feltet stå tomt, eller vælg den samme politikreds.',
        );
      }
      return dto.startingUnitCode;
    }
    if (dto.policeDistrictCode === undefined) {
      throw ApiError.invalidDomainData(
        'Politikredsen skal udfyldes, når kommunen starter forløbet: den politikreds, hvis exitenhed forløbet køres med efter aftalen.',
      );
    }
    await this.units.requireOpen(policeDistrictReference(dto.policeDistrictCode));
    return dto.policeDistrictCode;
  }

  /** Both kinds of start alike: the person, one start per key, the person's one open course, the workflow. */
  private async startOnce(
    dto: object & { personRef: string },
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
    course: Omit<StartExitCourseInput, 'caseId' | 'deadlines' | 'warningWindows' | 'actor'>,
  ): Promise<StartResult> {
    // The same answer for an unknown person and one registered only by another unit.
    await requireRegistered(this.persons, dto.personRef, user);
    const claim = await this.idempotency.claim(START_OPERATIONS.exit_course, user, idempotencyKey, dto);
    // A replay whose case is already recorded is answered from the read model alone: starting it again
    // could bring back an ended case whose run Temporal no longer keeps (retention).
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    const startingUnit = course.institutionCode ?? course.outsidePrison!.startingUnitCode;
    await this.reservations.reserve(dto.personRef, claim.caseId, user, startingUnit);
    const input = this.decisions.startInput(claim.caseId, user, (caseId) => ({ caseId, ...course }));
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
