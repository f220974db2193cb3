import { Module } from '@nestjs/common';
import { CohortFiguresRepository } from './cohort-figures.repository';
import { EndingReasonsFiguresRepository } from './ending-reasons-figures.repository';
import { ExitCourseFiguresRepository } from './exit-course-figures.repository';
import { ReportsController } from './reports.controller';
import { SlaFiguresRepository } from './sla-figures.repository';
import { YouthFiguresRepository } from './youth-figures.repository';
import { ReferenceModule } from '../reference/reference.module';

/** Reports: exit-course activity in a period and cohort figures (with the answer to question 1903), endings per reason, deadline (SLA) figures and the youth figures, as JSON or CSV. */
@Module({
  imports: [ReferenceModule],
  controllers: [ReportsController],
  providers: [
    ExitCourseFiguresRepository,
    CohortFiguresRepository,
    EndingReasonsFiguresRepository,
    SlaFiguresRepository,
    YouthFiguresRepository,
  ],
})
export class ReportsModule {}
