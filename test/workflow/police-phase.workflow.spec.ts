import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import type { StartExitCourseInput } from '../../libs/domain/exit-course/exit-course.types';
import { addCalendarDays, danishDateOf, startOfDanishDay } from '../../libs/domain/time/copenhagen-calendar';
import {
  assignMentorUpdate,
  decideHandoverUpdate,
  endPoliceCourseUpdate,
  logMentorContactUpdate,
  readModelSyncedUpdate,
  recordAgreementSignedUpdate,
  recordPolicePlanUpdate,
  recordPoliceReviewUpdate,
  recordReleaseUpdate,
  recordReoffendingCheckUpdate,
  recordSuitabilityAssessmentUpdate,
  setReleasePlanUpdate,
} from '../../workflows/exit-course/exit-course.messages';
import { EXIT_COURSE_WORKFLOW_ID_PREFIX, exitCourseWorkflow } from '../../workflows/exit-course/exit-course.workflow';
import { CASEWORKER, DAY_MS, exitCourseInput } from '../support/exit-course-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

/**
 * The whole course (DOMAIN.md §1, §5): referral, agreement, release, the handover accepted by the police
 * exit unit, and the police phase — its plan, contacts by the police's and the municipality's mentors, its
 * reviews every three months, its outcome — to the reoffending check twelve months after the end.
 */
const harness = useWorkflowTestHarness('police-phase-workflow-test', 'exit-course');
const { now, recordHistory } = harness;

const POLICE = { id: 'user-politi-kbh-exit' };
const MUNICIPALITY = { id: 'user-kommune-kbh' };
const NORDJYLLAND = { id: 'user-politi-nordjylland-exit' };
const DAY = { unit: 'calendar-days' } as const;

const start = (input: StartExitCourseInput) =>
  harness.startSynced(
    exitCourseWorkflow,
    `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    readModelSyncedUpdate,
    input,
  );

const iso = async () => (await now()).toISOString();

/** Referred, offered, signed, a mentor and a contact in prison, released and accepted with the municipality. */
async function acceptedCourse(overrides: Partial<StartExitCourseInput> = {}) {
  const referredAt = await now();
  const input = exitCourseInput(referredAt, overrides);
  const handle = await start(input);
  await harness.env.sleep(6 * DAY_MS);
  const at = (days: number) => new Date(referredAt.getTime() + days * DAY_MS).toISOString();
  await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
    args: [{ outcome: 'offer', decidedAt: at(1), actor: CASEWORKER }],
  });
  await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: at(2), actor: CASEWORKER }] });
  await handle.executeUpdate(assignMentorUpdate, {
    args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(3), actor: CASEWORKER }],
  });
  await handle.executeUpdate(logMentorContactUpdate, {
    args: [
      {
        contactAt: at(3.5),
        form: 'meeting',
        durationMinutes: 60,
        organisation: 'kriminalforsorgen',
        actor: CASEWORKER,
      },
    ],
  });
  await handle.executeUpdate(setReleasePlanUpdate, {
    args: [{ municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH', actor: CASEWORKER }],
  });
  await handle.executeUpdate(recordReleaseUpdate, { args: [{ releasedAt: at(4), actor: CASEWORKER }] });
  const acceptedAt = at(5);
  const accepted = await handle.executeUpdate(decideHandoverUpdate, {
    args: [{ decision: 'accept', continuation: 'with_municipality', decidedAt: acceptedAt, actor: POLICE }],
  });
  return { input, handle, accepted, acceptedAt };
}

async function actions(caseId: string, only: string[]): Promise<unknown[]> {
  return harness.db.query(
    `SELECT action, details, reason, reason_code FROM case_events
      WHERE case_id = $1 AND action = ANY($2::text[]) ORDER BY transition_seq, position`,
    [caseId, only],
  );
}

async function openSteps(caseId: string): Promise<{ kind: string; due_at: Date }[]> {
  return harness.db.query(`SELECT kind, due_at FROM steps WHERE case_id = $1 AND status = 'open' ORDER BY kind`, [
    caseId,
  ]);
}

const accessOf = (caseId: string): Promise<{ org_unit: string; access: string }[]> =>
  harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [caseId]);

const POLICE_ACTIONS = [
  'handover_accepted',
  'police_course_started',
  'police_plan_recorded',
  'police_review_recorded',
  'police_course_ended',
  'handed_over',
  'reoffending_checked',
];

describe('the police phase', () => {
  it('runs the continued course from the accepted handover to its outcome and the reoffending check a year later', async () => {
    const { input, handle, accepted, acceptedAt } = await acceptedCourse();
    const caseId = input.caseId;

    // Accepted: the police phase begins; the municipality may now log contacts.
    expect(accepted.status).toBe('police_course_active');
    expect(accepted.policePhase).toEqual({ startedAt: acceptedAt, policeDistrictCode: 'POL-KBH', via: 'handover' });
    expect(await openSteps(caseId)).toEqual([
      { kind: 'mentor_contact', due_at: computeDueAt({ ...DAY, days: 31 }, new Date(acceptedAt)) },
      { kind: 'police_plan', due_at: computeDueAt({ ...DAY, days: 30 }, new Date(acceptedAt)) },
      { kind: 'police_review', due_at: computeDueAt({ ...DAY, days: 91 }, new Date(acceptedAt)) },
    ]);
    expect(await accessOf(caseId)).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'read' },
      { org_unit: 'KOM-0101', access: 'write' },
      { org_unit: 'POL-KBH', access: 'write' },
    ]);
    const [started] = await harness.db.query(
      `SELECT c.status, c.closed_at, e.police_phase_started_at, e.police_district
         FROM cases c JOIN exit_courses e ON e.case_id = c.id WHERE c.id = $1`,
      [caseId],
    );
    expect(started).toEqual({
      status: 'police_course_active',
      closed_at: null,
      police_phase_started_at: new Date(acceptedAt),
      police_district: 'POL-KBH',
    });

    // The plan, then contacts by the police's and the municipality's mentors.
    await handle.executeUpdate(recordPolicePlanUpdate, {
      args: [
        {
          summary: 'Job, bolig og netværk.',
          runBy: 'police_with_municipality',
          recordedAt: await iso(),
          actor: POLICE,
        },
      ],
    });
    await handle.executeUpdate(logMentorContactUpdate, {
      args: [{ contactAt: await iso(), form: 'meeting', durationMinutes: 45, organisation: 'police', actor: POLICE }],
    });
    await harness.env.sleep(2 * DAY_MS);
    await handle.executeUpdate(logMentorContactUpdate, {
      args: [
        {
          contactAt: await iso(),
          form: 'phone',
          durationMinutes: 20,
          organisation: 'municipality',
          actor: MUNICIPALITY,
        },
      ],
    });
    expect(
      await harness.db.query(
        `SELECT organisation, form, duration_minutes, mentor_ref FROM mentor_contacts WHERE case_id = $1 ORDER BY contact_at`,
        [caseId],
      ),
    ).toEqual([
      { organisation: 'kriminalforsorgen', form: 'meeting', duration_minutes: 60, mentor_ref: 'MENTOR-0042' },
      { organisation: 'police', form: 'meeting', duration_minutes: 45, mentor_ref: 'MENTOR-0042' },
      { organisation: 'municipality', form: 'phone', duration_minutes: 20, mentor_ref: 'MENTOR-0042' },
    ]);

    // Two reviews, three months apart: each completes its step and opens the next from it.
    expect(
      (
        await refusalOf(
          handle.executeUpdate(recordPolicePlanUpdate, {
            args: [{ summary: 'Igen.', runBy: 'municipal_exit_programme', recordedAt: await iso(), actor: POLICE }],
          }),
        )
      ).message,
    ).toBe('Planen for forløbet er allerede registreret.');
    await harness.env.sleep(88 * DAY_MS);
    const firstReviewAt = await iso();
    await handle.executeUpdate(recordPoliceReviewUpdate, {
      args: [{ summary: 'Har fået job; bor stabilt.', reviewedAt: firstReviewAt, actor: POLICE }],
    });
    const review = (await openSteps(caseId)).find((step) => step.kind === 'police_review');
    expect(review?.due_at).toEqual(computeDueAt({ ...DAY, days: 91 }, new Date(firstReviewAt)));
    await harness.env.sleep(93 * DAY_MS);
    const afterSecondPeriod = await handle.executeUpdate(readModelSyncedUpdate);
    // Not reviewed in time: the second review is overdue, and stays open.
    expect(
      afterSecondPeriod.steps.find((step) => step.kind === 'police_review' && step.status === 'open')?.overdueAt,
    ).toBeDefined();
    const secondReviewAt = await iso();
    const reviewed = await handle.executeUpdate(recordPoliceReviewUpdate, {
      args: [{ summary: 'Fortsat i job; ønsker at afslutte.', reviewedAt: secondReviewAt, actor: POLICE }],
    });
    expect(reviewed.policePhase).toMatchObject({ reviewCount: 2, lastReviewAt: secondReviewAt });

    // The outcome: the course ends (counted as ended at once) and waits for its reoffending check.
    const endedAt = await iso();
    const ended = await handle.executeUpdate(endPoliceCourseUpdate, {
      args: [{ outcome: 'completed', reasonCode: 'goals_reached', reason: '', endedAt, actor: POLICE }],
    });
    expect(ended.status).toBe('police_course_ended');
    expect(ended.closedAt).toBe(endedAt);
    expect(ended.steps.filter((step) => step.status === 'open')).toEqual([]);
    const [closed] = await harness.db.query(
      `SELECT c.status, c.closed_at, e.police_outcome, e.police_outcome_at, e.reoffended
         FROM cases c JOIN exit_courses e ON e.case_id = c.id WHERE c.id = $1`,
      [caseId],
    );
    expect(closed).toEqual({
      status: 'police_course_ended',
      closed_at: new Date(endedAt),
      police_outcome: 'completed',
      police_outcome_at: new Date(endedAt),
      reoffended: null,
    });
    expect(
      (
        await refusalOf(
          handle.executeUpdate(recordReoffendingCheckUpdate, {
            args: [{ reoffended: false, checkedAt: await iso(), actor: POLICE }],
          }),
        )
      ).message,
    ).toBe(
      'Tilbagefaldskontrollen kan ikke registreres endnu: den åbnes, når perioden efter forløbets afslutning er gået.',
    );

    // Twelve months later the check opens, at the start of the Danish day, due a policy period later.
    const opensAt = startOfDanishDay(addCalendarDays(danishDateOf(new Date(endedAt)), 365));
    await harness.env.sleep(opensAt.getTime() - (await now()).getTime() - 3600_000);
    expect(await openSteps(caseId)).toEqual([]);
    await harness.env.sleep(2 * 3600_000);
    await handle.executeUpdate(readModelSyncedUpdate);
    expect(await openSteps(caseId)).toEqual([
      { kind: 'reoffending_check', due_at: computeDueAt({ ...DAY, days: 14 }, opensAt) },
    ]);
    const checkedAt = await iso();
    await handle.executeUpdate(recordReoffendingCheckUpdate, {
      args: [{ reoffended: false, note: 'Ingen nye sager i kriminalregistret.', checkedAt, actor: POLICE }],
    });
    const result = await handle.result();
    expect(result.status).toBe('police_course_followed_up');
    expect(result.policePhase).toMatchObject({
      outcome: 'completed',
      endedAt,
      reoffended: false,
      reoffendingCheckedAt: checkedAt,
    });

    expect(await actions(caseId, POLICE_ACTIONS)).toEqual([
      {
        action: 'handed_over',
        details: { policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101' },
        reason: null,
        reason_code: null,
      },
      {
        action: 'handover_accepted',
        details: { continuation: 'with_municipality', policeDistrictCode: 'POL-KBH' },
        reason: null,
        reason_code: null,
      },
      {
        action: 'police_course_started',
        details: { policeDistrictCode: 'POL-KBH', via: 'handover' },
        reason: null,
        reason_code: null,
      },
      {
        action: 'police_plan_recorded',
        details: { runBy: 'police_with_municipality', policeDistrictCode: 'POL-KBH' },
        reason: 'Job, bolig og netværk.',
        reason_code: null,
      },
      {
        action: 'police_review_recorded',
        details: { review: 1, policeDistrictCode: 'POL-KBH' },
        reason: 'Har fået job; bor stabilt.',
        reason_code: null,
      },
      {
        action: 'police_review_recorded',
        details: { review: 2, policeDistrictCode: 'POL-KBH' },
        reason: 'Fortsat i job; ønsker at afslutte.',
        reason_code: null,
      },
      {
        action: 'police_course_ended',
        details: { outcome: 'completed', policeDistrictCode: 'POL-KBH' },
        reason: null,
        reason_code: 'goals_reached',
      },
      {
        action: 'reoffending_checked',
        details: { reoffended: false },
        reason: 'Ingen nye sager i kriminalregistret.',
        reason_code: null,
      },
    ]);
    const [followedUp] = await harness.db.query(
      `SELECT c.status, c.closed_at, e.reoffended, e.reoffending_checked_at
         FROM cases c JOIN exit_courses e ON e.case_id = c.id WHERE c.id = $1`,
      [caseId],
    );
    expect(followedUp).toEqual({
      status: 'police_course_followed_up',
      closed_at: new Date(endedAt),
      reoffended: false,
      reoffending_checked_at: new Date(checkedAt),
    });
    await recordHistory('police-phase-followed-up', handle.workflowId);
  });

  it('hands a moved course over to the new district, whose exit unit goes on with it', async () => {
    const { input, handle } = await acceptedCourse();
    const caseId = input.caseId;
    expect(
      (
        await refusalOf(
          handle.executeUpdate(endPoliceCourseUpdate, {
            args: [
              {
                outcome: 'moved',
                reasonCode: 'moved_away',
                reason: '',
                toPoliceDistrictCode: 'POL-KBH',
                endedAt: await iso(),
                actor: POLICE,
              },
            ],
          }),
        )
      ).message,
    ).toBe('Forløbet køres allerede i den politikreds: vælg en anden.');
    const movedAt = await iso();
    const moved = await handle.executeUpdate(endPoliceCourseUpdate, {
      args: [
        {
          outcome: 'moved',
          reasonCode: 'moved_away',
          reason: '',
          toPoliceDistrictCode: 'POL-NORDJYLLAND',
          endedAt: movedAt,
          actor: POLICE,
        },
      ],
    });
    expect(moved.status).toBe('awaiting_handover_decision');
    expect(moved.closedAt).toBeUndefined();
    expect(await openSteps(caseId)).toEqual([
      { kind: 'handover_decision', due_at: computeDueAt({ ...DAY, days: 7 }, new Date(movedAt)) },
    ]);
    expect(await accessOf(caseId)).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'read' },
      { org_unit: 'KOM-0101', access: 'write' },
      { org_unit: 'POL-KBH', access: 'read' },
      { org_unit: 'POL-NORDJYLLAND', access: 'write' },
    ]);
    const acceptedAt = await iso();
    const goesOn = await handle.executeUpdate(decideHandoverUpdate, {
      args: [{ decision: 'accept', continuation: 'with_municipality', decidedAt: acceptedAt, actor: NORDJYLLAND }],
    });
    expect(goesOn.status).toBe('police_course_active');
    expect(goesOn.policePhase).toEqual({
      startedAt: acceptedAt,
      policeDistrictCode: 'POL-NORDJYLLAND',
      via: 'handover',
    });
    expect((await openSteps(caseId)).map((step) => step.kind)).toEqual([
      'mentor_contact',
      'police_plan',
      'police_review',
    ]);
    expect(
      (await actions(caseId, ['police_course_started', 'police_course_ended', 'handed_over'])).map(
        (row) => (row as { action: string; details: unknown }).details,
      ),
    ).toEqual([
      { policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101' },
      { policeDistrictCode: 'POL-KBH', via: 'handover' },
      { outcome: 'moved', policeDistrictCode: 'POL-KBH', toPoliceDistrictCode: 'POL-NORDJYLLAND' },
      { policeDistrictCode: 'POL-NORDJYLLAND', municipalityCode: 'KOM-0101' },
      { policeDistrictCode: 'POL-NORDJYLLAND', via: 'handover' },
    ]);
    const [row] = await harness.db.query(
      `SELECT e.handover_district, e.police_district, c.closed_at FROM cases c JOIN exit_courses e ON e.case_id = c.id WHERE c.id = $1`,
      [caseId],
    );
    expect(row).toEqual({ handover_district: 'POL-NORDJYLLAND', police_district: 'POL-NORDJYLLAND', closed_at: null });
    await handle.terminate('moved and accepted: the rest is the first scenario');
  });

  it('keeps waiting for the reoffending check across continue-as-new', async () => {
    const { handle } = await acceptedCourse({ historyEventLimit: 60 });
    const endedAt = await iso();
    await handle.executeUpdate(endPoliceCourseUpdate, {
      args: [{ outcome: 'dropped_out', reasonCode: 'own_wish', reason: '', endedAt, actor: POLICE }],
    });
    const latest = harness.env.client.workflow.getHandle(handle.workflowId);
    const opensAt = startOfDanishDay(addCalendarDays(danishDateOf(new Date(endedAt)), 365));
    await harness.env.sleep(opensAt.getTime() - (await now()).getTime() + 3600_000);
    const carried = await latest.executeUpdate(readModelSyncedUpdate);
    const [startEvent] = (await latest.fetchHistory()).events!;
    expect(startEvent.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();
    expect(carried.status).toBe('police_course_ended');
    expect(carried.steps.filter((step) => step.status === 'open').map((step) => step.kind)).toEqual([
      'reoffending_check',
    ]);
    await latest.executeUpdate(recordReoffendingCheckUpdate, {
      args: [{ reoffended: true, checkedAt: await iso(), actor: POLICE }],
    });
    expect((await latest.result()).policePhase).toMatchObject({ outcome: 'dropped_out', reoffended: true });
  });
});
