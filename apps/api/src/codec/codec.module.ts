import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CodecController } from './codec.controller';

/** The payload codec endpoint the Temporal UI decrypts through. */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [CodecController],
})
export class CodecModule {}
