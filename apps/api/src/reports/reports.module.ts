import { Module } from '@nestjs/common';
import { CohortFiguresRepository } from './cohort-figures.repository';
import { EndingReasonsFiguresRepository } from './ending-reasons-figures.repository';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import { ReportsController } from './reports.controller';
import { SlaFiguresRepository } from './sla-figures.repository';

/** Reports: exit-course activity in a period and cohort figures (with the answer to question 1903), endings per reason and deadline (SLA) figures, as JSON or CSV. */
@Module({
  controllers: [ReportsController],
  providers: [
    ExitCourseFiguresRepository,
    CohortFiguresRepository,
    EndingReasonsFiguresRepository,
    SlaFiguresRepository,
  ],
})
export class ReportsModule {}
