import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CodecCredentials } from './codec-credentials.service';
import { IdentityProviderUsers } from './identity-provider-users.service';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

/** Login, tokens and the global guard that checks every route's access. */
@Module({
  controllers: [AuthController],
  providers: [
    TokenService,
    UsersRepository,
    IdentityProviderUsers,
    CodecCredentials,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersRepository, TokenService, CodecCredentials],
})
export class AuthModule {}
