import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import { unitCodesOf } from '../../../../libs/domain/organisations/organisation-units';
import { AGREEMENT_KINDS, PARTICIPANT_ROLES, SUSPICIONS } from '../../../../libs/domain/youth/network-council.types';
import { ChoiceField, InstantField, ReferenceField, TextField, UnitCodeField } from '../common/field-decorators';

/** The most participants or agreements one council records. */
const MAX_ITEMS = 50;

export class StartNetworkCouncilDto {
  @ReferenceField('personRef', {
    description: 'Den unges personreference (fra personregistret).',
    required: 'personRef skal udfyldes.',
  })
  personRef!: string;

  @UnitCodeField('municipalityCode', unitCodesOf('municipality'), {
    description: 'Kommunen.',
    example: 'KOM-0101',
    required: 'municipalityCode skal udfyldes.',
  })
  municipalityCode!: string;

  @ChoiceField('suspicion', SUSPICIONS, {
    description: 'suspected: mistænkt; charged: sigtet.',
    required: 'suspicion skal udfyldes.',
    message: "suspicion skal være 'suspected' eller 'charged'.",
  })
  suspicion!: (typeof SUSPICIONS)[number];

  @InstantField('documentationReceivedAt', {
    description: 'Hvornår dokumentationen fra politiet blev modtaget: de 7 dage og alderen regnes herfra.',
    required: 'documentationReceivedAt skal udfyldes: fristen og alderen regnes fra dette tidspunkt.',
  })
  documentationReceivedAt!: string;
}

class ParticipantDto {
  @ChoiceField('role', PARTICIPANT_ROLES, { description: 'Deltagerens rolle.', required: 'role skal udfyldes.' })
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
  @InstantField('invitedAt', { description: 'Hvornår der blev indkaldt (standard: nu).' })
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
  @InstantField('heldAt', { description: 'Hvornår samrådet blev holdt (standard: nu).' })
  heldAt?: string;
}

class AgreementDto {
  @ChoiceField('kind', AGREEMENT_KINDS, {
    description: 'Støtte under varetægt, ved løsladelse, mentorstøtte.',
    required: 'kind skal udfyldes.',
  })
  kind!: (typeof AGREEMENT_KINDS)[number];

  @TextField('description', { description: 'Hvad der er aftalt.', required: 'description skal udfyldes.' })
  description!: string;
}

export class CouncilAgreementsDto {
  @InstantField('agreedAt', { description: 'Hvornår aftalerne blev indgået (standard: nu).' })
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
