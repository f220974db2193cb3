import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UsersController } from './users.controller';

/** Administration: the list of users, and the organisation units. */
@Module({
  imports: [AuthModule],
  controllers: [UsersController, UnitsController],
  providers: [UnitsService],
})
export class AdminModule {}
