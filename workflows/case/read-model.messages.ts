import { defineUpdate } from '@temporalio/workflow';
import type { ReadModelAttention } from '../../libs/domain/case/read-model-attention';

/** What a re-drive found: the case caught up, or it is held again (the same or a later transition). */
export interface RedriveResult {
  caughtUp: boolean;
  attention: ReadModelAttention | null;
}

/** Operations fixed what made the read model refuse a transition: every workflow type sends it again. */
export const redriveReadModelUpdate = defineUpdate<RedriveResult>('redriveReadModel');

/** The failure type of a decision on a case that waits for operations (the API answers 503). */
export const CASE_NEEDS_ATTENTION = 'CaseNeedsAttention';

export const CASE_NEEDS_ATTENTION_MESSAGE =
  'Sagen venter på driften: en tidligere registrering kunne ikke gemmes i oversigten. Driften er underrettet; prøv igen, når den er rettet.';
