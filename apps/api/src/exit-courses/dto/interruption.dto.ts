import { ChoiceField, InstantField, TextField } from '../../common/field-decorators';

export const INTERRUPTION_BY = ['inmate', 'kriminalforsorgen'] as const;

export class InterruptionDto {
  @ChoiceField('by', INTERRUPTION_BY, {
    description: 'Hvem der afbryder: den indsatte eller Kriminalforsorgen.',
    required: 'by skal udfyldes.',
    message: "by skal være 'inmate' eller 'kriminalforsorgen'.",
  })
  by!: (typeof INTERRUPTION_BY)[number];

  @TextField('reason', {
    description: 'Begrundelse for afbrydelsen.',
    required: 'En afbrydelse skal have en begrundelse (reason).',
  })
  reason!: string;

  @InstantField('interruptedAt', { description: 'Tidspunkt for afbrydelsen. Standard: nu.' })
  interruptedAt?: string;
}
