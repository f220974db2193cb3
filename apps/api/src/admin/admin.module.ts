import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UserChangesService } from './user-changes.service';
import { UsersController } from './users.controller';

/** Administration: the organisation's users and an administrator's changes of them, and the organisation units (audited). */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController, UnitsController],
  providers: [UserChangesService, UnitsService],
})
export class AdminModule {}
