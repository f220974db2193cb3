import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';

/** Persons: registration, lookup by CPR number and the pseudonymous person reference. */
@Module({
  imports: [AuditModule],
  controllers: [PersonsController],
  providers: [PersonsService],
  exports: [PersonsService],
})
export class PersonsModule {}
