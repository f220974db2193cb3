import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { ExitCourseEntity } from './exit-course.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { StepEntity } from './step.entity';

export { CaseEntity, CaseEventEntity, ExitCourseEntity, IdempotencyKeyEntity, StepEntity };

export const READ_MODEL_ENTITIES = [CaseEntity, ExitCourseEntity, StepEntity, CaseEventEntity, IdempotencyKeyEntity];
