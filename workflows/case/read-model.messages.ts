import { defineUpdate } from '@temporalio/workflow';
import { REDRIVE_READ_MODEL_UPDATE } from '../../libs/domain/case/case-workflows';
import type { RedriveResult } from '../../libs/domain/case/read-model-attention';

/** Operations fixed what made the read model refuse a transition: every workflow type sends it again. */
export const redriveReadModelUpdate = defineUpdate<RedriveResult>(REDRIVE_READ_MODEL_UPDATE);
