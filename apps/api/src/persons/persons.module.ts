import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';
import { PersonNameIndex } from './person-name-index';
import { PersonProtectionController } from './person-protection.controller';
import { PersonProtectionService } from './person-protection.service';

/** Persons: registration, lookup by CPR number, search by name and the pseudonymous person reference. */
@Module({
  imports: [AuditModule],
  controllers: [PersonsController, PersonProtectionController],
  providers: [PersonsService, PersonNameIndex, PersonProtectionService],
  exports: [PersonsService],
})
export class PersonsModule {}
