import { DKS_TRIGGERS } from '../../../../libs/domain/youth/dks-case.types';
import { DeadlineStart, MomentOrNow, Reason, UnitCode, YouthPersonRef } from '../common/dto-fields';
import { BooleanField, ChoiceField, InstantField, TextField } from '../common/field-decorators';

export class StartDksCaseDto {
  @YouthPersonRef()
  personRef!: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    description: 'Politikredsen (DKS-enheden).',
    example: 'POL-KBH',
    required: true,
  })
  policeDistrictCode!: string;

  @ChoiceField('trigger', DKS_TRIGGERS, {
    description: 'charged: sigtet; concerning_behaviour: bekymrende adfærd.',
    required: true,
    message: "trigger skal være 'charged' eller 'concerning_behaviour'.",
  })
  trigger!: (typeof DKS_TRIGGERS)[number];

  @DeadlineStart('triggeredAt', 'Tidspunkt for sigtelsen eller observationen: de 24 timer og alderen regnes herfra.')
  triggeredAt!: string;
}

export class DksAssessmentDto {
  @BooleanField('concernConversation', {
    description: 'Skal der holdes en bekymringssamtale?',
    required: true,
  })
  concernConversation!: boolean;

  @Reason('Begrundelse.', { requiredOf: 'Vurderingen' })
  reason!: string;

  @MomentOrNow('decidedAt', 'Tidspunkt for vurderingen (standard: nu).')
  decidedAt?: string;
}

export class HomeVisitPlanDto {
  @InstantField('plannedFor', {
    description: 'Planlagt tidspunkt for hjemmebesøget.',
    required: true,
  })
  plannedFor!: string;
}

export class HomeVisitDto {
  @MomentOrNow('heldAt', 'Hvornår hjemmebesøget blev holdt (standard: nu).')
  heldAt?: string;

  @BooleanField('withSocialServices', {
    description: 'Holdt sammen med socialforvaltningen.',
    required: true,
  })
  withSocialServices!: boolean;

  @TextField('initiatives', {
    description: 'De iværksatte initiativer, som opfølgningen skal tjekke.',
    required: true,
  })
  initiatives!: string;
}

export class FollowUpCheckDto {
  @MomentOrNow('checkedAt', 'Hvornår opfølgningen blev lavet (standard: nu).')
  checkedAt?: string;

  @TextField('findings', { description: 'Hvad opfølgningstjekket viste.', required: true })
  findings!: string;
}
