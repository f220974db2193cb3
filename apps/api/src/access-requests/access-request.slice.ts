import {
  ACCESS_REQUEST_DECISIONS,
  type AccessRequestDecisionInputs,
  type AccessRequestFacts,
} from '../../../../libs/domain/access-request/access-request.decisions';
import {
  ACCESS_REQUEST_STATUS,
  type AccessRequestState,
} from '../../../../libs/domain/access-request/access-request.types';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { instantOrNow } from '../common/instant-or-now';
import { AccessRequestDecisionDto, AccessRequestExtensionDto } from './access-request.dto';

/** The access request as the API's case kernel knows it: its decisions, and the body each route takes. */
export const ACCESS_REQUEST_SLICE: CaseSlice<AccessRequestState, AccessRequestDecisionInputs, AccessRequestFacts> = {
  caseType: 'access_request',
  decisions: ACCESS_REQUEST_DECISIONS,
  statuses: ACCESS_REQUEST_STATUS,
  closedMessage: (statusText) => `Anmodningen om indsigt er ${statusText} og kan ikke ændres.`,
  routes: {
    'access-request-decision': decisionRoute(AccessRequestDecisionDto, (body, actor) => ({
      outcome: body.outcome,
      ...(body.withholdingGround ? { withholdingGround: body.withholdingGround } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
      decidedAt: instantOrNow(body.decidedAt),
      actor,
    })),
    'access-request-extension': decisionRoute(AccessRequestExtensionDto, (body, actor) => ({
      months: body.months,
      reason: body.reason,
      decidedAt: instantOrNow(body.decidedAt),
      actor,
    })),
  },
};
