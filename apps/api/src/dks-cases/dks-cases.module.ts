import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { DksCasesController } from './dks-cases.controller';
import { DksCasesService } from './dks-cases.service';

/** The DKS case type (youth under 18: assessment, concern conversation at home, follow-up). */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule],
  controllers: [DksCasesController],
  providers: [DksCasesService],
})
export class DksCasesModule {}
