import { Body, Controller, Param, Post, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { STEP_DEADLINE_DECISIONS, type StepDeadlineDecisionName } from '../../../../libs/domain/case/step-deadline';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DecisionResponses } from '../common/api-responses';
import { CaseIdParam } from './case-id';
import { StepView } from './case.views';
import { ExtendDeadlineDto, MissedDeadlineReasonDto, ResumeDeadlineDto, SuspendDeadlineDto } from './step-deadline.dto';
import { StepDeadlinesService } from './step-deadlines.service';

/** A deadline decision's route on a step: `POST /api/cases/:caseId/steps/:stepId/<name>`, with its table's permission. */
function StepDeadlineDecision(name: StepDeadlineDecisionName, summary: string): MethodDecorator {
  return applyDecorators(
    Post(`:caseId/steps/:stepId/${name}`),
    RequirePermission(STEP_DEADLINE_DECISIONS[name].permission),
    ApiParam({ name: 'caseId', format: 'uuid', description: 'Sagens id (enhver sagstype).' }),
    ApiParam({ name: 'stepId', format: 'uuid', description: 'Trinnets id (steps[].id i sagens detalje).' }),
    DecisionResponses(summary, StepView),
  );
}

@ApiTags('Sager')
@ApiBearerAuth()
@Controller('cases')
export class StepDeadlinesController {
  constructor(private readonly deadlines: StepDeadlinesService) {}

  @StepDeadlineDecision(
    'suspend',
    'Sæt et åbent trins frist i bero (kun frister, der ikke er fastsat ved lov): fristen udløber ikke, og tavlerne viser »afventer …«.',
  )
  suspend(
    @CaseIdParam('caseId') caseId: string,
    @Param('stepId') stepId: string,
    @Body() dto: SuspendDeadlineDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StepView> {
    return this.deadlines.decide('suspend', caseId, stepId, dto, user);
  }

  @StepDeadlineDecision(
    'resume',
    'Genoptag en frist i bero: fristen flyttes med den tid, den faktisk var i bero (forløbet tid, også hen over sommertid).',
  )
  resume(
    @CaseIdParam('caseId') caseId: string,
    @Param('stepId') stepId: string,
    @Body() dto: ResumeDeadlineDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StepView> {
    return this.deadlines.decide('resume', caseId, stepId, dto, user);
  }

  @StepDeadlineDecision(
    'extend',
    'Forlæng et åbent trins frist til et senere tidspunkt (kun frister, der ikke er fastsat ved lov).',
  )
  extend(
    @CaseIdParam('caseId') caseId: string,
    @Param('stepId') stepId: string,
    @Body() dto: ExtendDeadlineDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StepView> {
    return this.deadlines.decide('extend', caseId, stepId, dto, user);
  }

  @StepDeadlineDecision(
    'missed-reason',
    'Registrér hvorfor en frist fastsat ved lov blev overskredet; SLA-rapporten tæller årsagerne pr. frist.',
  )
  missedReason(
    @CaseIdParam('caseId') caseId: string,
    @Param('stepId') stepId: string,
    @Body() dto: MissedDeadlineReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StepView> {
    return this.deadlines.decide('missed-reason', caseId, stepId, dto, user);
  }
}
