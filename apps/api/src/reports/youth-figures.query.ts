import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import {
  addCalendarDays,
  formatLocalDate,
  parseLocalDate,
  type LocalDate,
} from '../../../../libs/domain/time/copenhagen-calendar';
import { MAX_REPORT_YEARS, reportPeriod, withinMaxSpan, type ReportPeriod } from './report-period';
import { ComparedWith, REPORT_FORMATS, sameOrAfter, type ReportFormat } from './report-period.query';

/** A strict `YYYY-MM`, read as its first day (2026-13 is refused). */
export function parseMonth(value: string): LocalDate | undefined {
  return /^\d{4}-\d{2}$/.test(value) ? parseLocalDate(`${value}-01`) : undefined;
}

function IsCalendarMonth(options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarMonth',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && parseMonth(value) !== undefined },
    });
}

/** The Danish calendar months `from` to `to` (`YYYY-MM`, both inclusive), in order. */
export function monthsOf(from: string, to: string): string[] {
  const last = parseMonth(to)!;
  const index = (month: LocalDate) => month.year * 12 + month.month;
  const months: string[] = [];
  for (let month = parseMonth(from)!; index(month) <= index(last); month = nextMonth(month))
    months.push(formatLocalDate(month).slice(0, 7));
  return months;
}

function nextMonth(first: LocalDate): LocalDate {
  return first.month === 12 ? { year: first.year + 1, month: 1, day: 1 } : { ...first, month: first.month + 1, day: 1 };
}

/** The period of whole months: from local midnight on the 1st of `from` to local midnight after the last day of `to`. */
export function monthPeriod(from: string, to: string): ReportPeriod {
  const lastDay = addCalendarDays(nextMonth(parseMonth(to)!), -1);
  return { ...reportPeriod(`${from}-01`, formatLocalDate(lastDay)), from, to };
}

/** `?from=&to=` (Danish calendar months, inclusive), an optional `unit` and `?format=json|csv` of the youth figures. */
export class YouthFiguresQuery {
  @ApiProperty({ example: '2026-01', description: 'Første måned i perioden (ÅÅÅÅ-MM, dansk tid, medregnes).' })
  @IsCalendarMonth({ message: 'Fra-måneden skal være en gyldig måned (ÅÅÅÅ-MM).' })
  @IsString({ message: 'Fra-måneden skal angives én gang, som tekst.' })
  @IsDefined({ message: 'Fra-måneden skal angives.' })
  from!: string;

  @ApiProperty({ example: '2026-06', description: 'Sidste måned i perioden (ÅÅÅÅ-MM, dansk tid, medregnes).' })
  @ComparedWith('from', withinMaxSpan, { message: `Perioden må højst være ${MAX_REPORT_YEARS} år.` }, parseMonth)
  @ComparedWith('from', sameOrAfter, { message: 'Til-måneden må ikke ligge før fra-måneden.' }, parseMonth)
  @IsCalendarMonth({ message: 'Til-måneden skal være en gyldig måned (ÅÅÅÅ-MM).' })
  @IsString({ message: 'Til-måneden skal angives én gang, som tekst.' })
  @IsDefined({ message: 'Til-måneden skal angives.' })
  to!: string;

  @ApiPropertyOptional({
    example: 'POL-KBH',
    description: 'Kun denne enhed (en af brugerens enheder; landsdækkende: en enhed i organisationen).',
  })
  @IsOptional()
  @MaxLength(64, { message: 'Enheden må højst være 64 tegn.' })
  @IsString({ message: 'Enheden skal angives én gang, som tekst.' })
  unit?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv: download (også med Accept: text/csv).' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'Formatet skal være JSON eller CSV.' })
  format?: ReportFormat;
}
