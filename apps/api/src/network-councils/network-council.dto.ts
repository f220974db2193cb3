import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import {
  AGREEMENT_KIND_LABELS,
  PARTICIPANT_ROLE_LABELS,
  SUSPICION_LABELS,
  type AgreementKind,
  type ParticipantRole,
  type Suspicion,
} from '../../../../libs/domain/youth/network-council.types';
import { DeadlineStart, MomentOrNow, UnitCode, YouthPersonRef } from '../common/dto-fields';
import { ChoiceField, TextField } from '../common/field-decorators';

/** The most participants or agreements one council records. */
const MAX_ITEMS = 50;

export class StartNetworkCouncilDto {
  @YouthPersonRef()
  personRef!: string;

  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description: 'Kommunen.',
    example: 'KOM-0101',
    required: true,
  })
  municipalityCode!: string;

  @ChoiceField('suspicion', SUSPICION_LABELS, {
    label: 'Mistanken',
    description: 'suspected: mistænkt; charged: sigtet.',
    required: true,
  })
  suspicion!: Suspicion;

  @DeadlineStart(
    'documentationReceivedAt',
    'Tidspunktet for modtagelsen af dokumentationen',
    'Hvornår dokumentationen fra politiet blev modtaget: de 7 dage og alderen regnes herfra.',
  )
  documentationReceivedAt!: string;
}

class ParticipantDto {
  @ChoiceField('role', PARTICIPANT_ROLE_LABELS, {
    label: 'Deltagerens rolle',
    description: 'Deltagerens rolle.',
    required: true,
  })
  role!: ParticipantRole;
}

/** A list of 1 to MAX_ITEMS items of one class; `label` names the list, `item` one of its items. */
function ItemsField(
  itemClass: new () => object,
  texts: { label: string; item: string; description: string; empty: string; tooMany: string },
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [itemClass], description: texts.description, minItems: 1, maxItems: MAX_ITEMS }),
    IsDefined({ message: `${texts.label} skal udfyldes.` }),
    IsArray({ message: `${texts.label} skal være en liste.` }),
    ArrayMinSize(1, { message: texts.empty }),
    ArrayMaxSize(MAX_ITEMS, { message: texts.tooMany }),
    ValidateNested({ each: true, message: `Hver ${texts.item} skal angives med sine felter.` }),
    Type(() => itemClass),
  );
}

export class InvitationsDto {
  @MomentOrNow('invitedAt', 'Tidspunktet for indkaldelsen', 'Hvornår der blev indkaldt (standard: nu).')
  invitedAt?: string;

  @ItemsField(ParticipantDto, {
    label: 'De indkaldte',
    item: 'deltager',
    description: 'De indkaldte, efter rolle.',
    empty: 'Indkald mindst én deltager.',
    tooMany: `Højst ${MAX_ITEMS} deltagere.`,
  })
  participants!: ParticipantDto[];
}

export class CouncilMeetingDto {
  @MomentOrNow('heldAt', 'Tidspunktet for samrådet', 'Hvornår samrådet blev holdt (standard: nu).')
  heldAt?: string;
}

class AgreementDto {
  @ChoiceField('kind', AGREEMENT_KIND_LABELS, {
    label: 'Aftalens type',
    description: 'Støtte under varetægt, ved løsladelse, mentorstøtte.',
    required: true,
  })
  kind!: AgreementKind;

  @TextField('description', { label: 'Aftalens indhold', description: 'Hvad der er aftalt.', required: true })
  description!: string;
}

export class CouncilAgreementsDto {
  @MomentOrNow('agreedAt', 'Tidspunktet for aftalerne', 'Hvornår aftalerne blev indgået (standard: nu).')
  agreedAt?: string;

  @ItemsField(AgreementDto, {
    label: 'Aftalerne',
    item: 'aftale',
    description: 'Aftaler om støtte under varetægt, ved løsladelse, mentorstøtte.',
    empty: 'Angiv mindst én aftale.',
    tooMany: `Højst ${MAX_ITEMS} aftaler.`,
  })
  agreements!: AgreementDto[];
}
