import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class StartExitCourseDto {
  @ApiProperty({
    description: 'Pseudonym personreference (aldrig navn eller CPR-nummer).',
    example: 'P-2026-0042',
    pattern: '^[A-Za-z0-9][A-Za-z0-9-]{2,63}$',
  })
  @IsString({ message: 'personRef skal være tekst.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, {
    message: 'personRef skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.',
  })
  personRef!: string;

  @ApiProperty({ description: 'Institutionens kode.', example: 'KF-STORSTROEM' })
  @IsString({ message: 'institutionCode skal være tekst.' })
  @IsNotEmpty({ message: 'institutionCode skal udfyldes.' })
  @MaxLength(64, { message: 'institutionCode må højst være 64 tegn.' })
  institutionCode!: string;

  @ApiProperty({ description: 'Forventet løsladelsesdato (ÅÅÅÅ-MM-DD).', example: '2027-06-30' })
  @IsString({ message: 'expectedReleaseDate skal være en dato (ÅÅÅÅ-MM-DD).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expectedReleaseDate skal være en dato (ÅÅÅÅ-MM-DD).' })
  expectedReleaseDate!: string;

  @ApiProperty({ description: 'Knyttet til prøveløsladelse (Bander bag tremmer).' })
  @IsBoolean({ message: 'paroleLinked skal være true eller false.' })
  paroleLinked!: boolean;

  @ApiPropertyOptional({
    description: 'Tidspunkt for henvisningen (ISO 8601); fristen for egnethedsvurderingen regnes herfra. Standard: nu.',
    example: '2026-11-24T09:00:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'referredAt skal være et tidspunkt (ISO 8601).' })
  referredAt?: string;
}
