import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ComparedWith, IsCalendarDate, ReportPeriodQuery, sameOrAfter } from './report-period.query';

/** The cohort's period (`?from=&to=`, the days its agreements were entered) and the day it is made up as of. */
export class CohortQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2020-10-28',
    description:
      'Opgørelsesdato: forløbenes status ved udgangen af denne danske kalenderdag; ikke før til-datoen. Uden: i dag.',
  })
  @IsOptional()
  @ComparedWith('to', sameOrAfter, { message: 'Opgørelsesdatoen må ikke ligge før til-datoen.' })
  @IsCalendarDate({ message: 'Opgørelsesdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'Opgørelsesdatoen skal angives én gang, som tekst.' })
  asOf?: string;
}
