import {
  DEADLINE_WAIT_REASON_LABELS,
  MISSED_DEADLINE_REASON_LABELS,
  type DeadlineWaitReason,
  type MissedDeadlineReason,
} from '../../../../libs/domain/case/step-deadline';
import { ChoiceField, InstantField, TextField } from '../common/field-decorators';

/** The note every deadline change carries (the audit trail's reason). */
const Note = (description: string) =>
  TextField('note', { label: 'Bemærkningen', description, required: 'Skriv en bemærkning til ændringen af fristen.' });

/** Why a deadline waits or is extended. */
const WaitReason = () =>
  ChoiceField('reason', DEADLINE_WAIT_REASON_LABELS, {
    label: 'Årsagen',
    description:
      'other_authority: venter på anden myndighed; citizen: venter på borgeren; hospitalised: indlagt; other: andet.',
    required: true,
  });

export class SuspendDeadlineDto {
  @WaitReason()
  reason!: DeadlineWaitReason;

  @Note('Hvad der ventes på.')
  note!: string;

  @InstantField('expectedUntil', {
    label: 'Den forventede afslutning',
    description: 'Hvornår ventetiden forventes at slutte (udelades, hvis det ikke vides).',
  })
  expectedUntil?: string;
}

/** Resuming takes nothing: the deadline moves by the time it was actually suspended. */
export class ResumeDeadlineDto {}

export class ExtendDeadlineDto {
  @WaitReason()
  reason!: DeadlineWaitReason;

  @Note('Hvorfor fristen forlænges.')
  note!: string;

  @InstantField('dueAt', {
    label: 'Den nye frist',
    description: 'Den nye frist; skal ligge efter den nuværende og i fremtiden.',
    required: true,
  })
  dueAt!: string;
}

export class MissedDeadlineReasonDto {
  @ChoiceField('reason', MISSED_DEADLINE_REASON_LABELS, {
    label: 'Årsagen',
    description:
      'documentation_late: oplysningerne kom for sent; person_unreachable: den unge eller familien kunne ikke træffes; capacity: manglende kapacitet; registered_late: sagen blev registreret for sent; other: andet.',
    required: true,
  })
  reason!: MissedDeadlineReason;

  @Note('Hvorfor den lovbundne frist blev overskredet.')
  note!: string;
}
