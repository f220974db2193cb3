import { Module } from '@nestjs/common';
import { ExitCourseCommandsService } from './exit-course-commands.service';
import { ExitCourseViewsRepository } from './exit-course-views.repository';
import { ExitCoursesController } from './exit-courses.controller';
import { HandoversController } from './handovers.controller';
import { OpenCourseReservations } from './open-course-reservations';

@Module({
  controllers: [ExitCoursesController, HandoversController],
  providers: [ExitCourseCommandsService, ExitCourseViewsRepository, OpenCourseReservations],
})
export class ExitCoursesModule {}
