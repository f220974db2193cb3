import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { NetworkCouncilsController } from './network-councils.controller';
import { NetworkCouncilsService } from './network-councils.service';

/** The network-council case type (netværkssamråd: invitations, meeting, agreements). */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule],
  controllers: [NetworkCouncilsController],
  providers: [NetworkCouncilsService],
})
export class NetworkCouncilsModule {}
