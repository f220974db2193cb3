import { MomentOrNow, Reason } from '../../common/dto-fields';
import { ChoiceField } from '../../common/field-decorators';
import { INTERRUPTION_BY, type InterruptionBy } from '../../../../../libs/domain/exit-course/exit-course.types';

export class InterruptionDto {
  @ChoiceField('by', INTERRUPTION_BY, {
    description: 'Hvem der afbryder: den indsatte eller Kriminalforsorgen.',
    required: true,
    message: "by skal være 'inmate' eller 'kriminalforsorgen'.",
  })
  by!: InterruptionBy;

  @Reason('Begrundelse for afbrydelsen.', { requiredOf: 'En afbrydelse' })
  reason!: string;

  @MomentOrNow('interruptedAt', 'Tidspunkt for afbrydelsen. Standard: nu.')
  interruptedAt?: string;
}
