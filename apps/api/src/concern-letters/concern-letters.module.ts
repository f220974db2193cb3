import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { ExitCoursesModule } from '../exit-courses/exit-courses.module';
import { PersonsModule } from '../persons/persons.module';
import { TemporalModule } from '../temporal/temporal.module';
import { ConcernLetterRoundsController } from './concern-letter-rounds.controller';
import { ConcernLetterRoundsRepository } from './concern-letter-rounds.repository';
import { ConcernLettersController } from './concern-letters.controller';
import { ConcernLettersService } from './concern-letters.service';

/** The concern-letter case type (bekymringsbreve): rounds, candidates, the committee, delivery, outcome. */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule, TemporalModule, ExitCoursesModule],
  controllers: [ConcernLettersController, ConcernLetterRoundsController],
  providers: [ConcernLettersService, ConcernLetterRoundsRepository],
})
export class ConcernLettersModule {}
