import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AGREEMENT_KINDS, PARTICIPANT_ROLES, SUSPICIONS } from '../../../../libs/domain/youth/network-council.types';
import { IsInstant } from '../common/is-instant.decorator';

const INSTANT = (field: string) => `${field} skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.`;

export class StartNetworkCouncilDto {
  @ApiProperty({ description: 'Den unges personreference (fra personregistret).' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, { message: 'personRef skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.' })
  @IsString({ message: 'personRef skal være tekst.' })
  @IsDefined({ message: 'personRef skal udfyldes.' })
  personRef!: string;

  @ApiProperty({ description: 'Kommunen.', example: 'KOM-0101' })
  @MaxLength(64, { message: 'municipalityCode må højst være 64 tegn.' })
  @IsString({ message: 'municipalityCode skal være tekst.' })
  @IsDefined({ message: 'municipalityCode skal udfyldes.' })
  municipalityCode!: string;

  @ApiProperty({ enum: SUSPICIONS, description: 'suspected: mistænkt; charged: sigtet.' })
  @IsIn(SUSPICIONS, { message: "suspicion skal være 'suspected' eller 'charged'." })
  @IsDefined({ message: 'suspicion skal udfyldes.' })
  suspicion!: (typeof SUSPICIONS)[number];

  @ApiProperty({ description: 'Hvornår dokumentationen fra politiet blev modtaget: de 7 dage og alderen regnes herfra.' })
  @IsInstant({ message: INSTANT('documentationReceivedAt') })
  @IsDefined({ message: 'documentationReceivedAt skal udfyldes: fristen og alderen regnes fra dette tidspunkt.' })
  documentationReceivedAt!: string;
}

class ParticipantDto {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES, { message: `role skal være en af: ${PARTICIPANT_ROLES.join(', ')}.` })
  role!: (typeof PARTICIPANT_ROLES)[number];
}

export class InvitationsDto {
  @ApiPropertyOptional({ description: 'Hvornår der blev indkaldt (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT('invitedAt') })
  invitedAt?: string;

  @ApiProperty({ type: [ParticipantDto], description: 'De indkaldte, efter rolle.' })
  @IsArray({ message: 'participants skal være en liste.' })
  @ArrayMinSize(1, { message: 'Indkald mindst én deltager.' })
  @ArrayMaxSize(50, { message: 'Højst 50 deltagere.' })
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];
}

export class CouncilMeetingDto {
  @ApiPropertyOptional({ description: 'Hvornår samrådet blev holdt (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT('heldAt') })
  heldAt?: string;
}

class AgreementDto {
  @ApiProperty({ enum: AGREEMENT_KINDS })
  @IsIn(AGREEMENT_KINDS, { message: `kind skal være en af: ${AGREEMENT_KINDS.join(', ')}.` })
  kind!: (typeof AGREEMENT_KINDS)[number];

  @ApiProperty()
  @MaxLength(2000, { message: 'description må højst være 2000 tegn.' })
  @IsString({ message: 'description skal være tekst.' })
  @IsNotEmpty({ message: 'description skal udfyldes.' })
  description!: string;
}

export class CouncilAgreementsDto {
  @ApiPropertyOptional({ description: 'Hvornår aftalerne blev indgået (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT('agreedAt') })
  agreedAt?: string;

  @ApiProperty({ type: [AgreementDto], description: 'Aftaler om støtte under varetægt, ved løsladelse, mentorstøtte.' })
  @IsArray({ message: 'agreements skal være en liste.' })
  @ArrayMinSize(1, { message: 'Angiv mindst én aftale.' })
  @ArrayMaxSize(50, { message: 'Højst 50 aftaler.' })
  @ValidateNested({ each: true })
  @Type(() => AgreementDto)
  agreements!: AgreementDto[];
}
