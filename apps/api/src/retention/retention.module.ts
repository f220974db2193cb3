import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LegalHoldService } from './legal-hold.service';
import { RetentionController } from './retention.controller';
import { RetentionErasureService } from './retention-erasure.service';
import { RetentionListsService } from './retention-lists.service';

/** Retention: the deletion lists an officer approves, the erasure, and legal holds (docs/retention.md). */
@Module({
  imports: [AuditModule],
  controllers: [RetentionController],
  providers: [RetentionListsService, RetentionErasureService, LegalHoldService],
})
export class RetentionModule {}
