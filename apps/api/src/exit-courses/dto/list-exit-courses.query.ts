import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EXIT_COURSE_STATUSES } from '../../../../../libs/domain/exit-course/exit-course.types';
import { PageQuery } from '../../common/page';

export class ListExitCoursesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EXIT_COURSE_STATUSES })
  @IsOptional()
  @IsIn(EXIT_COURSE_STATUSES, { message: 'Forløbets status skal være en af forløbenes kendte statusser.' })
  status?: (typeof EXIT_COURSE_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: 64, description: 'Kun denne persons forløb (også tidligere aftaler).' })
  @IsOptional()
  @MaxLength(64, { message: 'Personreferencen må højst være 64 tegn.' })
  @IsString({ message: 'Personreferencen skal angives én gang, som tekst.' })
  personRef?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'Institutionens kode.' })
  @IsOptional()
  @MaxLength(64, { message: 'Institutionen må højst være 64 tegn.' })
  @IsString({ message: 'Institutionen skal angives én gang, som tekst.' })
  institutionCode?: string;
}
