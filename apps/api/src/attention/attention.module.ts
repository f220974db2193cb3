import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { TemporalModule } from '../temporal/temporal.module';
import { AttentionController } from './attention.controller';
import { AttentionRepository } from './attention.repository';

/** Cases whose read model needs attention, and redriving them. */
@Module({
  imports: [CasesModule, AuditModule, TemporalModule],
  controllers: [AttentionController],
  providers: [AttentionRepository],
})
export class AttentionModule {}
