import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { permissionsOf, type Permission } from '../../../../libs/access/access-policy';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../../../libs/access/password-hashing';
import { ROLE_LABELS, type AuthenticatedUser } from '../../../../libs/access/roles';
import { ApiError } from '../common/api-error';
import { Authenticated, CurrentUser, Public } from './auth.decorators';
import { LoginDto } from './login.dto';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

export interface LoginAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthenticatedUser & { roleLabel: string };
}

@ApiTags('Log ind')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lokalt login (demo og drift uden OIDC): giver en adgangsbillet (bearer token).' })
  @ApiResponse({ status: 401, description: 'Forkert brugernavn eller adgangskode.' })
  @ApiResponse({ status: 429, description: 'For mange forsøg.' })
  async login(@Body() dto: LoginDto): Promise<LoginAnswer> {
    if (!this.tokens.localLoginEnabled) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'LOCAL_LOGIN_DISABLED', 'Lokalt login er slået fra. Log ind via organisationens login.');
    }
    const found = await this.users.findActiveForLogin(dto.username);
    const valid = await verifyPassword(dto.password, found?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
    if (!found || !valid) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Forkert brugernavn eller adgangskode.');
    }
    const token = await this.tokens.issue(found.user);
    return { ...token, tokenType: 'Bearer', user: { ...found.user, roleLabel: ROLE_LABELS[found.user.role] } };
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Den indloggede bruger: rolle, organisation, enheder og rollens tilladelser.' })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser & { roleLabel: string; permissions: readonly Permission[] } {
    return { ...user, roleLabel: ROLE_LABELS[user.role], permissions: permissionsOf(user.role) };
  }
}
