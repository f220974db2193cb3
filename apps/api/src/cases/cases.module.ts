import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { CaseDecisionsService } from './case-decisions.service';
import { CaseRecordsRepository } from './case-records.repository';
import { CaseScopeRepository } from './case-scope.repository';
import { IdempotencyKeysService } from './idempotency-keys.service';

/** The case kernel every case type imports: scope, records, decisions and idempotent starts. */
@Module({
  imports: [TemporalModule],
  providers: [CaseScopeRepository, CaseRecordsRepository, CaseDecisionsService, IdempotencyKeysService],
  exports: [CaseScopeRepository, CaseRecordsRepository, CaseDecisionsService, IdempotencyKeysService],
})
export class CasesModule {}
