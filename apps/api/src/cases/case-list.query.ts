import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import { ALL_CASE_STATUSES } from '../../../../libs/domain/case/case-type-statuses';
import { PageQuery } from '../common/page';
import { AssigneeFilter } from '../staff/assignee-filter';

export const CASE_STATES = ['open', 'closed'] as const;
/** A youth case's level (youth-vocabulary.ts), or `none`: a youth case without one. */
export const CASE_LEVEL_FILTERS = ['1', '2', '3', 'none'] as const;
/** A case's open deadlines: one is overdue, one is due soon (its warning window has begun), or none is open. */
export const DEADLINE_FILTERS = ['overdue', 'due-soon', 'none'] as const;

/** `GET /api/cases`: the filters of the list across case types (never a name or CPR number). */
export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_TYPES, description: 'Kun sager af denne type.' })
  @IsOptional()
  @IsIn(CASE_TYPES, { message: 'Sagstypen skal være exit-forløb, DKS-sag eller netværkssamråd.' })
  caseType?: CaseType;

  @ApiPropertyOptional({ enum: ALL_CASE_STATUSES, description: 'Kun sager med denne status.' })
  @IsOptional()
  @IsIn(ALL_CASE_STATUSES, { message: 'Sagens status skal være en af sagstypernes kendte statusser.' })
  status?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'Kun sager, denne enhed er ansvarlig for (enhedens kode).' })
  @IsOptional()
  @IsString({ message: 'Enheden skal angives én gang, som tekst.' })
  @MaxLength(64, { message: 'Enheden må højst være 64 tegn.' })
  unit?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'Kun denne persons sager (den pseudonyme personreference).' })
  @IsOptional()
  @IsString({ message: 'Personreferencen skal angives én gang, som tekst.' })
  @MaxLength(64, { message: 'Personreferencen må højst være 64 tegn.' })
  personRef?: string;

  @ApiPropertyOptional({ enum: CASE_STATES, description: 'open: åbne sager; closed: afsluttede.' })
  @IsOptional()
  @IsIn(CASE_STATES, { message: 'Sagerne skal være åbne eller afsluttede.' })
  state?: (typeof CASE_STATES)[number];

  @ApiPropertyOptional({
    enum: DEADLINE_FILTERS,
    description:
      'overdue: et åbent trin er over fristen; due-soon: et åbent trin forfalder snart; none: intet åbent trin.',
  })
  @IsOptional()
  @IsIn(DEADLINE_FILTERS, { message: 'Fristen skal være overskredet, snart forfalden eller ingen åben frist.' })
  deadline?: (typeof DEADLINE_FILTERS)[number];

  @AssigneeFilter()
  assignee?: string;

  @ApiPropertyOptional({
    enum: CASE_LEVEL_FILTERS,
    description: 'Kun ungesager på dette niveau (1, 2, 3); none: intet niveau sat.',
  })
  @IsOptional()
  @IsIn(CASE_LEVEL_FILTERS, { message: 'Niveauet skal være 1, 2, 3 eller »intet niveau«.' })
  level?: (typeof CASE_LEVEL_FILTERS)[number];
}
