import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { LevelOneReviewsController } from './level-one-reviews.controller';
import { LevelOneReviewsRepository } from './level-one-reviews.repository';

/** What the youth case types share beyond their own routes: the unit's monthly level-1 coordination meeting. */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule],
  controllers: [LevelOneReviewsController],
  providers: [LevelOneReviewsRepository],
})
export class YouthCasesModule {}
