import { DKS_TRIGGER_LABELS } from '../../../../libs/domain/youth/dks-case.types';
import {
  DeadlineStart,
  MomentOrNow,
  Reason,
  ReasonCode,
  UnitCode,
  YouthPersonRef,
  needsReasonNote,
} from '../common/dto-fields';
import { CaseLevelChoice, type CaseLevelChoice as CaseLevelChoiceValue } from '../youth-cases/youth-case.dto';
import { BooleanField, ChoiceField, InstantField, TextField } from '../common/field-decorators';

export class StartDksCaseDto {
  @YouthPersonRef()
  personRef!: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description: 'Politikredsen (DKS-enheden).',
    example: 'POL-KBH',
    required: true,
  })
  policeDistrictCode!: string;

  @ChoiceField('trigger', DKS_TRIGGER_LABELS, {
    label: 'Anledningen',
    description: 'charged: sigtet; concerning_behaviour: bekymrende adfærd.',
    required: true,
  })
  trigger!: keyof typeof DKS_TRIGGER_LABELS;

  @DeadlineStart(
    'triggeredAt',
    'Tidspunktet for sigtelsen eller observationen',
    'Tidspunkt for sigtelsen eller observationen: de 24 timer og alderen regnes herfra.',
  )
  triggeredAt!: string;
}

export class DksAssessmentDto {
  @BooleanField('concernConversation', {
    label: 'Feltet »Skal der holdes en bekymringssamtale?«',
    description: 'Skal der holdes en bekymringssamtale?',
    required: true,
  })
  concernConversation!: boolean;

  @ReasonCode<DksAssessmentDto>(['no_concern_conversation'], 'Uden bekymringssamtale: hvorfor sagen afsluttes.', {
    when: (dto) => dto.concernConversation !== true,
    message: 'Kun en sag, der afsluttes uden bekymringssamtale, har en årsag: lad årsagen være tom.',
  })
  reasonCode?: string;

  @Reason<DksAssessmentDto>(
    'Begrundelse; skal udfyldes ved en bekymringssamtale, og ellers når årsagen er andet eller udeladt.',
    {
      requiredOf: 'Vurderingen',
      when: (dto) => dto.concernConversation === true || needsReasonNote(dto.reasonCode),
    },
  )
  reason?: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for vurderingen', 'Tidspunkt for vurderingen (standard: nu).')
  decidedAt?: string;

  @CaseLevelChoice(false, 'Sagens niveau (1–3), hvis det kendes; kan sættes eller ændres senere (case-level).')
  caseLevel?: CaseLevelChoiceValue;
}

export class HomeVisitPlanDto {
  @InstantField('plannedFor', {
    label: 'Det planlagte tidspunkt',
    description: 'Planlagt tidspunkt for hjemmebesøget.',
    required: true,
  })
  plannedFor!: string;
}

export class HomeVisitDto {
  @MomentOrNow('heldAt', 'Tidspunktet for besøget', 'Hvornår hjemmebesøget blev holdt (standard: nu).')
  heldAt?: string;

  @BooleanField('withSocialServices', {
    label: 'Feltet »Holdt sammen med socialforvaltningen«',
    description: 'Holdt sammen med socialforvaltningen.',
    required: true,
  })
  withSocialServices!: boolean;

  @TextField('initiatives', {
    label: 'De iværksatte initiativer',
    description: 'De iværksatte initiativer, som opfølgningen skal tjekke.',
    required: true,
  })
  initiatives!: string;
}

export class FollowUpCheckDto {
  @MomentOrNow('checkedAt', 'Tidspunktet for opfølgningen', 'Hvornår opfølgningen blev lavet (standard: nu).')
  checkedAt?: string;

  @TextField('findings', {
    label: 'Resultatet af opfølgningen',
    description: 'Hvad opfølgningstjekket viste.',
    required: true,
  })
  findings!: string;
}
