import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ApiError } from '../common/api-error';
import {
  ACCESS_METADATA,
  type AuthenticatedRequest,
  CODEC_CREDENTIAL_METADATA,
  type RouteAccess,
} from './auth.decorators';
import { codecCookie, CodecCredentials } from './codec-credentials.service';
import { IdentityProviderUsers } from './identity-provider-users.service';
import { InvalidTokenError, TokenService, type VerifiedToken } from './token.service';
import { UsersRepository } from './users.repository';

function sameAccess(token: AuthenticatedUser, current: AuthenticatedUser | undefined): boolean {
  return (
    current !== undefined &&
    current.role === token.role &&
    current.organisation === token.organisation &&
    [...current.units].sort().join() === [...token.units].sort().join()
  );
}

/** Authentication and role permissions for every route (registered globally). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
    private readonly providerUsers: IdentityProviderUsers,
    private readonly codecCredentials: CodecCredentials,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const cookie = codecCookie(request.headers.cookie);
    const byCookie =
      request.headers.authorization === undefined &&
      cookie !== undefined &&
      this.reflector.get<boolean | undefined>(CODEC_CREDENTIAL_METADATA, context.getHandler()) === true;
    request.user = byCookie ? await this.fromCodecCredential(cookie) : await this.authenticate(request);
    if (!access) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Adgang nægtet.');
    }
    if (access.kind === 'permission' && !hasPermission(request.user, access.permission)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Din rolle giver ikke adgang til dette.');
    }
    return true;
  }

  /** The credential's user as the database has them now: deactivated or without the permission, refused. */
  private async fromCodecCredential(cookie: string): Promise<AuthenticatedUser> {
    const user = await this.codecCredentials.userOf(cookie);
    if (!user) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHENTICATED',
        'Adgangen til Temporal UI er udløbet eller tilbagekaldt. Åbn Temporal UI igen fra Drift-siden.',
      );
    }
    return user;
  }

  private async authenticate(request: AuthenticatedRequest) {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
    if (!match) throw new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Log ind for at fortsætte.');
    let verified: VerifiedToken;
    try {
      verified = await this.tokens.verify(match[1]);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHENTICATED',
        'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
      );
    }
    // Users of the local login live in this database: a deactivated user, or one whose role or units
    // changed, is stopped at once rather than when the token expires. An identity provider's user gets a
    // row from their claims (the provider is the truth for role and units); a deactivated one is stopped.
    const { user } = verified;
    const current = this.tokens.localLoginEnabled
      ? sameAccess(user, await this.users.findActive(user.id)) && user
      : await this.providerUsers.provision(verified);
    if (!current) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Din adgang er ændret. Log ind igen.');
    }
    return current;
  }
}
