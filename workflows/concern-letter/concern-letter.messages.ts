import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CommitteeDecisionInput,
  ConcernLetterFollowUpInput,
  ConcernLetterOutcomeInput,
  ConcernLetterState,
  DeliveryAttemptInput,
  ParentsContactInput,
} from '../../libs/domain/concern-letter/concern-letter.types';
import { CONCERN_LETTER_DECISIONS } from '../../libs/domain/concern-letter/concern-letter.decisions';
import { READ_MODEL_SYNCED_UPDATE } from '../../libs/domain/case/case-workflows';

/** The messages a concern-letter workflow answers; shared by the workflow and its clients. */
export const concernLetterStateQuery = defineQuery<ConcernLetterState>('concernLetterState');

/** Waits until everything the case has done so far is in the read model, then returns the state. */
export const concernLetterReadModelSyncedUpdate = defineUpdate<ConcernLetterState>(READ_MODEL_SYNCED_UPDATE);

export const recordCommitteeDecisionUpdate = defineUpdate<ConcernLetterState, [CommitteeDecisionInput]>(
  CONCERN_LETTER_DECISIONS['committee-decision'].update,
);
export const recordDeliveryAttemptUpdate = defineUpdate<ConcernLetterState, [DeliveryAttemptInput]>(
  CONCERN_LETTER_DECISIONS['delivery-attempt'].update,
);
export const recordParentsContactUpdate = defineUpdate<ConcernLetterState, [ParentsContactInput]>(
  CONCERN_LETTER_DECISIONS['parents-contact'].update,
);
export const recordConcernLetterFollowUpUpdate = defineUpdate<ConcernLetterState, [ConcernLetterFollowUpInput]>(
  CONCERN_LETTER_DECISIONS['follow-up'].update,
);
export const recordConcernLetterOutcomeUpdate = defineUpdate<ConcernLetterState, [ConcernLetterOutcomeInput]>(
  CONCERN_LETTER_DECISIONS.outcome.update,
);
