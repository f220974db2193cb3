import {
  dataProtectionScopeCondition,
  permissionsOf,
  SqlParameters,
  visibleCaseCondition,
} from '../../access/access-policy';
import { type Permission } from '../organisations/permissions';
import { DEADLINE_POLICY } from '../deadlines/deadline-policy';
import { computeDueAt } from '../deadlines/deadline-rule';
import { ROLE_ORGANISATIONS } from '../organisations/roles';
import { danishUtcOffsetMs, formatDanishDateTime } from '../time/copenhagen-calendar';
import { CASE_TYPES, type CaseType } from './case-transition';
import {
  CASE_RESOURCES,
  CASE_TYPE_LABELS,
  isStepKind,
  STEP_KIND_NAMES,
  STEP_KINDS,
  stepLabel,
  warningAt,
  type StepKind,
  type StepKindDefinition,
} from './step-kinds';

const kinds = Object.entries(STEP_KINDS) as [StepKind, StepKindDefinition][];
const HOUR = 3_600_000;

/** Each step kind, the case type it belongs to, and the permission of the decision that completes it. */
const EXPECTED: Record<StepKind, { caseType: CaseType; decidedWith: Permission; warningHours: number }> = {
  suitability_assessment: { caseType: 'exit_course', decidedWith: 'exit-course:decide', warningHours: 168 },
  agreement_signing: { caseType: 'exit_course', decidedWith: 'exit-course:decide', warningHours: 72 },
  mentor_assignment: { caseType: 'exit_course', decidedWith: 'exit-course:decide', warningHours: 72 },
  mentor_contact: { caseType: 'exit_course', decidedWith: 'mentor-contact:log', warningHours: 168 },
  release_preparation: { caseType: 'exit_course', decidedWith: 'exit-course:decide', warningHours: 168 },
  handover_report: { caseType: 'exit_course', decidedWith: 'exit-course:decide', warningHours: 72 },
  handover_decision: { caseType: 'exit_course', decidedWith: 'handover:decide', warningHours: 48 },
  handover_redirect: { caseType: 'exit_course', decidedWith: 'exit-course:decide', warningHours: 48 },
  police_plan: { caseType: 'exit_course', decidedWith: 'handover:decide', warningHours: 168 },
  police_review: { caseType: 'exit_course', decidedWith: 'handover:decide', warningHours: 336 },
  reoffending_check: { caseType: 'exit_course', decidedWith: 'handover:decide', warningHours: 72 },
  dks_assessment: { caseType: 'dks_assessment', decidedWith: 'dks:decide', warningHours: 6 },
  home_visit_planning: { caseType: 'dks_assessment', decidedWith: 'dks:decide', warningHours: 48 },
  home_visit: { caseType: 'dks_assessment', decidedWith: 'dks:decide', warningHours: 24 },
  follow_up_check: { caseType: 'dks_assessment', decidedWith: 'dks:decide', warningHours: 72 },
  network_council_convening: { caseType: 'network_council', decidedWith: 'council:decide', warningHours: 48 },
  committee_decision: { caseType: 'concern_letter', decidedWith: 'concern-letter:decide', warningHours: 168 },
  letter_delivery: { caseType: 'concern_letter', decidedWith: 'concern-letter:deliver', warningHours: 168 },
  parents_contact: { caseType: 'concern_letter', decidedWith: 'concern-letter:deliver', warningHours: 72 },
  concern_letter_follow_up: { caseType: 'concern_letter', decidedWith: 'concern-letter:deliver', warningHours: 168 },
  level_one_review: { caseType: 'dks_assessment', decidedWith: 'case-level:set', warningHours: 168 },
  adult_handover: { caseType: 'dks_assessment', decidedWith: 'dks:decide', warningHours: 72 },
  council_initiative_follow_up: { caseType: 'network_council', decidedWith: 'council:follow-up', warningHours: 72 },
  access_request_answer: { caseType: 'access_request', decidedWith: 'access-request:handle', warningHours: 168 },
};

/** The step kinds whose label is the deadline's own, from the deadline policy. */
const DEADLINE_OF_KIND = {
  suitability_assessment: 'suitabilityAssessment',
  agreement_signing: 'agreementSigning',
  mentor_assignment: 'mentorAssignment',
  mentor_contact: 'mentorContactCadence',
  release_preparation: 'releaseReadiness',
  handover_report: 'handoverReport',
  handover_decision: 'handoverDecision',
  police_plan: 'policePlan',
  police_review: 'policeReview',
  reoffending_check: 'reoffendingCheckRecording',
  dks_assessment: 'dksAssessment',
  home_visit_planning: 'dksHomeVisitPlanning',
  follow_up_check: 'dksFollowUpCheck',
  network_council_convening: 'networkCouncilConvening',
  letter_delivery: 'concernLetterDelivery',
  parents_contact: 'concernLetterParentsContact',
  concern_letter_follow_up: 'concernLetterFollowUp',
  level_one_review: 'levelOneReview',
  adult_handover: 'adultHandover',
  access_request_answer: 'accessRequestAnswer',
} as const;

describe('STEP_KINDS', () => {
  it('holds exactly the step kinds of the three case types', () => {
    expect([...STEP_KIND_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(kinds)('%s has a non-empty label', (_kind, definition) => {
    expect(definition.label.trim()).not.toBe('');
  });

  it('gives every kind a label of its own', () => {
    const labels = kinds.map(([, definition]) => definition.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each(Object.entries(DEADLINE_OF_KIND))('%s is labelled as its deadline %s in the policy', (kind, deadline) => {
    expect(STEP_KINDS[kind as StepKind].label).toBe(DEADLINE_POLICY[deadline].label);
  });

  it('labels the two steps no deadline policy names', () => {
    expect(STEP_KINDS.handover_redirect.label).toBe('Ny overdragelse efter afvisning');
    expect(STEP_KINDS.home_visit.label).toBe('Hjemmebesøg (planlagt tidspunkt)');
  });

  it.each(kinds)('%s belongs to its case type', (kind, definition) => {
    expect(definition.caseType).toBe(EXPECTED[kind].caseType);
  });

  it.each(kinds)('%s waits for a role that holds the permission to decide it', (kind, { responsibleRole }) => {
    expect(permissionsOf(responsibleRole)).toContain(EXPECTED[kind].decidedWith);
  });

  it.each(kinds)('%s waits for a role that works with cases of its type', (_kind, { responsibleRole, caseType }) => {
    const params = new SqlParameters();
    const user: Parameters<typeof visibleCaseCondition>[0] = {
      id: 'user-1',
      username: 'test',
      displayName: 'Test',
      role: responsibleRole,
      organisation: ROLE_ORGANISATIONS[responsibleRole][0],
      units: ['UNIT-1'],
    };
    // The data-protection officer works with its requests through its own routes, in its own scope.
    if (responsibleRole === 'data_protection_officer') {
      expect(caseType).toBe('access_request');
      expect(dataProtectionScopeCondition(user, 'c', params)).not.toBe('FALSE');
      return;
    }
    expect(visibleCaseCondition(user, 'c', params)).not.toBe('FALSE');
    expect(params.values).toContainEqual(expect.arrayContaining([caseType]));
  });

  it('names whose turn each step is: the case’s unit, but the receiving district for the handover decision', () => {
    const responsible = Object.fromEntries(
      kinds.map(([kind, definition]) => [kind, [definition.responsibleRole, definition.responsibleUnit]]),
    );
    expect(responsible).toEqual({
      suitability_assessment: ['kf_caseworker', 'case_unit'],
      agreement_signing: ['kf_caseworker', 'case_unit'],
      mentor_assignment: ['kf_caseworker', 'case_unit'],
      mentor_contact: ['kf_caseworker', 'course_runner'],
      release_preparation: ['kf_caseworker', 'case_unit'],
      handover_report: ['kf_caseworker', 'case_unit'],
      handover_decision: ['police_exit_officer', 'handover_district'],
      handover_redirect: ['kf_caseworker', 'case_unit'],
      police_plan: ['police_exit_officer', 'course_runner'],
      police_review: ['police_exit_officer', 'course_runner'],
      reoffending_check: ['police_exit_officer', 'course_runner'],
      dks_assessment: ['dks_officer', 'case_unit'],
      home_visit_planning: ['dks_officer', 'case_unit'],
      home_visit: ['dks_officer', 'case_unit'],
      follow_up_check: ['dks_officer', 'case_unit'],
      network_council_convening: ['municipality_caseworker', 'case_unit'],
      committee_decision: ['concern_committee_member', 'case_unit'],
      letter_delivery: ['police_exit_officer', 'case_unit'],
      parents_contact: ['police_exit_officer', 'case_unit'],
      concern_letter_follow_up: ['police_exit_officer', 'case_unit'],
      level_one_review: ['dks_officer', 'case_unit'],
      adult_handover: ['dks_officer', 'case_unit'],
      council_initiative_follow_up: ['municipality_caseworker', 'step_unit'],
      access_request_answer: ['data_protection_officer', 'case_unit'],
    });
  });

  it('gives the youth cases’ shared steps on a network council to the municipality’s caseworker', () => {
    expect(STEP_KINDS.level_one_review.alsoOn).toEqual({ network_council: 'municipality_caseworker' });
    expect(STEP_KINDS.adult_handover.alsoOn).toEqual({ network_council: 'municipality_caseworker' });
    expect(permissionsOf('municipality_caseworker')).toEqual(
      expect.arrayContaining(['case-level:set', 'council:decide']),
    );
  });

  it('gives a handover-district step to a role the police hold', () => {
    for (const [, definition] of kinds.filter(([, d]) => d.responsibleUnit === 'handover_district')) {
      expect(ROLE_ORGANISATIONS[definition.responsibleRole]).toEqual(['politi']);
    }
  });

  it.each(kinds)('%s warns the hours before its deadline that workflows arm their timers with', (kind, definition) => {
    expect(definition.warningHours).toBe(EXPECTED[kind].warningHours);
  });

  it('warns each step before its deadline could pass unnoticed: a warning window shorter than the deadline', () => {
    expect(STEP_KINDS.dks_assessment.warningHours).toBeLessThan(24);
    expect(STEP_KINDS.network_council_convening.warningHours).toBeLessThan(7 * 24);
    expect(STEP_KINDS.follow_up_check.warningHours).toBeLessThan(14 * 24);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(STEP_KINDS)).toBe(true);
  });
});

describe('isStepKind', () => {
  it.each(STEP_KIND_NAMES)('knows %s', (kind) => {
    expect(isStepKind(kind)).toBe(true);
  });

  it.each(['', 'concern_letter', 'DKS_ASSESSMENT', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'does not take %j (nor anything inherited by objects) for a step kind',
    (kind) => {
      expect(isStepKind(kind)).toBe(false);
    },
  );
});

describe('stepLabel', () => {
  it.each(kinds)('shows %s by its label', (kind, definition) => {
    expect(stepLabel(kind)).toBe(definition.label);
  });

  it.each(['concern_letter', 'toString', ''])(
    'shows an unknown kind (e.g. from a newer version) by its code: %j',
    (kind) => {
      expect(stepLabel(kind)).toBe(kind);
    },
  );
});

describe('warningAt — elapsed hours before the deadline, as the deadline is an instant', () => {
  it.each(kinds)('warns %s exactly its warning hours before the deadline', (kind, definition) => {
    const dueAt = '2026-06-15T10:00:00.000Z';
    expect(Date.parse(dueAt) - Date.parse(warningAt(kind, dueAt))).toBe(definition.warningHours * HOUR);
  });

  it('warns a 24-hour DKS assessment 6 hours before its deadline', () => {
    const chargedAt = new Date('2026-01-12T09:15:00.000Z');
    const dueAt = computeDueAt(DEADLINE_POLICY.dksAssessment.rule, chargedAt).toISOString();
    expect(dueAt).toBe('2026-01-13T09:15:00.000Z');
    expect(warningAt('dks_assessment', dueAt)).toBe('2026-01-13T03:15:00.000Z');
  });

  it('warns a DKS assessment 6 elapsed hours before across the spring-forward night (7 on the wall clock)', () => {
    // Charged Saturday 28 March 05:00 CET; due 24 real hours later, Sunday 29 March 06:00 CEST.
    const dueAt = computeDueAt(DEADLINE_POLICY.dksAssessment.rule, new Date('2026-03-28T04:00:00.000Z'));
    expect(dueAt.toISOString()).toBe('2026-03-29T04:00:00.000Z');
    const warning = warningAt('dks_assessment', dueAt.toISOString());
    expect(warning).toBe('2026-03-28T22:00:00.000Z');
    expect(formatDanishDateTime(new Date(warning))).toBe('28.03.2026 kl. 23.00');
    expect(formatDanishDateTime(dueAt)).toBe('29.03.2026 kl. 06.00');
    expect([danishUtcOffsetMs(new Date(warning)), danishUtcOffsetMs(dueAt)]).toEqual([HOUR, 2 * HOUR]);
  });

  it('warns a DKS assessment 6 elapsed hours before across the fall-back night (5 on the wall clock)', () => {
    const dueAt = '2026-10-25T05:00:00.000Z'; // Sunday 25 October 06:00 CET
    const warning = warningAt('dks_assessment', dueAt);
    expect(warning).toBe('2026-10-24T23:00:00.000Z');
    expect(formatDanishDateTime(new Date(warning))).toBe('25.10.2026 kl. 01.00');
    expect(formatDanishDateTime(new Date(dueAt))).toBe('25.10.2026 kl. 06.00');
  });

  it('counts a calendar-day deadline’s warning in elapsed hours too: 72 h before, not 3 days to local midnight', () => {
    // Home visit on 16 March: follow-up due at the end of 30 March (CEST); the warning falls in CET.
    const dueAt = computeDueAt(DEADLINE_POLICY.dksFollowUpCheck.rule, new Date('2026-03-16T10:00:00.000Z'));
    expect(formatDanishDateTime(dueAt)).toBe('30.03.2026 kl. 24.00');
    const warning = warningAt('follow_up_check', dueAt.toISOString());
    expect(warning).toBe('2026-03-27T22:00:00.000Z');
    expect(formatDanishDateTime(new Date(warning))).toBe('27.03.2026 kl. 23.00');
  });

  it('reads a deadline given with an offset as the same instant', () => {
    expect(warningAt('dks_assessment', '2026-03-29T06:00:00+02:00')).toBe('2026-03-28T22:00:00.000Z');
  });

  it.each(['concern_letter', 'toString'])('warns an unknown kind (%j) at its deadline itself', (kind) => {
    expect(warningAt(kind, '2026-03-10T12:00:00Z')).toBe('2026-03-10T12:00:00.000Z');
  });
});

describe('case types', () => {
  it('gives every case type an API resource and a label', () => {
    expect(CASE_RESOURCES).toEqual({
      exit_course: 'exit-courses',
      dks_assessment: 'dks-cases',
      network_council: 'network-councils',
      concern_letter: 'concern-letters',
      access_request: 'access-requests',
    });
    expect(CASE_TYPE_LABELS).toEqual({
      exit_course: 'Exit-forløb',
      dks_assessment: 'DKS-sag',
      network_council: 'Netværkssamråd',
      concern_letter: 'Bekymringsbrev',
      access_request: 'Indsigtsanmodning',
    });
    expect(Object.keys(CASE_RESOURCES).sort()).toEqual([...CASE_TYPES].sort());
  });

  it.each(CASE_TYPES)('%s has at least one step kind', (caseType) => {
    expect(kinds.some(([, definition]) => definition.caseType === caseType)).toBe(true);
  });
});
