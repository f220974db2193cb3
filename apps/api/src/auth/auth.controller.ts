import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-responses';
import { CurrentUserView, LoginAnswerView } from './user.views';
import { permissionsOf } from '../../../../libs/access/access-policy';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../../../libs/access/password-hashing';
import { ROLE_LABELS } from '../../../../libs/domain/organisations/roles';
import { type AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ApiError } from '../common/api-error';
import { Authenticated, CurrentUser, Public } from './auth.decorators';
import { LoginDto } from './login.dto';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

export type LoginAnswer = LoginAnswerView;

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
  @ApiOkResponse({ type: LoginAnswerView })
  @ApiErrorResponses(401, 404, 429)
  async login(@Body() dto: LoginDto): Promise<LoginAnswer> {
    if (!this.tokens.localLoginEnabled) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'LOCAL_LOGIN_DISABLED',
        'Lokalt login er slået fra. Log ind via organisationens login.',
      );
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
  @ApiOkResponse({ type: CurrentUserView })
  @ApiErrorResponses(401)
  me(@CurrentUser() user: AuthenticatedUser): CurrentUserView {
    return { ...user, roleLabel: ROLE_LABELS[user.role], permissions: [...permissionsOf(user.role)] };
  }
}
