import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { HomeVisitsController } from './home-visits.controller';
import { HomeVisitsService } from './home-visits.service';

/** The municipality's social services in DKS's joint home visits (DOMAIN.md §3). */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule],
  controllers: [HomeVisitsController],
  providers: [HomeVisitsService],
})
export class HomeVisitsModule {}
