import {
  CONCERN_LETTER_DECISIONS,
  type ConcernLetterDecisionInputs,
  type ConcernLetterFacts,
} from '../../../../libs/domain/concern-letter/concern-letter.decisions';
import {
  CONCERN_LETTER_STATUS,
  type ConcernLetterState,
} from '../../../../libs/domain/concern-letter/concern-letter.types';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { instantOrNow } from '../common/instant-or-now';
import {
  CommitteeDecisionDto,
  ConcernLetterFollowUpDto,
  ConcernLetterOutcomeDto,
  DeliveryAttemptDto,
  ParentsContactDto,
} from './concern-letter.dto';

/** The concern letter as the API's case kernel knows it: its decisions, and the body each route takes. */
export const CONCERN_LETTER_SLICE: CaseSlice<ConcernLetterState, ConcernLetterDecisionInputs, ConcernLetterFacts> = {
  caseType: 'concern_letter',
  decisions: CONCERN_LETTER_DECISIONS,
  statuses: CONCERN_LETTER_STATUS,
  closedMessage: (statusText) => `Sagen om bekymringsbrevet er ${statusText} og kan ikke ændres.`,
  routes: {
    'committee-decision': decisionRoute(CommitteeDecisionDto, (body, actor) => ({
      decision: body.decision,
      participants: [...body.participants],
      reason: body.reason,
      decidedAt: instantOrNow(body.decidedAt),
      actor,
    })),
    'delivery-attempt': decisionRoute(DeliveryAttemptDto, (body, actor) => ({
      result: body.result,
      attemptedAt: instantOrNow(body.attemptedAt),
      ...(body.note ? { note: body.note } : {}),
      actor,
    })),
    'parents-contact': decisionRoute(ParentsContactDto, (body, actor) => ({
      reached: body.reached,
      contactedAt: instantOrNow(body.contactedAt),
      note: body.note,
      actor,
    })),
    'follow-up': decisionRoute(ConcernLetterFollowUpDto, (body, actor) => ({
      followedUpAt: instantOrNow(body.followedUpAt),
      findings: body.findings,
      actor,
    })),
    // The exit course an `exit_course` outcome names is started by the service first (concern-letters.service.ts).
    outcome: decisionRoute(ConcernLetterOutcomeDto, (body, actor) => ({
      outcome: body.outcome,
      ...(body.reason ? { reason: body.reason } : {}),
      decidedAt: instantOrNow(body.decidedAt),
      actor,
    })),
  },
};
