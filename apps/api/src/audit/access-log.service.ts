import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';

/**
 * What was read: a case's contents, a list of cases, a person's name and CPR number, a search or a
 * registration that found a known person, or Temporal payloads decrypted through the codec. And what
 * operations did to a case without reading it: sending a refused read-model transition again. And what an
 * administrator changed on a user (`user_change`, with the user and the change), who assigned a case to whom
 * (`case_assignment`), and an absence recorded or cancelled (`absence_change`).
 */
export type PersonalDataRead =
  | 'case_read'
  | 'case_list'
  | 'case_history_read'
  /** A case's journal: its notes' texts. */
  | 'case_notes_read'
  /** A case's list of documents (their file names). */
  | 'case_documents_read'
  /** One document's contents, downloaded (`details.documentId`). */
  | 'case_document_read'
  | 'person_read'
  | 'person_lookup'
  | 'person_register'
  /** A person found by name search: their name and CPR number shown in the results. */
  | 'person_search'
  /** A person's name shown with their case (a case list, a case's detail). */
  | 'person_name_read'
  | 'payload_decode'
  | 'read_model_redrive'
  | 'user_change'
  /** A case's responsible caseworker changed (taken, assigned, reassigned), with from whom to whom. */
  | 'case_assignment'
  /** An absence recorded or cancelled (`subject_user_id`: the absent user), with its substitute and dates. */
  | 'absence_change'
  /** Issue 16: who read a case's or a person's access log (`details.personRef` or the case). */
  | 'access_log_read'
  /** A person's data exported for their right of access (`details`: the request, the format). */
  | 'access_export'
  /** A case erased at the end of its retention period, by the approved deletion list (pseudonymous). */
  | 'retention_erasure'
  /** The deletion list approved (`details`: the list, how many cases). */
  | 'retention_approval'
  /** A legal hold set or lifted on a case (`details.held`, the reason code). */
  | 'legal_hold_change'
  /** A protected person's name or CPR number shown, with the reason the reader gave (`details.reason`). */
  | 'protected_person_read'
  /** A person's protection (udvidet adressebeskyttelse) set or lifted. */
  | 'person_protection_change';

/** Logs every read of personal data: who, when, which case or person (append-only, see the migration). */
@Injectable()
export class AccessLogService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    user: AuthenticatedUser,
    action: PersonalDataRead,
    subject: { caseId?: string; personRef?: string; userId?: string; details?: object },
    queryRunner: Pick<DataSource, 'query'> = this.dataSource,
  ): Promise<void> {
    await queryRunner.query(
      `INSERT INTO access_log (user_id, role, action, case_id, person_ref, subject_user_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        user.id,
        user.role,
        action,
        subject.caseId ?? null,
        subject.personRef ?? null,
        subject.userId ?? null,
        subject.details ? JSON.stringify(subject.details) : null,
      ],
    );
  }

  /** One row per subject, in one statement (a list's page of persons). */
  async recordEach(
    user: AuthenticatedUser,
    action: PersonalDataRead,
    subjects: readonly { caseId?: string; personRef?: string }[],
  ): Promise<void> {
    if (!subjects.length) return;
    await this.dataSource.query(
      `INSERT INTO access_log (user_id, role, action, case_id, person_ref)
       SELECT $1, $2, $3, s.case_id, s.person_ref FROM unnest($4::uuid[], $5::varchar[]) AS s(case_id, person_ref)`,
      [
        user.id,
        user.role,
        action,
        subjects.map((subject) => subject.caseId ?? null),
        subjects.map((subject) => subject.personRef ?? null),
      ],
    );
  }
}
