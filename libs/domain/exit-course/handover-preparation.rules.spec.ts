import { refuseHandoverDecision } from './exit-course.rules';
import type { ExitCourseState } from './exit-course.types';
import { awaitingExitUnit, refuseHandoverReport, refuseHandoverView } from './handover-preparation.rules';
import type { HandoverReportInput, HandoverViewInput } from './handover-preparation.types';

const NOW = new Date('2026-06-10T12:00:00.000Z');
const NOTICE = '2026-06-01T08:00:00.000Z';
const actor = { id: 'user-1' };

function preparing(changes: Partial<ExitCourseState> = {}): ExitCourseState {
  return {
    caseId: 'case-1',
    status: 'agreement_active',
    referredAt: '2026-03-02T09:00:00.000Z',
    steps: [],
    mentor: { contactCount: 2, contactMinutes: 90, mentorRef: 'MENTOR-0042', assignedAt: '2026-04-01T10:00:00.000Z' },
    psychologistCourse: 'ongoing',
    paroleLinked: false,
    assessmentInputs: [],
    institutionCode: 'KF-STORSTROEM',
    releasePlan: { municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' },
    expectedReleaseDate: '2026-07-01',
    readiness: { housing: true, income: false, job_or_education_plan: false, mentor_continuity: true },
    releaseNoticeSentAt: NOTICE,
    handoverPreparation: {},
    ...changes,
  };
}

const report = (changes: Partial<HandoverReportInput> = {}): HandoverReportInput => ({
  plan: 'sealed',
  planStatus: 'partly',
  readinessOwners: [
    { item: 'housing', owner: 'municipality' },
    { item: 'income', owner: 'municipality' },
    { item: 'job_or_education_plan', owner: 'person' },
    { item: 'mentor_continuity', owner: 'police' },
  ],
  riskAssessment: 'sealed',
  extendedAddressProtection: true,
  contactName: 'Kontaktperson',
  contactPhone: '72 55 00 00',
  submittedAt: '2026-06-10T11:00:00.000Z',
  actor,
  ...changes,
});

const view = (changes: Partial<HandoverViewInput> = {}): HandoverViewInput => ({
  party: 'municipality',
  recommendation: 'continue',
  view: 'sealed',
  recordedAt: '2026-06-10T11:00:00.000Z',
  actor,
  ...changes,
});

const decidedBefore = {
  handoverPreparation: {
    decidedBeforeRelease: {
      policeDistrictCode: 'POL-KBH',
      decision: 'accept' as const,
      continuation: 'with_municipality' as const,
      decidedAt: '2026-06-05T08:00:00.000Z',
    },
  },
};

describe('the handover report', () => {
  it('is taken from the release notice until the release', () => {
    expect(refuseHandoverReport(preparing(), report(), NOW)).toBeUndefined();
  });

  it('is refused before the notice and after the release', () => {
    const message = 'Overdragelsesrapporten kan først skrives, når løsladelsen er varslet, og kun indtil løsladelsen.';
    expect(refuseHandoverReport(preparing({ releaseNoticeSentAt: undefined }), report(), NOW)).toEqual({
      kind: 'illegal-transition',
      message,
    });
    expect(refuseHandoverReport(preparing({ status: 'awaiting_handover_decision' }), report(), NOW)).toEqual({
      kind: 'illegal-transition',
      message,
    });
  });

  it('names an owner for every readiness item, once', () => {
    const owners = report().readinessOwners;
    expect(refuseHandoverReport(preparing(), report({ readinessOwners: owners.slice(1) }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Ansvarlig skal angives én gang for hvert punkt på tjeklisten. Mangler: bolig.',
    });
    expect(refuseHandoverReport(preparing(), report({ readinessOwners: [...owners, owners[0]] }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Ansvarlig skal angives én gang for hvert punkt på tjeklisten. Mangler: ingen.',
    });
  });

  it('holds parole conditions exactly for a parole-linked course', () => {
    expect(refuseHandoverReport(preparing({ paroleLinked: true }), report(), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Vilkår for prøveløsladelse skal udfyldes: forløbet er knyttet til prøveløsladelse.',
    });
    expect(
      refuseHandoverReport(preparing({ paroleLinked: true }), report({ paroleConditions: 'sealed' }), NOW),
    ).toBeUndefined();
    expect(refuseHandoverReport(preparing(), report({ paroleConditions: 'sealed' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Vilkår for prøveløsladelse skal være tomt: forløbet er ikke knyttet til prøveløsladelse.',
    });
  });

  it('is not dated before the release notice', () => {
    expect(refuseHandoverReport(preparing(), report({ submittedAt: '2026-05-31T08:00:00.000Z' }), NOW)?.kind).toBe(
      'invalid-data',
    );
  });
});

describe('a view on the exit unit’s decision', () => {
  it('is taken from the notice until the exit unit decides, before or after the release', () => {
    expect(refuseHandoverView(preparing(), view(), NOW)).toBeUndefined();
    expect(
      refuseHandoverView(
        preparing({ status: 'awaiting_handover_decision' }),
        view({ party: 'kriminalforsorgen' }),
        NOW,
      ),
    ).toBeUndefined();
    expect(awaitingExitUnit(preparing(decidedBefore))).toBe(false);
  });

  it('is refused before the notice and once the exit unit has decided', () => {
    expect(refuseHandoverView(preparing({ releaseNoticeSentAt: undefined }), view(), NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Udtalelsen kan først gives, når løsladelsen er varslet.',
    });
    const decided = 'Udtalelsen kan ikke gives: politiets exitenhed har truffet sin afgørelse om overdragelsen.';
    expect(refuseHandoverView(preparing(decidedBefore), view(), NOW)).toEqual({
      kind: 'illegal-transition',
      message: decided,
    });
    expect(refuseHandoverView(preparing({ status: 'police_course_active' }), view(), NOW)).toEqual({
      kind: 'illegal-transition',
      message: decided,
    });
  });
});

describe('the exit unit’s decision before the release', () => {
  const accept = {
    decision: 'accept' as const,
    continuation: 'with_municipality' as const,
    decidedAt: '2026-06-10T11:00:00.000Z',
    actor,
  };

  it('is taken from the release notice, once', () => {
    expect(refuseHandoverDecision(preparing(), accept, NOW)).toBeUndefined();
    expect(refuseHandoverDecision(preparing(decidedBefore), accept, NOW)).toEqual({
      kind: 'illegal-transition',
      message:
        'Overdragelsen er allerede afgjort før løsladelsen. Efter et afslag ændrer Kriminalforsorgen løsladelsesplanens politikreds; ellers afgøres den igen ved løsladelsen.',
    });
  });

  it('is refused before the notice', () => {
    expect(refuseHandoverDecision(preparing({ releaseNoticeSentAt: undefined }), accept, NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Overdragelsen kan ikke afgøres: forløbet exit-aftale indgået.',
    });
  });
});
