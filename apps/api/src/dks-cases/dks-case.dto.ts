import { DKS_TRIGGER_LABELS } from '../../../../libs/domain/youth/dks-case.types';
import { DKS_CASE_OUTCOME_LABELS, type DksCaseOutcome } from '../../../../libs/domain/youth/youth-vocabulary';
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

  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description:
      'Kommunen hvis socialforvaltning deltager i hjemmebesøget (den ser tidspunktet, den unge og politikredsen).',
    example: 'KOM-0101',
  })
  municipalityCode?: string;
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

export class DksCaseEndDto {
  @ChoiceField('outcome', DKS_CASE_OUTCOME_LABELS, {
    label: 'Udfaldet',
    description:
      'declined: familien takker nej til bekymringssamtalen; not_reached: familien kan ikke træffes; existing_action_plan: en eksisterende handleplan fortsætter.',
    required: true,
  })
  outcome!: DksCaseOutcome;

  @ReasonCode<DksCaseEndDto>(['dks_case_end'], 'Hvorfor sagen afsluttes uden hjemmebesøg.')
  reasonCode?: string;

  @Reason<DksCaseEndDto>('Begrundelse; skal udfyldes, når årsagen er andet eller udeladt.', {
    requiredOf: 'Afslutningen',
    when: (dto) => needsReasonNote(dto.reasonCode),
  })
  reason?: string;

  @MomentOrNow('endedAt', 'Tidspunktet for afslutningen', 'Hvornår sagen blev afsluttet (standard: nu).')
  endedAt?: string;
}

export class DksCaseMoveDto {
  @UnitCode('police_district', 'toPoliceDistrictCode', {
    label: 'Den nye politikreds',
    description: 'Politikredsen den unge er flyttet til (dens DKS får sagen).',
    example: 'POL-FYN',
    required: true,
  })
  toPoliceDistrictCode!: string;

  @MomentOrNow('movedAt', 'Tidspunktet for flytningen', 'Hvornår den unge flyttede (standard: nu).')
  movedAt?: string;
}

export class SocialServicesParticipationDto {
  @BooleanField('participates', {
    label: 'Feltet »Socialforvaltningen deltager i hjemmebesøget«',
    description: 'Deltager socialforvaltningen i hjemmebesøget?',
    required: true,
  })
  participates!: boolean;

  @TextField<SocialServicesParticipationDto>('levelOneCaseRef', {
    label: 'Sagsnummeret på jeres niveau 1-sag',
    description: 'Referencen til socialforvaltningens egen niveau 1-sag (gemmes krypteret); kun når I deltager.',
    maxLength: 100,
  })
  levelOneCaseRef?: string;
}
