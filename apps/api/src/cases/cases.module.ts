import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonsModule } from '../persons/persons.module';
import { StaffModule } from '../staff/staff.module';
import { CaseAssignmentsController } from './case-assignments.controller';
import { CaseAssignmentsService } from './case-assignments.service';
import { TemporalModule } from '../temporal/temporal.module';
import { CaseListRepository } from './case-list.repository';
import { CasesController } from './cases.controller';
import { CaseDecisionsService } from './case-decisions.service';
import { CaseRecordsRepository } from './case-records.repository';
import { CaseScopeRepository } from './case-scope.repository';
import { IdempotencyKeysService } from './idempotency-keys.service';

/** The case kernel every case type imports: scope, records, decisions, idempotent starts, and the list across types. */
@Module({
  imports: [TemporalModule, PersonsModule, AuditModule, StaffModule],
  controllers: [CasesController, CaseAssignmentsController],
  providers: [
    CaseListRepository,
    CaseScopeRepository,
    CaseRecordsRepository,
    CaseDecisionsService,
    IdempotencyKeysService,
    CaseAssignmentsService,
  ],
  exports: [CaseScopeRepository, CaseRecordsRepository, CaseDecisionsService, IdempotencyKeysService],
})
export class CasesModule {}
