import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AccessRequestDecisionInput,
  AccessRequestExtensionInput,
  AccessRequestState,
} from '../../libs/domain/access-request/access-request.types';
import { ACCESS_REQUEST_DECISIONS } from '../../libs/domain/access-request/access-request.decisions';
import { READ_MODEL_SYNCED_UPDATE } from '../../libs/domain/case/case-workflows';

/** The messages an access-request workflow answers; shared by the workflow and its clients. */
export const accessRequestStateQuery = defineQuery<AccessRequestState>('accessRequestState');

/** Waits until everything the request has done so far is in the read model, then returns the state. */
export const accessRequestReadModelSyncedUpdate = defineUpdate<AccessRequestState>(READ_MODEL_SYNCED_UPDATE);

export const recordAccessRequestDecisionUpdate = defineUpdate<AccessRequestState, [AccessRequestDecisionInput]>(
  ACCESS_REQUEST_DECISIONS['access-request-decision'].update,
);
export const extendAccessRequestUpdate = defineUpdate<AccessRequestState, [AccessRequestExtensionInput]>(
  ACCESS_REQUEST_DECISIONS['access-request-extension'].update,
);
