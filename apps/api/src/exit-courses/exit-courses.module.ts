import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PersonsModule } from '../persons/persons.module';
import { TemporalModule } from '../temporal/temporal.module';
import { ExitCourseCommandsService } from './exit-course-commands.service';
import { ExitCourseViewsRepository } from './exit-course-views.repository';
import { ExitCoursesController } from './exit-courses.controller';
import { HandoversController } from './handovers.controller';
import { OpenCourseReservations } from './open-course-reservations';
import { HandoverPreparationRepository } from './handover-preparation.repository';
import { HandoverTexts } from './handover-texts';
import { CourseCoordinationsController } from './course-coordinations.controller';
import { CourseCoordinationsRepository } from './course-coordinations.repository';

/** The exit-course case type (gang exit), with its handover inbox. */
@Module({
  imports: [CasesModule, PersonsModule, AuditModule, TemporalModule],
  controllers: [ExitCoursesController, HandoversController, CourseCoordinationsController],
  providers: [
    ExitCourseCommandsService,
    ExitCourseViewsRepository,
    OpenCourseReservations,
    HandoverPreparationRepository,
    HandoverTexts,
    CourseCoordinationsRepository,
  ],
  exports: [ExitCourseCommandsService],
})
export class ExitCoursesModule {}
