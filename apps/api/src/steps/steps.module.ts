import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StepBoardRepository } from './step-board.repository';
import { StepsController } from './steps.controller';

/** The step boards: overdue, due soon and my steps across every case type. */
@Module({
  imports: [AuditModule],
  controllers: [StepsController],
  providers: [StepBoardRepository],
})
export class StepsModule {}
