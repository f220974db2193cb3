import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { UserChangesService } from './user-changes.service';
import { UsersController } from './users.controller';

/** Administration: the organisation's users, and an administrator's changes of them (audited). */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController],
  providers: [UserChangesService],
})
export class AdminModule {}
