import { Inject, Injectable } from '@nestjs/common';
import { PERSON_CASE_ROWS, type PersonCaseRow } from '../persons/person-case-rows';
import { DataSource } from 'typeorm';
import { dataProtectionScopeCondition, SqlParameters } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { caseStatusText } from '../../../../libs/domain/case/case-type-statuses';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { CASE_TYPE_LABELS } from '../../../../libs/domain/case/step-kinds';
import { checkCpr } from '../../../../libs/personal-data/cpr';
import { decryptField } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import { fileNameField } from '../cases/case-documents.service';
import { noteTextField } from '../cases/case-notes.service';
import { cprField, nameField } from '../persons/person-fields';

/** Who read a case or the person, and when (from `access_log`). */
export interface ExportedRead {
  userId: string;
  userName: string | null;
  role: string;
  action: string;
  at: string;
}

export interface ExportedCase {
  id: string;
  caseType: string;
  caseTypeText: string;
  status: string;
  statusText: string;
  unit: { code: string; name: string };
  openedAt: string;
  closedAt: string | null;
  events: {
    action: string;
    occurredAt: string;
    recordedAt: string;
    actorId: string;
    actorName: string | null;
    reason: string | null;
    reasonCode: string | null;
    details: Record<string, unknown>;
  }[];
  /** The events that ended the case or a part of it with a reason code (ending-reasons.ts). */
  endingReasons: { action: string; occurredAt: string; reasonCode: string; reason: string | null }[];
  notes: {
    id: string;
    kind: string;
    occurredAt: string;
    recordedAt: string;
    text: string;
    authorId: string;
    correctsNoteId: string | null;
  }[];
  /** Names, sizes and dates only: never contents. */
  documents: {
    id: string;
    documentType: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    uploadedAt: string;
  }[];
  mentorContacts: { contactAt: string; form: string; durationMinutes: number; organisation: string }[];
  notices: { kind: string; recipientUnit: string; createdAt: string; sentAt: string | null }[];
  reads: ExportedRead[];
}

/** Everything the officer's scope holds about the person of a request (GDPR art. 15, rhl. § 15). */
export interface AccessExport {
  requestId: string;
  generatedAt: string;
  /** Whose data it is: the organisation, and the units where the officer answers for units only. */
  scope: { organisation: string; units: string[] };
  cpr: string;
  persons: {
    personRef: string;
    name: string;
    cpr: string;
    birthDate: string;
    /** The units within the scope that registered the person. */
    registrations: { unit: { code: string; name: string }; registeredAt: string }[];
  }[];
  cases: ExportedCase[];
  /** Reads of the person's register data (not of a case) by users of the scope. */
  personReads: ExportedRead[];
}

const iso = (moment: Date | null): string | null => moment?.toISOString() ?? null;

/**
 * Gathers a person's data for their right of access, within the data-protection officer's scope
 * (`dataProtectionScopeCondition`): the register rows found by the CPR number's lookup hash (one or
 * several), every case of theirs the scope holds with its events, ending reasons, notes (decrypted),
 * documents (their list), mentor contacts, notices and reads. Another organisation's cases are never read.
 */
@Injectable()
export class AccessRequestExport {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
  ) {}

  async gather(requestId: string, cpr: string, cprLookup: string, user: AuthenticatedUser): Promise<AccessExport> {
    const { keyring } = this.config.personalData;
    const persons = await this.persons(cprLookup, user);
    const refs = persons.map((person) => person.id);
    const cases = refs.length ? await this.cases(refs, user) : [];
    const caseIds = cases.map((row) => row.id);
    const [events, notes, documents, contacts, notices, reads, personReads] = await Promise.all([
      this.rowsOf(
        `SELECT e.case_id, e.action, e.occurred_at, e.recorded_at, e.actor_id, u.display_name AS actor_name,
                e.reason, e.reason_code, e.details
           FROM case_events e LEFT JOIN users u ON u.id::text = e.actor_id
          WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.transition_seq, e.position`,
        caseIds,
      ),
      this.rowsOf(
        `SELECT id, case_id, kind, occurred_at, recorded_at, text_encrypted, author_id, corrects_note_id
           FROM case_notes WHERE case_id = ANY($1::uuid[]) ORDER BY occurred_at, recorded_at, id`,
        caseIds,
      ),
      this.rowsOf(
        `SELECT id, case_id, document_type, file_name_encrypted, content_type, size_bytes, uploaded_at
           FROM case_documents WHERE case_id = ANY($1::uuid[]) ORDER BY uploaded_at, id`,
        caseIds,
      ),
      this.rowsOf(
        `SELECT case_id, contact_at, form, duration_minutes, organisation
           FROM mentor_contacts WHERE case_id = ANY($1::uuid[]) ORDER BY contact_at, id`,
        caseIds,
      ),
      this.rowsOf(
        `SELECT case_id, kind, recipient_unit, created_at, sent_at
           FROM notifications WHERE case_id = ANY($1::uuid[]) ORDER BY created_at, recipient_unit, id`,
        caseIds,
      ),
      this.rowsOf(
        `SELECT l.case_id, l.user_id, u.display_name AS user_name, l.role, l.action, l.at
           FROM access_log l LEFT JOIN users u ON u.id::text = l.user_id
          WHERE l.case_id = ANY($1::uuid[]) ORDER BY l.at, l.id`,
        caseIds,
      ),
      this.personReads(refs, user),
    ]);
    const of = <Row extends { case_id: string }>(rows: Row[], caseId: string) =>
      rows.filter((row) => row.case_id === caseId);
    return {
      requestId,
      generatedAt: new Date().toISOString(),
      scope: { organisation: user.organisation, units: [...user.units] },
      cpr,
      persons: persons.map((person) => {
        const personCpr = decryptField(person.cpr_encrypted, keyring, cprField(person.id));
        const check = checkCpr(personCpr);
        return {
          personRef: person.id,
          name: decryptField(person.name_encrypted, keyring, nameField(person.id)),
          cpr: `${personCpr.slice(0, 6)}-${personCpr.slice(6)}`,
          birthDate: check.ok ? check.birthDate : '',
          registrations: person.registrations,
        };
      }),
      cases: cases.map((row) => ({
        id: row.id,
        caseType: row.case_type,
        caseTypeText: CASE_TYPE_LABELS[row.case_type as CaseType] ?? row.case_type,
        status: row.status,
        statusText: caseStatusText(row.case_type as CaseType, row.status),
        unit: { code: row.org_unit, name: row.unit_name },
        openedAt: row.opened_at.toISOString(),
        closedAt: iso(row.closed_at),
        events: of(events, row.id).map((event) => ({
          action: event.action,
          occurredAt: event.occurred_at.toISOString(),
          recordedAt: event.recorded_at.toISOString(),
          actorId: event.actor_id,
          actorName: event.actor_name,
          reason: event.reason,
          reasonCode: event.reason_code,
          details: event.details,
        })),
        endingReasons: of(events, row.id)
          .filter((event) => event.reason_code !== null)
          .map((event) => ({
            action: event.action,
            occurredAt: event.occurred_at.toISOString(),
            reasonCode: event.reason_code as string,
            reason: event.reason,
          })),
        notes: of(notes, row.id).map((note) => ({
          id: note.id,
          kind: note.kind,
          occurredAt: note.occurred_at.toISOString(),
          recordedAt: note.recorded_at.toISOString(),
          text: decryptField(note.text_encrypted, keyring, noteTextField(note.id)),
          authorId: note.author_id,
          correctsNoteId: note.corrects_note_id,
        })),
        documents: of(documents, row.id).map((document) => ({
          id: document.id,
          documentType: document.document_type,
          fileName: decryptField(document.file_name_encrypted, keyring, fileNameField(document.id)),
          contentType: document.content_type,
          sizeBytes: document.size_bytes,
          uploadedAt: document.uploaded_at.toISOString(),
        })),
        mentorContacts: of(contacts, row.id).map((contact) => ({
          contactAt: contact.contact_at.toISOString(),
          form: contact.form,
          durationMinutes: contact.duration_minutes,
          organisation: contact.organisation,
        })),
        notices: of(notices, row.id).map((notice) => ({
          kind: notice.kind,
          recipientUnit: notice.recipient_unit,
          createdAt: notice.created_at.toISOString(),
          sentAt: iso(notice.sent_at),
        })),
        reads: of(reads, row.id).map(readOf),
      })),
      personReads: personReads.map(readOf),
    };
  }

  /** The register rows of the CPR number (one per organisation, where the register keeps them so) the scope holds. */
  private async persons(cprLookup: string, user: AuthenticatedUser) {
    const params = new SqlParameters();
    const lookup = params.add(cprLookup);
    const units = this.scopeUnitsSql(user, params);
    const caseInScope = `EXISTS (SELECT 1 FROM cases pc WHERE pc.person_ref = p.id::text AND ${dataProtectionScopeCondition(user, 'pc', params)})`;
    const rows: { id: string; name_encrypted: string; cpr_encrypted: string }[] = await this.dataSource.query(
      `SELECT p.id, p.name_encrypted, p.cpr_encrypted FROM persons p
          WHERE p.cpr_lookup = ${lookup}
            AND (EXISTS (SELECT 1 FROM person_units pu WHERE pu.person_id = p.id AND pu.org_unit IN (${units})) OR ${caseInScope})
          ORDER BY p.id`,
      params.values,
    );
    if (!rows.length) return [];
    const registrationParams = new SqlParameters();
    const ids = registrationParams.add(rows.map((row) => row.id));
    const registrationUnits = this.scopeUnitsSql(user, registrationParams);
    const registrations: { person_id: string; org_unit: string; unit_name: string; linked_at: Date }[] =
      await this.dataSource.query(
        `SELECT pu.person_id, pu.org_unit, COALESCE(ou.name, pu.org_unit) AS unit_name, pu.linked_at
           FROM person_units pu LEFT JOIN organisation_units ou ON ou.code = pu.org_unit
          WHERE pu.person_id = ANY(${ids}::uuid[]) AND pu.org_unit IN (${registrationUnits})
          ORDER BY pu.linked_at, pu.org_unit`,
        registrationParams.values,
      );
    return rows.map((row) => ({
      ...row,
      registrations: registrations
        .filter((registration) => registration.person_id === row.id)
        .map((registration) => ({
          unit: { code: registration.org_unit, name: registration.unit_name },
          registeredAt: registration.linked_at.toISOString(),
        })),
    }));
  }

  /** The units of the scope, as SQL: the officer's units, or every unit of its organisation. */
  private scopeUnitsSql(user: AuthenticatedUser, params: SqlParameters): string {
    return user.units.length
      ? `SELECT unnest(${params.add(user.units)}::text[])`
      : `SELECT ou.code FROM organisation_units ou WHERE ou.organisation = ${params.add(user.organisation)}`;
  }

  private async cases(refs: string[], user: AuthenticatedUser) {
    const params = new SqlParameters();
    const refsParam = params.add(refs);
    const rows: PersonCaseRow[] = await this.dataSource.query(
      `${PERSON_CASE_ROWS}
        WHERE c.person_ref = ANY(${refsParam}::text[]) AND c.case_type <> 'access_request'
          AND ${dataProtectionScopeCondition(user, 'c', params)}
        ORDER BY c.opened_at, c.id`,
      params.values,
    );
    return rows;
  }

  /** Reads of the person (not of a case) by users of the officer's own organisation (its units, where it has some). */
  private async personReads(refs: string[], user: AuthenticatedUser) {
    if (!refs.length) return [];
    const params = new SqlParameters();
    const refsParam = params.add(refs);
    const reader = user.units.length
      ? `u.units && ${params.add(user.units)}::text[]`
      : `u.organisation = ${params.add(user.organisation)}`;
    const rows: {
      case_id: null;
      user_id: string;
      user_name: string | null;
      role: string;
      action: string;
      at: Date;
    }[] = await this.dataSource.query(
      `SELECT l.case_id, l.user_id, u.display_name AS user_name, l.role, l.action, l.at
         FROM access_log l JOIN users u ON u.id::text = l.user_id
        WHERE l.person_ref = ANY(${refsParam}::text[]) AND l.case_id IS NULL AND ${reader}
        ORDER BY l.at, l.id`,
      params.values,
    );
    return rows;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query's own columns, mapped right after
  private async rowsOf(sql: string, caseIds: string[]): Promise<any[]> {
    if (!caseIds.length) return [];
    return this.dataSource.query(sql, [caseIds]);
  }
}

function readOf(row: { user_id: string; user_name: string | null; role: string; action: string; at: Date }) {
  return { userId: row.user_id, userName: row.user_name, role: row.role, action: row.action, at: row.at.toISOString() };
}
