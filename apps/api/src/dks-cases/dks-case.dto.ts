import { DKS_TRIGGERS } from '../../../../libs/domain/youth/dks-case.types';
import { unitCodesOf } from '../../../../libs/domain/organisations/organisation-units';
import {
  BooleanField,
  ChoiceField,
  InstantField,
  ReferenceField,
  TextField,
  UnitCodeField,
} from '../common/field-decorators';

export class StartDksCaseDto {
  @ReferenceField('personRef', {
    description: 'Den unges personreference (fra personregistret).',
    required: 'personRef skal udfyldes.',
  })
  personRef!: string;

  @UnitCodeField('policeDistrictCode', unitCodesOf('police_district'), {
    description: 'Politikredsen (DKS-enheden).',
    example: 'POL-KBH',
    required: 'policeDistrictCode skal udfyldes.',
  })
  policeDistrictCode!: string;

  @ChoiceField('trigger', DKS_TRIGGERS, {
    description: 'charged: sigtet; concerning_behaviour: bekymrende adfærd.',
    required: 'trigger skal udfyldes.',
    message: "trigger skal være 'charged' eller 'concerning_behaviour'.",
  })
  trigger!: (typeof DKS_TRIGGERS)[number];

  @InstantField('triggeredAt', {
    description: 'Tidspunkt for sigtelsen eller observationen: de 24 timer og alderen regnes herfra.',
    required: 'triggeredAt skal udfyldes: fristen og alderen regnes fra dette tidspunkt.',
  })
  triggeredAt!: string;
}

export class DksAssessmentDto {
  @BooleanField('concernConversation', {
    description: 'Skal der holdes en bekymringssamtale?',
    required: 'concernConversation skal udfyldes.',
  })
  concernConversation!: boolean;

  @TextField('reason', { description: 'Begrundelse.', required: 'Vurderingen skal have en begrundelse (reason).' })
  reason!: string;

  @InstantField('decidedAt', { description: 'Tidspunkt for vurderingen (standard: nu).' })
  decidedAt?: string;
}

export class HomeVisitPlanDto {
  @InstantField('plannedFor', {
    description: 'Planlagt tidspunkt for hjemmebesøget.',
    required: 'plannedFor skal udfyldes.',
  })
  plannedFor!: string;
}

export class HomeVisitDto {
  @InstantField('heldAt', { description: 'Hvornår hjemmebesøget blev holdt (standard: nu).' })
  heldAt?: string;

  @BooleanField('withSocialServices', {
    description: 'Holdt sammen med socialforvaltningen.',
    required: 'withSocialServices skal udfyldes.',
  })
  withSocialServices!: boolean;

  @TextField('initiatives', {
    description: 'De iværksatte initiativer, som opfølgningen skal tjekke.',
    required: 'initiatives skal udfyldes.',
  })
  initiatives!: string;
}

export class FollowUpCheckDto {
  @InstantField('checkedAt', { description: 'Hvornår opfølgningen blev lavet (standard: nu).' })
  checkedAt?: string;

  @TextField('findings', { description: 'Hvad opfølgningstjekket viste.', required: 'findings skal udfyldes.' })
  findings!: string;
}
