import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { actsForUnit } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import {
  addCalendarDays,
  danishDateOf,
  formatDanishDate,
  formatLocalDate,
  parseLocalDate,
  startOfDanishDay,
} from '../../../../libs/domain/time/copenhagen-calendar';
import { CASE_LEVEL_PERMISSION, LEVEL_ONE_REVIEW_UPDATE } from '../../../../libs/domain/youth/youth-case.decisions';
import type { LevelOneReviewInput } from '../../../../libs/domain/youth/case-level.types';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CaseDecisionsService } from '../cases/case-decisions.service';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses } from '../common/api-responses';
import { DKS_CASE_SLICE } from '../dks-cases/dks-case.slice';
import { NETWORK_COUNCIL_SLICE } from '../network-councils/network-council.slice';
import { PersonsService } from '../persons/persons.service';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { LevelOneReviewDto } from './youth-case.dto';
import { LevelOneReviewsRepository, type LevelOneReviewCandidate } from './level-one-reviews.repository';
import { LevelOneReviewResultView, LevelOneReviewsView } from './level-one-reviews.views';

export class LevelOneReviewsQuery {
  @ApiPropertyOptional({ maxLength: 64, description: 'Kun denne enheds sager (enhedens kode).' })
  @IsOptional()
  @IsString({ message: 'Enheden skal angives én gang, som tekst.' })
  @MaxLength(64, { message: 'Enheden må højst være 64 tegn.' })
  unit?: string;
}

const WORDING = { dks_assessment: DKS_CASE_SLICE, network_council: NETWORK_COUNCIL_SLICE } as const;

/**
 * The unit's monthly level-1 coordination meeting (003): which level-1 cases it must review, and one
 * recording that marks each of them reviewed (an update per case; a case already reviewed on that meeting
 * or a later one is skipped, so a retried recording reviews nothing twice).
 */
@ApiTags('Sager')
@ApiBearerAuth()
@Controller('level-one-reviews')
export class LevelOneReviewsController {
  constructor(
    private readonly reviews: LevelOneReviewsRepository,
    private readonly decisions: CaseDecisionsService,
    private readonly units: OrganisationUnits,
    private readonly persons: PersonsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Niveau 1-sager, som enhedens månedlige koordinationsmøde skal gennemgå, nærmeste frist først. Personens navn vises for brugere med adgang til personer (hver visning logges).',
  })
  @ApiOkResponse({ type: LevelOneReviewsView })
  @ApiErrorResponses(401, 403, 422)
  async list(@Query() query: LevelOneReviewsQuery, @CurrentUser() user: AuthenticatedUser) {
    if (query.unit !== undefined && !(await this.units.find(query.unit))) {
      throw ApiError.invalidDomainData(`Enheden '${query.unit}' kendes ikke.`);
    }
    const cases = await this.reviews.open(user, { unit: query.unit });
    const names = await this.persons.namesShownTo(
      user,
      cases.map((item) => ({ caseId: item.id, personRef: item.personRef })),
    );
    await this.accessLog.record(user, 'case_list', {});
    return {
      cases: cases.map(({ workflowId: _workflowId, status: _status, writable: _writable, ...item }) => ({
        ...item,
        personName: names.get(item.personRef) ?? null,
      })),
      nextDueAt: cases[0]?.dueAt ?? null,
    };
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @RequirePermission(CASE_LEVEL_PERMISSION)
  @ApiOperation({
    summary:
      'Registrér at enhedens koordinationsmøde er holdt: hver åben niveau 1-sag, der ventede på mødet, er gennemgået, og næste måneds gennemgang åbnes.',
  })
  @ApiOkResponse({ type: LevelOneReviewResultView })
  @ApiErrorResponses(401, 403, 409, 422)
  async record(@Body() dto: LevelOneReviewDto, @CurrentUser() user: AuthenticatedUser) {
    const unit = await this.units.find(dto.unit);
    if (!unit) throw ApiError.invalidDomainData(`Enheden '${dto.unit}' kendes ikke.`);
    if (!actsForUnit(user, unit)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Du kan kun registrere koordinationsmøder for din egen enhed.',
      );
    }
    const meeting = parseLocalDate(dto.meetingDate)!;
    if (dto.meetingDate > formatLocalDate(danishDateOf(new Date()))) {
      throw ApiError.invalidDomainData('Mødedatoen ligger i fremtiden.');
    }
    const openedBefore = startOfDanishDay(addCalendarDays(meeting, 1));
    const candidates = (await this.reviews.open(user, { unit: dto.unit, openedBefore })).filter(
      (candidate) => candidate.writable,
    );
    if (!candidates.length) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'ILLEGAL_TRANSITION',
        `Ingen niveau 1-sager i ${unit.name} venter på et koordinationsmøde den ${formatDanishDate(meeting)}.`,
      );
    }
    const reviewed: string[] = [];
    const alreadyReviewed: string[] = [];
    for (const candidate of candidates) {
      const done = await this.reviewOne(candidate, { meetingDate: dto.meetingDate, actor: { id: user.id } });
      (done ? reviewed : alreadyReviewed).push(candidate.id);
    }
    return { meetingDate: dto.meetingDate, reviewed, alreadyReviewed };
  }

  /** `false`: the case was already reviewed on this meeting or a later one (or left level 1 meanwhile). */
  private async reviewOne(candidate: LevelOneReviewCandidate, input: LevelOneReviewInput): Promise<boolean> {
    const wording = WORDING[candidate.caseType as keyof typeof WORDING];
    try {
      await this.decisions.sendUpdate(candidate.id, candidate, LEVEL_ONE_REVIEW_UPDATE, input, wording);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === HttpStatus.CONFLICT) return false;
      throw error;
    }
  }
}
