import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import { STEP_KIND_NAMES, type StepKind } from '../../../../libs/domain/case/step-kinds';
import {
  ORGANISATIONS,
  UNIT_CODE_PATTERN,
  type Organisation,
} from '../../../../libs/domain/organisations/organisation-units';
import { PageQuery } from '../common/page';

export const BOARD_SORTS = ['dueAt', 'lateness', 'unit', 'kind'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
/** Lateness in hours a filter may ask for: up to ten years. */
const MAX_LATENESS_HOURS = 87_600;

/** Whether a well-formed code is a unit's is asked of the database (StepsController). */
export const UNKNOWN_UNIT_FILTER = 'unit skal være en kendt enhedskode, fx KF-STORSTROEM eller POL-KBH.';

const oneOf = (field: string, values: readonly string[]) => `${field} skal være en af: ${values.join(', ')}.`;

/** The filters both supervisors' lists (overdue and due soon) take, within the user's scope. */
export class StepBoardQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATIONS, description: 'Kun trin, som denne organisations enheder har.' })
  @IsOptional()
  @IsIn(ORGANISATIONS, { message: oneOf('organisation', ORGANISATIONS) })
  organisation?: Organisation;

  @ApiPropertyOptional({
    pattern: UNIT_CODE_PATTERN,
    description: 'Kun trin, som denne enhed skal handle på (enhedskode, fx KF-STORSTROEM; se GET /api/reference-data).',
  })
  @IsOptional()
  @Matches(new RegExp(UNIT_CODE_PATTERN), { message: UNKNOWN_UNIT_FILTER })
  unit?: string;

  @ApiPropertyOptional({ enum: CASE_TYPES })
  @IsOptional()
  @IsIn(CASE_TYPES, { message: oneOf('caseType', CASE_TYPES) })
  caseType?: CaseType;

  @ApiPropertyOptional({ enum: STEP_KIND_NAMES })
  @IsOptional()
  @IsIn(STEP_KIND_NAMES, { message: oneOf('kind', STEP_KIND_NAMES) })
  kind?: StepKind;

  @ApiPropertyOptional({
    enum: BOARD_SORTS,
    description: 'Standard: lateness for overskredne, dueAt for snart forfaldne.',
  })
  @IsOptional()
  @IsIn(BOARD_SORTS, { message: oneOf('sort', BOARD_SORTS) })
  sort?: BoardSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: "order skal være 'asc' eller 'desc'." })
  order?: 'asc' | 'desc';
}

/** The overdue board also filters on how late a step is. */
export class OverdueBoardQuery extends StepBoardQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_LATENESS_HOURS,
    description: 'Mindst så mange timer for sent.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minLatenessHours skal være et helt antal timer.' })
  @Min(0, { message: 'minLatenessHours må ikke være negativ.' })
  @Max(MAX_LATENESS_HOURS, { message: `minLatenessHours må højst være ${MAX_LATENESS_HOURS}.` })
  minLatenessHours?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_LATENESS_HOURS,
    description: 'Højst så mange timer for sent.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxLatenessHours skal være et helt antal timer.' })
  @Min(0, { message: 'maxLatenessHours må ikke være negativ.' })
  @Max(MAX_LATENESS_HOURS, { message: `maxLatenessHours må højst være ${MAX_LATENESS_HOURS}.` })
  maxLatenessHours?: number;
}
