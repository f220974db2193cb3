import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { NetworkCouncilsController } from './network-councils.controller';
import { NetworkCouncilsService } from './network-councils.service';
import { CouncilActionPlanRepository } from './council-action-plan.repository';

/** The network-council case type (netværkssamråd: invitations, meeting, the action plan's initiatives and their follow-ups). */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule],
  controllers: [NetworkCouncilsController],
  providers: [NetworkCouncilsService, CouncilActionPlanRepository],
})
export class NetworkCouncilsModule {}
