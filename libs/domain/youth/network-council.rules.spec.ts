import { DEADLINE_POLICY } from '../deadlines/deadline-policy';
import { computeDueAt } from '../deadlines/deadline-rule';
import {
  describeCouncilStatus,
  refuseActionPlanAgreements,
  refuseCouncilAgreements,
  refuseCouncilExpectedRelease,
  refuseCouncilMeeting,
  refuseCouncilRelease,
  refuseInitiativeFollowUp,
  refuseInvitations,
  refuseMeetingPlan,
} from './network-council.rules';
import {
  AGREEMENT_KINDS,
  NETWORK_COUNCIL_STATUSES,
  PARTICIPANT_ROLES,
  type CouncilAgreementsInput,
  type CouncilMeetingInput,
  type InvitationsInput,
  type NetworkCouncilState,
  type NetworkCouncilStatus,
} from './network-council.types';

/**
 * A network council (DOMAIN.md §2): the police's documentation received Monday 2 March 2026 at 14:00
 * Copenhagen time; convening is due no later than 7 days after, i.e. by the end of Monday 9 March.
 */
const RECEIVED_AT = '2026-03-02T13:00:00.000Z';
const CONVENING_DUE_AT = '2026-03-09T23:00:00.000Z';
const INVITED_AT = '2026-03-04T09:00:00.000Z';
const HELD_AT = '2026-03-09T13:00:00.000Z';
const NOW = new Date('2026-03-10T12:00:00.000Z');
/** The tolerance for clocks that run apart (CLOCK_SKEW_MS): five minutes. */
const CLOCK_SKEW = 5 * 60_000;
const actor = { id: 'user-kommune-kbh' };

const iso = (ms: number) => new Date(ms).toISOString();
const justInsideSkew = iso(NOW.getTime() + CLOCK_SKEW);
const justOutsideSkew = iso(NOW.getTime() + CLOCK_SKEW + 1);

const conveningStep = (status: 'open' | 'completed'): NetworkCouncilState['steps'][number] => ({
  stepId: 'step-convening',
  kind: 'network_council_convening',
  status,
  openedAt: RECEIVED_AT,
  dueAt: CONVENING_DUE_AT,
});

function state(status: NetworkCouncilStatus, facts: Partial<NetworkCouncilState> = {}): NetworkCouncilState {
  return {
    caseId: 'council-1',
    municipalityCode: 'KOM-0101',
    status,
    documentationReceivedAt: RECEIVED_AT,
    steps: [],
    ...facts,
  };
}

const awaitingConvening = state('awaiting_convening', { steps: [conveningStep('open')] });
const convened = state('convened', { invitedAt: INVITED_AT, steps: [conveningStep('completed')] });
const meetingHeld = state('meeting_held', {
  invitedAt: INVITED_AT,
  heldAt: HELD_AT,
  steps: [conveningStep('completed')],
});
const agreementsMade = state('agreements_made', {
  invitedAt: INVITED_AT,
  heldAt: HELD_AT,
  closedAt: '2026-03-09T15:00:00.000Z',
  steps: [conveningStep('completed')],
});

const INITIATIVE = {
  initiativeId: 'initiative-1',
  kind: 'support_at_release' as const,
  ownerOrganisation: 'politi' as const,
  ownerUnit: 'POL-KBH',
  dueDate: '2026-03-20',
  followsRelease: false,
  stepId: 'step-initiative-1',
};
const actionPlanRunning = state('action_plan_running', {
  invitedAt: INVITED_AT,
  heldAt: HELD_AT,
  agreedAt: '2026-03-09T15:00:00.000Z',
  initiatives: [INITIATIVE],
  steps: [conveningStep('completed')],
});
const actionPlanFollowedUp = state('action_plan_followed_up', {
  ...actionPlanRunning,
  status: 'action_plan_followed_up',
  closedAt: '2026-03-10T10:00:00.000Z',
  initiatives: [{ ...INITIATIVE, followUp: { outcome: 'done', followedUpAt: '2026-03-10T10:00:00.000Z' } }],
});

const IN_STATUS: Record<NetworkCouncilStatus, NetworkCouncilState> = {
  awaiting_convening: awaitingConvening,
  convened,
  meeting_held: meetingHeld,
  agreements_made: agreementsMade,
  action_plan_running: actionPlanRunning,
  action_plan_followed_up: actionPlanFollowedUp,
};

const STATUS_TEXT: Record<NetworkCouncilStatus, string> = {
  awaiting_convening: 'afventer indkaldelse',
  convened: 'indkaldt',
  meeting_held: 'samrådet er holdt',
  agreements_made: 'aftaler indgået',
  action_plan_running: 'handleplanen følges',
  action_plan_followed_up: 'handleplanen er fulgt op',
};

const statusesExcept = (allowed: NetworkCouncilStatus): [NetworkCouncilStatus, NetworkCouncilState, string][] =>
  NETWORK_COUNCIL_STATUSES.filter((status) => status !== allowed).map((status) => [
    status,
    IN_STATUS[status],
    STATUS_TEXT[status],
  ]);

const invitations = (
  invitedAt: string,
  participants: InvitationsInput['participants'] = [{ role: 'youth' }, { role: 'parents' }, { role: 'police' }],
): InvitationsInput => ({ invitedAt, participants, actor });
const meeting = (heldAt: string): CouncilMeetingInput => ({ heldAt, actor });
const agreements = (
  agreedAt: string,
  made: CouncilAgreementsInput['agreements'] = [
    { kind: 'support_in_custody', description: 'Kontaktperson besøger under varetægt' },
  ],
): CouncilAgreementsInput => ({ agreedAt, agreements: made, actor });
const invalid = (message: string) => ({ kind: 'invalid-data', message });

describe('describeCouncilStatus', () => {
  it.each(NETWORK_COUNCIL_STATUSES.map((status) => [status, STATUS_TEXT[status]]))('names %s as %j', (status, text) => {
    expect(describeCouncilStatus(status as NetworkCouncilStatus)).toBe(text);
  });
});

describe('the 7-day convening rule', () => {
  it('is due at the end of the 7th Danish calendar day after the documentation was received', () => {
    expect(DEADLINE_POLICY.networkCouncilConvening.rule).toEqual({ unit: 'calendar-days', days: 7 });
    expect(computeDueAt(DEADLINE_POLICY.networkCouncilConvening.rule, new Date(RECEIVED_AT)).toISOString()).toBe(
      CONVENING_DUE_AT,
    );
  });

  it('accepts invitations on the last moment of the 7th day', () => {
    const lastMoment = iso(Date.parse(CONVENING_DUE_AT) - 1);
    expect(refuseInvitations(awaitingConvening, invitations(lastMoment), NOW)).toBeUndefined();
  });

  it('accepts invitations after the 7 days: the step is late, the fact is still recorded', () => {
    const late = new Date('2026-03-20T12:00:00.000Z');
    expect(refuseInvitations(awaitingConvening, invitations(CONVENING_DUE_AT), late)).toBeUndefined();
    expect(refuseInvitations(awaitingConvening, invitations('2026-03-19T09:00:00.000Z'), late)).toBeUndefined();
  });
});

describe('refuseInvitations', () => {
  it('allows invitations while the council awaits convening', () => {
    expect(refuseInvitations(awaitingConvening, invitations(INVITED_AT), NOW)).toBeUndefined();
  });

  it.each(statusesExcept('awaiting_convening'))(
    'refuses as an illegal transition when the council is %s',
    (_status, current, text) => {
      expect(refuseInvitations(current, invitations(INVITED_AT), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Indkaldelsen kan ikke registreres: netværkssamrådet er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(refuseInvitations(convened, invitations('bad', []), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Indkaldelsen kan ikke registreres: netværkssamrådet er indkaldt.',
    });
  });

  it('refuses invitations without participants', () => {
    expect(refuseInvitations(awaitingConvening, invitations(INVITED_AT, []), NOW)).toEqual(
      invalid('Indkaldelsen skal have mindst én deltager.'),
    );
  });

  it('checks the participants before the moment', () => {
    expect(refuseInvitations(awaitingConvening, invitations('bad', []), NOW)?.message).toBe(
      'Indkaldelsen skal have mindst én deltager.',
    );
  });

  it.each(PARTICIPANT_ROLES)('accepts a single participant in the role %s', (role) => {
    expect(refuseInvitations(awaitingConvening, invitations(INVITED_AT, [{ role }]), NOW)).toBeUndefined();
  });

  it('accepts every role invited at once', () => {
    const everyone = PARTICIPANT_ROLES.map((role) => ({ role }));
    expect(refuseInvitations(awaitingConvening, invitations(INVITED_AT, everyone), NOW)).toBeUndefined();
  });

  it('refuses a moment that is not a timestamp', () => {
    expect(refuseInvitations(awaitingConvening, invitations('i morgen'), NOW)).toEqual(
      invalid('Indkaldelsestidspunktet er ikke et gyldigt tidspunkt.'),
    );
  });

  it('refuses invitations before the documentation was received, and accepts the moment of receipt', () => {
    expect(refuseInvitations(awaitingConvening, invitations('2026-03-02T12:59:59.999Z'), NOW)).toEqual(
      invalid('Indkaldelsestidspunktet ligger før modtagelsen af dokumentationen (02.03.2026 kl. 14.00).'),
    );
    expect(refuseInvitations(awaitingConvening, invitations(RECEIVED_AT), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseInvitations(awaitingConvening, invitations(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseInvitations(awaitingConvening, invitations(justOutsideSkew), NOW)).toEqual(
      invalid('Indkaldelsestidspunktet ligger i fremtiden.'),
    );
  });
});

describe('refuseCouncilMeeting', () => {
  it('allows the meeting once the council is convened', () => {
    expect(refuseCouncilMeeting(convened, meeting(HELD_AT), NOW)).toBeUndefined();
  });

  it.each(statusesExcept('convened'))(
    'refuses as an illegal transition when the council is %s',
    (_status, current, text) => {
      expect(refuseCouncilMeeting(current, meeting(HELD_AT), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Mødet kan ikke registreres: netværkssamrådet er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(refuseCouncilMeeting(awaitingConvening, meeting('bad'), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Mødet kan ikke registreres: netværkssamrådet er afventer indkaldelse.',
    });
  });

  it('refuses a moment that is not a timestamp', () => {
    expect(refuseCouncilMeeting(convened, meeting('mandag'), NOW)).toEqual(
      invalid('Mødetidspunktet er ikke et gyldigt tidspunkt.'),
    );
  });

  it('refuses a meeting before the invitations, and accepts the moment of the invitations', () => {
    expect(refuseCouncilMeeting(convened, meeting('2026-03-04T08:59:59.999Z'), NOW)).toEqual(
      invalid('Mødetidspunktet ligger før indkaldelsen (04.03.2026 kl. 10.00).'),
    );
    expect(refuseCouncilMeeting(convened, meeting(INVITED_AT), NOW)).toBeUndefined();
  });

  it('falls back to the documentation’s receipt when no invitation moment is known', () => {
    const withoutInvitedAt = state('convened', { steps: [conveningStep('completed')] });
    expect(refuseCouncilMeeting(withoutInvitedAt, meeting('2026-03-02T12:00:00.000Z'), NOW)).toEqual(
      invalid('Mødetidspunktet ligger før modtagelsen af dokumentationen (02.03.2026 kl. 14.00).'),
    );
    expect(refuseCouncilMeeting(withoutInvitedAt, meeting(RECEIVED_AT), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseCouncilMeeting(convened, meeting(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseCouncilMeeting(convened, meeting(justOutsideSkew), NOW)).toEqual(
      invalid('Mødetidspunktet ligger i fremtiden.'),
    );
  });
});

describe('refuseCouncilAgreements — agreements on support in custody, at release, and mentor support', () => {
  it('allows agreements once the meeting is held', () => {
    expect(refuseCouncilAgreements(meetingHeld, agreements(HELD_AT), NOW)).toBeUndefined();
  });

  it('accepts one agreement of every kind together', () => {
    const everyKind = AGREEMENT_KINDS.map((kind) => ({ kind, description: `Aftale: ${kind}` }));
    expect(refuseCouncilAgreements(meetingHeld, agreements(HELD_AT, everyKind), NOW)).toBeUndefined();
  });

  it.each(statusesExcept('meeting_held'))(
    'refuses as an illegal transition when the council is %s',
    (_status, current, text) => {
      expect(refuseCouncilAgreements(current, agreements(HELD_AT), NOW)).toEqual({
        kind: 'illegal-transition',
        message: `Aftalerne kan ikke registreres: netværkssamrådet er ${text}.`,
      });
    },
  );

  it('checks the transition before the data', () => {
    expect(refuseCouncilAgreements(agreementsMade, agreements('bad', []), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Aftalerne kan ikke registreres: netværkssamrådet er aftaler indgået.',
    });
  });

  it('refuses a meeting’s result without any agreement', () => {
    expect(refuseCouncilAgreements(meetingHeld, agreements(HELD_AT, []), NOW)).toEqual(
      invalid('Angiv mindst én aftale.'),
    );
  });

  it('checks the agreements before the moment', () => {
    expect(refuseCouncilAgreements(meetingHeld, agreements('bad', []), NOW)?.message).toBe('Angiv mindst én aftale.');
  });

  it('refuses a moment that is not a timestamp', () => {
    expect(refuseCouncilAgreements(meetingHeld, agreements('efter mødet'), NOW)).toEqual(
      invalid('Aftaletidspunktet er ikke et gyldigt tidspunkt.'),
    );
  });

  it('refuses agreements before the meeting, and accepts the moment of the meeting', () => {
    expect(refuseCouncilAgreements(meetingHeld, agreements('2026-03-09T12:59:59.999Z'), NOW)).toEqual(
      invalid('Aftaletidspunktet ligger før samrådet (09.03.2026 kl. 14.00).'),
    );
    expect(refuseCouncilAgreements(meetingHeld, agreements(HELD_AT), NOW)).toBeUndefined();
  });

  it('falls back to the documentation’s receipt when no meeting moment is known', () => {
    const withoutHeldAt = state('meeting_held', { invitedAt: INVITED_AT, steps: [conveningStep('completed')] });
    expect(refuseCouncilAgreements(withoutHeldAt, agreements('2026-03-01T12:00:00.000Z'), NOW)).toEqual(
      invalid('Aftaletidspunktet ligger før modtagelsen af dokumentationen (02.03.2026 kl. 14.00).'),
    );
    expect(refuseCouncilAgreements(withoutHeldAt, agreements(INVITED_AT), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseCouncilAgreements(meetingHeld, agreements(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseCouncilAgreements(meetingHeld, agreements(justOutsideSkew), NOW)).toEqual(
      invalid('Aftaletidspunktet ligger i fremtiden.'),
    );
  });
});

const illegal = (message: string) => ({ kind: 'illegal-transition', message });
const AGREED_AT = '2026-03-09T15:00:00.000Z';
const owner = { ownerOrganisation: 'politi' as const, ownerUnit: 'POL-KBH' };

describe('refuseMeetingPlan (the meeting planned when convening or after)', () => {
  it('is allowed while awaiting convening and convened, even in the future, and refused after the meeting', () => {
    const plan = { plannedFor: '2026-04-01T10:00:00.000Z', actor };
    expect(refuseMeetingPlan(awaitingConvening, plan)).toBeUndefined();
    expect(refuseMeetingPlan(convened, plan)).toBeUndefined();
    expect(refuseMeetingPlan(meetingHeld, plan)).toEqual(
      illegal('Mødet kan ikke planlægges: netværkssamrådet er samrådet er holdt.'),
    );
  });

  it('refuses a plan before the documentation’s receipt, and one that is no moment', () => {
    expect(refuseMeetingPlan(convened, { plannedFor: '2026-03-02T12:59:59.999Z', actor })).toEqual(
      invalid('Det planlagte mødetidspunkt ligger før modtagelsen af dokumentationen (02.03.2026 kl. 14.00).'),
    );
    expect(refuseMeetingPlan(convened, { plannedFor: 'snart', actor })).toEqual(
      invalid('Det planlagte mødetidspunkt er ikke et gyldigt tidspunkt.'),
    );
  });
});

describe('refuseActionPlanAgreements (each agreement owned, with a due date or following the release)', () => {
  const plan = (made: CouncilAgreementsInput['agreements']) => ({ agreedAt: AGREED_AT, agreements: made, actor });

  it('accepts an owner and a due date from the day of the agreement', () => {
    expect(
      refuseActionPlanAgreements(
        meetingHeld,
        plan([{ kind: 'other', description: 'x', ...owner, dueDate: '2026-03-09' }]),
        NOW,
      ),
    ).toBeUndefined();
  });

  it('names the agreement without an owner, without a due date, or due before the agreement', () => {
    expect(
      refuseActionPlanAgreements(meetingHeld, plan([{ kind: 'other', description: 'x', dueDate: '2026-03-20' }]), NOW),
    ).toEqual(invalid('Aftale 1 skal have en ejer (myndighed og enhed).'));
    expect(
      refuseActionPlanAgreements(
        meetingHeld,
        plan([
          { kind: 'other', description: 'x', ...owner, dueDate: '2026-03-20' },
          { kind: 'other', description: 'y', ...owner },
        ]),
        NOW,
      ),
    ).toEqual(invalid('Aftale 2 skal have en frist (dato).'));
    expect(
      refuseActionPlanAgreements(
        meetingHeld,
        plan([{ kind: 'other', description: 'x', ...owner, dueDate: '2026-03-08' }]),
        NOW,
      ),
    ).toEqual(invalid('Aftale 1: fristen ligger før aftaletidspunktet.'));
  });

  it('lets only support at release follow the release, and only once its date is known', () => {
    const follows = { description: 'x', ...owner, followsRelease: true };
    expect(refuseActionPlanAgreements(meetingHeld, plan([{ kind: 'mentor_support', ...follows }]), NOW)).toEqual(
      invalid('Aftale 1: kun støtte ved løsladelse kan følge løsladelsen.'),
    );
    expect(refuseActionPlanAgreements(meetingHeld, plan([{ kind: 'support_at_release', ...follows }]), NOW)).toEqual(
      invalid('Aftale 1 følger løsladelsen: registrér den forventede løsladelsesdato først.'),
    );
    const inCustody = { ...meetingHeld, expectedReleaseDate: '2026-05-01' };
    expect(
      refuseActionPlanAgreements(inCustody, plan([{ kind: 'support_at_release', ...follows }]), NOW),
    ).toBeUndefined();
  });

  it('keeps the agreements’ own rules first: the status', () => {
    expect(refuseActionPlanAgreements(convened, plan([{ kind: 'other', description: 'x' }]), NOW)).toEqual(
      illegal('Aftalerne kan ikke registreres: netværkssamrådet er indkaldt.'),
    );
  });
});

describe('refuseInitiativeFollowUp (once per initiative, while the action plan runs)', () => {
  const followUp = (initiativeId: string, followedUpAt = '2026-03-10T10:00:00.000Z') => ({
    initiativeId,
    outcome: 'done' as const,
    note: 'Gennemført.',
    followedUpAt,
    actor,
  });

  it('accepts a known initiative not yet followed up', () => {
    expect(refuseInitiativeFollowUp(actionPlanRunning, followUp('initiative-1'), NOW)).toBeUndefined();
  });

  it('refuses an unknown initiative, a second follow-up, one before the agreements, and outside the running plan', () => {
    expect(refuseInitiativeFollowUp(actionPlanRunning, followUp('initiative-9'), NOW)).toEqual(
      invalid('Initiativet findes ikke i netværkssamrådets handleplan.'),
    );
    const followed = { ...actionPlanRunning, initiatives: actionPlanFollowedUp.initiatives };
    expect(refuseInitiativeFollowUp(followed, followUp('initiative-1'), NOW)).toEqual(
      illegal('Initiativet er allerede fulgt op og kan ikke følges op igen.'),
    );
    expect(
      refuseInitiativeFollowUp(actionPlanRunning, followUp('initiative-1', '2026-03-09T14:59:59.999Z'), NOW),
    ).toEqual(invalid('Tidspunktet for opfølgningen ligger før aftalerne (09.03.2026 kl. 16.00).'));
    expect(refuseInitiativeFollowUp(meetingHeld, followUp('initiative-1'), NOW)).toEqual(
      illegal('Opfølgningen kan ikke registreres: netværkssamrådet er samrådet er holdt.'),
    );
  });
});

describe('the youth’s expected release and release on the council', () => {
  it('takes an expected release date from the receipt’s day on, until the release or the end', () => {
    expect(refuseCouncilExpectedRelease(meetingHeld, { expectedReleaseDate: '2026-03-02', actor })).toBeUndefined();
    expect(refuseCouncilExpectedRelease(meetingHeld, { expectedReleaseDate: '2026-03-01', actor })).toEqual(
      invalid('Den forventede løsladelsesdato ligger før modtagelsen af dokumentationen.'),
    );
    expect(refuseCouncilExpectedRelease(meetingHeld, { expectedReleaseDate: '2026-02-30', actor })).toEqual(
      invalid('Den forventede løsladelsesdato er ikke en gyldig dato.'),
    );
    const released = { ...actionPlanRunning, releasedAt: '2026-03-10T08:00:00.000Z' };
    expect(refuseCouncilExpectedRelease(released, { expectedReleaseDate: '2026-04-01', actor })).toEqual(
      illegal('Den forventede løsladelsesdato kan ikke registreres: den unge er allerede løsladt.'),
    );
    expect(refuseCouncilExpectedRelease(agreementsMade, { expectedReleaseDate: '2026-04-01', actor })).toEqual(
      illegal('Den forventede løsladelsesdato kan ikke registreres: netværkssamrådet er aftaler indgået.'),
    );
  });

  it('takes the release once, not before the receipt nor in the future', () => {
    expect(
      refuseCouncilRelease(actionPlanRunning, { releasedAt: '2026-03-10T08:00:00.000Z', actor }, NOW),
    ).toBeUndefined();
    expect(refuseCouncilRelease(actionPlanRunning, { releasedAt: '2026-03-02T12:00:00.000Z', actor }, NOW)).toEqual(
      invalid('Løsladelsestidspunktet ligger før modtagelsen af dokumentationen (02.03.2026 kl. 14.00).'),
    );
    expect(refuseCouncilRelease(actionPlanRunning, { releasedAt: justOutsideSkew, actor }, NOW)).toEqual(
      invalid('Løsladelsestidspunktet ligger i fremtiden.'),
    );
    const released = { ...actionPlanRunning, releasedAt: '2026-03-10T08:00:00.000Z' };
    expect(refuseCouncilRelease(released, { releasedAt: '2026-03-10T09:00:00.000Z', actor }, NOW)).toEqual(
      illegal('Løsladelsen kan ikke registreres: den unge er allerede løsladt.'),
    );
    expect(refuseCouncilRelease(actionPlanFollowedUp, { releasedAt: '2026-03-10T09:00:00.000Z', actor }, NOW)).toEqual(
      illegal('Løsladelsen kan ikke registreres: netværkssamrådet er handleplanen er fulgt op.'),
    );
  });
});
