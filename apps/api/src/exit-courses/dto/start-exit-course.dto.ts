import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/is-instant.decorator';

// class-validator checks a field's decorators bottom-up and reports only the first problem
// (stopAtFirstError): presence is checked last in the list so it is reported first.

export class StartExitCourseDto {
  @ApiProperty({
    description: 'Pseudonym personreference (aldrig navn eller CPR-nummer).',
    example: 'P-2026-0042',
    pattern: '^[A-Za-z0-9][A-Za-z0-9-]{2,63}$',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, {
    message: 'personRef skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.',
  })
  @IsString({ message: 'personRef skal være tekst.' })
  @IsDefined({ message: 'personRef skal udfyldes.' })
  personRef!: string;

  @ApiProperty({ description: 'Institutionens kode.', example: 'KF-STORSTROEM' })
  @MaxLength(64, { message: 'institutionCode må højst være 64 tegn.' })
  @IsString({ message: 'institutionCode skal være tekst.' })
  @IsDefined({ message: 'institutionCode skal udfyldes.' })
  institutionCode!: string;

  @ApiProperty({ description: 'Forventet løsladelsesdato (ÅÅÅÅ-MM-DD).', example: '2027-06-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expectedReleaseDate skal være en dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'expectedReleaseDate skal være en dato (ÅÅÅÅ-MM-DD).' })
  @IsDefined({ message: 'expectedReleaseDate skal udfyldes.' })
  expectedReleaseDate!: string;

  @ApiProperty({ description: 'Knyttet til prøveløsladelse (Bander bag tremmer).' })
  @IsBoolean({ message: 'paroleLinked skal være true eller false.' })
  @IsDefined({ message: 'paroleLinked skal udfyldes.' })
  paroleLinked!: boolean;

  @ApiPropertyOptional({
    description: 'Tidspunkt for henvisningen (ISO 8601); fristen for egnethedsvurderingen regnes herfra. Standard: nu.',
    example: '2026-11-24T09:00:00+01:00',
  })
  @IsOptional()
  @IsInstant({ message: 'referredAt skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.' })
  referredAt?: string;
}
