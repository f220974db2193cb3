import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { HANDOVER_CONTINUATIONS, READINESS_ITEMS } from '../../../../../libs/domain/exit-course/exit-course.types';
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

export class ExpectedReleaseDateDto {
  @ApiProperty({ description: 'Ny forventet løsladelsesdato (ÅÅÅÅ-MM-DD).', example: '2027-05-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expectedReleaseDate skal være en dato (ÅÅÅÅ-MM-DD).' })
  @IsString({ message: 'expectedReleaseDate skal være en dato (ÅÅÅÅ-MM-DD).' })
  @IsDefined({ message: 'expectedReleaseDate skal udfyldes.' })
  expectedReleaseDate!: string;

  @ApiProperty({ description: 'Hvorfor datoen ændres.' })
  @MaxLength(2000, { message: 'reason må højst være 2000 tegn.' })
  @IsString({ message: 'reason skal være tekst.' })
  @IsNotEmpty({ message: 'En ændret løsladelsesdato skal have en begrundelse (reason).' })
  reason!: string;
}

export class ReadinessDto {
  @ApiProperty({ enum: READINESS_ITEMS, description: 'Punkt på tjeklisten: bolig, forsørgelse, job-/uddannelsesplan, mentorkontinuitet.' })
  @IsIn(READINESS_ITEMS, { message: `item skal være en af: ${READINESS_ITEMS.join(', ')}.` })
  @IsDefined({ message: 'item skal udfyldes.' })
  item!: (typeof READINESS_ITEMS)[number];

  @ApiProperty({ description: 'Om punktet er på plads.' })
  @IsBoolean({ message: 'ready skal være true eller false.' })
  @IsDefined({ message: 'ready skal udfyldes.' })
  ready!: boolean;

  @ApiPropertyOptional({ description: 'Bemærkning (fx hvilken bolig).' })
  @IsOptional()
  @MaxLength(2000, { message: 'note må højst være 2000 tegn.' })
  @IsString({ message: 'note skal være tekst.' })
  note?: string;
}

export class ReleaseDto {
  @ApiPropertyOptional({ description: 'Tidspunkt for løsladelsen (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: 'releasedAt skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.' })
  releasedAt?: string;

  @ApiPropertyOptional({ description: 'Politikredsen, hvis exitenhed overtager (standard: løsladelsesplanens).' })
  @IsOptional()
  @MaxLength(64, { message: 'policeDistrictCode må højst være 64 tegn.' })
  @IsString({ message: 'policeDistrictCode skal være tekst.' })
  policeDistrictCode?: string;

  @ApiPropertyOptional({ description: 'Kommunen personen løslades til (standard: løsladelsesplanens).' })
  @IsOptional()
  @MaxLength(64, { message: 'municipalityCode må højst være 64 tegn.' })
  @IsString({ message: 'municipalityCode skal være tekst.' })
  municipalityCode?: string;
}

export const HANDOVER_DECISIONS = ['accept', 'decline'] as const;

export class HandoverDecisionDto {
  @ApiProperty({ enum: HANDOVER_DECISIONS, description: 'accept: overtaget; decline: afvist (tilbage til Kriminalforsorgen).' })
  @IsIn(HANDOVER_DECISIONS, { message: "decision skal være 'accept' eller 'decline'." })
  @IsDefined({ message: 'decision skal udfyldes.' })
  decision!: (typeof HANDOVER_DECISIONS)[number];

  @ApiPropertyOptional({ enum: HANDOVER_CONTINUATIONS, description: 'Ved accept: videreført med kommunen, i kommunens exitprogram, eller afsluttet.' })
  @ValidateIf((dto: HandoverDecisionDto) => dto.decision === 'accept')
  @IsIn(HANDOVER_CONTINUATIONS, { message: `continuation skal være en af: ${HANDOVER_CONTINUATIONS.join(', ')}.` })
  @IsDefined({ message: 'Ved accept skal continuation udfyldes.' })
  continuation?: (typeof HANDOVER_CONTINUATIONS)[number];

  @ApiPropertyOptional({ description: 'Begrundelse; skal udfyldes ved afvisning og ved afslutning.' })
  @IsOptional()
  @MaxLength(2000, { message: 'reason må højst være 2000 tegn.' })
  @IsString({ message: 'reason skal være tekst.' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Tidspunkt for afgørelsen (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: 'decidedAt skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.' })
  decidedAt?: string;
}

export class HandoverRedirectDto {
  @ApiProperty({ description: 'Den politikreds, der nu skal overtage.', example: 'POL-KBH-VESTEGN' })
  @MaxLength(64, { message: 'policeDistrictCode må højst være 64 tegn.' })
  @IsString({ message: 'policeDistrictCode skal være tekst.' })
  @IsDefined({ message: 'policeDistrictCode skal udfyldes.' })
  policeDistrictCode!: string;
}
