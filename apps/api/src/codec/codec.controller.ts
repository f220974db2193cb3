import { Body, Controller, Delete, Headers, HttpCode, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-responses';
import type { Payload } from '@temporalio/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsDefined, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { EncryptionCodec } from '../../../../libs/temporal/encryption-codec';
import { CODEC_PATH, TEMPORAL_UI_PATH } from '../../../../libs/temporal/temporal-ui-path';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { AcceptsCodecCredential, CurrentUser, Public, RequirePermission } from '../auth/auth.decorators';
import {
  CODEC_COOKIE,
  CODEC_CREDENTIAL_MINUTES,
  codecCookie,
  CodecCredentials,
} from '../auth/codec-credentials.service';
import { ApiError } from '../common/api-error';

class PayloadJson {
  /** Metadata values are base64, as in Temporal's remote-codec protocol. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Metadata; hver værdi base64.',
  })
  @IsDefined({ message: 'Metadataene skal udfyldes.' })
  @IsObject({ message: 'Metadataene skal være et objekt.' })
  metadata!: Record<string, string>;

  @ApiPropertyOptional({ type: String, format: 'byte', description: 'Indholdet, base64.' })
  @ValidateIf((payload: PayloadJson) => payload.data !== undefined)
  @IsBase64({}, { message: 'Indholdet skal være base64.' })
  data?: string;
}

class CodecCredentialView {
  @ApiProperty({ type: String, format: 'date-time', description: 'Hvornår adgangen udløber.' })
  expiresAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Hvor Temporal UI åbnes: på API’ets egen adresse, når TEMPORAL_UI_UPSTREAM er sat, ellers den første af TEMPORAL_CODEC_CORS_ORIGINS, eller null.',
  })
  temporalUiUrl!: string | null;
}

class CodecRequest {
  @ApiProperty({ type: [PayloadJson], maxItems: 1000 })
  @IsDefined({ message: 'Listen af dataelementer skal udfyldes.' })
  @IsArray({ message: 'Listen af dataelementer skal være en liste.' })
  @ArrayMaxSize(1000, { message: 'Højst 1000 dataelementer ad gangen.' })
  @ValidateNested({ each: true, message: 'Hvert dataelement skal være et objekt.' })
  @Type(() => PayloadJson)
  payloads!: PayloadJson[];
}

function fromJson(payload: PayloadJson): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(payload.metadata)) {
    if (typeof value !== 'string') throw ApiError.invalidDomainData(`Metadataværdien '${key}' skal være base64-tekst.`);
    metadata[key] = Buffer.from(value, 'base64');
  }
  return { metadata, data: payload.data === undefined ? undefined : Buffer.from(payload.data, 'base64') };
}

function toJson(payload: Payload): { metadata: Record<string, string>; data?: string } {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
    ),
    ...(payload.data ? { data: Buffer.from(payload.data).toString('base64') } : {}),
  };
}

/**
 * Temporal's remote payload codec, decode only, so that the operations role can read encrypted payloads
 * in the Temporal UI (its "codec endpoint" points at /api/codec). There is no encode: it would let any
 * caller make payloads the workers accept. CORS admits TEMPORAL_CODEC_CORS_ORIGINS only; every decode
 * is logged.
 */
@ApiTags('Drift')
@Controller('codec')
export class CodecController {
  private readonly codec: EncryptionCodec;

  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly accessLog: AccessLogService,
    private readonly credentials: CodecCredentials,
  ) {
    this.codec = new EncryptionCodec(config.temporalCodecKeyring, 'pass-through');
  }

  /**
   * The Temporal UI cannot send the web page's bearer token: the logged-in operations user gets a
   * credential for it instead, an HttpOnly cookie sent only to /api/codec, same-site only, for minutes.
   */
  @Post('credential')
  @ApiBearerAuth()
  @RequirePermission('temporal:codec')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `Giv Temporal UI adgang til at dekryptere i ${CODEC_CREDENTIAL_MINUTES} minutter (en HttpOnly-cookie til /api/codec). Kun driftsrollen.`,
  })
  @ApiOkResponse({ type: CodecCredentialView })
  @ApiErrorResponses(401, 403)
  async issueCredential(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CodecCredentialView> {
    const { token, expiresAt } = await this.credentials.issue(user.id);
    response.cookie(CODEC_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.production,
      path: CODEC_PATH,
      maxAge: CODEC_CREDENTIAL_MINUTES * 60_000,
    });
    return { expiresAt: expiresAt.toISOString(), temporalUiUrl: this.temporalUiUrl() };
  }

  /** The UI served on this origin (the cookie goes with its codec calls), else one on an origin CORS admits. */
  private temporalUiUrl(): string | null {
    if (this.config.temporalUiUpstream)
      return `${TEMPORAL_UI_PATH}/namespaces/${encodeURIComponent(this.config.temporal.namespace)}/workflows`;
    return this.config.codecCorsOrigins[0] ?? null;
  }

  /** Logout: the credential in the cookie, if any, is revoked at once, and the cookie cleared. */
  @Delete('credential')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Tilbagekald Temporal UI’s adgang (ved udlogning).' })
  @ApiResponse({ status: 204, description: 'Adgangen er tilbagekaldt (eller var der ikke).' })
  async revokeCredential(
    @Headers('cookie') cookie: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = codecCookie(cookie);
    if (token) await this.credentials.revoke(token);
    response.clearCookie(CODEC_COOKIE, { httpOnly: true, sameSite: 'strict', path: CODEC_PATH });
  }

  @Post('decode')
  @ApiBearerAuth()
  @RequirePermission('temporal:codec')
  @AcceptsCodecCredential()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dekryptér Temporal-payloads (Temporal UI). Kun driftsrollen; hver dekryptering logges.' })
  @ApiHeader({ name: 'X-Namespace', required: false, description: 'Temporal-navnerummet, som Temporal UI sender.' })
  @ApiOkResponse({ type: CodecRequest, description: 'De dekrypterede payloads, i samme form.' })
  @ApiErrorResponses(401, 403, 422)
  async decode(
    @Body() body: CodecRequest,
    @Headers('x-namespace') namespace: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ payloads: ReturnType<typeof toJson>[] }> {
    if (namespace !== undefined && namespace !== this.config.temporal.namespace) {
      throw ApiError.invalidDomainData(`Navnerummet '${namespace}' hører ikke til dette system.`);
    }
    let decoded: Payload[];
    try {
      decoded = await this.codec.decode(body.payloads.map(fromJson));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw ApiError.invalidDomainData('Dataelementerne kan ikke dekrypteres med de konfigurerede nøgler.');
    }
    await this.accessLog.record(user, 'payload_decode', {});
    return { payloads: decoded.map(toJson) };
  }
}
