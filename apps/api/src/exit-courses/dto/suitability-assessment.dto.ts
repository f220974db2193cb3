import {
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { MomentOrNow, Reason, ReasonCode, needsReasonNote } from '../../common/dto-fields';
import { ChoiceField } from '../../common/field-decorators';

/** The outcomes as the page's form names them. */
const ASSESSMENT_OUTCOME_LABELS = { offer: 'tilbud om exit-aftale', rejection: 'afslag' } as const;

@ValidatorConstraint({ name: 'reasonOnlyWithRejection' })
class ReasonOnlyWithRejection implements ValidatorConstraintInterface {
  validate(_reason: unknown, args: ValidationArguments): boolean {
    return (args.object as SuitabilityAssessmentDto).outcome !== 'offer';
  }

  defaultMessage(): string {
    return 'Et tilbud har ingen begrundelse: lad begrundelsen være tom.';
  }
}

export class SuitabilityAssessmentDto {
  @ChoiceField('outcome', ASSESSMENT_OUTCOME_LABELS, {
    label: 'Resultatet',
    description: 'offer: tilbud om exit-aftale; rejection: afslag.',
    required: true,
  })
  outcome!: keyof typeof ASSESSMENT_OUTCOME_LABELS;

  @MomentOrNow(
    'decidedAt',
    'Tidspunktet for vurderingen',
    'Tidspunkt for vurderingen (for et tilbud: tilbuddets dato). Standard: nu.',
    '2026-11-24T10:00:00+01:00',
  )
  decidedAt?: string;

  @ReasonCode<SuitabilityAssessmentDto>(['suitability_rejection'], 'Ved afslag: hvorfor.', {
    when: (dto) => dto.outcome !== 'offer',
    message: 'Et tilbud har ingen årsag: lad årsagen være tom.',
  })
  reasonCode?: string;

  // Checked bottom-up: an offer with a reason is refused first; a rejection needs a reason that is not blank.
  @Reason<SuitabilityAssessmentDto>(
    'Begrundelse; skal udfyldes ved afslag, når årsagen er andet eller udeladt, og må ikke sendes ved tilbud.',
    {
      requiredOf: 'Et afslag',
      when: (dto) => dto.outcome === 'rejection' && needsReasonNote(dto.reasonCode),
    },
  )
  @Validate(ReasonOnlyWithRejection)
  reason?: string;
}
