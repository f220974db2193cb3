import { CASE_LEVEL_LABELS } from '../../../../libs/domain/youth/youth-vocabulary';
import { MomentOrNow, Reason, UnitCode } from '../common/dto-fields';
import { BooleanField, ChoiceField, DateField, UnitCodeField } from '../common/field-decorators';

export type CaseLevelChoice = keyof typeof CASE_LEVEL_LABELS;

/** The level as a form names it: a choice of '1', '2', '3' (the body is JSON text, the workflow a number). */
export const CaseLevelChoice = (required: boolean, description: string): PropertyDecorator =>
  ChoiceField('caseLevel', CASE_LEVEL_LABELS, {
    label: 'Niveauet',
    description,
    ...(required ? { required: true as const } : {}),
  });

export class CaseLevelDto {
  @ChoiceField('level', CASE_LEVEL_LABELS, {
    label: 'Niveauet',
    description: '1: risikoadfærd; 2: kriminalitet; 3: kvalificeret kriminalitet (bandetilknytning, våben).',
    required: true,
  })
  level!: CaseLevelChoice;

  @Reason('Begrundelse; skal udfyldes, når sagen allerede har et niveau (en ændring).')
  reason?: string;
}

export class AdultHandoverDto {
  @BooleanField('handedOver', {
    label: 'Feltet »Overdrages til kommunens 18+-indsats«',
    description: 'Overdrages sagen til kommunens 18+-indsats (SSP+)?',
    required: true,
  })
  handedOver!: boolean;

  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description: 'Kommunen, hvis 18+-indsats (SSP+) sagen overdrages til eller er vurderet af.',
    example: 'KOM-0101',
    required: true,
  })
  municipalityCode!: string;

  @Reason<AdultHandoverDto>('Begrundelse for beslutningen.', { requiredOf: 'Beslutningen om overdragelse' })
  reason!: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for beslutningen', 'Tidspunkt for beslutningen (standard: nu).')
  decidedAt?: string;
}

export class LevelOneReviewDto {
  @UnitCodeField('unit', {
    label: 'Enheden',
    description: 'Enheden (politikreds eller kommune), hvis koordinationsmøde blev holdt.',
    example: 'POL-KBH',
    required: true,
  })
  unit!: string;

  @DateField('meetingDate', {
    label: 'Mødedatoen',
    description: 'Dagen, koordinationsmødet blev holdt (dansk kalenderdato).',
    example: '2026-12-15',
    required: true,
  })
  meetingDate!: string;
}
