import type { CaseStep } from './case-step';
import {
  STEP_DEADLINE_DECISIONS,
  deadlineMovable,
  refuseExtendDeadline,
  refuseMissedDeadlineReason,
  refuseResumeDeadline,
  refuseSuspendDeadline,
  type StepDeadlineFacts,
} from './step-deadline';

const NOW = new Date('2027-03-27T11:00:00.000Z');
const ACTOR = { id: 'user-1' };
const step = (overrides: Partial<CaseStep> = {}): CaseStep => ({
  stepId: 's1',
  kind: 'suitability_assessment',
  status: 'open',
  openedAt: '2027-03-01T10:00:00.000Z',
  dueAt: '2027-03-31T22:00:00.000Z',
  ...overrides,
});
const state = (...steps: CaseStep[]) => ({ steps });
const suspend = { stepId: 's1', reason: 'citizen' as const, note: 'Venter.', actor: ACTOR };

describe('deadlines that may wait', () => {
  it('moves only the configurable defaults', () => {
    expect(deadlineMovable('suitability_assessment')).toBe(true);
    expect(deadlineMovable('dks_assessment')).toBe(false);
    expect(deadlineMovable('network_council_convening')).toBe(false);
    expect(deadlineMovable('follow_up_check')).toBe(false);
    expect(deadlineMovable('home_visit')).toBe(false);
  });

  it('suspends an open default deadline before it passes, once', () => {
    expect(refuseSuspendDeadline(state(step()), suspend, NOW)).toBeUndefined();
    expect(
      refuseSuspendDeadline(
        state(step({ suspension: { since: NOW.toISOString(), reason: 'citizen', note: '' } })),
        suspend,
        NOW,
      )?.message,
    ).toMatch(/^Fristen er allerede sat i bero/);
    expect(refuseSuspendDeadline(state(step({ dueAt: '2027-03-26T00:00:00.000Z' })), suspend, NOW)?.message).toMatch(
      /^Fristen er allerede overskredet/,
    );
    expect(refuseSuspendDeadline(state(step({ status: 'completed' })), suspend, NOW)?.kind).toBe('illegal-transition');
    expect(refuseSuspendDeadline(state(step()), { ...suspend, expectedUntil: '2027-03-01T00:00:00Z' }, NOW)?.kind).toBe(
      'invalid-data',
    );
  });

  it('never moves a deadline fixed by law', () => {
    const legal = state(step({ kind: 'dks_assessment' }));
    expect(refuseSuspendDeadline(legal, suspend, NOW)).toEqual({
      kind: 'illegal-transition',
      message:
        'Fristen er fastsat ved lov og kan ikke sættes i bero: DKS-vurdering inden for 24 timer i bandesager med unge under 18 (002_d1b2805bd8bef008.txt).',
    });
    const extend = { ...suspend, dueAt: '2027-04-30T00:00:00Z' };
    expect(refuseExtendDeadline(legal, extend, NOW)?.message).toMatch(
      /^Fristen er fastsat ved lov og kan ikke forlænges: /,
    );
  });

  it('extends only to a later, future moment, and not while suspended', () => {
    const extend = (dueAt: string) => ({ ...suspend, dueAt });
    expect(refuseExtendDeadline(state(step()), extend('2027-04-30T00:00:00Z'), NOW)).toBeUndefined();
    expect(refuseExtendDeadline(state(step()), extend('2027-03-31T22:00:00Z'), NOW)?.kind).toBe('invalid-data');
    const overdue = step({ dueAt: '2027-03-20T00:00:00.000Z' });
    expect(refuseExtendDeadline(state(overdue), extend('2027-03-25T00:00:00Z'), NOW)?.message).toBe(
      'Den nye frist ligger ikke i fremtiden.',
    );
    const waiting = step({ suspension: { since: NOW.toISOString(), reason: 'citizen', note: '' } });
    expect(refuseExtendDeadline(state(waiting), extend('2027-04-30T00:00:00Z'), NOW)?.kind).toBe('illegal-transition');
  });

  it('resumes only a suspended deadline', () => {
    expect(refuseResumeDeadline(state(step()), { stepId: 's1', actor: ACTOR })?.message).toBe(
      'Fristen er ikke sat i bero.',
    );
  });

  it('takes the reason a legal deadline was missed, once, only when it was', () => {
    const reason = { stepId: 's1', reason: 'capacity' as const, note: 'Travlt.', actor: ACTOR };
    const late = step({ kind: 'dks_assessment', dueAt: '2027-03-26T00:00:00.000Z' });
    expect(refuseMissedDeadlineReason(state(late), reason, NOW)).toBeUndefined();
    expect(refuseMissedDeadlineReason(state(step({ kind: 'dks_assessment' })), reason, NOW)?.message).toBe(
      'Fristen er ikke overskredet.',
    );
    expect(refuseMissedDeadlineReason(state(step({ dueAt: '2027-03-26T00:00:00.000Z' })), reason, NOW)?.kind).toBe(
      'illegal-transition',
    );
    const recorded = { ...late, missedReason: { reason: 'capacity', note: '', recordedAt: NOW.toISOString() } };
    expect(refuseMissedDeadlineReason(state(recorded), reason, NOW)?.message).toMatch(/allerede registreret/);
  });

  it('offers on a step only what its state admits', () => {
    const facts = (overrides: Partial<StepDeadlineFacts>): StepDeadlineFacts => ({
      kind: 'suitability_assessment',
      status: 'open',
      dueAt: '2027-03-31T22:00:00.000Z',
      suspended: false,
      late: false,
      missedReasonRecorded: false,
      caseClosed: false,
      ...overrides,
    });
    const offered = (f: StepDeadlineFacts) =>
      Object.values(STEP_DEADLINE_DECISIONS)
        .filter((decision) => decision.allowedIn(f))
        .map((decision) => decision.name);
    expect(offered(facts({}))).toEqual(['suspend', 'extend']);
    expect(offered(facts({ suspended: true }))).toEqual(['resume']);
    expect(offered(facts({ late: true }))).toEqual(['extend']);
    expect(offered(facts({ kind: 'dks_assessment', late: true }))).toEqual(['missed-reason']);
    expect(offered(facts({ kind: 'dks_assessment', late: true, missedReasonRecorded: true }))).toEqual([]);
    expect(offered(facts({ caseClosed: true }))).toEqual([]);
  });
});
