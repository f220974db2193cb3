import { MomentOrNow, Reason } from '../../common/dto-fields';
import { ChoiceField } from '../../common/field-decorators';

export const INTERRUPTION_BY = ['inmate', 'kriminalforsorgen'] as const;

export class InterruptionDto {
  @ChoiceField('by', INTERRUPTION_BY, {
    description: 'Hvem der afbryder: den indsatte eller Kriminalforsorgen.',
    required: true,
    message: "by skal være 'inmate' eller 'kriminalforsorgen'.",
  })
  by!: (typeof INTERRUPTION_BY)[number];

  @Reason('Begrundelse for afbrydelsen.', { requiredOf: 'En afbrydelse' })
  reason!: string;

  @MomentOrNow('interruptedAt', 'Tidspunkt for afbrydelsen. Standard: nu.')
  interruptedAt?: string;
}
