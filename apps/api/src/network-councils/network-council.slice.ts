import {
  NETWORK_COUNCIL_DECISIONS,
  type NetworkCouncilDecisionInputs,
  type NetworkCouncilFacts,
} from '../../../../libs/domain/youth/network-council.decisions';
import { NETWORK_COUNCIL_STATUS, type NetworkCouncilState } from '../../../../libs/domain/youth/network-council.types';
import {
  ORGANISATION_OF_KIND,
  UNIT_KINDS,
  type Organisation,
} from '../../../../libs/domain/organisations/organisation-units';
import type { UnitReference } from '../../../../libs/domain/organisations/unit-references';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { instantOrNow } from '../common/instant-or-now';
import type { YouthCaseState } from '../../../../libs/domain/youth/case-level.types';
import {
  COUNCIL_YOUTH_DECISIONS,
  type YouthCaseDecisionInputs,
  type YouthCaseFacts,
} from '../../../../libs/domain/youth/youth-case.decisions';
import { YOUTH_CASE_ROUTES } from '../youth-cases/youth-case.routes';
import {
  CouncilAgreementsDto,
  CouncilExpectedReleaseDto,
  CouncilMeetingDto,
  CouncilMeetingPlanDto,
  CouncilReleaseDto,
  InitiativeFollowUpDto,
  InvitationsDto,
} from './network-council.dto';

/** An initiative's owner: an open unit of the owner's organisation (each organisation has one kind of unit). */
const ownerReference = (organisation: Organisation, code: string): UnitReference => ({
  code,
  kind: UNIT_KINDS.find((kind) => ORGANISATION_OF_KIND[kind] === organisation)!,
  unknown: `Ejerens enhed '${code}' er ikke en enhed i ejerens organisation.`,
});

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
    agreements: decisionRoute(
      CouncilAgreementsDto,
      (body, actor) => ({
        agreedAt: instantOrNow(body.agreedAt),
        agreements: body.agreements.map((agreement) => ({
          kind: agreement.kind,
          description: agreement.description,
          ownerOrganisation: agreement.ownerOrganisation,
          ownerUnit: agreement.ownerUnit,
          ...(agreement.followsRelease === true ? { followsRelease: true } : { dueDate: agreement.dueDate }),
        })),
        actor,
      }),
      (input) =>
        input.agreements.map((agreement) => ownerReference(agreement.ownerOrganisation!, agreement.ownerUnit!)),
    ),
    'meeting-plan': decisionRoute(CouncilMeetingPlanDto, (body, actor) => ({
      plannedFor: new Date(body.plannedFor).toISOString(),
      actor,
    })),
    'initiative-follow-up': decisionRoute(InitiativeFollowUpDto, (body, actor) => ({
      initiativeId: body.initiativeId,
      outcome: body.outcome,
      note: body.note,
      followedUpAt: instantOrNow(body.followedUpAt),
      actor,
    })),
    'expected-release': decisionRoute(CouncilExpectedReleaseDto, (body, actor) => ({
      expectedReleaseDate: body.expectedReleaseDate,
      actor,
    })),
    release: decisionRoute(CouncilReleaseDto, (body, actor) => ({
      releasedAt: instantOrNow(body.releasedAt),
      actor,
    })),
    ...YOUTH_CASE_ROUTES,
  },
};
