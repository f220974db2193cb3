import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, ValidateNested } from 'class-validator';
import {
  AGREEMENT_KIND_LABELS,
  INITIATIVE_OWNER_ORGANISATION_LABELS,
  PARTICIPANT_ROLE_LABELS,
  SUSPICION_LABELS,
  type AgreementKind,
  type ParticipantRole,
  type Suspicion,
} from '../../../../libs/domain/youth/network-council.types';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import {
  INITIATIVE_FOLLOW_UP_OUTCOME_LABELS,
  type InitiativeFollowUpOutcome,
} from '../../../../libs/domain/youth/youth-vocabulary';
import { DeadlineStart, MomentOrNow, UnitCode, YouthPersonRef } from '../common/dto-fields';
import {
  BooleanField,
  ChoiceField,
  DateField,
  IdField,
  InstantField,
  TextField,
  UnitCodeField,
} from '../common/field-decorators';

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

  @ChoiceField('ownerOrganisation', INITIATIVE_OWNER_ORGANISATION_LABELS, {
    label: 'Ejerens myndighed',
    description: 'Den myndighed (organisation), der ejer initiativet.',
    required: true,
  })
  ownerOrganisation!: Organisation;

  @UnitCodeField('ownerUnit', {
    label: 'Ejerens enhed',
    description: 'Enhedens kode (en enhed i ejerens organisation).',
    example: 'KOM-0101',
    required: true,
  })
  ownerUnit!: string;

  @DateField('dueDate', {
    label: 'Fristen',
    description: 'Hvornår initiativet skal være fulgt op (dagen med); ikke for støtte, der følger løsladelsen.',
    required: 'Fristen skal udfyldes, medmindre aftalen følger løsladelsen.',
    requiredWhen: (dto: AgreementDto) => dto.followsRelease !== true,
  })
  dueDate?: string;

  @BooleanField('followsRelease', {
    label: 'Følger løsladelsen',
    description: 'Støtte ved løsladelse, hvor den unge er varetægtsfængslet: fristen er løsladelsesdatoen.',
  })
  followsRelease?: boolean;
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

export class CouncilMeetingPlanDto {
  @InstantField('plannedFor', {
    label: 'Det planlagte mødetidspunkt',
    description: 'Hvornår netværkssamrådet skal holdes (kan ligge i fremtiden).',
    required: true,
  })
  plannedFor!: string;
}

export class InitiativeFollowUpDto {
  @IdField('initiativeId', {
    label: 'Initiativet',
    description: 'Initiativets id (fra handleplanen).',
    required: true,
  })
  initiativeId!: string;

  @ChoiceField('outcome', INITIATIVE_FOLLOW_UP_OUTCOME_LABELS, {
    label: 'Resultatet af opfølgningen',
    description: 'done: gennemført; ongoing: i gang; not_done: ikke gennemført.',
    required: true,
  })
  outcome!: InitiativeFollowUpOutcome;

  @TextField('note', { label: 'Noten om opfølgningen', description: 'Hvad opfølgningen viste.', required: true })
  note!: string;

  @MomentOrNow('followedUpAt', 'Tidspunktet for opfølgningen', 'Hvornår initiativet blev fulgt op (standard: nu).')
  followedUpAt?: string;
}

export class CouncilExpectedReleaseDto {
  @DateField('expectedReleaseDate', {
    label: 'Den forventede løsladelsesdato',
    description: 'Hvornår den unge forventes løsladt (varetægt): støtte ved løsladelse følger den.',
    required: true,
  })
  expectedReleaseDate!: string;
}

export class CouncilReleaseDto {
  @MomentOrNow('releasedAt', 'Tidspunktet for løsladelsen', 'Hvornår den unge blev løsladt (standard: nu).')
  releasedAt?: string;
}
