import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { hasPermission } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { CONCERN_LETTER_DECISIONS } from '../../../../libs/domain/concern-letter/concern-letter.decisions';
import {
  describeConcernLetterStatus,
  refuseConcernLetterOutcome,
} from '../../../../libs/domain/concern-letter/concern-letter.rules';
import type {
  ConcernLetterState,
  ConcernLetterStatus,
  StartConcernLetterInput,
} from '../../../../libs/domain/concern-letter/concern-letter.types';
import type { Role } from '../../../../libs/domain/organisations/roles';
import { ROLE_LABELS } from '../../../../libs/domain/organisations/roles';
import { municipalityReference, policeDistrictReference } from '../../../../libs/domain/organisations/unit-references';
import {
  addCalendarDays,
  danishDateOf,
  formatDanishDate,
  formatLocalDate,
  parseLocalDate,
  startOfDanishDay,
} from '../../../../libs/domain/time/copenhagen-calendar';
import {
  CONCERN_LETTER_PROPOSER_LABELS,
  type ConcernLetterProposer,
} from '../../../../libs/domain/youth/youth-vocabulary';
import type { UnitLookup } from '../../../../libs/persistence/organisation-units-directory';
import { API_CONFIG } from '../api.tokens';
import { CaseDecisionsService, refusalToApiError } from '../cases/case-decisions.service';
import { CaseRecordsRepository, type CaseRecordRow } from '../cases/case-records.repository';
import { CaseScopeRepository, requireWritable } from '../cases/case-scope.repository';
import { requireOwnUnit } from '../cases/case-start-checks';
import { IdempotencyKeysService, START_OPERATIONS, type StartResult } from '../cases/idempotency-keys.service';
import { requireRegistered } from '../cases/youth-check';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { ExitCourseCommandsService } from '../exit-courses/exit-course-commands.service';
import type { StartOutsidePrisonCourseDto } from '../exit-courses/dto/start-outside-prison-course.dto';
import { PersonsService } from '../persons/persons.service';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';
import { ConcernLetterRoundsRepository, type CandidateRow, type RoundRow } from './concern-letter-rounds.repository';
import type { ConcernLetterOutcomeDto, ProposeCandidateDto, StartConcernLetterRoundDto } from './concern-letter.dto';
import { CONCERN_LETTER_SLICE } from './concern-letter.slice';
import type {
  ConcernLetterRoundDetailView,
  ConcernLetterRoundView,
  ConcernLetterSummaryView,
  ConcernLetterView,
} from './concern-letter.views';

/** Who may put a candidate on a round, as whom (002, appendix 2). */
const ROLE_PROPOSERS: Partial<Record<Role, readonly ConcernLetterProposer[]>> = {
  police_intelligence_analyst: ['police_intelligence'],
  dks_officer: ['dks'],
  municipality_caseworker: ['ssp', 'municipal_exit_unit'],
};

/** The roles that work with concern letters, and so see the rounds (which hold no personal data). */
const ROUND_READERS: readonly Role[] = [
  'police_intelligence_analyst',
  'concern_committee_member',
  'dks_officer',
  'municipality_caseworker',
  'police_exit_officer',
  'supervisor',
  'national_supervisor',
];

/** Concern letters: the rounds, candidates proposed onto them, decisions, and scoped reads. */
@Injectable()
export class ConcernLettersService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly rounds: ConcernLetterRoundsRepository,
    private readonly persons: PersonsService,
    private readonly decisions: CaseDecisionsService,
    private readonly idempotency: IdempotencyKeysService,
    private readonly records: CaseRecordsRepository,
    private readonly scope: CaseScopeRepository,
    private readonly units: OrganisationUnits,
    private readonly exitCourses: ExitCourseCommandsService,
  ) {}

  /** A round of the user's own district; its date defaults to the interval after the district's last. */
  async createRound(dto: StartConcernLetterRoundDto, user: AuthenticatedUser): Promise<string> {
    await requireOwnUnit(this.units, user, policeDistrictReference(dto.policeDistrictCode), {
      notOwn: 'Du kan kun oprette runder for din egen politikreds.',
    });
    const meetingDate = dto.meetingDate ?? (await this.nextMeetingDate(dto.policeDistrictCode));
    if (meetingDate < today()) throw ApiError.invalidDomainData('Mødedatoen ligger før i dag.');
    return this.rounds.create({
      policeDistrict: dto.policeDistrictCode,
      meetingDate,
      capacity: dto.capacity ?? this.config.concernLetters.roundCapacity,
      createdBy: user.id,
    });
  }

  async listRounds(
    user: AuthenticatedUser,
    policeDistrictCode: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<Page<ConcernLetterRoundView>> {
    requireRoundReader(user);
    const [rounds, units] = await Promise.all([
      this.rounds.list(policeDistrictCode, page, pageSize),
      this.units.lookup(),
    ]);
    return { ...rounds, items: rounds.items.map((row) => roundViewOf(row, units)) };
  }

  /** A round with the candidates the user may see; `undefined` for no such round. */
  async roundDetail(roundId: string, user: AuthenticatedUser): Promise<ConcernLetterRoundDetailView | undefined> {
    requireRoundReader(user);
    const round = await this.rounds.find(roundId);
    if (!round) return undefined;
    const [rows, units] = await Promise.all([this.rounds.visibleCandidates(roundId, user), this.units.lookup()]);
    return { ...roundViewOf(round, units), candidates: await this.summaries(rows, units) };
  }

  /**
   * Puts a candidate on a round: the place is held first (409 on a full round, or for a person already on
   * it), then the candidate's case starts in the round's district with the committee's step due at the meeting.
   */
  async propose(
    roundId: string,
    dto: ProposeCandidateDto,
    idempotencyKey: string | undefined,
    user: AuthenticatedUser,
  ): Promise<StartResult> {
    const round = await this.rounds.find(roundId);
    if (!round) throw roundNotFound(roundId);
    if (round.meeting_date < today()) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'ILLEGAL_TRANSITION',
        `Runden er holdt (${formatDanishDate(parseLocalDate(round.meeting_date)!)}): indstil kandidaten til en senere runde.`,
      );
    }
    const proposedBy = proposerOf(user, dto);
    const proposingUnit = await this.proposingUnitOf(user, dto, round);
    await requireRegistered(this.persons, dto.personRef, user);
    const claim = await this.idempotency.claim(START_OPERATIONS.concern_letter, user, idempotencyKey, {
      roundId,
      ...dto,
    });
    if (!claim.created && (await this.records.isRecorded(claim.caseId))) return claim;
    await this.rounds.holdPlace({
      roundId,
      caseId: claim.caseId,
      personRef: dto.personRef,
      proposedBy,
      proposingUnit,
    });
    const input = this.decisions.startInput(
      claim.caseId,
      user,
      (caseId): Omit<StartConcernLetterInput, 'deadlines' | 'warningWindows' | 'actor'> => ({
        caseId,
        personRef: dto.personRef,
        roundId,
        policeDistrictCode: round.police_district,
        proposedBy,
        proposingUnitCode: proposingUnit,
        proposedAt: new Date().toISOString(),
        committeeDueAt: startOfDanishDay(addCalendarDays(parseLocalDate(round.meeting_date)!, 1)).toISOString(),
      }),
    );
    try {
      await this.decisions.startCase('concern_letter', claim.caseId, input);
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError && !claim.created) return claim;
      if (!(error instanceof ApiError && error.getStatus() === HttpStatus.SERVICE_UNAVAILABLE))
        await this.rounds.releasePlace(claim.caseId);
      throw error;
    }
    return claim;
  }

  async detail(caseId: string, user: AuthenticatedUser): Promise<ConcernLetterView | undefined> {
    const [candidates, units] = await Promise.all([this.rounds.candidatesOf([caseId]), this.units.lookup()]);
    const candidate = candidates.get(caseId);
    if (!candidate) return undefined;
    return this.records.scopedDetail(caseId, CONCERN_LETTER_SLICE, user, (row) => summaryOf(row, candidate, units));
  }

  async list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<ConcernLetterSummaryView>> {
    const rows = await this.records.scopedList('concern_letter', user, page, pageSize, (row) => row);
    return { ...rows, items: await this.summaries(rows.items, await this.units.lookup()) };
  }

  /**
   * The outcome; `exit_course` starts the course outside prison first (referred by the concern letter, run
   * by the district's exit unit), once the letter's own rule admits the outcome, and links both ways.
   */
  async recordOutcome(caseId: string, dto: ConcernLetterOutcomeDto, user: AuthenticatedUser): Promise<void> {
    if (dto.outcome !== 'exit_course') {
      await this.decisions.decide(CONCERN_LETTER_SLICE, 'outcome', caseId, dto, user);
      return;
    }
    const found = await this.scope.findForUser(caseId, 'concern_letter', user);
    if (!found) throw ApiError.caseNotFound(caseId);
    requireWritable(found);
    const input = CONCERN_LETTER_SLICE.routes.outcome.toInput(dto, { id: user.id }, user);
    const state = await this.decisions.withinCommandTimeout(caseId, () =>
      this.client.workflow.getHandle(found.workflowId).query<ConcernLetterState>('concernLetterState'),
    );
    // The course's id is not known yet: the rule is asked with a stand-in, so nothing starts for a refused outcome.
    const refusal = refuseConcernLetterOutcome(state, { ...input, exitCourseId: caseId }, new Date());
    if (refusal) throw refusalToApiError(refusal.kind, refusal.message);
    if (!hasPermission(user, 'exit-course:start-outside')) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Kun politiets exitenhed kan starte exit-forløbet.');
    }
    const letter = (await this.detail(caseId, user))!;
    const course: StartOutsidePrisonCourseDto = {
      personRef: letter.personRef,
      startingUnitCode: letter.policeDistrict.code,
      referralSource: 'concern_letter',
    };
    const started = await this.exitCourses.startOutsidePrison(course, `concern-letter:${caseId}`, user);
    await this.rounds.linkExitCourse(caseId, started.caseId);
    await this.decisions.sendUpdate(
      caseId,
      found,
      CONCERN_LETTER_DECISIONS.outcome.update,
      { ...input, exitCourseId: started.caseId },
      CONCERN_LETTER_SLICE,
    );
  }

  private async nextMeetingDate(policeDistrict: string): Promise<string> {
    const last = await this.rounds.lastMeetingDate(policeDistrict);
    const from = last ? parseLocalDate(last)! : danishDateOf(new Date());
    return formatLocalDate(addCalendarDays(from, 7 * this.config.concernLetters.roundIntervalWeeks));
  }

  /** The police propose for the round's own district; a municipality for itself, and keeps read access. */
  private async proposingUnitOf(user: AuthenticatedUser, dto: ProposeCandidateDto, round: RoundRow): Promise<string> {
    if (user.organisation !== 'kommune') {
      if (dto.municipalityCode !== undefined) {
        throw ApiError.invalidDomainData('Kun en kommunes indstilling har en kommune: lad feltet stå tomt.');
      }
      if (!user.units.includes(round.police_district)) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          'Du kan kun indstille kandidater til runder i din egen politikreds.',
        );
      }
      return round.police_district;
    }
    if (dto.municipalityCode === undefined) {
      throw ApiError.invalidDomainData('Kommunen skal udfyldes: den kommune, der indstiller kandidaten.');
    }
    await requireOwnUnit(this.units, user, municipalityReference(dto.municipalityCode), {
      notOwn: 'Du kan kun indstille kandidater for din egen kommune.',
    });
    return dto.municipalityCode;
  }

  private async summaries(rows: CaseRecordRow[], units: UnitLookup): Promise<ConcernLetterSummaryView[]> {
    const candidates = await this.rounds.candidatesOf(rows.map((row) => row.id));
    return rows.flatMap((row) => {
      const candidate = candidates.get(row.id);
      return candidate ? [summaryOf(row, candidate, units)] : [];
    });
  }
}

function today(): string {
  return formatLocalDate(danishDateOf(new Date()));
}

export function roundNotFound(roundId: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Runden findes ikke.', { roundId });
}

function requireRoundReader(user: AuthenticatedUser): void {
  if (!ROUND_READERS.includes(user.role)) {
    throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Din rolle arbejder ikke med bekymringsbreve.');
  }
}

/** As whom the user proposes: the role's one proposer, or the municipality's choice (SSP or its exit unit). */
function proposerOf(user: AuthenticatedUser, dto: ProposeCandidateDto): ConcernLetterProposer {
  const allowed = ROLE_PROPOSERS[user.role] ?? [];
  const names = allowed.map((proposer) => CONCERN_LETTER_PROPOSER_LABELS[proposer]).join(' eller ');
  const proposedBy = dto.proposedBy ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (proposedBy === undefined) throw ApiError.invalidDomainData(`Angiv hvem der indstiller: ${names}.`);
  if (!allowed.includes(proposedBy)) {
    throw ApiError.invalidDomainData(
      `Som ${ROLE_LABELS[user.role].toLowerCase()} indstiller du som ${names}, ikke som ${CONCERN_LETTER_PROPOSER_LABELS[proposedBy]}.`,
    );
  }
  return proposedBy;
}

function roundViewOf(row: RoundRow, units: UnitLookup): ConcernLetterRoundView {
  return {
    id: row.id,
    policeDistrict: units.view(row.police_district),
    meetingDate: row.meeting_date,
    capacity: row.capacity,
    candidateCount: row.candidate_count,
    createdAt: row.created_at.toISOString(),
  };
}

function summaryOf(row: CaseRecordRow, candidate: CandidateRow, units: UnitLookup): ConcernLetterSummaryView {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    personRef: row.person_ref,
    policeDistrict: units.view(row.org_unit),
    status: row.status as ConcernLetterStatus,
    statusText: describeConcernLetterStatus(row.status as ConcernLetterStatus),
    roundId: candidate.round_id,
    meetingDate: candidate.meeting_date,
    proposedBy: candidate.proposed_by,
    proposedByText: CONCERN_LETTER_PROPOSER_LABELS[candidate.proposed_by],
    proposingUnit: units.view(candidate.proposing_unit),
    proposedAt: row.opened_at.toISOString(),
    exitCourseId: candidate.exit_course_id,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
