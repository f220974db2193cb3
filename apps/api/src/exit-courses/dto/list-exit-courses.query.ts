import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EXIT_COURSE_STATUSES } from '../../../../../libs/domain/exit-course/exit-course.types';
import { PageQuery } from '../../common/page';

export class ListExitCoursesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EXIT_COURSE_STATUSES })
  @IsOptional()
  @IsIn(EXIT_COURSE_STATUSES, { message: `status skal være en af: ${EXIT_COURSE_STATUSES.join(', ')}.` })
  status?: (typeof EXIT_COURSE_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: 64, description: 'Kun denne persons forløb (også tidligere aftaler).' })
  @IsOptional()
  @MaxLength(64, { message: 'personRef må højst være 64 tegn.' })
  @IsString({ message: 'personRef skal angives én gang, som tekst.' })
  personRef?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'Institutionens kode.' })
  @IsOptional()
  @MaxLength(64, { message: 'institutionCode må højst være 64 tegn.' })
  @IsString({ message: 'institutionCode skal angives én gang, som tekst.' })
  institutionCode?: string;
}
