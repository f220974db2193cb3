import {
  DOCUMENT_TYPES,
  NOTE_KINDS,
  type DocumentType,
  type NoteKind,
} from '../../../../libs/domain/case/case-journal';
import { ChoiceView, IdView, IntegerView, MomentView, PageOf, TextView } from '../common/view-properties';
import { DOCUMENT_FORMATS, type DocumentFormat } from './document-content';

/** A note of a case's journal, as it was written: never changed, corrected by a later note. */
export class NoteView {
  @IdView() id!: string;
  @IdView() caseId!: string;
  @ChoiceView(NOTE_KINDS) kind!: NoteKind;
  @TextView({ description: 'Notatets art på dansk (telefon, møde, …).' }) kindText!: string;
  @MomentView({ description: 'Hvornår det noterede skete.' }) occurredAt!: string;
  @MomentView({ description: 'Hvornår notatet blev skrevet.' }) recordedAt!: string;
  @TextView() text!: string;
  @IdView({ nullable: true, description: 'Det notat, dette notat retter.' }) correctsNoteId!: string | null;
  @IdView({ nullable: true, description: 'Det seneste notat, der retter dette (det er da rettet).' })
  correctedByNoteId!: string | null;
  @TextView() authorId!: string;
  @TextView({ nullable: true, description: 'Medarbejderens navn, når forfatteren er en kendt bruger.' })
  authorName!: string | null;
}

export class NotePage extends PageOf(NoteView) {}

/** A document on a case: what it is; its contents are downloaded on their own. */
export class DocumentView {
  @IdView() id!: string;
  @IdView() caseId!: string;
  @ChoiceView(DOCUMENT_TYPES) type!: DocumentType;
  @TextView({ description: 'Dokumenttypen på dansk (exit-aftale, referat, …).' }) typeText!: string;
  @IdView({ nullable: true, description: 'Det trin, dokumentet hører til.' }) stepId!: string | null;
  @TextView({ nullable: true, description: 'Trinnets navn på dansk.' }) stepLabel!: string | null;
  @TextView({ description: 'Det navn, filen hentes under (bogstaver, tal og filtypen, som indholdet har).' })
  fileName!: string;
  @ChoiceView(Object.keys(DOCUMENT_FORMATS)) format!: DocumentFormat;
  @TextView({ description: 'Indholdstypen, læst af filens bytes (aldrig af navnet eller klientens oplysning).' })
  contentType!: string;
  @IntegerView() sizeBytes!: number;
  @MomentView() uploadedAt!: string;
  @TextView() uploadedBy!: string;
  @TextView({ nullable: true }) uploadedByName!: string | null;
  @TextView({ description: 'Hvor indholdet hentes: `GET` med samme adgang (læsningen logges).' })
  downloadPath!: string;
}

export class DocumentPage extends PageOf(DocumentView) {}
