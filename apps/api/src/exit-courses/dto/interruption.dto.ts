import { MomentOrNow, Reason, ReasonCode, needsReasonNote } from '../../common/dto-fields';
import { ChoiceField } from '../../common/field-decorators';
import { INTERRUPTION_BY_LABELS, type InterruptionBy } from '../../../../../libs/domain/exit-course/exit-course.types';

export class InterruptionDto {
  @ChoiceField('by', INTERRUPTION_BY_LABELS, {
    label: 'Hvem der afbryder',
    description: 'Hvem der afbryder: den indsatte eller Kriminalforsorgen.',
    required: true,
  })
  by!: InterruptionBy;

  @ReasonCode(['interruption'], 'Hvorfor forløbet afbrydes.')
  reasonCode?: string;

  @Reason<InterruptionDto>('Begrundelse for afbrydelsen; skal udfyldes, når årsagen er andet eller udeladt.', {
    requiredOf: 'En afbrydelse',
    when: (dto) => needsReasonNote(dto.reasonCode),
  })
  reason?: string;

  @MomentOrNow('interruptedAt', 'Tidspunktet for afbrydelsen', 'Tidspunkt for afbrydelsen. Standard: nu.')
  interruptedAt?: string;
}
