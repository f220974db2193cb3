import { refuseInterruption, refuseMentorContact } from './exit-course.rules';
import type { ExitCourseState, ExitCourseStatus, StepState } from './exit-course.types';
import {
  refusePoliceCourseEnd,
  refusePolicePlan,
  refusePoliceReview,
  refuseReoffendingCheck,
} from './police-phase.rules';
import type { PoliceCourseEndInput } from './police-phase.types';

const REFERRED_AT = '2026-01-05T09:00:00.000Z';
const STARTED_AT = '2026-05-04T10:00:00.000Z';
const NOW = new Date('2026-06-10T12:00:00.000Z');
const MOMENT = '2026-06-10T11:00:00.000Z';
const actor = { id: 'user-politi-kbh-exit' };

const step = (kind: StepState['kind'], status: StepState['status'] = 'open', openedAt = STARTED_AT): StepState => ({
  stepId: `step-${kind}`,
  kind,
  status,
  openedAt,
  dueAt: '2026-08-03T22:00:00.000Z',
});

function course(status: ExitCourseStatus, steps: StepState[]): ExitCourseState {
  return {
    caseId: 'case-1',
    status,
    referredAt: REFERRED_AT,
    steps,
    mentor: { contactCount: 3, contactMinutes: 180, mentorRef: 'MENTOR-0042', assignedAt: '2026-01-20T10:00:00.000Z' },
    psychologistCourse: 'ended',
    paroleLinked: false,
    assessmentInputs: [],
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2026-05-01',
    readiness: { housing: true, income: true, job_or_education_plan: true, mentor_continuity: true },
    handover: { policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101', releasedAt: '2026-05-01T08:00:00.000Z' },
    policePhase: { startedAt: STARTED_AT, policeDistrictCode: 'POL-KBH', via: 'handover' },
  };
}

const active = course('police_course_active', [step('police_plan'), step('mentor_contact'), step('police_review')]);
const end = (input: Partial<PoliceCourseEndInput>): PoliceCourseEndInput => ({
  outcome: 'completed',
  reasonCode: 'goals_reached',
  reason: '',
  endedAt: MOMENT,
  actor,
  ...input,
});

describe('the police plan', () => {
  it('is taken while its step is open', () => {
    expect(
      refusePolicePlan(
        active,
        { summary: 'Job og bolig.', runBy: 'police_with_municipality', recordedAt: MOMENT, actor },
        NOW,
      ),
    ).toBeUndefined();
  });

  it('is refused once recorded, outside the police phase, blank, or dated before the phase began', () => {
    const planned = course('police_course_active', [step('police_plan', 'completed'), step('police_review')]);
    const plan = { summary: 'Job og bolig.', runBy: 'police_with_municipality' as const, recordedAt: MOMENT, actor };
    expect(refusePolicePlan(planned, plan, NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Planen for forløbet er allerede registreret.',
    });
    expect(refusePolicePlan(course('awaiting_handover_decision', []), plan, NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Planen kan ikke registreres: forløbet løsladt og overdraget; afventer politiets exitenhed.',
    });
    expect(refusePolicePlan(active, { ...plan, summary: '  ' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Planen skal have et indhold.',
    });
    expect(refusePolicePlan(active, { ...plan, recordedAt: '2026-05-04T09:00:00.000Z' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Planens tidspunkt ligger før forløbets seneste registrering (04.05.2026 kl. 12.00).',
    });
    expect(refusePolicePlan(active, { ...plan, recordedAt: '2026-06-11T12:00:00.000Z' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Planens tidspunkt ligger i fremtiden.',
    });
  });
});

describe('the police review', () => {
  it('needs an open review step and a summary', () => {
    const review = { summary: 'Går efter planen.', reviewedAt: MOMENT, actor };
    expect(refusePoliceReview(active, review, NOW)).toBeUndefined();
    expect(refusePoliceReview(course('police_course_active', [step('police_plan')]), review, NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Opfølgningen kan ikke registreres: der er ingen åben opfølgning.',
    });
    expect(refusePoliceReview(active, { ...review, summary: '' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Opfølgningen skal have et indhold.',
    });
  });
});

describe('the end of the police phase', () => {
  it('takes an outcome with a reason code, and `other` with a note', () => {
    expect(refusePoliceCourseEnd(active, end({}), NOW)).toBeUndefined();
    expect(
      refusePoliceCourseEnd(active, end({ outcome: 'other', reasonCode: 'other', reason: 'Udrejst.' }), NOW),
    ).toBeUndefined();
    expect(refusePoliceCourseEnd(active, end({ reasonCode: 'other' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Når årsagen er »andet«, skal begrundelsen udfyldes.',
    });
    expect(refusePoliceCourseEnd(active, end({ reasonCode: undefined }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'En afslutning skal have en begrundelse.',
    });
  });

  it('refuses an end before the police phase began and one in the future', () => {
    expect(refusePoliceCourseEnd(active, end({ endedAt: '2026-05-01T10:00:00.000Z' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Afslutningstidspunktet ligger før forløbets seneste registrering (04.05.2026 kl. 12.00).',
    });
    expect(refusePoliceCourseEnd(active, end({ endedAt: '2026-06-10T12:30:00.000Z' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Afslutningstidspunktet ligger i fremtiden.',
    });
  });

  it('moves only to another district, named; a district is named only for a move', () => {
    const moved = { outcome: 'moved' as const, reasonCode: 'moved_away' };
    expect(
      refusePoliceCourseEnd(active, end({ ...moved, toPoliceDistrictCode: 'POL-NORDJYLLAND' }), NOW),
    ).toBeUndefined();
    expect(refusePoliceCourseEnd(active, end(moved), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Angiv den politikreds, personen er flyttet til.',
    });
    expect(refusePoliceCourseEnd(active, end({ ...moved, toPoliceDistrictCode: 'POL-KBH' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Forløbet køres allerede i den politikreds: vælg en anden.',
    });
    expect(refusePoliceCourseEnd(active, end({ toPoliceDistrictCode: 'POL-NORDJYLLAND' }), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Politikredsen angives kun, når personen er flyttet.',
    });
  });

  it('is refused once the course has ended', () => {
    expect(refusePoliceCourseEnd(course('police_course_ended', []), end({}), NOW)).toEqual({
      kind: 'illegal-transition',
      message:
        'Forløbet kan ikke afsluttes: forløbet afsluttet hos politiets exitenhed og afventer tilbagefaldskontrol.',
    });
  });
});

describe('the reoffending check', () => {
  const check = { reoffended: false, checkedAt: MOMENT, actor };

  it('is refused before its step is open, and in any other status', () => {
    expect(refuseReoffendingCheck(course('police_course_ended', []), check, NOW)).toEqual({
      kind: 'illegal-transition',
      message:
        'Tilbagefaldskontrollen kan ikke registreres endnu: den åbnes, når perioden efter forløbets afslutning er gået.',
    });
    expect(refuseReoffendingCheck(active, check, NOW)).toEqual({
      kind: 'illegal-transition',
      message: 'Tilbagefaldskontrollen kan ikke registreres: forløbet videreført hos politiets exitenhed.',
    });
  });

  it('is taken once open, not dated before it opened', () => {
    const open = course('police_course_ended', [step('reoffending_check', 'open', '2026-06-01T06:00:00.000Z')]);
    expect(refuseReoffendingCheck(open, { ...check, reoffended: true }, NOW)).toBeUndefined();
    expect(refuseReoffendingCheck(open, { ...check, checkedAt: '2026-06-01T05:00:00.000Z' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Kontrollens tidspunkt ligger før kontrollens åbning (01.06.2026 kl. 08.00).',
    });
  });
});

describe('mentor contacts across the release', () => {
  const contact = { contactAt: MOMENT, form: 'meeting' as const, durationMinutes: 45, actor };

  it('are the police’s or the municipality’s in the police phase, from its start', () => {
    expect(refuseMentorContact(active, { ...contact, organisation: 'police' }, NOW)).toBeUndefined();
    expect(refuseMentorContact(active, { ...contact, organisation: 'municipality' }, NOW)).toBeUndefined();
    expect(refuseMentorContact(active, { ...contact, organisation: 'kriminalforsorgen' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Mentorkontakten kan ikke registreres af Kriminalforsorgen: forløbet køres nu af politiets exitenhed.',
    });
    expect(
      refuseMentorContact(active, { ...contact, organisation: 'police', contactAt: '2026-05-03T10:00:00.000Z' }, NOW),
    ).toEqual({
      kind: 'invalid-data',
      message: 'Kontakttidspunktet ligger før forløbets start hos politiets exitenhed (04.05.2026 kl. 12.00).',
    });
  });

  it('are Kriminalforsorgen’s in prison', () => {
    const inPrison = { ...course('agreement_active', [step('mentor_contact')]), policePhase: undefined };
    expect(refuseMentorContact(inPrison, { ...contact, organisation: 'kriminalforsorgen' }, NOW)).toBeUndefined();
    expect(refuseMentorContact(inPrison, { ...contact, organisation: 'municipality' }, NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Mentorkontakten registreres af Kriminalforsorgen, så længe personen er i fængsel.',
    });
  });
});

describe('an ended police course', () => {
  it('cannot be interrupted: it waits for its reoffending check', () => {
    expect(
      refuseInterruption(
        course('police_course_ended', []),
        { by: 'kriminalforsorgen', reason: 'x', interruptedAt: MOMENT, actor },
        NOW,
      ),
    ).toEqual({
      kind: 'illegal-transition',
      message: 'Forløbet kan ikke afbrydes: det er afsluttet hos politiets exitenhed og afventer tilbagefaldskontrol.',
    });
  });
});
