import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import { CASE_TYPE_LABELS, STEP_KIND_NAMES, STEP_KINDS, type StepKind } from '../../../../libs/domain/case/step-kinds';
import {
  ORGANISATION_NAMES,
  ORGANISATIONS,
  UNIT_CODE_PATTERN,
  type Organisation,
} from '../../../../libs/domain/organisations/organisation-units';
import { orList } from '../common/field-decorators';
import { PageQuery } from '../common/page';
import { AssigneeFilter } from '../staff/assignee-filter';

export const BOARD_SORTS = ['dueAt', 'lateness', 'unit', 'kind'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
/** The sort orders as the page's filter names them. */
const BOARD_SORT_NAMES: Record<BoardSort, string> = {
  dueAt: 'frist',
  lateness: 'forsinkelse',
  unit: 'enhed',
  kind: 'trin',
};
/** Lateness in hours a filter may ask for: up to ten years. */
const MAX_LATENESS_HOURS = 87_600;
/** The lateness filters as the page labels them ("Mindst timer for sent", "Højst timer for sent"). */
const MIN_LATENESS_LABEL = 'Mindste antal timer for sent';
const MAX_LATENESS_LABEL = 'Højeste antal timer for sent';
export const LATENESS_RANGE_MESSAGE = `${MIN_LATENESS_LABEL} må ikke være større end højeste antal timer for sent.`;

/** Whether a well-formed code is a unit's is asked of the database (StepsController). */
export const UNKNOWN_UNIT_FILTER = 'Enheden skal være en kendt enhedskode, fx KF-STORSTROEM eller POL-KBH.';

/** The filters both supervisors' lists (overdue and due soon) take, within the user's scope. */
export class StepBoardQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATIONS, description: 'Kun trin, som denne organisations enheder har.' })
  @IsOptional()
  @IsIn(ORGANISATIONS, {
    message: `Organisationen skal være ${orList(ORGANISATIONS.map((code) => ORGANISATION_NAMES[code]))}.`,
  })
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
  @IsIn(CASE_TYPES, { message: `Sagstypen skal være ${orList(CASE_TYPES.map((type) => CASE_TYPE_LABELS[type]))}.` })
  caseType?: CaseType;

  @ApiPropertyOptional({ enum: STEP_KIND_NAMES })
  @IsOptional()
  @IsIn(STEP_KIND_NAMES, {
    message: `Trinnet skal være ét af: ${STEP_KIND_NAMES.map((kind) => STEP_KINDS[kind].label).join(', ')}.`,
  })
  kind?: StepKind;

  @ApiPropertyOptional({
    enum: BOARD_SORTS,
    description: 'Standard: lateness for overskredne, dueAt for snart forfaldne.',
  })
  @IsOptional()
  @IsIn(BOARD_SORTS, {
    message: `Sorteringen skal være efter ${orList(BOARD_SORTS.map((sort) => BOARD_SORT_NAMES[sort]))}.`,
  })
  sort?: BoardSort;

  @AssigneeFilter()
  assignee?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'Rækkefølgen skal være stigende eller faldende.' })
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
  @IsInt({ message: `${MIN_LATENESS_LABEL} skal være et helt antal timer.` })
  @Min(0, { message: `${MIN_LATENESS_LABEL} må ikke være negativ.` })
  @Max(MAX_LATENESS_HOURS, { message: `${MIN_LATENESS_LABEL} må højst være ${MAX_LATENESS_HOURS}.` })
  minLatenessHours?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_LATENESS_HOURS,
    description: 'Højst så mange timer for sent.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `${MAX_LATENESS_LABEL} skal være et helt antal timer.` })
  @Min(0, { message: `${MAX_LATENESS_LABEL} må ikke være negativ.` })
  @Max(MAX_LATENESS_HOURS, { message: `${MAX_LATENESS_LABEL} må højst være ${MAX_LATENESS_HOURS}.` })
  maxLatenessHours?: number;
}
