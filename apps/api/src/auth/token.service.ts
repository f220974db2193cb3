import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, type JWTPayload, jwtVerify, type KeyLike, SignJWT } from 'jose';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ROLE_ORGANISATIONS, ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import { type AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import { OrganisationUnits } from '../reference/organisation-units.service';
import { API_CONFIG } from '../api.tokens';
import { EMAIL_PATTERN } from '../common/field-decorators';

/** Claims this API reads besides the registered ones; an OIDC provider must issue them too. */
export const CLAIMS = {
  role: 'exitflow_role',
  organisation: 'exitflow_org',
  units: 'exitflow_units',
} as const;

export class InvalidTokenError extends Error {}

/** A verified token: who is acting (`id` is the token's `sub`) and, from a provider, their e-mail address. */
export interface VerifiedToken {
  user: AuthenticatedUser;
  /** The `email` claim when it is a usable address and not marked unverified (`email_verified: false`). */
  email?: string;
}

/** An address as the API accepts one from an administrator (at most 254 characters). */
const EMAIL = new RegExp(EMAIL_PATTERN);

/** No token is honoured longer than a day, whatever its `exp` says. */
const MAX_TOKEN_AGE_HOURS = 24;

/** Subjects end up in the audit trail; a bounded, plain form keeps them safe to store and to key on. */
const SUBJECT = /^[A-Za-z0-9._@|-]{1,120}$/;

/**
 * Issues (local login) and verifies bearer tokens. Verification checks signature, issuer, audience and
 * expiry, and that the role, organisation and units are ones this system knows.
 */
@Injectable()
export class TokenService {
  private readonly signingKey?: KeyObject;
  private readonly verificationKey: KeyLike | ReturnType<typeof createRemoteJWKSet>;

  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly units: OrganisationUnits,
  ) {
    const { auth } = config;
    if (auth.jwksUrl) {
      this.verificationKey = createRemoteJWKSet(new URL(auth.jwksUrl));
    } else {
      this.signingKey = createPrivateKey(auth.signingKeyPem!);
      this.verificationKey = createPublicKey(this.signingKey);
    }
  }

  get localLoginEnabled(): boolean {
    return this.signingKey !== undefined;
  }

  async issue(user: AuthenticatedUser): Promise<{ accessToken: string; expiresIn: number }> {
    if (!this.signingKey) throw new Error('Local login is disabled (AUTH_JWKS_URL is set).');
    const { issuer, audience, tokenTtlSeconds } = this.config.auth;
    const accessToken = await new SignJWT({
      preferred_username: user.username,
      name: user.displayName,
      [CLAIMS.role]: user.role,
      [CLAIMS.organisation]: user.organisation,
      [CLAIMS.units]: user.units,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${tokenTtlSeconds}s`)
      .sign(this.signingKey);
    return { accessToken, expiresIn: tokenTtlSeconds };
  }

  async verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.verificationKey as KeyLike, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        // The local login signs with ES256 only; an OIDC provider may use any of the asymmetric ones.
        algorithms: this.signingKey ? ['ES256'] : ['ES256', 'RS256', 'PS256', 'EdDSA'],
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: `${MAX_TOKEN_AGE_HOURS}h`,
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const user = userFromClaims(payload);
    // Closed units too: a user of a closed unit still reads its cases' history.
    const known = await this.units.findMany(user.units);
    if (!user.units.every((unit) => known.get(unit)?.organisation === user.organisation)) {
      throw new InvalidTokenError('units are not units of the organisation');
    }
    return { user, email: emailFromClaims(payload) };
  }
}

function emailFromClaims(payload: JWTPayload): string | undefined {
  const { email } = payload;
  if (typeof email !== 'string' || !email || email.length > 254 || !EMAIL.test(email)) return undefined;
  return payload.email_verified === false ? undefined : email;
}

function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  const role = payload[CLAIMS.role] as Role;
  const organisation = payload[CLAIMS.organisation] as Organisation;
  const units = payload[CLAIMS.units];
  if (!payload.sub || !SUBJECT.test(payload.sub)) throw new InvalidTokenError('no usable subject');
  if (!ROLES.includes(role)) throw new InvalidTokenError('unknown role');
  if (!ROLE_ORGANISATIONS[role].includes(organisation))
    throw new InvalidTokenError('role does not belong to the organisation');
  if (!Array.isArray(units) || !units.every((unit) => typeof unit === 'string')) {
    throw new InvalidTokenError('units are not units of the organisation');
  }
  return {
    id: payload.sub,
    username: String(payload.preferred_username ?? payload.sub),
    displayName: String(payload.name ?? payload.preferred_username ?? payload.sub),
    role,
    organisation,
    units: units as string[],
  };
}
