import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { NOTE_KIND_LABELS, type NoteKind } from '../../../../libs/domain/case/case-journal';
import { refuseMoment } from '../../../../libs/domain/case/refusal';
import { decryptField, encryptField, keyIdOf } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import type { WriteNoteDto } from './case-journal.dto';
import type { NoteView } from './case-journal.views';
import { CaseScopeRepository, requireWritable } from './case-scope.repository';
import { withCaseFreeTexts } from '../persons/protected-persons';

/** What a note's encrypted text is bound to: a ciphertext copied to another note does not decrypt. */
export const noteTextField = (noteId: string) => `case_notes.text:${noteId}`;

interface NoteRow {
  id: string;
  case_id: string;
  kind: NoteKind;
  occurred_at: Date;
  recorded_at: Date;
  text_encrypted: string;
  corrects_note_id: string | null;
  corrected_by_note_id: string | null;
  author_id: string;
  author_name: string | null;
}

const NOTE_COLUMNS = `n.id, n.case_id, n.kind, n.occurred_at, n.recorded_at, n.text_encrypted, n.corrects_note_id, n.author_id,
  u.display_name AS author_name,
  (SELECT c.id FROM case_notes c WHERE c.case_id = n.case_id AND c.corrects_note_id = n.id
    ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1) AS corrected_by_note_id`;

/**
 * The case journal of every case type: notes written once and never changed (the table is append-only for
 * the API's database role); a correction is a new note pointing at the one it corrects. The text is
 * encrypted at rest with the person register's keys; every read is logged.
 */
@Injectable()
export class CaseNotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: CaseScopeRepository,
    private readonly accessLog: AccessLogService,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
  ) {}

  async list(caseId: string, page: number, pageSize: number, user: AuthenticatedUser): Promise<Page<NoteView>> {
    if (!(await this.scope.findAnyForUser(caseId, user))) throw ApiError.caseNotFound(caseId);
    const notes = await pagedQuery(
      this.dataSource,
      {
        from: 'case_notes n',
        where: 'n.case_id = $1',
        params: [caseId],
        select: NOTE_COLUMNS,
        join: 'LEFT JOIN users u ON u.id::text = n.author_id',
        orderBy: 'n.occurred_at, n.recorded_at, n.id',
        page,
        pageSize,
      },
      (row: NoteRow) => this.view(row),
    );
    await this.accessLog.record(user, 'case_notes_read', { caseId });
    return withCaseFreeTexts(this.dataSource, user, caseId, notes);
  }

  async write(caseId: string, dto: WriteNoteDto, user: AuthenticatedUser): Promise<NoteView> {
    const found = await this.scope.findAnyForUser(caseId, user);
    if (!found) throw ApiError.caseNotFound(caseId);
    requireWritable(found);
    const refusal = refuseMoment('Tidspunktet for det noterede', dto.occurredAt, new Date());
    if (refusal) throw ApiError.invalidDomainData(refusal.message);
    if (dto.correctsNoteId !== undefined) {
      const corrected = await this.dataSource.query(`SELECT 1 FROM case_notes WHERE id = $1 AND case_id = $2`, [
        dto.correctsNoteId,
        caseId,
      ]);
      if (!corrected.length) {
        throw ApiError.invalidDomainData('Notatet, der rettes, findes ikke på denne sag. Intet er gemt.', {
          correctsNoteId: dto.correctsNoteId,
        });
      }
    }
    const id = randomUUID();
    const textEncrypted = encryptField(dto.text, this.config.personalData.keyring, noteTextField(id));
    await this.dataSource.query(
      `INSERT INTO case_notes (id, case_id, kind, occurred_at, text_encrypted, key_id, corrects_note_id, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        caseId,
        dto.kind,
        dto.occurredAt,
        textEncrypted,
        keyIdOf(textEncrypted),
        dto.correctsNoteId ?? null,
        user.id,
      ],
    );
    const rows: NoteRow[] = await this.dataSource.query(
      `SELECT ${NOTE_COLUMNS} FROM case_notes n LEFT JOIN users u ON u.id::text = n.author_id WHERE n.id = $1`,
      [id],
    );
    return this.view(rows[0]);
  }

  private view(row: NoteRow): NoteView {
    return {
      id: row.id,
      caseId: row.case_id,
      kind: row.kind,
      kindText: NOTE_KIND_LABELS[row.kind],
      occurredAt: row.occurred_at.toISOString(),
      recordedAt: row.recorded_at.toISOString(),
      text: decryptField(row.text_encrypted, this.config.personalData.keyring, noteTextField(row.id)),
      correctsNoteId: row.corrects_note_id,
      correctedByNoteId: row.corrected_by_note_id,
      authorId: row.author_id,
      authorName: row.author_name,
    };
  }
}
