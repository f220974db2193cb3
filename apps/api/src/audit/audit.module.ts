import { Module } from '@nestjs/common';
import { AccessLogService } from './access-log.service';

/** The access log: every read of personal data (who, when, which case or person). */
@Module({
  providers: [AccessLogService],
  exports: [AccessLogService],
})
export class AuditModule {}
