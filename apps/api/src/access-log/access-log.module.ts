import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccessLogController } from './access-log.controller';
import { AccessLogReadsService } from './access-log-reads.service';
import { AccessLogRepository } from './access-log.repository';

/** Who read a case or a person: the access log shown to supervisors and the data-protection officer. */
@Module({
  imports: [AuditModule],
  controllers: [AccessLogController],
  providers: [AccessLogReadsService, AccessLogRepository],
})
export class AccessLogModule {}
