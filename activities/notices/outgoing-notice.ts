import type { CaseType } from '../../libs/domain/case/case-transition';
import { ROLE_LABELS, type Role } from '../../libs/domain/organisations/roles';
import {
  CASE_RESOURCES,
  CASE_TYPE_LABELS,
  isStepKind,
  responsibleRoleOn,
  stepLabel,
} from '../../libs/domain/case/step-kinds';
import type { UnitKind } from '../../libs/domain/organisations/organisation-units';
import { formatDanishDateTime } from '../../libs/domain/time/copenhagen-calendar';
import { ASSIGNEE_ROLES } from '../../libs/domain/case/case-assignment';

/** The recipient of notices to operations (NOTICE_UNIT_ADDRESSES `DRIFT=…`): a case needs their attention. */
export const OPERATIONS_RECIPIENT = 'DRIFT';

/** A row of the outbox, with what a message about it needs: never a name or a CPR number. */
export interface OutboxNotice {
  id: string;
  caseId: string;
  /** `null` only for a notice to operations about a case whose opening the read model refused. */
  caseType: CaseType | null;
  recipientUnit: string;
  /** The recipient unit's name and kind (organisation_units); `null` for a code no unit has, e.g. DRIFT. */
  recipient: { name: string; kind: UnitKind } | null;
  kind: string;
  stepKind: string | null;
  dueAt: Date | null;
  attempts: number;
}

/** What a sender delivers: to a unit and the role in it that must act, in Danish, with a link to the case. */
export interface OutgoingNotice {
  noticeId: string;
  recipientUnit: string;
  /** Who in the unit the notice is for (a police district holds both DKS and the exit unit). */
  recipientRole: Role;
  /** An overdue step: the unit's supervisor is told too, where it has a mailbox of its own. */
  escalation: boolean;
  subject: string;
  text: string;
  /**
   * A notice for a person instead of the unit's mailbox (see NoticeOutbox): the case's responsible
   * caseworker, or during their absence the substitute with the unit's supervisors copied. `email` null:
   * the person has no address, so the unit's mailbox takes it (with the copies). Ids only, never names.
   */
  person?: NoticePerson;
}

export interface NoticePerson {
  /** The user the notice reaches: the assignee, or their substitute. */
  userId: string;
  email: string | null;
  /** The supervisors told of a notice that reached a substitute. */
  cc: string[];
  /** The absent assignee a substitute receives the notice for; null when the assignee gets it. */
  substituteFor: string | null;
}

const SUBJECTS: Record<string, (notice: OutboxNotice) => string> = {
  deadline_warning: (notice) =>
    `Frist nærmer sig: ${stepLabel(notice.stepKind ?? '')} senest ${formatDanishDateTime(notice.dueAt!)}`,
  deadline_overdue: (notice) =>
    `Frist overskredet: ${stepLabel(notice.stepKind ?? '')} skulle være sket senest ${formatDanishDateTime(notice.dueAt!)}`,
  deadline_changed: (notice) =>
    `Frist ændret: ${stepLabel(notice.stepKind ?? '')} – sat i bero, genoptaget eller forlænget (frist ${formatDanishDateTime(notice.dueAt!)})`,
  prison_transfer: () => 'Exit-forløb overført til et andet fængsel',
  release_notice: () => 'Varsel om løsladelse af en person i exit-forløb',
  release_date_changed: () => 'Forventet løsladelsesdato er ændret',
  release: () => 'En person i exit-forløb er løsladt',
  handover: () => 'Exit-forløb overdraget til jeres exitenhed',
  case_needs_attention: () => 'Sag kræver opmærksomhed: en registrering kunne ikke gemmes i oversigten',
  case_assigned: () => 'En sag er tildelt dig som ansvarlig sagsbehandler',
  dks_case_moved: () => 'En DKS-sag er flyttet til jeres politikreds (den unge er flyttet)',
  police_documentation: () =>
    'Dokumentation fra politiet: en ung under 18 er mistænkt eller sigtet – netværkssamrådet skal indkaldes inden 7 dage',
  council_release: () => 'Den unge fra netværkssamrådet er løsladt: jeres initiativ i handleplanen',
};

/** The role that reads other notices in a unit of each kind. */
const ROLE_OF_UNIT_KIND: Record<UnitKind, Role> = {
  institution: 'kf_caseworker',
  police_district: 'police_exit_officer',
  municipality: 'municipality_caseworker',
};

/** A deadline notice is for the role whose turn the step is; the others for the unit's role in exit courses. */
function recipientRole(notice: OutboxNotice): Role {
  if (notice.recipientUnit === OPERATIONS_RECIPIENT) return 'operations';
  if (notice.stepKind && isStepKind(notice.stepKind)) return responsibleRoleOn(notice.stepKind, notice.caseType);
  if (notice.kind === 'case_assigned' && notice.caseType) return ASSIGNEE_ROLES[notice.caseType][0];
  if (notice.kind === 'dks_case_moved') return 'dks_officer';
  return ROLE_OF_UNIT_KIND[notice.recipient?.kind ?? 'institution'];
}

/** The message for an outbox row. The case is named by its id and link only: the page shows the rest to whoever may see it. */
export function composeNotice(notice: OutboxNotice, webUrl: string): OutgoingNotice {
  const subject = (SUBJECTS[notice.kind] ?? (() => `Besked om en sag (${notice.kind})`))(notice);
  const recipientName = notice.recipient?.name ?? notice.recipientUnit;
  const role = recipientRole(notice);
  const base = webUrl.replace(/\/$/, '');
  const forOperations = notice.recipientUnit === OPERATIONS_RECIPIENT;
  const link =
    forOperations || !notice.caseType
      ? `${base}/#/drift`
      : `${base}/#/sag/${CASE_RESOURCES[notice.caseType]}/${notice.caseId}`;
  const text = [
    `Til: ${forOperations ? 'Driften' : recipientName} – ${ROLE_LABELS[role]}`,
    '',
    subject,
    ...(notice.caseType ? [`Sagstype: ${CASE_TYPE_LABELS[notice.caseType]}`] : []),
    `Sag: ${notice.caseId}`,
    '',
    forOperations
      ? `Se sager, der kræver opmærksomhed, og prøv igen, når årsagen er rettet: ${link}`
      : `Se sagen: ${link}`,
    '',
    'Beskeden indeholder ingen personoplysninger. Log ind for at se sagen.',
  ].join('\n');
  return {
    noticeId: notice.id,
    recipientUnit: notice.recipientUnit,
    recipientRole: role,
    escalation: notice.kind === 'deadline_overdue',
    subject,
    text,
  };
}
