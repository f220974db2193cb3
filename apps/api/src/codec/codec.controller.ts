import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Payload } from '@temporalio/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { EncryptionCodec } from '../../../../libs/temporal/encryption-codec';
import { API_CONFIG } from '../api.tokens';
import { RequirePermission } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';

class PayloadJson {
  /** Metadata values are base64, as in Temporal's remote-codec protocol. */
  @IsObject({ message: 'metadata skal være et objekt.' })
  metadata!: Record<string, string>;

  @IsOptional()
  @IsBase64({}, { message: 'data skal være base64.' })
  data?: string;
}

class CodecRequest {
  @IsArray({ message: 'payloads skal være en liste.' })
  @ArrayMaxSize(1000, { message: 'Højst 1000 payloads ad gangen.' })
  @ValidateNested({ each: true })
  @Type(() => PayloadJson)
  payloads!: PayloadJson[];
}

function fromJson(payload: PayloadJson): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(payload.metadata)) {
    if (typeof value !== 'string') throw ApiError.invalidDomainData(`metadata.${key} skal være base64-tekst.`);
    metadata[key] = Buffer.from(value, 'base64');
  }
  return { metadata, data: payload.data === undefined ? undefined : Buffer.from(payload.data, 'base64') };
}

function toJson(payload: Payload): { metadata: Record<string, string>; data?: string } {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
    ...(payload.data ? { data: Buffer.from(payload.data).toString('base64') } : {}),
  };
}

/**
 * Temporal's remote payload codec, so that authorised users can read the encrypted payloads in the
 * Temporal UI (point its "codec endpoint" at /api/codec). CORS admits TEMPORAL_CODEC_CORS_ORIGINS only.
 */
@ApiTags('Drift')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  private readonly codec: EncryptionCodec;

  constructor(@Inject(API_CONFIG) config: ExitflowConfig) {
    this.codec = new EncryptionCodec(config.temporalCodecKeyring);
  }

  @Post('decode')
  @RequirePermission('temporal:codec')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dekryptér Temporal-payloads (Temporal UI).' })
  async decode(@Body() body: CodecRequest): Promise<{ payloads: ReturnType<typeof toJson>[] }> {
    try {
      return { payloads: (await this.codec.decode(body.payloads.map(fromJson))).map(toJson) };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw ApiError.invalidDomainData('Payloads kan ikke dekrypteres med de konfigurerede nøgler.');
    }
  }

  @Post('encode')
  @RequirePermission('temporal:codec')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Kryptér Temporal-payloads (Temporal UI, fx signaler sendt fra UI).' })
  async encode(@Body() body: CodecRequest): Promise<{ payloads: ReturnType<typeof toJson>[] }> {
    return { payloads: (await this.codec.encode(body.payloads.map(fromJson))).map(toJson) };
  }
}
