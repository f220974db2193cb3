import type { DecisionTable } from '../case/case-decision';
import { refuseAccessRequestDecision, refuseAccessRequestExtension } from './access-request.rules';
import type {
  AccessRequestDecisionInput,
  AccessRequestExtensionInput,
  AccessRequestState,
  AccessRequestStatus,
  AccessRequestStepKind,
} from './access-request.types';

/** What decides which decisions a request admits. */
export interface AccessRequestFacts {
  status: AccessRequestStatus;
  extended: boolean;
}

export function accessRequestFacts(state: AccessRequestState): AccessRequestFacts {
  return { status: state.status, extended: state.extensionMonths > 0 };
}

export interface AccessRequestDecisionInputs {
  'access-request-decision': AccessRequestDecisionInput;
  'access-request-extension': AccessRequestExtensionInput;
}

export type AccessRequestDecisionName = keyof AccessRequestDecisionInputs;

/** The decisions on a request for access, in the order the page offers them. */
export const ACCESS_REQUEST_DECISIONS: DecisionTable<
  AccessRequestState,
  AccessRequestDecisionInputs,
  AccessRequestFacts,
  AccessRequestStepKind
> = {
  'access-request-decision': {
    name: 'access-request-decision',
    update: 'recordAccessRequestDecision',
    label: 'Svar på anmodningen om indsigt',
    permission: 'access-request:handle',
    completesStep: 'access_request_answer',
    allowedIn: (facts) => facts.status === 'received',
    refuse: refuseAccessRequestDecision,
  },
  'access-request-extension': {
    name: 'access-request-extension',
    update: 'extendAccessRequest',
    label: 'Forlæng fristen (højst to måneder)',
    permission: 'access-request:handle',
    allowedIn: (facts) => facts.status === 'received' && !facts.extended,
    refuse: refuseAccessRequestExtension,
  },
};
