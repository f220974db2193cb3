import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/is-instant.decorator';

export class PrisonTransferDto {
  @ApiProperty({ description: 'Den modtagende institutions kode.', example: 'KF-ENNER-MARK' })
  @MaxLength(64, { message: 'toInstitutionCode må højst være 64 tegn.' })
  @IsString({ message: 'toInstitutionCode skal være tekst.' })
  @IsDefined({ message: 'toInstitutionCode skal udfyldes.' })
  toInstitutionCode!: string;

  @ApiPropertyOptional({ description: 'Tidspunkt for overførslen (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: 'transferredAt skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.' })
  transferredAt?: string;
}

export class ReleasePlanDto {
  @ApiProperty({ description: 'Kommunen personen løslades til.', example: 'KOM-0101' })
  @MaxLength(64, { message: 'municipalityCode må højst være 64 tegn.' })
  @IsString({ message: 'municipalityCode skal være tekst.' })
  @IsDefined({ message: 'municipalityCode skal udfyldes.' })
  municipalityCode!: string;

  @ApiProperty({ description: 'Politikredsen personen løslades til (dens exitenhed får sagen).', example: 'POL-KBH' })
  @MaxLength(64, { message: 'policeDistrictCode må højst være 64 tegn.' })
  @IsString({ message: 'policeDistrictCode skal være tekst.' })
  @IsDefined({ message: 'policeDistrictCode skal udfyldes.' })
  policeDistrictCode!: string;
}
