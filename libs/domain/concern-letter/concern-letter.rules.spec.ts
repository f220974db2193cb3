import { availableDecisions } from '../case/case-decision';
import { ROLE_PERMISSIONS } from '../organisations/permissions';
import { CONCERN_LETTER_DECISIONS } from './concern-letter.decisions';
import {
  refuseCommitteeDecision,
  refuseConcernLetterFollowUp,
  refuseConcernLetterOutcome,
  refuseDeliveryAttempt,
  refuseParentsContact,
} from './concern-letter.rules';
import type { ConcernLetterState, ConcernLetterStatus } from './concern-letter.types';

const NOW = new Date('2026-12-02T10:00:00Z');
const ACTOR = { id: 'u' };

const state = (status: ConcernLetterStatus, extra: Partial<ConcernLetterState> = {}): ConcernLetterState => ({
  caseId: 'c',
  status,
  roundId: 'r',
  proposedAt: '2026-11-20T10:00:00Z',
  steps: [],
  attempts: [],
  ...extra,
});

const decision = (participants: string[], decidedAt = '2026-12-01T10:00:00Z') => ({
  decision: 'send' as const,
  participants: participants as never[],
  reason: 'Fælles.',
  decidedAt,
  actor: ACTOR,
});

describe('the committee decision', () => {
  it.each([[['eas', 'ssp']], [['dks', 'municipal_exit_unit']], [['eas', 'dks', 'ssp', 'municipal_exit_unit']]])(
    'is joint with police and municipality present: %j',
    (participants) => {
      expect(refuseCommitteeDecision(state('awaiting_committee'), decision(participants), NOW)).toBeUndefined();
    },
  );

  it.each([[['eas']], [['eas', 'dks']], [['ssp', 'municipal_exit_unit']], [['ssp']]])(
    'is refused without both the police and the municipality: %j',
    (participants) => {
      expect(refuseCommitteeDecision(state('awaiting_committee'), decision(participants), NOW)).toEqual({
        kind: 'invalid-data',
        message:
          'Beslutningen træffes i fællesskab: både politiet (EAS eller DKS) og kommunen (SSP eller kommunens exitenhed) skal have deltaget.',
      });
    },
  );

  it('refuses a party named twice, an unknown party, no reason, a moment before the proposal or in the future', () => {
    const open = state('awaiting_committee');
    expect(refuseCommitteeDecision(open, decision(['eas', 'eas', 'ssp']), NOW)?.message).toBe(
      'Hver deltagende part nævnes kun én gang.',
    );
    expect(refuseCommitteeDecision(open, decision(['eas', 'kf']), NOW)?.message).toBe(
      "Deltageren 'kf' er ikke en af udvalgets parter.",
    );
    expect(refuseCommitteeDecision(open, { ...decision(['eas', 'ssp']), reason: ' ' }, NOW)?.message).toBe(
      'Udvalgets beslutning skal have en begrundelse.',
    );
    expect(refuseCommitteeDecision(open, decision(['eas', 'ssp'], '2026-11-19T10:00:00Z'), NOW)?.message).toBe(
      'Tidspunktet for beslutningen ligger før indstillingen af kandidaten (20.11.2026 kl. 11.00).',
    );
    expect(refuseCommitteeDecision(open, decision(['eas', 'ssp'], '2026-12-03T10:00:00Z'), NOW)?.message).toBe(
      'Tidspunktet for beslutningen ligger i fremtiden.',
    );
    expect(refuseCommitteeDecision(state('awaiting_delivery'), decision(['eas', 'ssp']), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Udvalgets beslutning kan ikke registreres: sagen er afventer aflevering af bekymringsbrevet.',
    });
  });
});

describe('the delivery', () => {
  const attempt = { result: 'delivered_dialogue' as const, attemptedAt: '2026-12-01T12:00:00Z', actor: ACTOR };

  it('never opens without the committee’s decision to send', () => {
    expect(refuseDeliveryAttempt(state('awaiting_committee'), attempt, NOW)).toEqual({
      kind: 'illegal-transition',
      message:
        'Bekymringsbrevet kan ikke afleveres: koordinationsudvalget har ikke besluttet at sende det. Politiet går ikke ud på egen hånd.',
    });
    expect(refuseDeliveryAttempt(state('not_sent'), attempt, NOW)?.kind).toBe('illegal-transition');
    expect(
      refuseDeliveryAttempt(state('awaiting_delivery', { decidedAt: '2026-12-01T10:00:00Z' }), attempt, NOW),
    ).toBeUndefined();
  });

  it('follows the decision and the attempt before it', () => {
    const decided = state('awaiting_delivery', {
      decidedAt: '2026-12-01T10:00:00Z',
      lastAttemptAt: '2026-12-01T13:00:00Z',
      attempts: ['address_unknown'],
    });
    expect(refuseDeliveryAttempt(decided, attempt, NOW)?.message).toBe(
      'Tidspunktet for forsøget ligger før det seneste afleveringsforsøg (01.12.2026 kl. 14.00).',
    );
  });
});

describe('the parents, the follow-up and the outcome', () => {
  it('takes the parents’ contact only after an attempt that did not reach the person, with a note', () => {
    const contact = { reached: false, contactedAt: '2026-12-01T12:00:00Z', note: 'Ringet.', actor: ACTOR };
    expect(refuseParentsContact(state('awaiting_follow_up'), contact, NOW)?.kind).toBe('illegal-transition');
    expect(refuseParentsContact(state('awaiting_parents_contact'), { ...contact, note: '' }, NOW)?.message).toBe(
      'Angiv hvordan forældrene blev kontaktet, og hvad der kom ud af det.',
    );
    expect(refuseParentsContact(state('awaiting_parents_contact'), contact, NOW)).toBeUndefined();
  });

  it('takes the follow-up with its findings', () => {
    const followUp = { followedUpAt: '2026-12-01T12:00:00Z', findings: '', actor: ACTOR };
    expect(refuseConcernLetterFollowUp(state('awaiting_follow_up'), followUp, NOW)?.message).toBe(
      'Angiv hvad opfølgningen viste.',
    );
    expect(refuseConcernLetterFollowUp(state('awaiting_outcome'), followUp, NOW)?.kind).toBe('illegal-transition');
  });

  it('gives an exit course, and only it, a course; ends an undelivered letter only after an unknown address', () => {
    const outcome = { decidedAt: '2026-12-01T12:00:00Z', actor: ACTOR };
    const after = state('awaiting_outcome', { followedUpAt: '2026-12-01T11:00:00Z' });
    expect(
      refuseConcernLetterOutcome(after, { ...outcome, outcome: 'exit_course', exitCourseId: 'x' }, NOW),
    ).toBeUndefined();
    expect(refuseConcernLetterOutcome(after, { ...outcome, outcome: 'exit_course' }, NOW)?.kind).toBe('invalid-data');
    expect(
      refuseConcernLetterOutcome(after, { ...outcome, outcome: 'no_dialogue', exitCourseId: 'x' }, NOW)?.kind,
    ).toBe('invalid-data');
    const undelivered = state('awaiting_delivery', { attempts: ['address_unknown'] });
    expect(
      refuseConcernLetterOutcome(state('awaiting_delivery'), { ...outcome, outcome: 'no_dialogue', reason: 'x' }, NOW)
        ?.kind,
    ).toBe('illegal-transition');
    expect(
      refuseConcernLetterOutcome(undelivered, { ...outcome, outcome: 'dialogue_no_course', reason: 'x' }, NOW)?.message,
    ).toBe('Et brev, der ikke er afleveret, afsluttes med udfaldet »ingen dialog«.');
    expect(
      refuseConcernLetterOutcome(undelivered, { ...outcome, outcome: 'no_dialogue', reason: 'Væk.' }, NOW),
    ).toBeUndefined();
  });
});

describe('the decisions each role is offered', () => {
  const offered = (role: keyof typeof ROLE_PERMISSIONS, status: ConcernLetterStatus, writable = true) =>
    availableDecisions(
      CONCERN_LETTER_DECISIONS,
      { status },
      { permissions: ROLE_PERMISSIONS[role], writable, readable: true },
    ).map((decision) => decision.name);

  it('offers the committee its decision, read access sufficing, and the exit unit the rest', () => {
    expect(offered('concern_committee_member', 'awaiting_committee', false)).toEqual(['committee-decision']);
    expect(offered('police_exit_officer', 'awaiting_committee')).toEqual([]);
    expect(offered('police_exit_officer', 'awaiting_delivery')).toEqual(['delivery-attempt', 'outcome']);
    expect(offered('police_exit_officer', 'awaiting_parents_contact')).toEqual(['parents-contact']);
    expect(offered('police_exit_officer', 'awaiting_outcome')).toEqual(['outcome']);
    expect(offered('police_intelligence_analyst', 'awaiting_committee')).toEqual([]);
    expect(offered('police_exit_officer', 'concluded')).toEqual([]);
  });
});
