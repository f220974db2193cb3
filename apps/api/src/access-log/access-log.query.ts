import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PageQuery } from '../common/page';
import { ComparedWith, IsCalendarDate, sameOrAfter } from '../reports/report-period.query';

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** `?from=&to=` (Danish calendar days, inclusive), `?userId=` and the page of an access log. */
export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Kun læsninger fra og med denne dag (dansk kalenderdag).' })
  @IsOptional()
  @IsCalendarDate({ message: 'Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'Fra-datoen skal angives én gang, som tekst.' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Kun læsninger til og med denne dag (dansk kalenderdag).' })
  @IsOptional()
  @ComparedWith('from', sameOrAfter, { message: 'Til-datoen må ikke ligge før fra-datoen.' })
  @IsCalendarDate({ message: 'Til-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'Til-datoen skal angives én gang, som tekst.' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Kun denne brugers læsninger (brugerens id).' })
  @IsOptional()
  @Matches(new RegExp(UUID_PATTERN), { message: 'Brugeren skal angives med sit id.' })
  @IsString({ message: 'Brugeren skal angives én gang, som tekst.' })
  userId?: string;
}
