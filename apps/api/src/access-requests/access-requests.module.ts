import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { TemporalModule } from '../temporal/temporal.module';
import { AccessRequestExport } from './access-request-export';
import { AccessRequestsController } from './access-requests.controller';
import { AccessRequestsService } from './access-requests.service';

/** A person's right of access: the request as a case, its answer, and the export of what the scope holds. */
@Module({
  imports: [CasesModule, AuditModule, TemporalModule],
  controllers: [AccessRequestsController],
  providers: [AccessRequestsService, AccessRequestExport],
})
export class AccessRequestsModule {}
