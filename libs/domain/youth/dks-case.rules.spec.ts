import {
  describeDksStatus,
  dksOutcomeAllowedIn,
  refuseDksAssessment,
  refuseDksCaseEnd,
  refuseDksCaseMove,
  refuseSocialServicesParticipation,
  refuseFollowUpCheck,
  refuseHomeVisitHeld,
  refuseHomeVisitPlan,
} from './dks-case.rules';
import {
  DKS_CASE_STATUSES,
  type DksAssessmentInput,
  type DksCaseEndInput,
  type DksCaseMoveInput,
  type SocialServicesParticipationInput,
  type DksCaseState,
  type DksCaseStatus,
  type DksStepKind,
  type FollowUpCheckInput,
  type HomeVisitHeldInput,
  type HomeVisitPlanInput,
} from './dks-case.types';

/**
 * A DKS case (DOMAIN.md §3): charged 2 March 08:00 UTC, assessed 20:00 the same day (inside the 24 hours),
 * home visit held 6 March, and "now" 10 March 12:00 UTC.
 */
const TRIGGERED_AT = '2026-03-02T08:00:00.000Z';
const ASSESSED_AT = '2026-03-02T20:00:00.000Z';
const HOME_VISIT_HELD_AT = '2026-03-06T10:00:00.000Z';
const NOW = new Date('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
/** The tolerance for clocks that run apart (CLOCK_SKEW_MS): five minutes. */
const CLOCK_SKEW = 5 * 60_000;
const actor = { id: 'user-politi-kbh-dks' };

const iso = (ms: number) => new Date(ms).toISOString();
const justInsideSkew = iso(NOW.getTime() + CLOCK_SKEW);
const justOutsideSkew = iso(NOW.getTime() + CLOCK_SKEW + 1);

const step = (
  kind: DksStepKind,
  status: DksCaseState['steps'][number]['status'],
  openedAt: string,
  dueAt: string,
): DksCaseState['steps'][number] => ({ stepId: `step-${kind}`, kind, status, openedAt, dueAt });

const assessmentStep = (status: 'open' | 'completed') =>
  step('dks_assessment', status, TRIGGERED_AT, '2026-03-03T08:00:00.000Z');

function state(status: DksCaseStatus, facts: Partial<DksCaseState> = {}): DksCaseState {
  return {
    caseId: 'dks-case-1',
    status,
    policeDistrictCode: 'POL-KBH',
    triggeredAt: TRIGGERED_AT,
    steps: [],
    ...facts,
  };
}

const awaitingAssessment = state('awaiting_assessment', { steps: [assessmentStep('open')] });
const awaitingHomeVisit = state('awaiting_home_visit', {
  assessedAt: ASSESSED_AT,
  steps: [assessmentStep('completed'), step('home_visit_planning', 'open', ASSESSED_AT, '2026-03-09T23:00:00.000Z')],
});
const homeVisitPlanned = state('home_visit_planned', {
  assessedAt: ASSESSED_AT,
  steps: [assessmentStep('completed'), step('home_visit', 'open', '2026-03-03T09:00:00.000Z', HOME_VISIT_HELD_AT)],
});
const awaitingFollowUp = state('awaiting_follow_up', {
  assessedAt: ASSESSED_AT,
  homeVisitHeldAt: HOME_VISIT_HELD_AT,
  steps: [
    assessmentStep('completed'),
    step('home_visit', 'completed', '2026-03-03T09:00:00.000Z', HOME_VISIT_HELD_AT),
    step('follow_up_check', 'open', HOME_VISIT_HELD_AT, '2026-03-20T23:00:00.000Z'),
  ],
});
const closedNoConcern = state('closed_no_concern_conversation', {
  assessedAt: ASSESSED_AT,
  closedAt: ASSESSED_AT,
  steps: [assessmentStep('completed')],
});
const followedUp = state('followed_up', {
  assessedAt: ASSESSED_AT,
  homeVisitHeldAt: HOME_VISIT_HELD_AT,
  closedAt: '2026-03-09T10:00:00.000Z',
});

const endedAs = (status: DksCaseStatus) =>
  state(status, { assessedAt: ASSESSED_AT, closedAt: '2026-03-05T10:00:00.000Z' });

const IN_STATUS: Record<DksCaseStatus, DksCaseState> = {
  awaiting_assessment: awaitingAssessment,
  awaiting_home_visit: awaitingHomeVisit,
  home_visit_planned: homeVisitPlanned,
  awaiting_follow_up: awaitingFollowUp,
  closed_no_concern_conversation: closedNoConcern,
  followed_up: followedUp,
  closed_declined: endedAs('closed_declined'),
  closed_not_reached: endedAs('closed_not_reached'),
  closed_existing_action_plan: endedAs('closed_existing_action_plan'),
};

const STATUS_TEXT: Record<DksCaseStatus, string> = {
  awaiting_assessment: 'afventer DKS-vurdering',
  awaiting_home_visit: 'afventer planlægning af hjemmebesøg',
  home_visit_planned: 'hjemmebesøg planlagt',
  awaiting_follow_up: 'afventer opfølgningstjek',
  closed_no_concern_conversation: 'afsluttet uden bekymringssamtale',
  followed_up: 'fulgt op',
  closed_declined: 'afsluttet: familien takkede nej',
  closed_not_reached: 'afsluttet: familien kunne ikke træffes',
  closed_existing_action_plan: 'afsluttet: en eksisterende handleplan fortsætter',
};

/** The statuses other than `allowed`, each with its state and its Danish text, for it.each. */
const statusesExcept = (...allowed: DksCaseStatus[]): [DksCaseStatus, DksCaseState, string][] =>
  DKS_CASE_STATUSES.filter((status) => !allowed.includes(status)).map((status) => [
    status,
    IN_STATUS[status],
    STATUS_TEXT[status],
  ]);

const assessment = (decidedAt: string, reason = 'Sigtet for vold i bandesag', concernConversation = true) =>
  ({ concernConversation, reason, decidedAt, actor }) satisfies DksAssessmentInput;
const plan = (plannedFor: string): HomeVisitPlanInput => ({ plannedFor, actor });
const visit = (heldAt: string, overrides: Partial<HomeVisitHeldInput> = {}): HomeVisitHeldInput => ({
  heldAt,
  withSocialServices: true,
  initiatives: 'Fritidsjob og kontakt til SSP',
  actor,
  ...overrides,
});
const followUp = (checkedAt: string, findings = 'Fritidsjob i gang'): FollowUpCheckInput => ({
  checkedAt,
  findings,
  actor,
});
const invalid = (message: string) => ({ kind: 'invalid-data', message });

describe('describeDksStatus', () => {
  it.each(DKS_CASE_STATUSES.map((status) => [status, STATUS_TEXT[status]]))('names %s as %j', (status, text) => {
    expect(describeDksStatus(status as DksCaseStatus)).toBe(text);
  });
});

describe('refuseDksAssessment — DKS decides within 24 hours whether to hold a concern conversation', () => {
  it('allows a yes and a no to a concern conversation while the assessment is awaited', () => {
    expect(refuseDksAssessment(awaitingAssessment, assessment('2026-03-02T20:00:00Z'), NOW)).toBeUndefined();
    expect(
      refuseDksAssessment(awaitingAssessment, assessment('2026-03-02T20:00:00Z', 'Ingen bekymring', false), NOW),
    ).toBeUndefined();
  });

  it('takes a reason code of its list when the case ends without a concern conversation, and none with one', () => {
    const at = '2026-03-02T20:00:00Z';
    const closing = { ...assessment(at, '', false), reasonCode: 'existing_measure' };
    expect(refuseDksAssessment(awaitingAssessment, closing, NOW)).toBeUndefined();
    expect(refuseDksAssessment(awaitingAssessment, { ...closing, reasonCode: 'other' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Når årsagen er »andet«, skal begrundelsen udfyldes.',
    });
    expect(refuseDksAssessment(awaitingAssessment, { ...closing, reasonCode: 'new_crime' }, NOW)?.message).toMatch(
      /^Årsagen skal være »ingen bekymring ved nærmere vurdering«, /,
    );
    expect(refuseDksAssessment(awaitingAssessment, { ...assessment(at), reasonCode: 'no_concern' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Kun en sag, der afsluttes uden bekymringssamtale, har en årsag: lad årsagen være tom.',
    });
    // Without a code, as before codes: the reason is required either way.
    expect(refuseDksAssessment(awaitingAssessment, assessment(at, ' ', false), NOW)?.message).toBe(
      'Vurderingen skal have en begrundelse.',
    );
  });

  it('allows an assessment registered after the 24 hours: late registration is recorded, not refused', () => {
    const thirtyHoursAfterCharge = iso(Date.parse(TRIGGERED_AT) + 30 * HOUR);
    expect(refuseDksAssessment(awaitingAssessment, assessment(thirtyHoursAfterCharge), NOW)).toBeUndefined();
  });

  it.each(statusesExcept('awaiting_assessment'))(
    'refuses as an illegal transition when the case is %s',
    (_status, current, text) => {
      expect(refuseDksAssessment(current, assessment('2026-03-02T20:00:00Z'), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Vurderingen kan ikke registreres: sagen er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(refuseDksAssessment(followedUp, assessment('not a date', '  '), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Vurderingen kan ikke registreres: sagen er fulgt op.',
    });
  });

  it.each(['', '   ', '\n\t'])('refuses an assessment without a reason (%j)', (reason) => {
    expect(refuseDksAssessment(awaitingAssessment, assessment('2026-03-02T20:00:00Z', reason), NOW)).toEqual(
      invalid('Vurderingen skal have en begrundelse.'),
    );
  });

  it('checks the reason before the moment', () => {
    expect(refuseDksAssessment(awaitingAssessment, assessment('i går', ''), NOW)).toEqual(
      invalid('Vurderingen skal have en begrundelse.'),
    );
  });

  it.each(['i går', '2026-13-45T99:00:00Z', ''])('refuses a moment that is not a timestamp (%j)', (decidedAt) => {
    expect(refuseDksAssessment(awaitingAssessment, assessment(decidedAt), NOW)).toEqual(
      invalid('Vurderingstidspunktet er ikke et gyldigt tidspunkt.'),
    );
  });

  it('refuses a moment before the charge or observation, and accepts the moment itself', () => {
    expect(refuseDksAssessment(awaitingAssessment, assessment('2026-03-02T07:59:59.999Z'), NOW)).toEqual(
      invalid('Vurderingstidspunktet ligger før sigtelsen eller observationen (02.03.2026 kl. 09.00).'),
    );
    expect(refuseDksAssessment(awaitingAssessment, assessment(TRIGGERED_AT), NOW)).toBeUndefined();
  });

  it('compares instants, not texts: the same moment with an offset is not before it', () => {
    expect(refuseDksAssessment(awaitingAssessment, assessment('2026-03-02T09:00:00+01:00'), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseDksAssessment(awaitingAssessment, assessment(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseDksAssessment(awaitingAssessment, assessment(justOutsideSkew), NOW)).toEqual(
      invalid('Vurderingstidspunktet ligger i fremtiden.'),
    );
  });
});

describe('refuseHomeVisitPlan — a plan lies ahead, after the assessment', () => {
  const planMessage =
    'Hjemmebesøget kan kun planlægges frem i tiden, efter vurderingen. Er det holdt, registreres det som holdt.';

  it('allows planning after a yes, and planning again (moving the visit) once planned', () => {
    expect(refuseHomeVisitPlan(awaitingHomeVisit, plan('2026-03-12T15:00:00Z'), NOW)).toBeUndefined();
    expect(refuseHomeVisitPlan(homeVisitPlanned, plan('2026-03-13T15:00:00Z'), NOW)).toBeUndefined();
  });

  it.each(statusesExcept('awaiting_home_visit', 'home_visit_planned'))(
    'refuses as an illegal transition when the case is %s',
    (_status, current, text) => {
      expect(refuseHomeVisitPlan(current, plan('2026-03-12T15:00:00Z'), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Planlægningen kan ikke registreres: sagen er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(refuseHomeVisitPlan(awaitingAssessment, plan('not a date'), NOW)?.kind).toBe('illegal-transition');
  });

  it.each(['næste tirsdag', '2026-02-30T25:00:00Z', ''])('refuses a plan that is not a timestamp (%j)', (at) => {
    expect(refuseHomeVisitPlan(awaitingHomeVisit, plan(at), NOW)).toEqual(
      invalid('Det planlagte tidspunkt er ugyldigt.'),
    );
  });

  it('allows a plan up to one hour in the past (slack for typing it in), and refuses one a millisecond earlier', () => {
    expect(refuseHomeVisitPlan(awaitingHomeVisit, plan(iso(NOW.getTime() - HOUR)), NOW)).toBeUndefined();
    expect(refuseHomeVisitPlan(awaitingHomeVisit, plan(iso(NOW.getTime() - HOUR - 1)), NOW)).toEqual(
      invalid(planMessage),
    );
  });

  it('refuses a plan before the assessment even inside the hour’s slack, and accepts the assessment moment', () => {
    const assessedTenMinutesAgo = { ...awaitingHomeVisit, assessedAt: iso(NOW.getTime() - 10 * 60_000) };
    expect(refuseHomeVisitPlan(assessedTenMinutesAgo, plan(iso(NOW.getTime() - 10 * 60_000 - 1)), NOW)).toEqual(
      invalid(planMessage),
    );
    expect(refuseHomeVisitPlan(assessedTenMinutesAgo, plan(assessedTenMinutesAgo.assessedAt), NOW)).toBeUndefined();
  });

  it('sets no upper bound on the planned time: no source fixes when the visit is held', () => {
    expect(refuseHomeVisitPlan(awaitingHomeVisit, plan('2026-06-01T10:00:00Z'), NOW)).toBeUndefined();
  });
});

describe('refuseHomeVisitHeld — the concern conversation is a home visit with social services', () => {
  it('allows recording the visit whether or not it was planned first', () => {
    expect(refuseHomeVisitHeld(awaitingHomeVisit, visit('2026-03-05T10:00:00Z'), NOW)).toBeUndefined();
    expect(refuseHomeVisitHeld(homeVisitPlanned, visit('2026-03-05T10:00:00Z'), NOW)).toBeUndefined();
  });

  it('allows a visit held earlier than it was planned for', () => {
    // The plan (the open home_visit step) is due 6 March 10:00; the visit took place on 4 March.
    expect(refuseHomeVisitHeld(homeVisitPlanned, visit('2026-03-04T10:00:00Z'), NOW)).toBeUndefined();
  });

  it.each(statusesExcept('awaiting_home_visit', 'home_visit_planned'))(
    'refuses as an illegal transition when the case is %s',
    (_status, current, text) => {
      expect(refuseHomeVisitHeld(current, visit('2026-03-05T10:00:00Z'), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Hjemmebesøget kan ikke registreres: sagen er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(
      refuseHomeVisitHeld(closedNoConcern, visit('bad', { withSocialServices: false, initiatives: '' }), NOW),
    ).toEqual({
      kind: 'illegal-transition',
      message: 'Hjemmebesøget kan ikke registreres: sagen er afsluttet uden bekymringssamtale.',
    });
  });

  it('refuses a visit held without social services', () => {
    expect(
      refuseHomeVisitHeld(awaitingHomeVisit, visit('2026-03-05T10:00:00Z', { withSocialServices: false }), NOW),
    ).toEqual(invalid('Bekymringssamtalen holdes som hjemmebesøg sammen med socialforvaltningen.'));
  });

  it.each(['', '  ', '\n'])('refuses a visit without the initiatives the follow-up is to check (%j)', (initiatives) => {
    expect(refuseHomeVisitHeld(awaitingHomeVisit, visit('2026-03-05T10:00:00Z', { initiatives }), NOW)).toEqual(
      invalid('Angiv de iværksatte initiativer, som opfølgningen skal tjekke.'),
    );
  });

  it('checks in order: social services, initiatives, moment', () => {
    expect(
      refuseHomeVisitHeld(awaitingHomeVisit, visit('bad', { withSocialServices: false, initiatives: '' }), NOW)
        ?.message,
    ).toBe('Bekymringssamtalen holdes som hjemmebesøg sammen med socialforvaltningen.');
    expect(refuseHomeVisitHeld(awaitingHomeVisit, visit('bad', { initiatives: '' }), NOW)?.message).toBe(
      'Angiv de iværksatte initiativer, som opfølgningen skal tjekke.',
    );
    expect(refuseHomeVisitHeld(awaitingHomeVisit, visit('bad'), NOW)?.message).toBe(
      'Tidspunktet for hjemmebesøget er ikke et gyldigt tidspunkt.',
    );
  });

  it('refuses a visit before the assessment, and accepts the assessment moment itself', () => {
    expect(refuseHomeVisitHeld(awaitingHomeVisit, visit('2026-03-02T19:59:59.999Z'), NOW)).toEqual(
      invalid('Tidspunktet for hjemmebesøget ligger før vurderingen (02.03.2026 kl. 21.00).'),
    );
    expect(refuseHomeVisitHeld(awaitingHomeVisit, visit(ASSESSED_AT), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseHomeVisitHeld(homeVisitPlanned, visit(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseHomeVisitHeld(homeVisitPlanned, visit(justOutsideSkew), NOW)).toEqual(
      invalid('Tidspunktet for hjemmebesøget ligger i fremtiden.'),
    );
  });
});

describe('refuseFollowUpCheck — the initiatives are followed up within two weeks of the visit', () => {
  it('allows the check while it is awaited', () => {
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp('2026-03-09T10:00:00Z'), NOW)).toBeUndefined();
  });

  it('allows a check registered after the two weeks: late registration is recorded, not refused', () => {
    const late = new Date('2026-04-01T12:00:00.000Z');
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp('2026-04-01T10:00:00Z'), late)).toBeUndefined();
  });

  it.each(statusesExcept('awaiting_follow_up'))(
    'refuses as an illegal transition when the case is %s',
    (_status, current, text) => {
      expect(refuseFollowUpCheck(current, followUp('2026-03-09T10:00:00Z'), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Opfølgningstjekket kan ikke registreres: sagen er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(refuseFollowUpCheck(followedUp, followUp('bad', ''), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Opfølgningstjekket kan ikke registreres: sagen er fulgt op.',
    });
  });

  it.each(['', ' \t '])('refuses a check without findings (%j)', (findings) => {
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp('2026-03-09T10:00:00Z', findings), NOW)).toEqual(
      invalid('Angiv hvad opfølgningstjekket viste.'),
    );
  });

  it('refuses a moment that is not a timestamp', () => {
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp('om to uger'), NOW)).toEqual(
      invalid('Tidspunktet for opfølgningen er ikke et gyldigt tidspunkt.'),
    );
  });

  it('refuses a check before the home visit (not merely before the assessment), and accepts the visit moment', () => {
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp('2026-03-04T10:00:00Z'), NOW)).toEqual(
      invalid('Tidspunktet for opfølgningen ligger før hjemmebesøget (06.03.2026 kl. 11.00).'),
    );
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp('2026-03-06T09:59:59.999Z'), NOW)?.message).toBe(
      'Tidspunktet for opfølgningen ligger før hjemmebesøget (06.03.2026 kl. 11.00).',
    );
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp(HOME_VISIT_HELD_AT), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseFollowUpCheck(awaitingFollowUp, followUp(justOutsideSkew), NOW)).toEqual(
      invalid('Tidspunktet for opfølgningen ligger i fremtiden.'),
    );
  });
});

describe('ending a DKS case without a held visit', () => {
  const end = (outcome: DksCaseEndInput['outcome'], extra: Partial<DksCaseEndInput> = {}): DksCaseEndInput => ({
    outcome,
    reasonCode: 'repeated_attempts',
    reason: '',
    endedAt: '2026-03-09T10:00:00Z',
    actor,
    ...extra,
  });

  it.each([
    ['declined', ['awaiting_home_visit', 'home_visit_planned']],
    ['not_reached', ['awaiting_home_visit', 'home_visit_planned']],
    [
      'existing_action_plan',
      ['awaiting_assessment', 'awaiting_home_visit', 'home_visit_planned', 'awaiting_follow_up'],
    ],
  ] as const)('allows %s exactly in %j', (outcome, allowed) => {
    const allowedIn = DKS_CASE_STATUSES.filter((status) => dksOutcomeAllowedIn(outcome, status));
    expect(allowedIn).toEqual(allowed);
    for (const status of allowed) expect(refuseDksCaseEnd(IN_STATUS[status], end(outcome), NOW)).toBeUndefined();
  });

  it('refuses declined before a yes to a concern conversation, saying when it can be', () => {
    expect(refuseDksCaseEnd(awaitingAssessment, end('declined'), NOW)).toEqual({
      kind: 'illegal-transition',
      message:
        'Sagen kan ikke afsluttes, fordi familien takker nej til bekymringssamtalen: sagen er afventer DKS-vurdering. Det kan kun registreres efter et ja til en bekymringssamtale, før hjemmebesøget er holdt.',
    });
    expect(refuseDksCaseEnd(followedUp, end('existing_action_plan'), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Sagen kan ikke afsluttes, fordi en eksisterende handleplan fortsætter: sagen er fulgt op.',
    });
  });

  it('refuses a reason code of another ending, `other` without a note, and an unknown outcome', () => {
    expect(refuseDksCaseEnd(awaitingHomeVisit, end('declined', { reasonCode: 'no_concern' }), NOW)?.message).toBe(
      'Årsagen skal være »familien ønsker ikke kontakt med politiet«, »familien får allerede støtte andetsteds«, »ingen brugbare kontaktoplysninger«, »gentagne forgæves forsøg på kontakt«, »kommunens handleplan dækker bekymringen« eller »andet«.',
    );
    expect(refuseDksCaseEnd(awaitingHomeVisit, end('declined', { reasonCode: 'other', reason: ' ' }), NOW)).toEqual(
      invalid('Når årsagen er »andet«, skal begrundelsen udfyldes.'),
    );
    expect(refuseDksCaseEnd(awaitingHomeVisit, end('declined', { reasonCode: undefined }), NOW)).toEqual(
      invalid('Afslutningen skal have en begrundelse.'),
    );
    expect(refuseDksCaseEnd(awaitingHomeVisit, end('moved' as never), NOW)).toEqual(
      invalid(
        'Udfaldet skal være »familien takker nej til bekymringssamtalen«, »familien kan ikke træffes« eller »en eksisterende handleplan fortsætter«.',
      ),
    );
  });

  it('refuses an end before the assessment or in the future', () => {
    expect(refuseDksCaseEnd(awaitingHomeVisit, end('declined', { endedAt: '2026-03-02T19:00:00Z' }), NOW)).toEqual(
      invalid('Tidspunktet for afslutningen ligger før vurderingen (02.03.2026 kl. 21.00).'),
    );
    expect(refuseDksCaseEnd(awaitingHomeVisit, end('declined', { endedAt: justOutsideSkew }), NOW)).toEqual(
      invalid('Tidspunktet for afslutningen ligger i fremtiden.'),
    );
  });
});

describe('moving a DKS case to another district', () => {
  const move = (toPoliceDistrictCode: string, movedAt = '2026-03-09T10:00:00Z'): DksCaseMoveInput => ({
    toPoliceDistrictCode,
    movedAt,
    actor,
  });

  it('moves an open case to another district, in any open status', () => {
    for (const status of [
      'awaiting_assessment',
      'awaiting_home_visit',
      'home_visit_planned',
      'awaiting_follow_up',
    ] as const)
      expect(refuseDksCaseMove(IN_STATUS[status], move('POL-FYN'), NOW)).toBeUndefined();
  });

  it('refuses the current district, a closed case and a moment before the charge', () => {
    expect(refuseDksCaseMove(awaitingAssessment, move('POL-KBH'), NOW)).toEqual(
      invalid('Sagen hører allerede til den politikreds.'),
    );
    expect(refuseDksCaseMove(followedUp, move('POL-FYN'), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Flytningen kan ikke registreres: sagen er fulgt op.',
    });
    expect(refuseDksCaseMove(awaitingAssessment, move('POL-FYN', '2026-03-01T08:00:00Z'), NOW)).toEqual(
      invalid('Tidspunktet for flytningen ligger før sigtelsen eller observationen (02.03.2026 kl. 09.00).'),
    );
  });
});

describe("the social services' participation", () => {
  const participation = (participates: boolean, ref?: string): SocialServicesParticipationInput => ({
    participates,
    ...(ref ? { levelOneCaseRefEncrypted: ref } : {}),
    recordedAt: '2026-03-09T10:00:00Z',
    actor,
  });
  const named = { ...homeVisitPlanned, homeVisitMunicipalityCode: 'KOM-0101' };

  it('is recorded on a visit planned with a municipality, or held', () => {
    expect(refuseSocialServicesParticipation(named, participation(true, 'sealed'))).toBeUndefined();
    expect(refuseSocialServicesParticipation(named, participation(false))).toBeUndefined();
    expect(
      refuseSocialServicesParticipation(
        { ...awaitingFollowUp, homeVisitMunicipalityCode: 'KOM-0101' },
        participation(true),
      ),
    ).toBeUndefined();
  });

  it('is refused before a plan, on a plan without a municipality, and with a reference but no participation', () => {
    expect(refuseSocialServicesParticipation(awaitingHomeVisit, participation(true))?.kind).toBe('illegal-transition');
    expect(refuseSocialServicesParticipation(homeVisitPlanned, participation(true))).toEqual({
      kind: 'illegal-transition',
      message: 'Socialforvaltningens deltagelse kan ikke registreres: hjemmebesøget er planlagt uden en kommune.',
    });
    expect(refuseSocialServicesParticipation(named, participation(false, 'sealed'))).toEqual(
      invalid('Kun en socialforvaltning, der deltager, har et sagsnummer: lad sagsnummeret være tomt.'),
    );
  });
});
