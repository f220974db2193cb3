import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { AGREEMENT_KINDS, PARTICIPANT_ROLES, SUSPICIONS } from '../../../../libs/domain/youth/network-council.types';
import { DeadlineStart, MomentOrNow, UnitCode, YouthPersonRef } from '../common/dto-fields';
import { ChoiceField, TextField } from '../common/field-decorators';

/** The most participants or agreements one council records. */
const MAX_ITEMS = 50;

export class StartNetworkCouncilDto {
  @YouthPersonRef()
  personRef!: string;

  @UnitCode('municipality', 'municipalityCode', { description: 'Kommunen.', example: 'KOM-0101', required: true })
  municipalityCode!: string;

  @ChoiceField('suspicion', SUSPICIONS, {
    description: 'suspected: mistænkt; charged: sigtet.',
    required: true,
    message: "suspicion skal være 'suspected' eller 'charged'.",
  })
  suspicion!: (typeof SUSPICIONS)[number];

  @DeadlineStart(
    'documentationReceivedAt',
    'Hvornår dokumentationen fra politiet blev modtaget: de 7 dage og alderen regnes herfra.',
  )
  documentationReceivedAt!: string;
}

class ParticipantDto {
  @ChoiceField('role', PARTICIPANT_ROLES, { description: 'Deltagerens rolle.', required: true })
  role!: (typeof PARTICIPANT_ROLES)[number];
}

/** A list of 1 to MAX_ITEMS items of one class. */
function ItemsField(
  field: string,
  itemClass: new () => object,
  description: string,
  empty: string,
  tooMany: string,
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [itemClass], description, minItems: 1, maxItems: MAX_ITEMS }),
    IsDefined({ message: `${field} skal udfyldes.` }),
    IsArray({ message: `${field} skal være en liste.` }),
    ArrayMinSize(1, { message: empty }),
    ArrayMaxSize(MAX_ITEMS, { message: tooMany }),
    ValidateNested({ each: true }),
    Type(() => itemClass),
  );
}

export class InvitationsDto {
  @MomentOrNow('invitedAt', 'Hvornår der blev indkaldt (standard: nu).')
  invitedAt?: string;

  @ItemsField(
    'participants',
    ParticipantDto,
    'De indkaldte, efter rolle.',
    'Indkald mindst én deltager.',
    `Højst ${MAX_ITEMS} deltagere.`,
  )
  participants!: ParticipantDto[];
}

export class CouncilMeetingDto {
  @MomentOrNow('heldAt', 'Hvornår samrådet blev holdt (standard: nu).')
  heldAt?: string;
}

class AgreementDto {
  @ChoiceField('kind', AGREEMENT_KINDS, {
    description: 'Støtte under varetægt, ved løsladelse, mentorstøtte.',
    required: true,
  })
  kind!: (typeof AGREEMENT_KINDS)[number];

  @TextField('description', { description: 'Hvad der er aftalt.', required: true })
  description!: string;
}

export class CouncilAgreementsDto {
  @MomentOrNow('agreedAt', 'Hvornår aftalerne blev indgået (standard: nu).')
  agreedAt?: string;

  @ItemsField(
    'agreements',
    AgreementDto,
    'Aftaler om støtte under varetægt, ved løsladelse, mentorstøtte.',
    'Angiv mindst én aftale.',
    `Højst ${MAX_ITEMS} aftaler.`,
  )
  agreements!: AgreementDto[];
}
