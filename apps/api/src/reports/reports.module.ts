import { Module } from '@nestjs/common';
import { EndingReasonsFiguresRepository } from './ending-reasons-figures.repository';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import { ReportsController } from './reports.controller';
import { SlaFiguresRepository } from './sla-figures.repository';

/** Reports: exit-course figures, endings per reason and deadline (SLA) figures, as JSON or CSV. */
@Module({
  controllers: [ReportsController],
  providers: [ExitCourseFiguresRepository, EndingReasonsFiguresRepository, SlaFiguresRepository],
})
export class ReportsModule {}
