import { Module } from '@nestjs/common';
import { ExitCourseCommandsService } from './exit-course-commands.service';
import { ExitCourseViewsRepository } from './exit-course-views.repository';
import { ExitCoursesController } from './exit-courses.controller';

@Module({
  controllers: [ExitCoursesController],
  providers: [ExitCourseCommandsService, ExitCourseViewsRepository],
})
export class ExitCoursesModule {}
