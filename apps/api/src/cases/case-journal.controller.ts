import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpStatus,
  Inject,
  Injectable,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { catchError, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { DOCUMENT_TYPES } from '../../../../libs/domain/case/case-journal';
import { API_CONFIG } from '../api.tokens';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import { PageQuery, type Page } from '../common/page';
import { CaseDocumentsService, documentTooLarge, type UploadedDocumentFile } from './case-documents.service';
import { CaseIdParam } from './case-id';
import { UploadDocumentDto, WriteNoteDto } from './case-journal.dto';
import { DocumentPage, DocumentView, NotePage, NoteView } from './case-journal.views';
import { CaseNotesService } from './case-notes.service';
import { attachmentDisposition, DOCUMENT_FORMATS } from './document-content';

/** The multipart parser's refusals in the API's words: a file too large, a form the parser cannot read. */
@Injectable()
class DocumentUploadErrors implements NestInterceptor {
  constructor(@Inject(API_CONFIG) private readonly config: ExitflowConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) throw documentTooLarge(this.config.documents.maxBytes);
        if (error instanceof BadRequestException && !(error instanceof ApiError)) {
          throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', [
            {
              field: 'file',
              problems: ['Send dokumentet som multipart/form-data med én fil i feltet »file« og dokumenttypen.'],
            },
          ]);
        }
        throw error;
      }),
    );
  }
}

/**
 * The case journal and the case's documents, for every case type (`/api/cases/:id/…`): read by case readers
 * within their scope, written by caseworkers whose unit may change the case. A case outside the scope is 404.
 */
@ApiTags('Sager')
@ApiBearerAuth()
@Controller('cases')
export class CaseJournalController {
  constructor(
    private readonly notes: CaseNotesService,
    private readonly documents: CaseDocumentsService,
  ) {}

  @Get(':id/notes')
  @RequirePermission('case:read')
  @ListResponses(
    'Sagens journal: notaterne (med rettelser, hver peger på det notat, den retter) i tidsorden, sidevis. Læsningen logges.',
    NotePage,
  )
  @ApiErrorResponses(404)
  listNotes(
    @CaseIdParam() caseId: string,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<NoteView>> {
    return this.notes.list(caseId, query.page, query.pageSize, user);
  }

  @Post(':id/notes')
  @RequirePermission('case:journal')
  @ApiOperation({
    summary:
      'Skriv et notat i sagens journal (art, tidspunkt, tekst). Notater ændres aldrig: en rettelse er et nyt notat med correctsNoteId.',
  })
  @ApiCreatedResponse({ type: NoteView })
  @ApiErrorResponses(401, 403, 404, 422)
  writeNote(
    @CaseIdParam() caseId: string,
    @Body() dto: WriteNoteDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NoteView> {
    return this.notes.write(caseId, dto, user);
  }

  @Get(':id/documents')
  @RequirePermission('case:read')
  @ListResponses(
    'Sagens dokumenter (type, trin, filnavn, format, størrelse), nyeste først, sidevis. Læsningen logges.',
    DocumentPage,
  )
  @ApiErrorResponses(404)
  listDocuments(
    @CaseIdParam() caseId: string,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<DocumentView>> {
    return this.documents.list(caseId, query.page, query.pageSize, user);
  }

  @Post(':id/documents')
  @RequirePermission('case:journal')
  @UseInterceptors(DocumentUploadErrors, FileInterceptor('file'))
  @ApiOperation({
    summary:
      'Læg et dokument på sagen (multipart/form-data: type, evt. stepId, file). Formatet læses af filens bytes: PDF, PNG, JPEG, docx, xlsx eller pptx; alt andet afvises (422). Størrelsen er begrænset af DOCUMENT_MAX_MEGABYTES (413). Gemmes krypteret.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'file'],
      properties: {
        type: { type: 'string', enum: [...DOCUMENT_TYPES], description: 'Dokumenttypen.' },
        stepId: { type: 'string', format: 'uuid', description: 'Det trin på sagen, dokumentet hører til.' },
        file: { type: 'string', format: 'binary', description: 'Filen.' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiErrorResponses(401, 403, 404, 413, 422)
  uploadDocument(
    @CaseIdParam() caseId: string,
    @Body() dto: UploadDocumentDto,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DocumentView> {
    return this.documents.upload(caseId, dto, file, user);
  }

  @Get(':id/documents/:documentId')
  @RequirePermission('case:read')
  @ApiOperation({
    summary:
      'Hent et dokuments indhold som vedhæftet fil (Content-Disposition: attachment, Cache-Control: no-store, X-Content-Type-Options: nosniff). Læsningen logges.',
  })
  @ApiParam({ name: 'documentId', format: 'uuid' })
  @ApiProduces(...Object.values(DOCUMENT_FORMATS).map((format) => format.contentType), 'application/json')
  @ApiOkResponse({
    description: 'Dokumentets bytes, som de blev lagt på sagen.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrorResponses(401, 403, 404)
  async downloadDocument(
    @CaseIdParam() caseId: string,
    @Param('documentId') documentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    const { fileName, contentType, bytes } = await this.documents.content(caseId, documentId, user);
    response
      .status(HttpStatus.OK)
      .set({
        'Content-Type': contentType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': attachmentDisposition(fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .end(bytes);
  }
}
