import {
  DOCUMENT_TYPE_LABELS,
  MAX_NOTE_LENGTH,
  NOTE_KIND_LABELS,
  type DocumentType,
  type NoteKind,
} from '../../../../libs/domain/case/case-journal';
import { ChoiceField, IdField, InstantField, TextField } from '../common/field-decorators';

/** A note in a case's journal; `correctsNoteId` makes it the correction of an earlier note of the same case. */
export class WriteNoteDto {
  @ChoiceField('kind', NOTE_KIND_LABELS, {
    label: 'Notatets art',
    description: 'phone: telefon; meeting: møde; other_authority: oplysning fra anden myndighed; other: andet.',
    example: 'phone',
    required: true,
  })
  kind!: NoteKind;

  @InstantField('occurredAt', {
    label: 'Tidspunktet for det noterede',
    description: 'Hvornår det, notatet handler om, skete (samtalen, mødet, oplysningen).',
    example: '2026-11-20T14:00:00+01:00',
    required: true,
  })
  occurredAt!: string;

  @TextField('text', {
    label: 'Notatets tekst',
    description: 'Hvad der skete eller blev oplyst. Gemmes krypteret; vises kun for brugere med adgang til sagen.',
    example: 'Telefonsamtale med kommunens sagsbehandler om bolig.',
    required: true,
    maxLength: MAX_NOTE_LENGTH,
  })
  text!: string;

  @IdField('correctsNoteId', {
    label: 'Det rettede notat',
    description: 'Et tidligere notat på samme sag, som dette notat retter. Det rettede notat bevares uændret.',
  })
  correctsNoteId?: string;
}

/** The fields beside the file (`file`) of a document upload, sent as multipart/form-data. */
export class UploadDocumentDto {
  @ChoiceField('type', DOCUMENT_TYPE_LABELS, {
    label: 'Dokumenttypen',
    description:
      'exit_agreement: exit-aftale; rejection: afslag; action_plan: handleplan; summons: indkaldelse; minutes: referat; police_documentation: dokumentation fra politiet; other: andet.',
    example: 'exit_agreement',
    required: true,
  })
  type!: DocumentType;

  @IdField('stepId', {
    label: 'Trinnet',
    description: 'Det trin på sagen, dokumentet hører til (kan udelades).',
  })
  stepId?: string;
}
