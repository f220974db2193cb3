import type { CaseType } from '../../libs/domain/case-record/case-transition';
import { CASE_RESOURCES, CASE_TYPE_LABELS, stepLabel } from '../../libs/domain/case-record/step-kinds';
import { findUnit } from '../../libs/domain/organisations/organisation-units';
import { formatDanishDateTime } from '../../libs/domain/time/copenhagen-calendar';

/** A row of the outbox, with what a message about it needs: never a name or a CPR number. */
export interface OutboxNotice {
  id: string;
  caseId: string;
  caseType: CaseType;
  recipientUnit: string;
  kind: string;
  stepKind: string | null;
  dueAt: Date | null;
  attempts: number;
}

/** What a sender delivers: to a unit, in Danish, with a link to the case on the web page. */
export interface OutgoingNotice {
  noticeId: string;
  recipientUnit: string;
  subject: string;
  text: string;
}

const SUBJECTS: Record<string, (notice: OutboxNotice) => string> = {
  deadline_warning: (notice) => `Frist nærmer sig: ${stepLabel(notice.stepKind ?? '')} senest ${formatDanishDateTime(notice.dueAt!)}`,
  deadline_overdue: (notice) => `Frist overskredet: ${stepLabel(notice.stepKind ?? '')} skulle være sket senest ${formatDanishDateTime(notice.dueAt!)}`,
  prison_transfer: () => 'Exit-forløb overført til jeres institution',
  release_notice: () => 'Varsel om løsladelse af en person i exit-forløb',
  release_date_changed: () => 'Forventet løsladelsesdato er ændret',
  release: () => 'En person i exit-forløb er løsladt',
  handover: () => 'Exit-forløb overdraget til jeres exitenhed',
};

/** The message for an outbox row. The case is named by its id and link only: the page shows the rest to whoever may see it. */
export function composeNotice(notice: OutboxNotice, webUrl: string): OutgoingNotice {
  const subject = (SUBJECTS[notice.kind] ?? (() => `Besked om en sag (${notice.kind})`))(notice);
  const unitName = findUnit(notice.recipientUnit)?.name ?? notice.recipientUnit;
  const link = `${webUrl.replace(/\/$/, '')}/#/sag/${CASE_RESOURCES[notice.caseType]}/${notice.caseId}`;
  const text = [
    `Til: ${unitName}`,
    '',
    subject,
    `Sagstype: ${CASE_TYPE_LABELS[notice.caseType]}`,
    `Sag: ${notice.caseId}`,
    '',
    `Se sagen: ${link}`,
    '',
    'Beskeden indeholder ingen personoplysninger. Log ind for at se sagen.',
  ].join('\n');
  return { noticeId: notice.id, recipientUnit: notice.recipientUnit, subject, text };
}
