import { CLOCK_SKEW_MS } from '../case/refusal';
import {
  refuseAssessmentInput,
  refuseCourseStart,
  refuseOutsidePrisonStart,
  type OutsidePrisonStartFacts,
  refuseHandoverDecision,
  refuseInterruption,
  refuseSuitabilityAssessment,
  type CourseStartFacts,
} from './exit-course.rules';
import type {
  ExitCourseState,
  ExitCourseStatus,
  InterruptionInput,
  StepState,
  SuitabilityAssessmentInput,
} from './exit-course.types';

const REFERRED_AT = '2026-03-02T09:00:00.000Z';
const NOW = new Date('2026-03-10T12:00:00.000Z');
const actor = { id: 'user-1' };

const suitabilityStep = (status: StepState['status']): StepState => ({
  stepId: 'step-suitability',
  kind: 'suitability_assessment',
  status,
  openedAt: REFERRED_AT,
  dueAt: '2026-04-01T22:00:00.000Z',
});

const signingStep: StepState = {
  stepId: 'step-signing',
  kind: 'agreement_signing',
  status: 'open',
  openedAt: '2026-03-05T10:00:00.000Z',
  dueAt: '2026-03-19T23:00:00.000Z',
};

function state(status: ExitCourseStatus, steps: StepState[]): ExitCourseState {
  return {
    caseId: 'case-1',
    status,
    referredAt: REFERRED_AT,
    steps,
    mentor: { contactCount: 0, contactMinutes: 0 },
    psychologistCourse: 'not_started',
    paroleLinked: false,
    assessmentInputs: [],
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-06-01',
    readiness: { housing: false, income: false, job_or_education_plan: false, mentor_continuity: false },
  };
}

const awaitingAssessment = state('awaiting_suitability_assessment', [suitabilityStep('open')]);
const awaitingSignature = state('awaiting_agreement_signature', [suitabilityStep('completed'), signingStep]);
const rejected = state('rejected', [suitabilityStep('completed')]);
const interruptedByInmate = state('interrupted_by_inmate', [suitabilityStep('cancelled')]);
const interruptedByKf = state('interrupted_by_kriminalforsorgen', [suitabilityStep('cancelled')]);

const offer = (decidedAt: string): SuitabilityAssessmentInput => ({ outcome: 'offer', decidedAt, actor });
const rejection = (decidedAt: string, reason: string): SuitabilityAssessmentInput => ({
  outcome: 'rejection',
  decidedAt,
  reason,
  actor,
});
const interruption = (interruptedAt: string, reason = 'Ønsker ikke at fortsætte'): InterruptionInput => ({
  by: 'inmate',
  reason,
  interruptedAt,
  actor,
});

const justInsideSkew = new Date(NOW.getTime() + CLOCK_SKEW_MS).toISOString();
const justOutsideSkew = new Date(NOW.getTime() + CLOCK_SKEW_MS + 1).toISOString();

describe('CLOCK_SKEW_MS', () => {
  it('is five minutes', () => {
    expect(CLOCK_SKEW_MS).toBe(300_000);
  });
});

describe('refuseSuitabilityAssessment', () => {
  it('allows an offer or a reasoned rejection while the assessment is open', () => {
    expect(refuseSuitabilityAssessment(awaitingAssessment, offer('2026-03-09T10:00:00Z'), NOW)).toBeUndefined();
    expect(
      refuseSuitabilityAssessment(awaitingAssessment, rejection('2026-03-09T10:00:00Z', 'Ikke motiveret'), NOW),
    ).toBeUndefined();
  });

  it.each([
    [awaitingSignature, 'Egnethedsvurderingen kan ikke registreres: forløbet afventer underskrift af exit-aftale.'],
    [rejected, 'Egnethedsvurderingen kan ikke registreres: forløbet afsluttet med afslag.'],
    [interruptedByInmate, 'Egnethedsvurderingen kan ikke registreres: forløbet afbrudt af den indsatte.'],
    [interruptedByKf, 'Egnethedsvurderingen kan ikke registreres: forløbet afbrudt af Kriminalforsorgen.'],
  ])('refuses as an illegal transition when no assessment is open (%#)', (current, message) => {
    expect(refuseSuitabilityAssessment(current, offer('2026-03-09T10:00:00Z'), NOW)).toEqual({
      kind: 'illegal-transition',
      message,
    });
  });

  it('refuses on the open step, not the status alone', () => {
    const stepAlreadyDone = state('awaiting_suitability_assessment', [suitabilityStep('completed')]);
    expect(refuseSuitabilityAssessment(stepAlreadyDone, offer('2026-03-09T10:00:00Z'), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Egnethedsvurderingen kan ikke registreres: forløbet afventer egnethedsvurdering.',
    });
  });

  it('checks the transition before the data', () => {
    expect(refuseSuitabilityAssessment(rejected, rejection('not a date', '  '), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Egnethedsvurderingen kan ikke registreres: forløbet afsluttet med afslag.',
    });
  });

  it.each(['', '   ', '\n\t'])('refuses a rejection without a reason (%j)', (reason) => {
    expect(refuseSuitabilityAssessment(awaitingAssessment, rejection('2026-03-09T10:00:00Z', reason), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Et afslag skal have en begrundelse.',
    });
  });

  it('refuses a moment that is not a timestamp', () => {
    expect(refuseSuitabilityAssessment(awaitingAssessment, offer('i går'), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Vurderingstidspunktet er ikke et gyldigt tidspunkt.',
    });
  });

  it('refuses a moment before the referral, and accepts the referral moment itself', () => {
    expect(refuseSuitabilityAssessment(awaitingAssessment, offer('2026-03-02T08:59:59.999Z'), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Vurderingstidspunktet ligger før forløbet blev henvist (02.03.2026 kl. 10.00).',
    });
    expect(refuseSuitabilityAssessment(awaitingAssessment, offer(REFERRED_AT), NOW)).toBeUndefined();
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseSuitabilityAssessment(awaitingAssessment, offer(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseSuitabilityAssessment(awaitingAssessment, offer(justOutsideSkew), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Vurderingstidspunktet ligger i fremtiden.',
    });
  });
});

describe('decisions dated before the course’s latest recorded fact', () => {
  // The offer was made (and the signing step opened) on 2026-03-05T10:00Z.
  it('refuses an interruption dated before the offer it follows', () => {
    expect(refuseInterruption(awaitingSignature, interruption('2026-03-04T12:00:00.000Z'), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Afbrydelsestidspunktet ligger før forløbets seneste registrering (05.03.2026 kl. 11.00).',
    });
  });

  it('accepts an interruption at the very moment of the latest fact', () => {
    expect(refuseInterruption(awaitingSignature, interruption('2026-03-05T10:00:00.000Z'), NOW)).toBeUndefined();
  });

  it('does not count a step the system opened on its own clock (release preparation) as a stated fact', () => {
    const noticeSentNow = state('awaiting_agreement_signature', [
      suitabilityStep('completed'),
      signingStep,
      {
        stepId: 'prep',
        kind: 'release_preparation',
        status: 'open',
        openedAt: '2026-03-10T11:00:00.000Z',
        dueAt: '2026-03-20T23:00:00.000Z',
      },
    ]);
    expect(refuseInterruption(noticeSentNow, interruption('2026-03-06T12:00:00.000Z'), NOW)).toBeUndefined();
  });

  it('counts a completed step’s completion as a recorded fact', () => {
    const completedLate = state('awaiting_agreement_signature', [
      { ...suitabilityStep('completed'), completedAt: '2026-03-06T08:00:00.000Z' },
      { ...signingStep, openedAt: '2026-03-05T10:00:00.000Z' },
    ]);
    expect(refuseInterruption(completedLate, interruption('2026-03-05T12:00:00.000Z'), NOW)?.message).toBe(
      'Afbrydelsestidspunktet ligger før forløbets seneste registrering (06.03.2026 kl. 09.00).',
    );
  });
});

describe('refuseInterruption', () => {
  it('allows interrupting a course that is not final', () => {
    expect(refuseInterruption(awaitingAssessment, interruption('2026-03-09T10:00:00Z'), NOW)).toBeUndefined();
    expect(refuseInterruption(awaitingSignature, interruption('2026-03-09T10:00:00Z'), NOW)).toBeUndefined();
    expect(
      refuseInterruption(awaitingSignature, { ...interruption('2026-03-09T10:00:00Z'), by: 'kriminalforsorgen' }, NOW),
    ).toBeUndefined();
  });

  it.each([
    [rejected, 'Forløbet kan ikke afbrydes: det er afsluttet med afslag.'],
    [interruptedByInmate, 'Forløbet kan ikke afbrydes: det er afbrudt af den indsatte.'],
    [interruptedByKf, 'Forløbet kan ikke afbrydes: det er afbrudt af Kriminalforsorgen.'],
  ])('refuses as an illegal transition when the course is final (%#)', (current, message) => {
    expect(refuseInterruption(current, interruption('2026-03-09T10:00:00Z'), NOW)).toEqual({
      kind: 'illegal-transition',
      message,
    });
  });

  it('checks the transition before the data', () => {
    expect(refuseInterruption(rejected, interruption('not a date', ''), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Forløbet kan ikke afbrydes: det er afsluttet med afslag.',
    });
  });

  it.each(['', '  '])('refuses an interruption without a reason (%j)', (reason) => {
    expect(refuseInterruption(awaitingAssessment, interruption('2026-03-09T10:00:00Z', reason), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'En afbrydelse skal have en begrundelse.',
    });
  });

  it('refuses a moment that is not a timestamp', () => {
    expect(refuseInterruption(awaitingAssessment, interruption('2026-13-45T99:00:00Z'), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Afbrydelsestidspunktet er ikke et gyldigt tidspunkt.',
    });
  });

  it('refuses a moment before the referral', () => {
    expect(refuseInterruption(awaitingSignature, interruption('2026-03-01T12:00:00Z'), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Afbrydelsestidspunktet ligger før forløbet blev henvist (02.03.2026 kl. 10.00).',
    });
  });

  it('refuses a moment more than the clock skew in the future', () => {
    expect(refuseInterruption(awaitingAssessment, interruption(justInsideSkew), NOW)).toBeUndefined();
    expect(refuseInterruption(awaitingAssessment, interruption(justOutsideSkew), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Afbrydelsestidspunktet ligger i fremtiden.',
    });
  });
});

describe('reason codes of the course’s endings', () => {
  it('takes an interruption’s code of the list, with or without a note, and `other` only with one', () => {
    const at = '2026-03-09T10:00:00Z';
    expect(refuseInterruption(awaitingAssessment, { ...interruption(at, ''), reasonCode: 'new_crime' }, NOW)).toBe(
      undefined,
    );
    expect(refuseInterruption(awaitingAssessment, { ...interruption(at), reasonCode: 'other' }, NOW)).toBeUndefined();
    expect(refuseInterruption(awaitingAssessment, { ...interruption(at, ' '), reasonCode: 'other' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Når årsagen er »andet«, skal begrundelsen udfyldes.',
    });
    expect(
      refuseInterruption(awaitingAssessment, { ...interruption(at), reasonCode: 'parole_only' }, NOW)?.message,
    ).toMatch(/^Årsagen skal være »den indsatte ønsker ikke at fortsætte«, /);
  });

  it('takes a rejection’s code of its own list only', () => {
    const at = '2026-03-09T10:00:00Z';
    expect(
      refuseSuitabilityAssessment(
        awaitingAssessment,
        { outcome: 'rejection', decidedAt: at, reason: '', reasonCode: 'parole_only', actor },
        NOW,
      ),
    ).toBe(undefined);
    expect(
      refuseSuitabilityAssessment(
        awaitingAssessment,
        { outcome: 'rejection', decidedAt: at, reason: 'x', reasonCode: 'new_crime', actor },
        NOW,
      )?.kind,
    ).toBe('invalid-data');
  });

  describe('the police exit unit’s handover decision', () => {
    const handover = {
      ...state('awaiting_handover_decision', []),
      handover: { policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101', releasedAt: '2026-03-08T10:00:00Z' },
    };
    const decidedAt = '2026-03-09T10:00:00Z';

    it('refuses a decline of a course started outside prison (no prison to return it to), not its closure', () => {
      const moved = {
        ...handover,
        outsidePrison: { startedBy: 'police', startingUnitCode: 'POL-KBH', policeDistrictCode: 'POL-KBH' },
      } as const;
      expect(
        refuseHandoverDecision(
          moved,
          { decision: 'decline', reasonCode: 'other_district', reason: '', decidedAt, actor },
          NOW,
        ),
      ).toEqual({
        kind: 'illegal-transition',
        message:
          'Et forløb startet uden for fængslet kan ikke afvises: overtag det og vælg "afsluttet" med en begrundelse, hvis det ikke skal videreføres.',
      });
      expect(
        refuseHandoverDecision(
          moved,
          { decision: 'accept', continuation: 'closed', reasonCode: 'completed', decidedAt, actor },
          NOW,
        ),
      ).toBeUndefined();
    });

    it('takes a decline’s code and a closure’s code, each from its own list', () => {
      expect(
        refuseHandoverDecision(
          handover,
          { decision: 'decline', reasonCode: 'other_district', reason: '', decidedAt, actor },
          NOW,
        ),
      ).toBeUndefined();
      const closure = { decision: 'accept', continuation: 'closed', decidedAt, actor } as const;
      expect(refuseHandoverDecision(handover, { ...closure, reasonCode: 'completed' }, NOW)).toBeUndefined();
      expect(refuseHandoverDecision(handover, { ...closure, reasonCode: 'other_district' }, NOW)?.message).toMatch(
        /^Årsagen skal være »forløbet er gennemført«, /,
      );
      expect(
        refuseHandoverDecision(
          handover,
          { decision: 'decline', reasonCode: 'completed', reason: '', decidedAt, actor },
          NOW,
        )?.message,
      ).toMatch(/^Årsagen skal være »personen hører til en anden politikreds«, /);
    });

    it('keeps the messages of a decision without a code, and takes no code for a continued course', () => {
      expect(refuseHandoverDecision(handover, { decision: 'decline', reason: '', decidedAt, actor }, NOW)).toEqual({
        kind: 'invalid-data',
        message: 'Et afslag på overdragelsen skal have en begrundelse.',
      });
      expect(
        refuseHandoverDecision(handover, { decision: 'accept', continuation: 'closed', decidedAt, actor }, NOW)
          ?.message,
      ).toBe('Et afsluttet forløb skal have en begrundelse.');
      const continued = { decision: 'accept', continuation: 'with_municipality', decidedAt, actor } as const;
      expect(refuseHandoverDecision(handover, continued, NOW)).toBeUndefined();
      expect(refuseHandoverDecision(handover, { ...continued, reasonCode: 'completed' }, NOW)).toEqual({
        kind: 'invalid-data',
        message: 'Et videreført forløb har ingen årsag: lad årsagen være tom.',
      });
    });
  });
});

describe('refuseCourseStart', () => {
  // The institutions come from the database; the rule only asks whether the code is one.
  const isKnownInstitution = (code: string) => code !== 'KF-UKENDT';
  const facts = (overrides: Partial<CourseStartFacts> = {}): CourseStartFacts => ({
    personRef: 'P-7f3a9c',
    institutionCode: 'KF-NYBORG',
    expectedReleaseDate: '2027-06-30',
    referredAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  });
  const invalid = (message: string) => ({ kind: 'invalid-data', message });

  it('accepts well-formed, possible facts', () => {
    expect(refuseCourseStart(facts(), NOW, isKnownInstitution)).toBeUndefined();
  });

  it.each(['010190-1234', '0101901234', 'P-010190-1234', 'ref 0101901234 x'])(
    'refuses a person reference that looks like a CPR number (%j)',
    (personRef) => {
      expect(refuseCourseStart(facts({ personRef }), NOW, isKnownInstitution)).toEqual(
        invalid(
          'Personreferencen ligner et CPR-nummer. Brug den pseudonyme personreference, aldrig CPR-nummer eller navn.',
        ),
      );
    },
  );

  it.each([
    '12345678-1234-4234-8234-123456789012',
    '0a123456-7890-4123-9456-789012345678',
    'c0101901-2345-4e6f-8a9b-0101901234ab',
  ])('accepts a UUID person reference with long digit runs (%s)', (personRef) => {
    expect(refuseCourseStart(facts({ personRef }), NOW, isKnownInstitution)).toBeUndefined();
  });

  it('accepts person references with fewer than ten digits in a row', () => {
    expect(refuseCourseStart(facts({ personRef: 'P-010190-123' }), NOW, isKnownInstitution)).toBeUndefined();
    expect(refuseCourseStart(facts({ personRef: '01019-01234' }), NOW, isKnownInstitution)).toBeUndefined();
  });

  it('refuses an unknown institution', () => {
    expect(refuseCourseStart(facts({ institutionCode: 'KF-UKENDT' }), NOW, isKnownInstitution)).toEqual(
      invalid("Institutionen 'KF-UKENDT' kendes ikke."),
    );
  });

  it.each(['2027-02-30', '2027-13-01', '2027-6-30', '30-06-2027'])(
    'refuses the release date %j',
    (expectedReleaseDate) => {
      expect(refuseCourseStart(facts({ expectedReleaseDate }), NOW, isKnownInstitution)).toEqual(
        invalid(`Den forventede løsladelsesdato '${expectedReleaseDate}' er ikke en gyldig dato.`),
      );
    },
  );

  it('refuses a referral moment that is not a timestamp', () => {
    expect(refuseCourseStart(facts({ referredAt: 'sidste uge' }), NOW, isKnownInstitution)).toEqual(
      invalid('Henvisningstidspunktet er ikke et gyldigt tidspunkt.'),
    );
  });

  it('refuses a referral more than the clock skew in the future', () => {
    expect(refuseCourseStart(facts({ referredAt: justInsideSkew }), NOW, isKnownInstitution)).toBeUndefined();
    expect(refuseCourseStart(facts({ referredAt: justOutsideSkew }), NOW, isKnownInstitution)).toEqual(
      invalid('Henvisningstidspunktet ligger i fremtiden.'),
    );
  });

  it('refuses a release date before the Danish date of the referral, and accepts the same day', () => {
    // 2026-03-01T23:30Z is 2 March 00:30 in Copenhagen: a release on 1 March would be before it.
    const referredAt = '2026-03-01T23:30:00Z';
    expect(
      refuseCourseStart(facts({ referredAt, expectedReleaseDate: '2026-03-01' }), NOW, isKnownInstitution),
    ).toEqual(invalid('Den forventede løsladelsesdato ligger før henvisningen.'));
    expect(
      refuseCourseStart(facts({ referredAt, expectedReleaseDate: '2026-03-02' }), NOW, isKnownInstitution),
    ).toBeUndefined();
  });

  it('checks in order: person reference, institution, release date, referral moment', () => {
    const everythingWrong = facts({
      personRef: '0101901234',
      institutionCode: 'KF-UKENDT',
      expectedReleaseDate: 'bad',
      referredAt: 'bad',
    });
    expect(refuseCourseStart(everythingWrong, NOW, isKnownInstitution)?.message).toBe(
      'Personreferencen ligner et CPR-nummer. Brug den pseudonyme personreference, aldrig CPR-nummer eller navn.',
    );
    expect(refuseCourseStart({ ...everythingWrong, personRef: 'P-1' }, NOW, isKnownInstitution)?.message).toBe(
      "Institutionen 'KF-UKENDT' kendes ikke.",
    );
    expect(
      refuseCourseStart({ ...everythingWrong, personRef: 'P-1', institutionCode: 'KF-NYBORG' }, NOW, isKnownInstitution)
        ?.message,
    ).toBe("Den forventede løsladelsesdato 'bad' er ikke en gyldig dato.");
  });

  it('asks the institution check about the given code', () => {
    const asked: string[] = [];
    refuseCourseStart(facts({ institutionCode: 'KF-HERSTEDVESTER' }), NOW, (code) => {
      asked.push(code);
      return true;
    });
    expect(asked).toEqual(['KF-HERSTEDVESTER']);
  });
});

describe('joint suitability assessment of parole-linked courses', () => {
  const paroleLinked = (inputs: ExitCourseState['assessmentInputs']): ExitCourseState => ({
    ...awaitingAssessment,
    paroleLinked: true,
    assessmentInputs: inputs,
  });

  it('refuses an offer until Kriminalforsorgen, the police and the municipality have given input', () => {
    expect(
      refuseSuitabilityAssessment(paroleLinked(['kriminalforsorgen']), offer('2026-03-05T10:00:00.000Z'), NOW),
    ).toEqual({
      kind: 'illegal-transition',
      message:
        'Et tilbud i et forløb knyttet til prøveløsladelse kræver udtalelser fra Kriminalforsorgen, politiet og kommunen. Mangler: politiet, kommunen.',
    });
    expect(
      refuseSuitabilityAssessment(
        paroleLinked(['kriminalforsorgen', 'police', 'municipality']),
        offer('2026-03-05T10:00:00.000Z'),
        NOW,
      ),
    ).toBeUndefined();
  });

  it('allows a rejection without the joint input', () => {
    expect(
      refuseSuitabilityAssessment(paroleLinked([]), rejection('2026-03-05T10:00:00.000Z', 'Ikke motiveret'), NOW),
    ).toBeUndefined();
  });

  it('takes each party’s input once, while the assessment is open', () => {
    const input = (party: 'police' | 'municipality') => ({
      party,
      summary: 'Vurderet egnet.',
      recordedAt: '2026-03-04T10:00:00.000Z',
      actor,
    });
    expect(refuseAssessmentInput(paroleLinked(['police']), input('municipality'), NOW)).toBeUndefined();
    expect(refuseAssessmentInput(paroleLinked(['police']), input('police'), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Udtalelsen fra politiet er allerede registreret.',
    });
    expect(refuseAssessmentInput(awaitingSignature, input('police'), NOW)?.kind).toBe('illegal-transition');
  });
});

describe('refuseOutsidePrisonStart', () => {
  const NOW = new Date('2026-03-02T12:00:00.000Z');
  const facts = (overrides: Partial<OutsidePrisonStartFacts> = {}): OutsidePrisonStartFacts => ({
    personRef: 'P-2026-0042',
    referralSource: 'concern_letter',
    referredAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  });

  it.each(['police', 'municipality', 'self_referral', 'concern_letter'])('accepts the referral source %s', (source) => {
    expect(refuseOutsidePrisonStart(facts({ referralSource: source }), NOW)).toBeUndefined();
  });

  it('refuses Kriminalforsorgen as the referral of a course outside prison, naming the sources in Danish', () => {
    expect(refuseOutsidePrisonStart(facts({ referralSource: 'kriminalforsorgen' }), NOW)).toEqual({
      kind: 'invalid-data',
      message:
        'Henvisningen »Kriminalforsorgen« kan ikke starte et forløb uden for fængslet: vælg politiet, kommunen, selvhenvendelse, bekymringsbrev.',
    });
  });

  it('refuses a CPR number as person reference, and a referral in the future', () => {
    expect(refuseOutsidePrisonStart(facts({ personRef: '010190-1234' }), NOW)?.message).toBe(
      'Personreferencen ligner et CPR-nummer. Brug den pseudonyme personreference, aldrig CPR-nummer eller navn.',
    );
    expect(refuseOutsidePrisonStart(facts({ referredAt: '2026-03-03T12:00:00.000Z' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Henvisningstidspunktet ligger i fremtiden.',
    });
  });
});
