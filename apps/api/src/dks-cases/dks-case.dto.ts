import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DKS_TRIGGERS } from '../../../../libs/domain/youth/dks-case.types';
import { IsInstant } from '../common/is-instant.decorator';

const INSTANT = (field: string) => `${field} skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.`;

export class StartDksCaseDto {
  @ApiProperty({ description: 'Den unges personreference (fra personregistret).' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, { message: 'personRef skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.' })
  @IsString({ message: 'personRef skal være tekst.' })
  @IsDefined({ message: 'personRef skal udfyldes.' })
  personRef!: string;

  @ApiProperty({ description: 'Politikredsen (DKS-enheden).', example: 'POL-KBH' })
  @MaxLength(64, { message: 'policeDistrictCode må højst være 64 tegn.' })
  @IsString({ message: 'policeDistrictCode skal være tekst.' })
  @IsDefined({ message: 'policeDistrictCode skal udfyldes.' })
  policeDistrictCode!: string;

  @ApiProperty({ enum: DKS_TRIGGERS, description: 'charged: sigtet; concerning_behaviour: bekymrende adfærd.' })
  @IsIn(DKS_TRIGGERS, { message: "trigger skal være 'charged' eller 'concerning_behaviour'." })
  @IsDefined({ message: 'trigger skal udfyldes.' })
  trigger!: (typeof DKS_TRIGGERS)[number];

  @ApiProperty({ description: 'Tidspunkt for sigtelsen eller observationen: de 24 timer og alderen regnes herfra.' })
  @IsInstant({ message: INSTANT('triggeredAt') })
  @IsDefined({ message: 'triggeredAt skal udfyldes: fristen og alderen regnes fra dette tidspunkt.' })
  triggeredAt!: string;
}

export class DksAssessmentDto {
  @ApiProperty({ description: 'Skal der holdes en bekymringssamtale?' })
  @IsBoolean({ message: 'concernConversation skal være true eller false.' })
  @IsDefined({ message: 'concernConversation skal udfyldes.' })
  concernConversation!: boolean;

  @ApiProperty({ description: 'Begrundelse.' })
  @MaxLength(2000, { message: 'reason må højst være 2000 tegn.' })
  @IsString({ message: 'reason skal være tekst.' })
  @IsNotEmpty({ message: 'Vurderingen skal have en begrundelse (reason).' })
  reason!: string;

  @ApiPropertyOptional({ description: 'Tidspunkt for vurderingen (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT('decidedAt') })
  decidedAt?: string;
}

export class HomeVisitPlanDto {
  @ApiProperty({ description: 'Planlagt tidspunkt for hjemmebesøget.' })
  @IsInstant({ message: INSTANT('plannedFor') })
  @IsDefined({ message: 'plannedFor skal udfyldes.' })
  plannedFor!: string;
}

export class HomeVisitDto {
  @ApiPropertyOptional({ description: 'Hvornår hjemmebesøget blev holdt (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT('heldAt') })
  heldAt?: string;

  @ApiProperty({ description: 'Holdt sammen med socialforvaltningen.' })
  @IsBoolean({ message: 'withSocialServices skal være true eller false.' })
  @IsDefined({ message: 'withSocialServices skal udfyldes.' })
  withSocialServices!: boolean;

  @ApiProperty({ description: 'De iværksatte initiativer, som opfølgningen skal tjekke.' })
  @MaxLength(2000, { message: 'initiatives må højst være 2000 tegn.' })
  @IsString({ message: 'initiatives skal være tekst.' })
  @IsNotEmpty({ message: 'initiatives skal udfyldes.' })
  initiatives!: string;
}

export class FollowUpCheckDto {
  @ApiPropertyOptional({ description: 'Hvornår opfølgningen blev lavet (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT('checkedAt') })
  checkedAt?: string;

  @ApiProperty({ description: 'Hvad opfølgningstjekket viste.' })
  @MaxLength(2000, { message: 'findings må højst være 2000 tegn.' })
  @IsString({ message: 'findings skal være tekst.' })
  @IsNotEmpty({ message: 'findings skal udfyldes.' })
  findings!: string;
}
