import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';
import { PersonNameIndex } from './person-name-index';

/** Persons: registration, lookup by CPR number, search by name and the pseudonymous person reference. */
@Module({
  imports: [AuditModule],
  controllers: [PersonsController],
  providers: [PersonsService, PersonNameIndex],
  exports: [PersonsService],
})
export class PersonsModule {}
