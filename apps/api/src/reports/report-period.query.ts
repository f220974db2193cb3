import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, registerDecorator, type ValidationOptions } from 'class-validator';
import { parseLocalDate, type LocalDate } from '../../../../libs/domain/time/copenhagen-calendar';
import { MAX_REPORT_YEARS, withinMaxSpan } from './report-period';

export const REPORT_FORMATS = ['json', 'csv'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A strict `YYYY-MM-DD` naming a real calendar date (2026-02-30 is refused). */
export function IsCalendarDate(options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && parseLocalDate(value) !== undefined },
    });
}

/**
 * A date compared with the object's earlier date `field` (`from` for `to`); passes when that one is itself
 * invalid, whose own problem is reported on it. `parse` reads both (a month reads as its first day).
 */
export function ComparedWith(
  field: string,
  check: (earlier: LocalDate, later: LocalDate) => boolean,
  options: ValidationOptions,
  parse: (value: string) => LocalDate | undefined = parseLocalDate,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: `comparedWith_${field}`,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args) => {
          const earlier = parse(String((args?.object as Record<string, unknown>)[field]));
          const later = parse(String(value));
          return !earlier || !later || check(earlier, later);
        },
      },
    });
}

export const sameOrAfter = (from: LocalDate, to: LocalDate) =>
  Date.UTC(to.year, to.month - 1, to.day) >= Date.UTC(from.year, from.month - 1, from.day);

/** `?from=&to=` (Danish calendar days, inclusive) and `?format=json|csv` of every report. */
export class ReportPeriodQuery {
  @ApiProperty({
    format: 'date',
    example: '2015-04-01',
    description: 'Første dag i perioden (dansk kalenderdag, medregnes).',
  })
  @IsCalendarDate({ message: 'Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'Fra-datoen skal angives én gang, som tekst.' })
  @IsDefined({ message: 'Fra-datoen skal angives.' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2020-10-28',
    description: 'Sidste dag i perioden (dansk kalenderdag, medregnes).',
  })
  @ComparedWith('from', withinMaxSpan, { message: `Perioden må højst være ${MAX_REPORT_YEARS} år.` })
  @ComparedWith('from', sameOrAfter, { message: 'Til-datoen må ikke ligge før fra-datoen.' })
  @IsCalendarDate({ message: 'Til-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'Til-datoen skal angives én gang, som tekst.' })
  @IsDefined({ message: 'Til-datoen skal angives.' })
  to!: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv: download (også med Accept: text/csv).' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'Formatet skal være JSON eller CSV.' })
  format?: ReportFormat;
}
