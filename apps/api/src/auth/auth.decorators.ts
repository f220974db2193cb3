import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '../../../../libs/domain/organisations/permissions';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';

/**
 * Every route declares who may call it; the global {@link AuthGuard} refuses a route that declares
 * nothing, so a new endpoint cannot be born open.
 */
export const ACCESS_METADATA = 'exitflow:access';

export type RouteAccess =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** No login needed (health, login). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies RouteAccess);

/** Any logged-in user. */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies RouteAccess);

/** Logged-in users whose role has this permission. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies RouteAccess);

export const CODEC_CREDENTIAL_METADATA = 'exitflow:codec-credential';

/** Also admits the codec credential cookie instead of a bearer token (the Temporal UI's codec calls only). */
export const AcceptsCodecCredential = () => SetMetadata(CODEC_CREDENTIAL_METADATA, true);

export interface AuthenticatedRequest {
  user?: AuthenticatedUser;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
