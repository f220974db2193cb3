import { Module } from '@nestjs/common';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import { ReportsController } from './reports.controller';
import { SlaFiguresRepository } from './sla-figures.repository';

/** Reports: exit-course figures and deadline (SLA) figures, as JSON or CSV. */
@Module({
  controllers: [ReportsController],
  providers: [ExitCourseFiguresRepository, SlaFiguresRepository],
})
export class ReportsModule {}
