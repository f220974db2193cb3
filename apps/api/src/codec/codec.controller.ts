import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-responses';
import type { Payload } from '@temporalio/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsDefined, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { EncryptionCodec } from '../../../../libs/temporal/encryption-codec';
import { API_CONFIG } from '../api.tokens';
import { AccessLogService } from '../audit/access-log.service';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
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
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  private readonly codec: EncryptionCodec;

  constructor(
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly accessLog: AccessLogService,
  ) {
    this.codec = new EncryptionCodec(config.temporalCodecKeyring, 'pass-through');
  }

  @Post('decode')
  @RequirePermission('temporal:codec')
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
