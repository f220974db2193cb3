import { Global, Module } from '@nestjs/common';
import { OrganisationUnits } from './organisation-units.service';
import { ReferenceDataController } from './reference-data.controller';

/** Reference data: the names behind the API's codes (no case data), and the organisation units every feature looks up. */
@Global()
@Module({
  controllers: [ReferenceDataController],
  providers: [OrganisationUnits],
  exports: [OrganisationUnits],
})
export class ReferenceModule {}
