import type { DecisionTable } from '../case/case-decision';
import {
  refuseCommitteeDecision,
  refuseConcernLetterFollowUp,
  refuseConcernLetterOutcome,
  refuseDeliveryAttempt,
  refuseParentsContact,
} from './concern-letter.rules';
import type {
  CommitteeDecisionInput,
  ConcernLetterFollowUpInput,
  ConcernLetterOutcomeInput,
  ConcernLetterState,
  ConcernLetterStatus,
  ConcernLetterStepKind,
  DeliveryAttemptInput,
  ParentsContactInput,
} from './concern-letter.types';

/** What decides which decisions a concern letter admits. */
export interface ConcernLetterFacts {
  status: ConcernLetterStatus;
}

export function concernLetterFacts(state: ConcernLetterState): ConcernLetterFacts {
  return { status: state.status };
}

export interface ConcernLetterDecisionInputs {
  'committee-decision': CommitteeDecisionInput;
  'delivery-attempt': DeliveryAttemptInput;
  'parents-contact': ParentsContactInput;
  'follow-up': ConcernLetterFollowUpInput;
  outcome: ConcernLetterOutcomeInput;
}

export type ConcernLetterDecisionName = keyof ConcernLetterDecisionInputs;

/** Every decision on a concern letter (DOMAIN.md §5), in the order the page offers them. */
export const CONCERN_LETTER_DECISIONS: DecisionTable<
  ConcernLetterState,
  ConcernLetterDecisionInputs,
  ConcernLetterFacts,
  ConcernLetterStepKind
> = {
  'committee-decision': {
    name: 'committee-decision',
    update: 'recordCommitteeDecision',
    label: 'Koordinationsudvalgets beslutning',
    permission: 'concern-letter:decide',
    completesStep: 'committee_decision',
    allowedIn: (facts) => facts.status === 'awaiting_committee',
    refuse: refuseCommitteeDecision,
    // A municipal member reads the case of a candidate the municipality proposed: the decision is joint.
    readAccessSuffices: (status) => status === 'awaiting_committee',
  },
  'delivery-attempt': {
    name: 'delivery-attempt',
    update: 'recordDeliveryAttempt',
    label: 'Afleveringsforsøg',
    permission: 'concern-letter:deliver',
    completesStep: 'letter_delivery',
    allowedIn: (facts) => facts.status === 'awaiting_delivery',
    refuse: refuseDeliveryAttempt,
  },
  'parents-contact': {
    name: 'parents-contact',
    update: 'recordParentsContact',
    label: 'Kontakt til forældrene (retsplejelovens § 115a)',
    permission: 'concern-letter:deliver',
    completesStep: 'parents_contact',
    allowedIn: (facts) => facts.status === 'awaiting_parents_contact',
    refuse: refuseParentsContact,
  },
  'follow-up': {
    name: 'follow-up',
    update: 'recordConcernLetterFollowUp',
    label: 'Opfølgning',
    permission: 'concern-letter:deliver',
    completesStep: 'concern_letter_follow_up',
    allowedIn: (facts) => facts.status === 'awaiting_follow_up',
    refuse: refuseConcernLetterFollowUp,
  },
  outcome: {
    name: 'outcome',
    update: 'recordConcernLetterOutcome',
    label: 'Udfald',
    permission: 'concern-letter:deliver',
    allowedIn: (facts) => facts.status === 'awaiting_outcome' || facts.status === 'awaiting_delivery',
    refuse: refuseConcernLetterOutcome,
  },
};
