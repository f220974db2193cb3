import {
  NETWORK_COUNCIL_DECISIONS,
  type NetworkCouncilDecisionInputs,
  type NetworkCouncilFacts,
} from '../../../../libs/domain/youth/network-council.decisions';
import { NETWORK_COUNCIL_STATUS, type NetworkCouncilState } from '../../../../libs/domain/youth/network-council.types';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { instantOrNow } from '../common/instant-or-now';
import type { YouthCaseState } from '../../../../libs/domain/youth/case-level.types';
import {
  COUNCIL_YOUTH_DECISIONS,
  type YouthCaseDecisionInputs,
  type YouthCaseFacts,
} from '../../../../libs/domain/youth/youth-case.decisions';
import { YOUTH_CASE_ROUTES } from '../youth-cases/youth-case.routes';
import { CouncilAgreementsDto, CouncilMeetingDto, InvitationsDto } from './network-council.dto';

/** The network council as the API's case kernel knows it: its decisions, and the body each route takes. */
export const NETWORK_COUNCIL_SLICE: CaseSlice<
  NetworkCouncilState & YouthCaseState,
  NetworkCouncilDecisionInputs & YouthCaseDecisionInputs,
  NetworkCouncilFacts & YouthCaseFacts
> = {
  caseType: 'network_council',
  decisions: { ...NETWORK_COUNCIL_DECISIONS, ...COUNCIL_YOUTH_DECISIONS },
  statuses: NETWORK_COUNCIL_STATUS,
  closedMessage: (statusText) => `Netværkssamrådet er ${statusText} og kan ikke ændres.`,
  routes: {
    invitations: decisionRoute(InvitationsDto, (body, actor) => ({
      invitedAt: instantOrNow(body.invitedAt),
      participants: body.participants.map((participant) => ({ role: participant.role })),
      actor,
    })),
    meeting: decisionRoute(CouncilMeetingDto, (body, actor) => ({ heldAt: instantOrNow(body.heldAt), actor })),
    agreements: decisionRoute(CouncilAgreementsDto, (body, actor) => ({
      agreedAt: instantOrNow(body.agreedAt),
      agreements: body.agreements.map((agreement) => ({ kind: agreement.kind, description: agreement.description })),
      actor,
    })),
    ...YOUTH_CASE_ROUTES,
  },
};
