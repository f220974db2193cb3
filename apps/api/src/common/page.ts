import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/** Far beyond any real list; keeps the offset a sane number. */
export const MAX_PAGE = 100_000;

/** `?page=&pageSize=` on every list. Pages count from 1. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  // Left out, it is the default; sent as null in a body, it is refused like any other non-number.
  @ValidateIf((_query, value) => value !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'Sidetallet skal være et helt tal.' })
  @Min(1, { message: 'Sidetallet skal være mindst 1.' })
  @Max(MAX_PAGE, { message: `Sidetallet må højst være ${MAX_PAGE}.` })
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @ValidateIf((_query, value) => value !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'Antallet pr. side skal være et helt tal.' })
  @Min(1, { message: 'Antallet pr. side skal være mindst 1.' })
  @Max(MAX_PAGE_SIZE, { message: `Antallet pr. side må højst være ${MAX_PAGE_SIZE}.` })
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
