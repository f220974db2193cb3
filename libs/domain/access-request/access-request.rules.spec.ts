import { accessRequestFacts, ACCESS_REQUEST_DECISIONS } from './access-request.decisions';
import { refuseAccessRequestDecision, refuseAccessRequestExtension } from './access-request.rules';
import type { AccessRequestDecisionInput, AccessRequestState } from './access-request.types';

const NOW = new Date('2026-03-10T12:00:00Z');
const OFFICER = { id: 'user-dpo' };
const state = (overrides: Partial<AccessRequestState> = {}): AccessRequestState => ({
  caseId: 'request-1',
  status: 'received',
  receivedAt: '2026-03-01T09:00:00Z',
  steps: [],
  extensionMonths: 0,
  ...overrides,
});
const decision = (overrides: Partial<AccessRequestDecisionInput>): AccessRequestDecisionInput => ({
  outcome: 'answered',
  decidedAt: '2026-03-09T09:00:00Z',
  actor: OFFICER,
  ...overrides,
});

describe('refuseAccessRequestDecision', () => {
  it('allows full access without a ground, and a withholding with its ground and reason', () => {
    expect(refuseAccessRequestDecision(state(), decision({}), NOW)).toBeUndefined();
    for (const outcome of ['partly_withheld', 'withheld'] as const) {
      expect(
        refuseAccessRequestDecision(
          state(),
          decision({ outcome, withholdingGround: 'investigation', reason: 'Verserende efterforskning.' }),
          NOW,
        ),
      ).toBeUndefined();
    }
  });

  it('refuses a withholding without its ground or its reason, and full access that names a ground', () => {
    expect(refuseAccessRequestDecision(state(), decision({ outcome: 'withheld', reason: 'x' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Når oplysninger undtages, skal den retlige grund angives.',
    });
    expect(
      refuseAccessRequestDecision(
        state(),
        decision({ outcome: 'partly_withheld', withholdingGround: 'third_parties', reason: '  ' }),
        NOW,
      ),
    ).toEqual({ kind: 'invalid-data', message: 'Når oplysninger undtages, skal begrundelsen angives.' });
    expect(refuseAccessRequestDecision(state(), decision({ withholdingGround: 'public_security' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Ved fuld indsigt angives ingen grund til at undtage oplysninger.',
    });
  });

  it('refuses an answer before the receipt, in the future, or on an answered request', () => {
    expect(refuseAccessRequestDecision(state(), decision({ decidedAt: '2026-02-28T09:00:00Z' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Tidspunktet for svaret ligger før anmodningen blev modtaget (01.03.2026 kl. 10.00).',
    });
    expect(refuseAccessRequestDecision(state(), decision({ decidedAt: '2026-03-11T09:00:00Z' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Tidspunktet for svaret ligger i fremtiden.',
    });
    expect(refuseAccessRequestDecision(state({ status: 'withheld' }), decision({}), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Svaret på anmodningen kan ikke registreres: anmodningen er besvaret med afslag på indsigt.',
    });
  });
});

describe('refuseAccessRequestExtension', () => {
  const extension = (months: number, reason = 'Mange sager.') => ({
    months,
    reason,
    decidedAt: '2026-03-05T09:00:00Z',
    actor: OFFICER,
  });

  it('allows one extension by one or two months with a reason', () => {
    expect(refuseAccessRequestExtension(state(), extension(1), NOW)).toBeUndefined();
    expect(refuseAccessRequestExtension(state(), extension(2), NOW)).toBeUndefined();
  });

  it('refuses none, three or a fraction of months, a blank reason, a second extension and an answered request', () => {
    for (const months of [0, 3, 1.5]) {
      expect(refuseAccessRequestExtension(state(), extension(months), NOW)).toEqual({
        kind: 'invalid-data',
        message: 'Fristen kan forlænges med 1 eller 2 måneder.',
      });
    }
    expect(refuseAccessRequestExtension(state(), extension(1, ' '), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Begrundelsen for forlængelsen skal angives.',
    });
    expect(refuseAccessRequestExtension(state({ extensionMonths: 1 }), extension(1), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Fristen er allerede forlænget; den kan kun forlænges én gang.',
    });
    expect(refuseAccessRequestExtension(state({ status: 'answered' }), extension(1), NOW)?.kind).toBe(
      'illegal-transition',
    );
  });
});

describe('ACCESS_REQUEST_DECISIONS', () => {
  it('offers the answer while received, and the extension only before one was given', () => {
    const offered = (s: AccessRequestState) =>
      Object.values(ACCESS_REQUEST_DECISIONS)
        .filter((definition) => definition.allowedIn(accessRequestFacts(s)))
        .map((definition) => definition.name);
    expect(offered(state())).toEqual(['access-request-decision', 'access-request-extension']);
    expect(offered(state({ extensionMonths: 2 }))).toEqual(['access-request-decision']);
    expect(offered(state({ status: 'answered' }))).toEqual([]);
  });
});
