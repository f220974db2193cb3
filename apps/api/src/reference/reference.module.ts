import { Module } from '@nestjs/common';
import { ReferenceDataController } from './reference-data.controller';

/** Reference data: the names behind the API's codes (no case data). */
@Module({
  controllers: [ReferenceDataController],
})
export class ReferenceModule {}
