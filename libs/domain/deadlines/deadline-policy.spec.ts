import {
  DEADLINE_POLICY,
  deadlinePolicyFromEnvironment,
  defaultDeadlinePolicy,
  type DeadlineDefinition,
  type DeadlineName,
} from './deadline-policy';

const definitions = Object.entries(DEADLINE_POLICY) as [DeadlineName, DeadlineDefinition][];

const EXPECTED_DEFAULTS = {
  suitabilityAssessment: { unit: 'calendar-days', days: 30 },
  agreementSigning: { unit: 'calendar-days', days: 14 },
  mentorAssignment: { unit: 'calendar-days', days: 14 },
  mentorContactCadence: { unit: 'calendar-days', days: 31 },
  releaseNotice: { unit: 'calendar-days', days: 30 },
  releaseReadiness: { unit: 'calendar-days', days: 7 },
  handoverReport: { unit: 'calendar-days', days: 14 },
  handoverDecision: { unit: 'calendar-days', days: 7 },
  policePlan: { unit: 'calendar-days', days: 30 },
  policeReview: { unit: 'calendar-days', days: 91 },
  reoffendingCheck: { unit: 'calendar-days', days: 365 },
  reoffendingCheckRecording: { unit: 'calendar-days', days: 14 },
  dksAssessment: { unit: 'elapsed-hours', hours: 24 },
  dksHomeVisitPlanning: { unit: 'calendar-days', days: 7 },
  dksFollowUpCheck: { unit: 'calendar-days', days: 14 },
  networkCouncilConvening: { unit: 'calendar-days', days: 7 },
  concernLetterDelivery: { unit: 'calendar-days', days: 28 },
  concernLetterParentsContact: { unit: 'calendar-days', days: 14 },
  concernLetterFollowUp: { unit: 'calendar-days', days: 56 },
  levelOneReview: { unit: 'calendar-days', days: 31 },
  adultHandover: { unit: 'calendar-days', days: 14 },
  accessRequestAnswer: { unit: 'calendar-months', months: 1 },
};

const EXPECTED_SETTINGS = {
  suitabilityAssessment: 'DEADLINE_SUITABILITY_ASSESSMENT_DAYS',
  agreementSigning: 'DEADLINE_AGREEMENT_SIGNING_DAYS',
  mentorAssignment: 'DEADLINE_MENTOR_ASSIGNMENT_DAYS',
  mentorContactCadence: 'DEADLINE_MENTOR_CONTACT_CADENCE_DAYS',
  releaseNotice: 'DEADLINE_RELEASE_NOTICE_DAYS',
  releaseReadiness: 'DEADLINE_RELEASE_READINESS_DAYS',
  handoverReport: 'DEADLINE_HANDOVER_REPORT_DAYS',
  handoverDecision: 'DEADLINE_HANDOVER_DECISION_DAYS',
  policePlan: 'DEADLINE_POLICE_PLAN_DAYS',
  policeReview: 'DEADLINE_POLICE_REVIEW_DAYS',
  reoffendingCheck: 'DEADLINE_REOFFENDING_CHECK_DAYS',
  reoffendingCheckRecording: 'DEADLINE_REOFFENDING_CHECK_RECORDING_DAYS',
  dksHomeVisitPlanning: 'DEADLINE_DKS_HOME_VISIT_PLANNING_DAYS',
  concernLetterDelivery: 'DEADLINE_CONCERN_LETTER_DELIVERY_DAYS',
  concernLetterParentsContact: 'DEADLINE_CONCERN_LETTER_PARENTS_CONTACT_DAYS',
  concernLetterFollowUp: 'DEADLINE_CONCERN_LETTER_FOLLOW_UP_DAYS',
  levelOneReview: 'DEADLINE_LEVEL_ONE_REVIEW_DAYS',
  adultHandover: 'DEADLINE_ADULT_HANDOVER_DAYS',
};

describe('DEADLINE_POLICY', () => {
  it.each(definitions)('%s has a non-empty label and source', (_name, definition) => {
    expect(definition.label.trim()).not.toBe('');
    expect(definition.source.trim()).not.toBe('');
  });

  it.each(definitions)("%s has a setting exactly when its basis is 'default'", (_name, definition) => {
    if (definition.basis === 'default') {
      expect(definition.setting).toMatch(/^DEADLINE_[A-Z_]+_DAYS$/);
      expect(definition.rule.unit).toBe('calendar-days');
    } else {
      expect(definition.basis).toBe('fixed');
      expect(definition).not.toHaveProperty('setting');
    }
  });

  it('names the configurable defaults and their variables, each variable once', () => {
    const settings = Object.fromEntries(
      definitions.filter(([, d]) => d.basis === 'default').map(([name, d]) => [name, d.setting]),
    );
    expect(settings).toEqual(EXPECTED_SETTINGS);
  });

  it('fixes the deadlines set by the sources: 24 h DKS assessment, 14-day follow-up, 7-day network council', () => {
    const fixed = definitions.filter(([, d]) => d.basis === 'fixed').map(([name]) => name);
    expect(fixed.sort()).toEqual([
      'accessRequestAnswer',
      'dksAssessment',
      'dksFollowUpCheck',
      'networkCouncilConvening',
    ]);
    expect(DEADLINE_POLICY.accessRequestAnswer.rule).toEqual({ unit: 'calendar-months', months: 1 });
    expect(DEADLINE_POLICY.dksAssessment.source).toContain('002_d1b2805bd8bef008.txt');
    expect(DEADLINE_POLICY.dksFollowUpCheck.source).toContain('002_d1b2805bd8bef008.txt');
    expect(DEADLINE_POLICY.networkCouncilConvening.source).toContain('003_6c7327a7c185bb1e.txt');
  });

  it.each(definitions)(
    '%s may wait exactly when it is a default, and names its legal source when fixed',
    (_name, d) => {
      expect(d.movable).toBe(d.basis === 'default');
      if (d.basis === 'fixed')
        expect(d.legalSource).toMatch(/\(00\d_[0-9a-f]{16}\.txt\)$|^databeskyttelsesforordningens art\. 12, stk\. 3$/);
      else expect(d).not.toHaveProperty('legalSource');
    },
  );

  it('is frozen', () => {
    expect(Object.isFrozen(DEADLINE_POLICY)).toBe(true);
  });
});

describe('defaultDeadlinePolicy', () => {
  it('holds every rule of the policy', () => {
    expect(defaultDeadlinePolicy()).toEqual(EXPECTED_DEFAULTS);
  });

  it('returns copies: changing a snapshot changes neither the policy nor the next snapshot', () => {
    const snapshot = defaultDeadlinePolicy();
    snapshot.handoverDecision = { unit: 'calendar-days', days: 99 };
    (snapshot.agreementSigning as { days: number }).days = 99;
    expect(DEADLINE_POLICY.handoverDecision.rule).toEqual({ unit: 'calendar-days', days: 7 });
    expect(DEADLINE_POLICY.agreementSigning.rule).toEqual({ unit: 'calendar-days', days: 14 });
    expect(defaultDeadlinePolicy()).toEqual(EXPECTED_DEFAULTS);
  });
});

describe('deadlinePolicyFromEnvironment', () => {
  it('is the default policy when nothing is set, or a variable is empty', () => {
    expect(deadlinePolicyFromEnvironment({})).toEqual(EXPECTED_DEFAULTS);
    expect(deadlinePolicyFromEnvironment({ DEADLINE_HANDOVER_DECISION_DAYS: '' })).toEqual(EXPECTED_DEFAULTS);
  });

  it('overrides only the configurable deadline whose variable is set', () => {
    expect(deadlinePolicyFromEnvironment({ DEADLINE_HANDOVER_DECISION_DAYS: '10' })).toEqual({
      ...EXPECTED_DEFAULTS,
      handoverDecision: { unit: 'calendar-days', days: 10 },
    });
  });

  it('overrides every configurable deadline, accepting the bounds 1 and 365', () => {
    expect(
      deadlinePolicyFromEnvironment({
        DEADLINE_SUITABILITY_ASSESSMENT_DAYS: '1',
        DEADLINE_AGREEMENT_SIGNING_DAYS: '365',
        DEADLINE_MENTOR_ASSIGNMENT_DAYS: '21',
        DEADLINE_MENTOR_CONTACT_CADENCE_DAYS: '28',
        DEADLINE_RELEASE_NOTICE_DAYS: '60',
        DEADLINE_RELEASE_READINESS_DAYS: '10',
        DEADLINE_HANDOVER_REPORT_DAYS: '21',
        DEADLINE_HANDOVER_DECISION_DAYS: '3',
        DEADLINE_POLICE_PLAN_DAYS: '45',
        DEADLINE_POLICE_REVIEW_DAYS: '61',
        DEADLINE_REOFFENDING_CHECK_DAYS: '182',
        DEADLINE_REOFFENDING_CHECK_RECORDING_DAYS: '7',
      }),
    ).toEqual({
      ...EXPECTED_DEFAULTS,
      suitabilityAssessment: { unit: 'calendar-days', days: 1 },
      agreementSigning: { unit: 'calendar-days', days: 365 },
      mentorAssignment: { unit: 'calendar-days', days: 21 },
      mentorContactCadence: { unit: 'calendar-days', days: 28 },
      releaseNotice: { unit: 'calendar-days', days: 60 },
      releaseReadiness: { unit: 'calendar-days', days: 10 },
      handoverReport: { unit: 'calendar-days', days: 21 },
      handoverDecision: { unit: 'calendar-days', days: 3 },
      policePlan: { unit: 'calendar-days', days: 45 },
      policeReview: { unit: 'calendar-days', days: 61 },
      reoffendingCheck: { unit: 'calendar-days', days: 182 },
      reoffendingCheckRecording: { unit: 'calendar-days', days: 7 },
    });
  });

  it.each(['0', '366', '1.5', 'abc', '-1', '1e2', '7 days'])('refuses %j with a message naming the variable', (raw) => {
    expect(() => deadlinePolicyFromEnvironment({ DEADLINE_MENTOR_ASSIGNMENT_DAYS: raw })).toThrow(
      new Error(`DEADLINE_MENTOR_ASSIGNMENT_DAYS must be a whole number of days from 1 to 365, got '${raw}'.`),
    );
  });

  it('ignores the environment for fixed deadlines', () => {
    const env = {
      DEADLINE_DKS_ASSESSMENT_HOURS: '48',
      DEADLINE_DKS_ASSESSMENT_DAYS: '2',
      DEADLINE_DKS_FOLLOW_UP_CHECK_DAYS: '30',
      DEADLINE_NETWORK_COUNCIL_CONVENING_DAYS: '1',
    };
    expect(deadlinePolicyFromEnvironment(env)).toEqual(EXPECTED_DEFAULTS);
  });

  it('does not change the default policy', () => {
    deadlinePolicyFromEnvironment({ DEADLINE_RELEASE_NOTICE_DAYS: '45' });
    expect(defaultDeadlinePolicy().releaseNotice).toEqual({ unit: 'calendar-days', days: 30 });
    expect(DEADLINE_POLICY.releaseNotice.rule).toEqual({ unit: 'calendar-days', days: 30 });
  });
});
