import {
  NOTE_KIND_LABELS,
  DOCUMENT_TYPE_LABELS,
  type NoteKind,
  type DocumentType,
} from '../../../../libs/domain/case/case-journal';
import {
  MENTOR_CONTACT_FORM_LABELS,
  type MentorContactForm,
} from '../../../../libs/domain/exit-course/exit-course.types';
import { ROLE_LABELS, type Role } from '../../../../libs/domain/organisations/roles';
import { ORGANISATION_NAMES, type Organisation } from '../../../../libs/domain/organisations/organisation-units';
import { formatDanishDateTime } from '../../../../libs/domain/time/copenhagen-calendar';
import type { AccessExport, ExportedRead } from './access-request-export';
import { printablePdf, type PdfLine } from './printable-pdf';

const at = (instant: string | null): string => (instant ? formatDanishDateTime(new Date(instant)) : '–');
const detailsText = (details: Record<string, unknown>): string =>
  Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');

function readLines(reads: readonly ExportedRead[]): PdfLine[] {
  if (!reads.length) return [{ text: 'Ingen registrerede læsninger.' }];
  return reads.map((read) => ({
    text: `${at(read.at)} · ${read.userName ?? read.userId} (${ROLE_LABELS[read.role as Role] ?? read.role}) · ${read.action}`,
  }));
}

/** The export as a printable document, in Danish, with Danish local times. */
export function accessExportPdf(data: AccessExport): Buffer {
  const lines: PdfLine[] = [
    { text: 'Indsigt i egne oplysninger', style: 'title' },
    { text: `Anmodning ${data.requestId} · udskrevet ${at(data.generatedAt)}`, style: 'small' },
    {
      text: `Dataansvarlig: ${ORGANISATION_NAMES[data.scope.organisation as Organisation] ?? data.scope.organisation}${data.scope.units.length ? ` (${data.scope.units.join(', ')})` : ''}`,
    },
    { text: `CPR-nummer: ${data.cpr}` },
    { text: 'Registrerede oplysninger', style: 'heading' },
  ];
  if (!data.persons.length) lines.push({ text: 'Personen er ikke registreret hos den dataansvarlige.' });
  for (const person of data.persons) {
    lines.push({ text: `${person.name}, CPR-nummer ${person.cpr}, født ${person.birthDate}` });
    for (const registration of person.registrations) {
      lines.push({ text: `Registreret af ${registration.unit.name} den ${at(registration.registeredAt)}` });
    }
  }
  lines.push({ text: `Sager (${data.cases.length})`, style: 'heading' });
  if (!data.cases.length) lines.push({ text: 'Ingen sager.' });
  for (const item of data.cases) {
    lines.push(
      { text: `${item.caseTypeText} ${item.id}`, style: 'heading' },
      {
        text: `${item.unit.name} · åbnet ${at(item.openedAt)} · ${item.statusText}${item.closedAt ? ` · afsluttet ${at(item.closedAt)}` : ''}`,
      },
      { text: 'Hændelser', style: 'heading' },
      ...item.events.map((event) => ({
        text: [
          `${at(event.occurredAt)} · ${event.action} · ${event.actorName ?? event.actorId}`,
          event.reasonCode ? `årsag: ${event.reasonCode}` : '',
          event.reason ? `begrundelse: ${event.reason}` : '',
          detailsText(event.details),
        ]
          .filter(Boolean)
          .join(' · '),
      })),
      { text: 'Journalnotater', style: 'heading' },
      ...(item.notes.length
        ? item.notes.map((note) => ({
            text: `${at(note.occurredAt)} (${NOTE_KIND_LABELS[note.kind as NoteKind] ?? note.kind}): ${note.text}`,
          }))
        : [{ text: 'Ingen.' }]),
      { text: 'Dokumenter (kun liste)', style: 'heading' },
      ...(item.documents.length
        ? item.documents.map((document) => ({
            text: `${document.fileName} · ${DOCUMENT_TYPE_LABELS[document.documentType as DocumentType] ?? document.documentType} · ${document.sizeBytes} byte · ${at(document.uploadedAt)}`,
          }))
        : [{ text: 'Ingen.' }]),
      { text: 'Mentorkontakter', style: 'heading' },
      ...(item.mentorContacts.length
        ? item.mentorContacts.map((contact) => ({
            text: `${at(contact.contactAt)} · ${MENTOR_CONTACT_FORM_LABELS[contact.form as MentorContactForm] ?? contact.form} · ${contact.durationMinutes} min.`,
          }))
        : [{ text: 'Ingen.' }]),
      { text: 'Beskeder om sagen', style: 'heading' },
      ...(item.notices.length
        ? item.notices.map((notice) => ({
            text: `${at(notice.createdAt)} · ${notice.kind} · til ${notice.recipientUnit}${notice.sentAt ? ` · sendt ${at(notice.sentAt)}` : ''}`,
          }))
        : [{ text: 'Ingen.' }]),
      { text: 'Hvem har læst sagen', style: 'heading' },
      ...readLines(item.reads),
    );
  }
  lines.push({ text: 'Hvem har læst personens oplysninger', style: 'heading' }, ...readLines(data.personReads));
  return printablePdf(lines, 'Indsigt i egne oplysninger');
}
