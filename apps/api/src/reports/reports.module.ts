import { Module } from '@nestjs/common';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import { ReportsController } from './reports.controller';
import { SlaFiguresRepository } from './sla-figures.repository';

@Module({
  controllers: [ReportsController],
  providers: [ExitCourseFiguresRepository, SlaFiguresRepository],
})
export class ReportsModule {}
