import { Body, Controller, Get, Headers, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { parseIdempotencyKey } from '../cases/idempotency-keys.service';
import { ApiErrorResponses, ListResponses, ReadResponses, StartResponses } from '../common/api-responses';
import { PageQuery } from '../common/page';
import { ProposeCandidateDto, StartConcernLetterRoundDto } from './concern-letter.dto';
import { ConcernLetterRoundDetailView, ConcernLetterRoundPage, ConcernLetterView } from './concern-letter.views';
import { readConcernLetter } from './concern-letters.controller';
import { PersonsService } from '../persons/persons.service';
import { ConcernLettersService, roundNotFound } from './concern-letters.service';

export class ListRoundsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Kun runderne i denne politikreds.', example: 'POL-KBH' })
  @ValidateIf((_query, value) => value !== undefined)
  @IsString({ message: 'Politikredsen skal være tekst.' })
  @MaxLength(64, { message: 'Politikredsen må højst være 64 tegn.' })
  policeDistrictCode?: string;
}

@ApiTags('Bekymringsbreve')
@ApiBearerAuth()
@Controller('concern-letter-rounds')
export class ConcernLetterRoundsController {
  constructor(
    readonly letters: ConcernLettersService,
    readonly accessLog: AccessLogService,
    readonly persons: PersonsService,
  ) {}

  @Post()
  @RequirePermission('concern-letter:round')
  @StartResponses(
    'Opret en koordinationsrunde i egen politikreds (standard: 8 uger efter den seneste, plads til 10 kandidater).',
    ConcernLetterRoundDetailView,
  )
  async create(
    @Body() dto: StartConcernLetterRoundDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConcernLetterRoundDetailView> {
    const roundId = await this.letters.createRound(dto, user);
    response.status(HttpStatus.CREATED).location(`/api/concern-letter-rounds/${roundId}`);
    return this.detail(roundId, user);
  }

  @Get()
  @RequirePermission('case:read')
  @ListResponses(
    'Koordinationsrunderne, seneste mødedato først, sidevis (ingen personoplysninger).',
    ConcernLetterRoundPage,
  )
  list(@Query() query: ListRoundsQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.letters.listRounds(user, query.policeDistrictCode, query.page, query.pageSize);
  }

  @Get(':id')
  @RequirePermission('case:read')
  @ReadResponses('En runde med de kandidater, brugeren må se.', ConcernLetterRoundDetailView)
  async detail(
    @Param('id') roundId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConcernLetterRoundDetailView> {
    const round = await this.letters.roundDetail(roundId, user);
    if (!round) throw roundNotFound(roundId);
    await this.accessLog.record(user, 'case_list', { details: { roundId } });
    return round;
  }

  @Post(':id/candidates')
  @RequirePermission('concern-letter:propose')
  // A round nobody has, or one of another district: 404.
  @ApiErrorResponses(404)
  @StartResponses(
    'Indstil en kandidat til runden: en sag om bekymringsbrev startes i rundens politikreds; udvalget beslutter ved mødet. 409 når runden er fuld.',
    ConcernLetterView,
  )
  async propose(
    @Param('id') roundId: string,
    @Body() dto: ProposeCandidateDto,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConcernLetterView> {
    const { caseId, created } = await this.letters.propose(
      roundId,
      dto,
      parseIdempotencyKey(idempotencyKeyHeader),
      user,
    );
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/api/concern-letters/${caseId}`);
    return readConcernLetter(this, caseId, user);
  }
}
