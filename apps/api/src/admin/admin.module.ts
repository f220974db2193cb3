import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';

/** Administration: the list of users. */
@Module({
  imports: [AuthModule],
  controllers: [UsersController],
})
export class AdminModule {}
