import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AbsencesService } from './absences.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { WorkloadRepository } from './workload.repository';

/** Colleagues: absences with substitutes, and a supervisor's workload per caseworker. */
@Module({
  imports: [AuditModule],
  controllers: [StaffController],
  providers: [StaffRepository, AbsencesService, WorkloadRepository],
  exports: [StaffRepository, AbsencesService],
})
export class StaffModule {}
