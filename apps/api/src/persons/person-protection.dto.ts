import { BooleanField, ChoiceField, TextField } from '../common/field-decorators';
import {
  PROTECTION_REASON_LABELS,
  REVEAL_REASON_LABELS,
  type ProtectionReason,
  type RevealReason,
} from '../../../../libs/domain/persons/person-protection';

/** Sets or lifts a person's protection (udvidet adressebeskyttelse). */
export class PersonProtectionDto {
  @BooleanField('protected', {
    label: 'Feltet »Udvidet adressebeskyttelse«',
    description: 'true: personen er beskyttet; false: beskyttelsen ophæves.',
    required: true,
  })
  protected!: boolean;

  @ChoiceField('reason', PROTECTION_REASON_LABELS, {
    label: 'Årsagen',
    description: 'Hvorfor beskyttelsen sættes eller ophæves (logges).',
    required: true,
  })
  reason!: ProtectionReason;
}

/** Why a protected person's name and CPR number are needed now (logged with the read). */
export class RevealPersonDto {
  @ChoiceField('reason', REVEAL_REASON_LABELS, {
    label: 'Begrundelsen',
    description: 'Hvorfor navn og CPR-nummer skal vises (logges).',
    required: true,
  })
  reason!: RevealReason;

  @TextField('note', {
    label: 'Uddybningen',
    description: 'Valgfri uddybning af begrundelsen (logges; skriv aldrig en adresse).',
    maxLength: 200,
  })
  note?: string;
}
