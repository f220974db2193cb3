import {
  adultOn,
  levelOneReviewDueAfter,
  nextLevelOneReviewDue,
  refuseAdultHandover,
  refuseAssessmentLevel,
  refuseCaseLevel,
  refuseLevelOneReview,
} from './case-level.rules';
import type { AdultHandoverInput, YouthCaseState } from './case-level.types';

const actor = { id: 'user-politi-kbh-dks' };
const NOW = new Date('2026-12-15T10:00:00.000Z');
const endOfMonth = { unit: 'calendar-days', days: 31 } as const;
const iso = (text: string) => new Date(text).toISOString();

const state = (facts: Partial<YouthCaseState> = {}): YouthCaseState => ({
  closed: false,
  caseLevel: null,
  lastLevelOneReviewOn: null,
  steps: [],
  ...facts,
});
const reviewStep = (openedAt: string) => ({
  kind: 'level_one_review',
  status: 'open' as const,
  openedAt,
  dueAt: '2026-12-31T23:00:00.000Z',
});
const handoverStep = {
  kind: 'adult_handover',
  status: 'open' as const,
  openedAt: '2026-12-09T23:00:00.000Z',
  dueAt: '2026-12-24T23:00:00.000Z',
};
const handover = (facts: Partial<AdultHandoverInput> = {}): AdultHandoverInput => ({
  handedOver: true,
  municipalityCode: 'KOM-0101',
  reason: 'SSP+ overtager',
  decidedAt: '2026-12-15T09:00:00.000Z',
  actor,
  ...facts,
});

describe('refuseCaseLevel — a level is set once without a reason, and changed with one', () => {
  it('sets a first level without a reason, and changes it with one', () => {
    expect(refuseCaseLevel(state(), { level: 1, reason: '', actor })).toBeUndefined();
    expect(refuseCaseLevel(state({ caseLevel: 1 }), { level: 2, reason: 'Sigtet for tyveri', actor })).toBeUndefined();
  });

  it.each(['', '  \n'])('refuses a change without a reason (%j)', (reason) => {
    expect(refuseCaseLevel(state({ caseLevel: 1 }), { level: 3, reason, actor })).toEqual({
      kind: 'invalid-data',
      message: 'En ændring af niveauet skal have en begrundelse.',
    });
  });

  it('refuses the level the case already has, a level outside 1–3, and any level on a closed case (first)', () => {
    expect(refuseCaseLevel(state({ caseLevel: 2 }), { level: 2, reason: 'x', actor })?.message).toBe(
      'Sagen er allerede på niveau 2.',
    );
    expect(refuseCaseLevel(state(), { level: 4 as never, reason: '', actor })?.message).toBe(
      'Niveauet skal være 1, 2 eller 3.',
    );
    expect(refuseCaseLevel(state({ closed: true }), { level: 4 as never, reason: '', actor })).toEqual({
      kind: 'illegal-transition',
      message: 'Niveauet kan ikke ændres: sagen er afsluttet.',
    });
  });

  it('takes a level with the assessment or none; anything else is refused', () => {
    expect(refuseAssessmentLevel(undefined)).toBeUndefined();
    expect(refuseAssessmentLevel(3)).toBeUndefined();
    expect(refuseAssessmentLevel('1')).toEqual({ kind: 'invalid-data', message: 'Niveauet skal være 1, 2 eller 3.' });
  });
});

describe('levelOneReviewDueAfter — the monthly meeting is due at the end of the Danish calendar month', () => {
  it('is due at the end of the month in CET and in CEST', () => {
    expect(iso(levelOneReviewDueAfter(endOfMonth, NOW).toISOString())).toBe('2026-12-31T23:00:00.000Z');
    expect(levelOneReviewDueAfter(endOfMonth, new Date('2026-06-01T00:00:00Z')).toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    expect(levelOneReviewDueAfter(endOfMonth, new Date('2028-02-10T12:00:00Z')).toISOString()).toBe(
      '2028-02-29T23:00:00.000Z',
    );
  });

  it('takes the next month once this month’s moment has passed, and a configured day of the month', () => {
    // 1 January 00:30 in Copenhagen is still 31 December in UTC: January's meeting is the one due.
    expect(levelOneReviewDueAfter(endOfMonth, new Date('2026-12-31T23:30:00Z')).toISOString()).toBe(
      '2027-01-31T23:00:00.000Z',
    );
    const fifteenth = { unit: 'calendar-days', days: 15 } as const;
    expect(levelOneReviewDueAfter(fifteenth, new Date('2026-12-10T12:00:00Z')).toISOString()).toBe(
      '2026-12-15T23:00:00.000Z',
    );
    expect(levelOneReviewDueAfter(fifteenth, new Date('2026-12-16T12:00:00Z')).toISOString()).toBe(
      '2027-01-15T23:00:00.000Z',
    );
  });

  it('opens next month’s review after a meeting on time, and this month’s after a late one for last month', () => {
    expect(nextLevelOneReviewDue(endOfMonth, '2026-12-31T23:00:00.000Z', '2026-12-10').toISOString()).toBe(
      '2027-01-31T23:00:00.000Z',
    );
    expect(nextLevelOneReviewDue(endOfMonth, '2026-12-31T23:00:00.000Z', '2027-01-05').toISOString()).toBe(
      '2027-01-31T23:00:00.000Z',
    );
    expect(nextLevelOneReviewDue(endOfMonth, '2026-12-31T23:00:00.000Z', '2026-12-31').toISOString()).toBe(
      '2027-01-31T23:00:00.000Z',
    );
  });
});

describe('refuseLevelOneReview — the monthly coordination meeting reviews an open level-1 case once', () => {
  const open = state({ caseLevel: 1, steps: [reviewStep('2026-12-03T09:00:00.000Z')] });

  it('allows a meeting on a real day from the day the case came on level 1 until today', () => {
    expect(refuseLevelOneReview(open, { meetingDate: '2026-12-03', actor }, NOW)).toBeUndefined();
    expect(refuseLevelOneReview(open, { meetingDate: '2026-12-15', actor }, NOW)).toBeUndefined();
  });

  it('refuses a case that ended or has no review open, as an illegal transition', () => {
    expect(refuseLevelOneReview({ ...open, closed: true }, { meetingDate: '2026-12-10', actor }, NOW)?.kind).toBe(
      'illegal-transition',
    );
    expect(refuseLevelOneReview(state({ caseLevel: 2 }), { meetingDate: '2026-12-10', actor }, NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Sagen er ikke en niveau 1-sag, der venter på koordinationsmødet.',
    });
  });

  it('refuses the same meeting or an earlier one again (a repeated recording reviews nothing twice)', () => {
    const reviewed = { ...open, lastLevelOneReviewOn: '2026-12-10' };
    for (const meetingDate of ['2026-12-10', '2026-12-09']) {
      expect(refuseLevelOneReview(reviewed, { meetingDate, actor }, NOW)).toEqual({
        kind: 'illegal-transition',
        message: 'Sagen er allerede gennemgået på koordinationsmødet den 10.12.2026.',
      });
    }
    expect(refuseLevelOneReview(reviewed, { meetingDate: '2026-12-11', actor }, NOW)).toBeUndefined();
  });

  it('refuses an impossible date, a day before the case came on level 1, and a day in the future', () => {
    expect(refuseLevelOneReview(open, { meetingDate: '2026-02-30', actor }, NOW)?.message).toBe(
      'Mødedatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).',
    );
    expect(refuseLevelOneReview(open, { meetingDate: '2026-12-02', actor }, NOW)?.message).toBe(
      'Mødedatoen ligger før sagen kom på niveau 1 (03.12.2026).',
    );
    expect(refuseLevelOneReview(open, { meetingDate: '2026-12-16', actor }, NOW)?.message).toBe(
      'Mødedatoen ligger i fremtiden.',
    );
  });
});

describe('refuseAdultHandover — decided once the youth has turned 18', () => {
  const open = state({ steps: [handoverStep] });

  it('allows the decision while the handover step is open', () => {
    expect(refuseAdultHandover(open, handover(), NOW)).toBeUndefined();
    expect(refuseAdultHandover(open, handover({ handedOver: false }), NOW)).toBeUndefined();
  });

  it('refuses before the 18th birthday, after the decision and on a closed case', () => {
    expect(refuseAdultHandover(state(), handover(), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Overdragelsen til 18+-indsatsen besluttes, når den unge er fyldt 18 år.',
    });
    expect(refuseAdultHandover({ ...open, closed: true }, handover(), NOW)?.kind).toBe('illegal-transition');
  });

  it('refuses a decision without a municipality or reason, before the birthday or in the future', () => {
    expect(refuseAdultHandover(open, handover({ municipalityCode: ' ' }), NOW)?.message).toBe(
      'Kommunen skal udfyldes.',
    );
    expect(refuseAdultHandover(open, handover({ reason: '' }), NOW)?.message).toBe(
      'Beslutningen om overdragelse skal have en begrundelse.',
    );
    expect(refuseAdultHandover(open, handover({ decidedAt: '2026-12-09T22:59:59.999Z' }), NOW)?.message).toBe(
      'Tidspunktet for beslutningen ligger før den unges 18-års fødselsdag (09.12.2026 kl. 24.00).',
    );
    expect(refuseAdultHandover(open, handover({ decidedAt: '2026-12-15T10:05:00.001Z' }), NOW)?.message).toBe(
      'Tidspunktet for beslutningen ligger i fremtiden.',
    );
  });
});

describe('adultOn — the start of the 18th birthday in Copenhagen', () => {
  it('is local midnight in winter and in summer', () => {
    expect(adultOn('2008-12-10').toISOString()).toBe('2026-12-09T23:00:00.000Z');
    expect(adultOn('2008-06-10').toISOString()).toBe('2026-06-09T22:00:00.000Z');
  });

  it('counts 29 February as 1 March in a year without it, as ages are counted', () => {
    expect(adultOn('2008-02-29').toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(adultOn('2010-02-28').toISOString()).toBe('2028-02-27T23:00:00.000Z');
  });
});
