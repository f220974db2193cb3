import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../../../libs/domain/case/case-journal';
import { stepLabel } from '../../../../libs/domain/case/step-kinds';
import {
  decryptBytes,
  decryptField,
  encryptBytes,
  encryptField,
  keyIdOf,
} from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { isUuid } from '../common/uuid';
import type { UploadDocumentDto } from './case-journal.dto';
import type { DocumentView } from './case-journal.views';
import { CaseScopeRepository, requireWritable } from './case-scope.repository';
import {
  ACCEPTED_FORMATS_TEXT,
  DOCUMENT_FORMATS,
  documentFormatOf,
  safeFileName,
  type DocumentFormat,
} from './document-content';

/** What a document's encrypted name and contents are bound to (a ciphertext copied elsewhere does not decrypt). */
export const fileNameField = (documentId: string) => `case_documents.file_name:${documentId}`;
const contentField = (documentId: string) => `case_documents.content:${documentId}`;

/** The uploaded file as the multipart parser hands it over (kept in memory, never on disk). */
export interface UploadedDocumentFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

interface DocumentRow {
  id: string;
  case_id: string;
  document_type: DocumentType;
  step_id: string | null;
  step_kind: string | null;
  format: DocumentFormat;
  content_type: string;
  size_bytes: number;
  file_name_encrypted: string;
  uploaded_at: Date;
  uploaded_by: string;
  uploaded_by_name: string | null;
}

const DOCUMENT_COLUMNS = `d.id, d.case_id, d.document_type, d.step_id, s.kind AS step_kind, d.format, d.content_type,
  d.size_bytes, d.file_name_encrypted, d.uploaded_at, d.uploaded_by, u.display_name AS uploaded_by_name`;
const DOCUMENT_JOINS = 'LEFT JOIN steps s ON s.id = d.step_id LEFT JOIN users u ON u.id::text = d.uploaded_by';

/** The message of a document larger than DOCUMENT_MAX_MEGABYTES. */
export function documentTooLarge(maxBytes: number): ApiError {
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'PAYLOAD_TOO_LARGE',
    `Filen er for stor: et dokument må højst fylde ${Math.round(maxBytes / (1024 * 1024))} MB. Intet er gemt.`,
  );
}

/**
 * A case's documents, for every case type: typed, optionally tied to a step, their format read from their
 * bytes, name and contents encrypted at rest with the person register's keys. Every read is logged.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: CaseScopeRepository,
    private readonly accessLog: AccessLogService,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
  ) {}

  async list(caseId: string, page: number, pageSize: number, user: AuthenticatedUser): Promise<Page<DocumentView>> {
    if (!(await this.scope.findAnyForUser(caseId, user))) throw ApiError.caseNotFound(caseId);
    const documents = await pagedQuery(
      this.dataSource,
      {
        from: 'case_documents d',
        where: 'd.case_id = $1',
        params: [caseId],
        select: DOCUMENT_COLUMNS,
        join: DOCUMENT_JOINS,
        orderBy: 'd.uploaded_at DESC, d.id DESC',
        page,
        pageSize,
      },
      (row: DocumentRow) => this.view(row),
    );
    await this.accessLog.record(user, 'case_documents_read', { caseId });
    return documents;
  }

  async upload(
    caseId: string,
    dto: UploadDocumentDto,
    file: UploadedDocumentFile | undefined,
    user: AuthenticatedUser,
  ): Promise<DocumentView> {
    const found = await this.scope.findAnyForUser(caseId, user);
    if (!found) throw ApiError.caseNotFound(caseId);
    requireWritable(found);
    if (!file) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', [
        { field: 'file', problems: ['Vælg en fil at lægge på sagen.'] },
      ]);
    }
    if (file.size > this.config.documents.maxBytes) throw documentTooLarge(this.config.documents.maxBytes);
    if (file.size === 0) throw ApiError.invalidDomainData('Filen er tom. Intet er gemt.');
    const format = documentFormatOf(file.buffer);
    if (!format) {
      throw ApiError.invalidDomainData(
        `Filen kan ikke lægges på sagen: indholdet er ikke ${ACCEPTED_FORMATS_TEXT}. Det er filens indhold, der afgør det, ikke dens navn. Intet er gemt.`,
      );
    }
    if (dto.stepId !== undefined) {
      const step = await this.dataSource.query(`SELECT 1 FROM steps WHERE id = $1 AND case_id = $2`, [
        dto.stepId,
        caseId,
      ]);
      if (!step.length) throw ApiError.invalidDomainData('Trinnet findes ikke på denne sag. Intet er gemt.');
    }
    const id = randomUUID();
    const { keyring } = this.config.personalData;
    const fileNameEncrypted = encryptField(safeFileName(file.originalname, format), keyring, fileNameField(id));
    const contentEncrypted = encryptBytes(file.buffer, keyring, contentField(id));
    await this.dataSource.query(
      `INSERT INTO case_documents (id, case_id, document_type, step_id, format, content_type, size_bytes,
         file_name_encrypted, content_encrypted, key_id, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        caseId,
        dto.type,
        dto.stepId ?? null,
        format,
        DOCUMENT_FORMATS[format].contentType,
        file.size,
        fileNameEncrypted,
        contentEncrypted,
        keyIdOf(contentEncrypted),
        user.id,
      ],
    );
    const rows: DocumentRow[] = await this.dataSource.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM case_documents d ${DOCUMENT_JOINS} WHERE d.id = $1`,
      [id],
    );
    return this.view(rows[0]);
  }

  /** A document's contents, for a download: 404 outside the scope, or for a document of another case. */
  async content(
    caseId: string,
    documentId: string,
    user: AuthenticatedUser,
  ): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
    if (!(await this.scope.findAnyForUser(caseId, user))) throw ApiError.caseNotFound(caseId);
    const rows: { file_name_encrypted: string; content_encrypted: string; content_type: string }[] = isUuid(documentId)
      ? await this.dataSource.query(
          `SELECT file_name_encrypted, content_encrypted, content_type FROM case_documents WHERE id = $1 AND case_id = $2`,
          [documentId, caseId],
        )
      : [];
    if (!rows.length) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Dokumentet findes ikke på denne sag.', { documentId });
    }
    const { keyring } = this.config.personalData;
    const bytes = decryptBytes(rows[0].content_encrypted, keyring, contentField(documentId));
    await this.accessLog.record(user, 'case_document_read', { caseId, details: { documentId } });
    return {
      fileName: decryptField(rows[0].file_name_encrypted, keyring, fileNameField(documentId)),
      contentType: rows[0].content_type,
      bytes,
    };
  }

  /** Whether a document of this type is on the case (a decision may need one first). */
  async hasDocumentOfType(caseId: string, type: DocumentType): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM case_documents WHERE case_id = $1 AND document_type = $2 LIMIT 1`,
      [caseId, type],
    );
    return rows.length > 0;
  }

  private view(row: DocumentRow): DocumentView {
    return {
      id: row.id,
      caseId: row.case_id,
      type: row.document_type,
      typeText: DOCUMENT_TYPE_LABELS[row.document_type],
      stepId: row.step_id,
      stepLabel: row.step_kind ? stepLabel(row.step_kind) : null,
      fileName: decryptField(row.file_name_encrypted, this.config.personalData.keyring, fileNameField(row.id)),
      format: row.format,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      uploadedAt: row.uploaded_at.toISOString(),
      uploadedBy: row.uploaded_by,
      uploadedByName: row.uploaded_by_name,
      downloadPath: `/api/cases/${row.case_id}/documents/${row.id}`,
    };
  }
}
