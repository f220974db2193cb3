import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonsModule } from '../persons/persons.module';
import { TemporalModule } from '../temporal/temporal.module';
import { CaseListRepository } from './case-list.repository';
import { CasesController } from './cases.controller';
import { CaseDecisionsService } from './case-decisions.service';
import { CaseRecordsRepository } from './case-records.repository';
import { CaseScopeRepository } from './case-scope.repository';
import { IdempotencyKeysService } from './idempotency-keys.service';
import { StepDeadlinesController } from './step-deadlines.controller';
import { StepDeadlinesService } from './step-deadlines.service';

/**
 * The case kernel every case type imports: scope, records, decisions, idempotent starts, the list across
 * types, and the deadline decisions on any case's steps (suspend, resume, extend, missed-deadline reason).
 */
@Module({
  imports: [TemporalModule, PersonsModule, AuditModule],
  controllers: [CasesController, StepDeadlinesController],
  providers: [
    CaseListRepository,
    CaseScopeRepository,
    CaseRecordsRepository,
    CaseDecisionsService,
    IdempotencyKeysService,
    StepDeadlinesService,
  ],
  exports: [CaseScopeRepository, CaseRecordsRepository, CaseDecisionsService, IdempotencyKeysService],
})
export class CasesModule {}
