import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { OffenceText } from './offence-text';
import { PoliceDocumentationController } from './police-documentation.controller';
import { PoliceDocumentationService } from './police-documentation.service';

/** The police's documentation to the municipality: the send that starts a network council, and the inboxes. */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule],
  controllers: [PoliceDocumentationController],
  providers: [PoliceDocumentationService, OffenceText],
})
export class PoliceDocumentationModule {}
