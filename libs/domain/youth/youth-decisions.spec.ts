import { DKS_CASE_DECISIONS, dksCaseFacts, type DksCaseDecisionInputs } from './dks-case.decisions';
import { DKS_CASE_STATUSES, type DksCaseState } from './dks-case.types';
import {
  NETWORK_COUNCIL_DECISIONS,
  networkCouncilFacts,
  type NetworkCouncilDecisionInputs,
} from './network-council.decisions';
import { NETWORK_COUNCIL_STATUSES, type NetworkCouncilState } from './network-council.types';

/**
 * The youth case types' decision tables against their rules, status by status: a decision is offered
 * exactly when its rule does not refuse it as an illegal transition (for well-formed facts).
 */
const NOW = new Date('2026-06-10T12:00:00.000Z');
const EARLIER = '2026-06-09T08:00:00.000Z';
const MOMENT = '2026-06-10T11:00:00.000Z';
const actor = { id: 'user-1' };

interface Decision<State> {
  allowedIn(facts: { status: string }): boolean;
  refuse(state: State, input: unknown, now: Date): { kind: string } | undefined;
}

function mismatches<State>(table: Record<string, unknown>, samples: object, state: State, facts: { status: string }) {
  return Object.entries(table)
    .map(([name, entry]) => {
      const decision = entry as Decision<State>;
      const refusedAsIllegal =
        decision.refuse(state, (samples as Record<string, unknown>)[name], NOW)?.kind === 'illegal-transition';
      return { name, offered: decision.allowedIn(facts), refusedAsIllegal };
    })
    .filter((answer) => answer.offered === answer.refusedAsIllegal);
}

const DKS_SAMPLES: DksCaseDecisionInputs = {
  assessment: { concernConversation: true, reason: 'Sigtet sammen med bandemedlemmer.', decidedAt: MOMENT, actor },
  'home-visit-plan': { plannedFor: '2026-06-12T10:00:00.000Z', actor },
  'home-visit': { heldAt: MOMENT, withSocialServices: true, initiatives: 'Fritidsjob.', actor },
  'follow-up': { checkedAt: MOMENT, findings: 'Fritidsjobbet er i gang.', actor },
  'case-end': {
    outcome: 'existing_action_plan',
    reasonCode: 'municipal_action_plan',
    reason: '',
    endedAt: MOMENT,
    actor,
  },
  move: { toPoliceDistrictCode: 'POL-FYN', movedAt: MOMENT, actor },
  'social-services': { participates: true, recordedAt: MOMENT, actor },
};

const COUNCIL_SAMPLES: NetworkCouncilDecisionInputs = {
  invitations: { invitedAt: MOMENT, participants: [{ role: 'youth' }], actor },
  meeting: { heldAt: MOMENT, actor },
  agreements: {
    agreedAt: MOMENT,
    agreements: [
      {
        kind: 'mentor_support',
        description: 'Mentor fra SSP.',
        ownerOrganisation: 'kommune',
        ownerUnit: 'KOM-0101',
        dueDate: '2099-01-01',
      },
    ],
    actor,
  },
  'meeting-plan': { plannedFor: MOMENT, actor },
  'initiative-follow-up': {
    initiativeId: 'initiative-1',
    outcome: 'done',
    note: 'Mentoren er på plads.',
    followedUpAt: MOMENT,
    actor,
  },
  'expected-release': { expectedReleaseDate: '2099-01-01', actor },
  release: { releasedAt: MOMENT, actor },
};

describe('the DKS decision table agrees with its rules', () => {
  it.each(DKS_CASE_STATUSES.map((status) => ({ status })))('in $status', ({ status }) => {
    const state: DksCaseState = {
      caseId: 'case-1',
      status,
      policeDistrictCode: 'POL-KBH',
      homeVisitMunicipalityCode: 'KOM-0101',
      triggeredAt: EARLIER,
      steps: [],
      assessedAt: EARLIER,
    };
    expect(mismatches(DKS_CASE_DECISIONS, DKS_SAMPLES, state, dksCaseFacts(state))).toEqual([]);
  });
});

describe('the network-council decision table agrees with its rules', () => {
  it.each(NETWORK_COUNCIL_STATUSES.map((status) => ({ status })))('in $status', ({ status }) => {
    const state: NetworkCouncilState = {
      caseId: 'case-1',
      municipalityCode: 'KOM-0101',
      status,
      documentationReceivedAt: EARLIER,
      steps: [],
    };
    expect(mismatches(NETWORK_COUNCIL_DECISIONS, COUNCIL_SAMPLES, state, networkCouncilFacts(state))).toEqual([]);
  });
});
