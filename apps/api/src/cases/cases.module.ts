import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { API_CONFIG } from '../api.tokens';
import { AuditModule } from '../audit/audit.module';
import { PersonsModule } from '../persons/persons.module';
import { StaffModule } from '../staff/staff.module';
import { CaseAssignmentsController } from './case-assignments.controller';
import { CaseAssignmentsService } from './case-assignments.service';
import { TemporalModule } from '../temporal/temporal.module';
import { CaseDocumentsService } from './case-documents.service';
import { CaseJournalController } from './case-journal.controller';
import { CaseListRepository } from './case-list.repository';
import { CaseNotesService } from './case-notes.service';
import { CasesController } from './cases.controller';
import { CaseDecisionsService } from './case-decisions.service';
import { CaseRecordsRepository } from './case-records.repository';
import { CaseScopeRepository } from './case-scope.repository';
import { IdempotencyKeysService } from './idempotency-keys.service';
import { StepDeadlinesController } from './step-deadlines.controller';
import { StepDeadlinesService } from './step-deadlines.service';

/**
 * The case kernel every case type imports: scope, records, decisions, idempotent starts, the list across
 * types, every case's journal and documents, and the deadline decisions on any case's steps (suspend, resume,
 * extend, missed-deadline reason).
 */
@Module({
  imports: [
    TemporalModule,
    PersonsModule,
    AuditModule,
    StaffModule,
    // Uploads are kept in memory (never on disk) and bounded: one file of at most DOCUMENT_MAX_MEGABYTES, a few small fields.
    MulterModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ExitflowConfig) => ({
        limits: { fileSize: config.documents.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 8 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [CasesController, CaseJournalController, CaseAssignmentsController, StepDeadlinesController],
  providers: [
    CaseListRepository,
    CaseScopeRepository,
    CaseRecordsRepository,
    CaseDecisionsService,
    IdempotencyKeysService,
    CaseAssignmentsService,
    CaseNotesService,
    CaseDocumentsService,
    StepDeadlinesService,
  ],
  exports: [CaseScopeRepository, CaseRecordsRepository, CaseDecisionsService, IdempotencyKeysService],
})
export class CasesModule {}
