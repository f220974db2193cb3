import { computeDueAt, startOfDaysBefore } from '../../libs/domain/deadlines/deadline-rule';
import {
  addCalendarDays,
  danishDateOf,
  formatDanishDateTime,
  formatLocalDate,
  parseLocalDate,
} from '../../libs/domain/time/copenhagen-calendar';
import type { ExitCourseState, StartExitCourseInput } from '../../libs/domain/exit-course/exit-course.types';
import {
  assignMentorUpdate,
  exitCourseStateQuery,
  interruptCourseUpdate,
  logMentorContactUpdate,
  readModelSyncedUpdate,
  recordAssessmentInputUpdate,
  recordPrisonTransferUpdate,
  setReleasePlanUpdate,
  changeExpectedReleaseDateUpdate,
  updateReadinessUpdate,
  recordReleaseUpdate,
  decideHandoverUpdate,
  redirectHandoverUpdate,
  recordAgreementSignedUpdate,
  recordPsychologistCourseUpdate,
  recordSuitabilityAssessmentUpdate,
} from '../../workflows/exit-course/exit-course.messages';
import { EXIT_COURSE_WORKFLOW_ID_PREFIX, exitCourseWorkflow } from '../../workflows/exit-course/exit-course.workflow';
import { CASEWORKER, DAY_MS, exitCourseInput } from '../support/exit-course-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'exit-course-workflow-test';

const harness = useWorkflowTestHarness(TASK_QUEUE, 'exit-course');
const { now, recordHistory } = harness;

const start = (input: StartExitCourseInput) =>
  harness.startSynced(
    exitCourseWorkflow,
    `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    readModelSyncedUpdate,
    input,
  );

/** Saves a scenario's history once; an existing file is kept, since replay must keep proving old shapes. */
async function stepRows(caseId: string) {
  return harness.db.query(
    `SELECT kind, status, due_at, overdue_at, completed_at, lateness_seconds::integer AS lateness_seconds, outcome
       FROM steps WHERE case_id = $1 ORDER BY opened_at, created_at`,
    [caseId],
  ) as Promise<
    {
      kind: string;
      status: string;
      due_at: Date;
      overdue_at: Date | null;
      completed_at: Date | null;
      lateness_seconds: number | null;
      outcome: string | null;
    }[]
  >;
}

async function actions(caseId: string): Promise<string[]> {
  const rows: { action: string }[] = await harness.db.query(
    `SELECT action FROM case_events WHERE case_id = $1 ORDER BY transition_seq, position`,
    [caseId],
  );
  return rows.map((row) => row.action);
}

async function caseRow(caseId: string): Promise<{ status: string; closed_at: Date | null; last_seq: number }> {
  const [row] = await harness.db.query(`SELECT status, closed_at, last_seq FROM cases WHERE id = $1`, [caseId]);
  return row;
}

describe('exit-course workflow', () => {
  it('opens the suitability assessment with the policy deadline and records the start', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);

    const state = await handle.query(exitCourseStateQuery);
    const expectedDue = computeDueAt({ unit: 'calendar-days', days: 30 }, referredAt).toISOString();
    expect(state.status).toBe('awaiting_suitability_assessment');
    expect(state.steps).toEqual([
      expect.objectContaining({
        kind: 'suitability_assessment',
        status: 'open',
        openedAt: input.referredAt,
        dueAt: expectedDue,
      }),
    ]);
    expect(state.steps[0].overdueAt).toBeUndefined();
    const [step] = await stepRows(input.caseId);
    expect(step).toMatchObject({ kind: 'suitability_assessment', status: 'open', overdue_at: null });
    expect(step.due_at.toISOString()).toBe(expectedDue);
    expect(await actions(input.caseId)).toEqual(['case_started', 'step_opened']);
    const [event] = await harness.db.query(
      `SELECT actor_id FROM case_events WHERE case_id = $1 AND action = 'case_started'`,
      [input.caseId],
    );
    expect(event.actor_id).toBe(CASEWORKER.id);
  });

  it('makes the step overdue when the deadline passes, escalates once, and keeps it open', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    const dueAt = computeDueAt(input.deadlines.suitabilityAssessment, referredAt);

    await harness.env.sleep(dueAt.getTime() - referredAt.getTime() - 60_000);
    expect((await handle.query(exitCourseStateQuery)).steps[0].overdueAt).toBeUndefined();

    await harness.env.sleep(2 * 60_000);
    const state = await handle.executeUpdate(readModelSyncedUpdate);
    expect(state.status).toBe('awaiting_suitability_assessment');
    expect(state.steps[0].status).toBe('open');
    // The timer fires at the deadline; the test server's clock stood somewhere in the 2 minutes after it.
    expect(Date.parse(state.steps[0].overdueAt!)).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(Date.parse(state.steps[0].overdueAt!) - dueAt.getTime()).toBeLessThanOrEqual(2 * 60_000);
    const [step] = await stepRows(input.caseId);
    expect(step.status).toBe('open');
    expect(step.overdue_at?.toISOString()).toBe(state.steps[0].overdueAt);
    // A week before the deadline the step was due soon (a warning notice), then overdue.
    expect(await actions(input.caseId)).toEqual(['case_started', 'step_opened', 'step_due_soon', 'step_overdue']);
    await recordHistory('overdue', handle.workflowId);
    await recordHistory('overdue-with-warning', handle.workflowId);
  });

  it('records how late a late assessment was, to the second', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    const dueAt = computeDueAt(input.deadlines.suitabilityAssessment, referredAt);

    await harness.env.sleep(dueAt.getTime() - referredAt.getTime() + 3 * DAY_MS);
    const decidedAt = new Date(dueAt.getTime() + 2 * DAY_MS + 3_600_000 + 17_000);
    const state = await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: decidedAt.toISOString(), actor: CASEWORKER }],
    });

    const assessed = state.steps.find((step) => step.kind === 'suitability_assessment')!;
    expect(assessed).toMatchObject({
      status: 'completed',
      completedAt: decidedAt.toISOString(),
      latenessSeconds: 2 * 86400 + 3600 + 17,
    });
    const [assessmentRow, signingRow] = await stepRows(input.caseId);
    expect(assessmentRow).toMatchObject({
      status: 'completed',
      lateness_seconds: 2 * 86400 + 3600 + 17,
      outcome: 'offer',
    });
    expect(assessmentRow.overdue_at).not.toBeNull();
    expect(signingRow).toMatchObject({ kind: 'agreement_signing', status: 'open', lateness_seconds: null });
    expect(signingRow.due_at.toISOString()).toBe(
      computeDueAt(input.deadlines.agreementSigning, decidedAt).toISOString(),
    );
    expect((await caseRow(input.caseId)).status).toBe('awaiting_agreement_signature');
    await recordHistory('late-offer', handle.workflowId);
  });

  it('makes a step registered after its deadline overdue at once', async () => {
    const current = await now();
    const input = exitCourseInput(new Date(current.getTime() - 45 * DAY_MS));
    const handle = await start(input);

    const state = await handle.query(exitCourseStateQuery);
    const overdueAt = Date.parse(state.steps[0].overdueAt!);
    expect(overdueAt).toBeGreaterThanOrEqual(current.getTime());
    expect(overdueAt - current.getTime()).toBeLessThan(60_000);
    expect(await actions(input.caseId)).toEqual(['case_started', 'step_opened', 'step_overdue']);
    const [event] = await harness.db.query(
      `SELECT occurred_at, actor_id FROM case_events WHERE case_id = $1 AND action = 'step_overdue'`,
      [input.caseId],
    );
    expect(event.actor_id).toBe('system');
    expect(event.occurred_at.toISOString()).toBe(state.steps[0].dueAt);
  });

  it('ends the course on a rejection, with the reason in the audit trail', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(5 * DAY_MS);
    const decidedAt = new Date(referredAt.getTime() + 4 * DAY_MS).toISOString();

    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'rejection', decidedAt, reason: 'Ikke motiveret.', actor: CASEWORKER }],
    });
    const result: ExitCourseState = await handle.result();

    expect(result.status).toBe('rejected');
    expect(result.closedAt).toBe(decidedAt);
    expect(await caseRow(input.caseId)).toMatchObject({ status: 'rejected', closed_at: new Date(decidedAt) });
    const [rejection] = await harness.db.query(
      `SELECT reason, actor_id, occurred_at FROM case_events WHERE case_id = $1 AND action = 'suitability_rejection'`,
      [input.caseId],
    );
    expect(rejection).toEqual({ reason: 'Ikke motiveret.', actor_id: CASEWORKER.id, occurred_at: new Date(decidedAt) });
    const [step] = await stepRows(input.caseId);
    expect(step).toMatchObject({ status: 'completed', lateness_seconds: 0, outcome: 'rejection' });
    await recordHistory('rejected', handle.workflowId);
  });

  it.each([
    ['inmate', 'interrupted_by_inmate'],
    ['kriminalforsorgen', 'interrupted_by_kriminalforsorgen'],
  ] as const)('ends the course on an interruption by %s from an open step', async (by, status) => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(DAY_MS);
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [
        { outcome: 'offer', decidedAt: new Date(referredAt.getTime() + DAY_MS / 2).toISOString(), actor: CASEWORKER },
      ],
    });
    await harness.env.sleep(DAY_MS);
    const interruptedAt = new Date(referredAt.getTime() + 1.5 * DAY_MS).toISOString();

    await handle.executeUpdate(interruptCourseUpdate, {
      args: [{ by, reason: 'Ønsker ikke at fortsætte.', interruptedAt, actor: CASEWORKER }],
    });
    const result = await handle.result();

    expect(result.status).toBe(status);
    expect(result.steps.map((step) => [step.kind, step.status])).toEqual([
      ['suitability_assessment', 'completed'],
      ['agreement_signing', 'cancelled'],
    ]);
    expect(await caseRow(input.caseId)).toMatchObject({ status, closed_at: new Date(interruptedAt) });
    expect((await stepRows(input.caseId)).map((row) => row.status)).toEqual(['completed', 'cancelled']);
    expect(await actions(input.caseId)).toEqual([
      'case_started',
      'step_opened',
      'suitability_offer',
      'step_completed',
      'step_opened',
      'course_interrupted',
      'step_cancelled',
    ]);
    await recordHistory(`interrupted-by-${by}`, handle.workflowId);
  });

  it('escalates the agreement-signing step when its deadline passes after the offer', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(DAY_MS);
    const decidedAt = new Date(referredAt.getTime() + DAY_MS / 2);
    const offered = await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: decidedAt.toISOString(), actor: CASEWORKER }],
    });
    const signing = offered.steps.find((step) => step.kind === 'agreement_signing')!;
    expect(signing.dueAt).toBe(computeDueAt({ unit: 'calendar-days', days: 14 }, decidedAt).toISOString());

    await harness.env.sleep(Date.parse(signing.dueAt) - (await now()).getTime() - 60_000);
    expect((await handle.query(exitCourseStateQuery)).steps[1].overdueAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    const state = await handle.executeUpdate(readModelSyncedUpdate);

    expect(state.status).toBe('awaiting_agreement_signature');
    expect(state.steps[1]).toMatchObject({ kind: 'agreement_signing', status: 'open' });
    const overdueAt = Date.parse(state.steps[1].overdueAt!);
    expect(overdueAt).toBeGreaterThanOrEqual(Date.parse(signing.dueAt));
    expect(overdueAt - Date.parse(signing.dueAt)).toBeLessThanOrEqual(2 * 60_000);
    const rows = await stepRows(input.caseId);
    expect(rows.map((row) => [row.kind, row.status, row.overdue_at !== null])).toEqual([
      ['suitability_assessment', 'completed', false],
      ['agreement_signing', 'open', true],
    ]);
    expect((await actions(input.caseId)).slice(-1)).toEqual(['step_overdue']);
    await recordHistory('signing-overdue', handle.workflowId);
  });

  it('ends the course on an interruption while the suitability assessment is open', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(2 * DAY_MS);
    const interruptedAt = new Date(referredAt.getTime() + DAY_MS).toISOString();

    await handle.executeUpdate(interruptCourseUpdate, {
      args: [{ by: 'kriminalforsorgen', reason: 'Overført til anden indsats.', interruptedAt, actor: CASEWORKER }],
    });
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'interrupted_by_kriminalforsorgen', closedAt: interruptedAt });
    expect(result.steps).toEqual([
      expect.objectContaining({ kind: 'suitability_assessment', status: 'cancelled', completedAt: interruptedAt }),
    ]);
    expect((await stepRows(input.caseId)).map((row) => [row.kind, row.status, row.lateness_seconds])).toEqual([
      ['suitability_assessment', 'cancelled', null],
    ]);
    expect(await actions(input.caseId)).toEqual([
      'case_started',
      'step_opened',
      'course_interrupted',
      'step_cancelled',
    ]);
    await recordHistory('interrupted-during-assessment', handle.workflowId);
  });

  it('refuses illegal transitions and impossible facts without changing anything', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(DAY_MS);

    const beforeReferral = await refusalOf(
      handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
        args: [
          { outcome: 'offer', decidedAt: new Date(referredAt.getTime() - DAY_MS).toISOString(), actor: CASEWORKER },
        ],
      }),
    );
    expect(beforeReferral).toEqual({
      type: 'InvalidDomainData',
      message: `Vurderingstidspunktet ligger før forløbet blev henvist (${formatDanishDateTime(new Date(input.referredAt))}).`,
    });
    const inFuture = await refusalOf(
      handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
        args: [
          {
            outcome: 'offer',
            decidedAt: new Date(referredAt.getTime() + 30 * DAY_MS).toISOString(),
            actor: CASEWORKER,
          },
        ],
      }),
    );
    expect(inFuture).toEqual({ type: 'InvalidDomainData', message: 'Vurderingstidspunktet ligger i fremtiden.' });
    const noReason = await refusalOf(
      handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
        args: [{ outcome: 'rejection', decidedAt: referredAt.toISOString(), reason: '  ', actor: CASEWORKER }],
      }),
    );
    expect(noReason).toEqual({ type: 'InvalidDomainData', message: 'Et afslag skal have en begrundelse.' });

    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: referredAt.toISOString(), actor: CASEWORKER }],
    });
    const lastSeqAfterOffer = (await caseRow(input.caseId)).last_seq;
    const eventsAfterOffer = await actions(input.caseId);
    const twice = await refusalOf(
      handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
        args: [{ outcome: 'rejection', decidedAt: referredAt.toISOString(), reason: 'For sent', actor: CASEWORKER }],
      }),
    );
    expect(twice).toEqual({
      type: 'IllegalTransition',
      message: 'Egnethedsvurderingen kan ikke registreres: forløbet afventer underskrift af exit-aftale.',
    });

    const state = await handle.executeUpdate(readModelSyncedUpdate);
    expect(state.status).toBe('awaiting_agreement_signature');
    expect((await caseRow(input.caseId)).last_seq).toBe(lastSeqAfterOffer);
    expect(await actions(input.caseId)).toEqual(eventsAfterOffer);
    await recordHistory('refusals', handle.workflowId);
  });

  it('counts a day deadline in Danish calendar days across the October clock change', async () => {
    // Referred Tuesday 2026-10-20 14:00 CEST, registered late. 30 calendar days later is 2026-11-19; the
    // deadline is the end of that day in Copenhagen, 2026-11-20 00:00 CET = 2026-11-19T23:00:00Z.
    const input = exitCourseInput(new Date('2026-10-20T12:00:00.000Z'));
    const handle = await start(input);

    const state = await handle.query(exitCourseStateQuery);
    expect(state.steps[0].dueAt).toBe('2026-11-19T23:00:00.000Z');
    expect(state.steps[0].overdueAt).toBeDefined();
  });
});

describe('exit-course workflow: agreement, mentor and psychologist', () => {
  const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY_MS).toISOString();

  /** A course offered on day 1 and signed on day 2 (workflow time now at day 3). */
  async function signedCourse() {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(3 * DAY_MS);
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: at(referredAt, 1), actor: CASEWORKER }],
    });
    const signed = await handle.executeUpdate(recordAgreementSignedUpdate, {
      args: [{ signedAt: at(referredAt, 2), actor: CASEWORKER }],
    });
    return { referredAt, input, handle, signed };
  }

  it('signing activates the agreement and opens mentor assignment with its deadline', async () => {
    const { referredAt, input, handle, signed } = await signedCourse();
    expect(signed.status).toBe('agreement_active');
    const assignment = signed.steps.find((step) => step.kind === 'mentor_assignment')!;
    expect(assignment).toMatchObject({ status: 'open', openedAt: at(referredAt, 2) });
    expect(assignment.dueAt).toBe(
      computeDueAt({ unit: 'calendar-days', days: 14 }, new Date(at(referredAt, 2))).toISOString(),
    );
    expect(signed.steps.find((step) => step.kind === 'agreement_signing')).toMatchObject({
      status: 'completed',
      latenessSeconds: 0,
    });
    expect((await caseRow(input.caseId)).status).toBe('agreement_active');
    expect((await actions(input.caseId)).slice(-4)).toEqual([
      'step_opened',
      'agreement_signed',
      'step_completed',
      'step_opened',
    ]);

    const twice = await refusalOf(
      handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: at(referredAt, 2), actor: CASEWORKER }] }),
    );
    expect(twice).toEqual({
      type: 'IllegalTransition',
      message: 'Underskriften kan ikke registreres: forløbet exit-aftale indgået.',
    });
    await recordHistory('signed', handle.workflowId);
  });

  it('escalates mentor assignment when no mentor is assigned in time, and records the lateness when one is', async () => {
    const { input, handle, signed } = await signedCourse();
    const due = Date.parse(signed.steps.find((step) => step.kind === 'mentor_assignment')!.dueAt);
    await harness.env.sleep(due - (await now()).getTime() + DAY_MS);
    const overdue = await handle.executeUpdate(readModelSyncedUpdate);
    expect(overdue.steps.find((step) => step.kind === 'mentor_assignment')?.overdueAt).toBeDefined();

    const assignedAt = new Date(due + 3600_000).toISOString();
    const assigned = await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt, actor: CASEWORKER }],
    });
    expect(assigned.mentor).toEqual({ mentorRef: 'MENTOR-0042', assignedAt, contactCount: 0, contactMinutes: 0 });
    expect(assigned.steps.find((step) => step.kind === 'mentor_assignment')).toMatchObject({
      status: 'completed',
      latenessSeconds: 3600,
    });
    const cadence = assigned.steps.find((step) => step.kind === 'mentor_contact')!;
    expect(cadence).toMatchObject({ status: 'open', openedAt: assignedAt });
    expect(cadence.dueAt).toBe(computeDueAt({ unit: 'calendar-days', days: 31 }, new Date(assignedAt)).toISOString());
    const [facts] = await harness.db.query(`SELECT mentor_ref FROM exit_courses WHERE case_id = $1`, [input.caseId]);
    expect(facts.mentor_ref).toBe('MENTOR-0042');
  });

  it('logs mentor contacts with minutes, moves the cadence, alarms after 31 days without contact, and changes mentor', async () => {
    const { referredAt, input, handle } = await signedCourse();
    await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(referredAt, 2.5), actor: CASEWORKER }],
    });
    await harness.env.sleep(DAY_MS);
    const first = await handle.executeUpdate(logMentorContactUpdate, {
      args: [{ contactAt: at(referredAt, 3.5), form: 'meeting', durationMinutes: 90, actor: CASEWORKER }],
    });
    const cadence = first.steps.filter((step) => step.kind === 'mentor_contact');
    expect(cadence.map((step) => step.status)).toEqual(['completed', 'open']);
    expect(cadence[1].dueAt).toBe(
      computeDueAt({ unit: 'calendar-days', days: 31 }, new Date(at(referredAt, 3.5))).toISOString(),
    );

    // A phone call logged afterwards for an earlier day is recorded, but does not move the cadence.
    const earlier = await handle.executeUpdate(logMentorContactUpdate, {
      args: [{ contactAt: at(referredAt, 3), form: 'phone', durationMinutes: 15, actor: CASEWORKER }],
    });
    expect(earlier.mentor).toMatchObject({ contactCount: 2, contactMinutes: 105, lastContactAt: at(referredAt, 3.5) });
    expect(earlier.steps.filter((step) => step.kind === 'mentor_contact' && step.status === 'open')).toHaveLength(1);

    await harness.env.sleep(Date.parse(cadence[1].dueAt) - (await now()).getTime() + 3600_000);
    const alarmed = await handle.executeUpdate(readModelSyncedUpdate);
    expect(
      alarmed.steps.find((step) => step.kind === 'mentor_contact' && step.status === 'open')?.overdueAt,
    ).toBeDefined();

    const changed = await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0077', assignedAt: (await now()).toISOString(), actor: CASEWORKER }],
    });
    expect(changed.mentor.mentorRef).toBe('MENTOR-0077');
    expect(changed.steps.filter((step) => step.kind === 'mentor_contact' && step.status === 'open')).toHaveLength(1);
    const rows = await harness.db.query(
      `SELECT form, duration_minutes, mentor_ref FROM mentor_contacts WHERE case_id = $1 ORDER BY contact_at`,
      [input.caseId],
    );
    expect(rows).toEqual([
      { form: 'phone', duration_minutes: 15, mentor_ref: 'MENTOR-0042' },
      { form: 'meeting', duration_minutes: 90, mentor_ref: 'MENTOR-0042' },
    ]);
    expect((await actions(input.caseId)).filter((action) => action.startsWith('mentor'))).toEqual([
      'mentor_assigned',
      'mentor_contact_logged',
      'mentor_contact_logged',
      'mentor_changed',
    ]);
    await recordHistory('mentor-support', handle.workflowId);
  });

  it('records the psychologist course and refuses what does not fit', async () => {
    const { referredAt, handle } = await signedCourse();
    const notActive = await refusalOf(
      handle.executeUpdate(logMentorContactUpdate, {
        args: [{ contactAt: at(referredAt, 2.5), form: 'phone', durationMinutes: 10, actor: CASEWORKER }],
      }),
    );
    expect(notActive).toEqual({
      type: 'IllegalTransition',
      message: 'Mentorkontakten kan ikke registreres: der er ikke tildelt en mentor.',
    });
    const notStarted = await refusalOf(
      handle.executeUpdate(recordPsychologistCourseUpdate, {
        args: [{ event: 'ended', at: at(referredAt, 2.5), actor: CASEWORKER }],
      }),
    );
    expect(notStarted).toEqual({
      type: 'IllegalTransition',
      message: 'Psykologforløbet kan ikke afsluttes: det er ikke i gang.',
    });
    const started = await handle.executeUpdate(recordPsychologistCourseUpdate, {
      args: [{ event: 'started', at: at(referredAt, 2.5), actor: CASEWORKER }],
    });
    expect(started.psychologistCourse).toBe('ongoing');
    const ended = await handle.executeUpdate(recordPsychologistCourseUpdate, {
      args: [{ event: 'ended', at: at(referredAt, 2.75), actor: CASEWORKER }],
    });
    expect(ended.psychologistCourse).toBe('ended');
    await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(referredAt, 2.8), actor: CASEWORKER }],
    });
    const tooLong = await refusalOf(
      handle.executeUpdate(logMentorContactUpdate, {
        args: [{ contactAt: at(referredAt, 2.9), form: 'meeting', durationMinutes: 601, actor: CASEWORKER }],
      }),
    );
    expect(tooLong).toEqual({
      type: 'InvalidDomainData',
      message: 'Varigheden skal være et helt antal minutter fra 1 til 600.',
    });
    const beforeMentor = await refusalOf(
      handle.executeUpdate(logMentorContactUpdate, {
        args: [{ contactAt: at(referredAt, 2.7), form: 'meeting', durationMinutes: 30, actor: CASEWORKER }],
      }),
    );
    expect(beforeMentor).toEqual({
      type: 'InvalidDomainData',
      message: `Kontakttidspunktet ligger før mentorens tildeling (${formatDanishDateTime(new Date(at(referredAt, 2.8)))}).`,
    });
    const sameMentor = await refusalOf(
      handle.executeUpdate(assignMentorUpdate, {
        args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(referredAt, 2.9), actor: CASEWORKER }],
      }),
    );
    expect(sameMentor).toEqual({ type: 'InvalidDomainData', message: 'MENTOR-0042 er allerede forløbets mentor.' });
  });
});

describe('exit-course workflow: joint assessment of a parole-linked course (Bander bag tremmer)', () => {
  it('refuses the offer until all three parties have given input, then accepts it', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt, { paroleLinked: true });
    const handle = await start(input);
    await harness.env.sleep(2 * DAY_MS);
    const at = (hours: number) => new Date(referredAt.getTime() + hours * 3600_000).toISOString();
    const offer = () =>
      handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
        args: [{ outcome: 'offer', decidedAt: at(30), actor: CASEWORKER }],
      });

    await handle.executeUpdate(recordAssessmentInputUpdate, {
      args: [{ party: 'kriminalforsorgen', summary: 'Motiveret.', recordedAt: at(1), actor: CASEWORKER }],
    });
    expect(await refusalOf(offer())).toEqual({
      type: 'IllegalTransition',
      message:
        'Et tilbud i et forløb knyttet til prøveløsladelse kræver udtalelser fra Kriminalforsorgen, politiet og kommunen. Mangler: politiet, kommunen.',
    });
    await handle.executeUpdate(recordAssessmentInputUpdate, {
      args: [{ party: 'police', summary: 'Ingen indvendinger.', recordedAt: at(2), actor: CASEWORKER }],
    });
    const municipality = await handle.executeUpdate(recordAssessmentInputUpdate, {
      args: [{ party: 'municipality', summary: 'Bolig kan findes.', recordedAt: at(3), actor: CASEWORKER }],
    });
    expect(municipality.assessmentInputs).toEqual(['kriminalforsorgen', 'police', 'municipality']);

    const offered = await offer();
    expect(offered.status).toBe('awaiting_agreement_signature');
    const inputs = await harness.db.query(
      `SELECT details->>'party' AS party, reason FROM case_events WHERE case_id = $1 AND action = 'assessment_input_recorded' ORDER BY transition_seq`,
      [input.caseId],
    );
    expect(inputs).toEqual([
      { party: 'kriminalforsorgen', reason: 'Motiveret.' },
      { party: 'police', reason: 'Ingen indvendinger.' },
      { party: 'municipality', reason: 'Bolig kan findes.' },
    ]);
    await recordHistory('joint-assessment', handle.workflowId);
  });
});

describe('exit-course workflow: prison transfer', () => {
  it('continues the course unchanged at the receiving prison, moves access, and notifies the release plan’s units', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(3 * DAY_MS);
    const at = (days: number) => new Date(referredAt.getTime() + days * DAY_MS).toISOString();
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: at(0.5), actor: CASEWORKER }],
    });
    await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: at(1), actor: CASEWORKER }] });
    await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(1.5), actor: CASEWORKER }],
    });
    const before = await handle.executeUpdate(setReleasePlanUpdate, {
      args: [{ municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH', actor: CASEWORKER }],
    });

    const after = await handle.executeUpdate(recordPrisonTransferUpdate, {
      args: [{ toInstitutionCode: 'KF-ENNER-MARK', transferredAt: at(2), actor: CASEWORKER }],
    });

    expect(after.institutionCode).toBe('KF-ENNER-MARK');
    expect({ ...after, institutionCode: before.institutionCode }).toEqual(before);
    expect(
      await harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [
        input.caseId,
      ]),
    ).toEqual([
      { org_unit: 'KF-ENNER-MARK', access: 'write' },
      { org_unit: 'KF-STORSTROEM', access: 'read' },
    ]);
    const [caseRecord] = await harness.db.query(`SELECT org_unit FROM cases WHERE id = $1`, [input.caseId]);
    expect(caseRecord.org_unit).toBe('KF-ENNER-MARK');
    expect(
      await harness.db.query(
        `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 ORDER BY recipient_unit`,
        [input.caseId],
      ),
    ).toEqual([
      { recipient_unit: 'KOM-0101', kind: 'prison_transfer' },
      { recipient_unit: 'POL-KBH', kind: 'prison_transfer' },
    ]);
    const same = await refusalOf(
      handle.executeUpdate(recordPrisonTransferUpdate, {
        args: [{ toInstitutionCode: 'KF-ENNER-MARK', transferredAt: at(2.5), actor: CASEWORKER }],
      }),
    );
    expect(same).toEqual({ type: 'InvalidDomainData', message: 'Personen er allerede på den institution.' });
    // Unit codes are checked by the API against organisation_units before an update is sent (e2e).
    await recordHistory('prison-transfer', handle.workflowId);
  });
});

describe('exit-course workflow: release preparation', () => {
  /** The Danish date `days` after the test server's now. */
  const dateIn = async (days: number) => formatLocalDate(addCalendarDays(danishDateOf(await now()), days));
  const noticeMoment = (releaseDate: string) => startOfDaysBefore(parseLocalDate(releaseDate)!, 30);
  const preparationDue = (releaseDate: string) => startOfDaysBefore(parseLocalDate(releaseDate)!, 7).toISOString();

  async function plannedCourse(releaseInDays: number) {
    const referredAt = await now();
    const input = exitCourseInput(referredAt, { expectedReleaseDate: await dateIn(releaseInDays) });
    const handle = await start(input);
    await handle.executeUpdate(setReleasePlanUpdate, {
      args: [{ municipalityCode: 'KOM-0751', policeDistrictCode: 'POL-OESTJYLLAND', actor: CASEWORKER }],
    });
    return { input, handle };
  }

  it('sends the release notice 30 days before release and opens release preparation, due 7 days before', async () => {
    const { input, handle } = await plannedCourse(45);
    const noticeAt = noticeMoment(input.expectedReleaseDate).getTime();
    await harness.env.sleep(noticeAt - (await now()).getTime() - 60_000);
    expect((await handle.query(exitCourseStateQuery)).releaseNoticeSentAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    const state = await handle.executeUpdate(readModelSyncedUpdate);

    expect(Date.parse(state.releaseNoticeSentAt!)).toBeGreaterThanOrEqual(noticeAt);
    expect(state.steps.find((step) => step.kind === 'release_preparation')).toMatchObject({
      status: 'open',
      dueAt: preparationDue(input.expectedReleaseDate),
    });
    expect(
      await harness.db.query(
        `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 ORDER BY recipient_unit`,
        [input.caseId],
      ),
    ).toEqual([
      { recipient_unit: 'KOM-0751', kind: 'release_notice' },
      { recipient_unit: 'POL-OESTJYLLAND', kind: 'release_notice' },
    ]);
    await recordHistory('release-notice', handle.workflowId);
  });

  it('re-arms when the release date moves later before the notice, and sends at once when it moves inside the period', async () => {
    const { input, handle } = await plannedCourse(45);
    await harness.env.sleep(5 * DAY_MS);
    const later = await dateIn(90);
    await handle.executeUpdate(changeExpectedReleaseDateUpdate, {
      args: [{ expectedReleaseDate: later, reason: 'Ny dom', actor: CASEWORKER }],
    });
    await harness.env.sleep(noticeMoment(input.expectedReleaseDate).getTime() - (await now()).getTime() + DAY_MS);
    expect((await handle.query(exitCourseStateQuery)).releaseNoticeSentAt).toBeUndefined();

    const sooner = await dateIn(20);
    const moved = await handle.executeUpdate(changeExpectedReleaseDateUpdate, {
      args: [{ expectedReleaseDate: sooner, reason: 'Prøveløsladelse bevilget', actor: CASEWORKER }],
    });
    expect(moved.expectedReleaseDate).toBe(sooner);
    const state = await handle.executeUpdate(readModelSyncedUpdate);
    expect(state.releaseNoticeSentAt).toBeDefined();
    expect(state.steps.find((step) => step.kind === 'release_preparation')?.dueAt).toBe(preparationDue(sooner));
    const [facts] = await harness.db.query(
      `SELECT to_char(expected_release_date, 'YYYY-MM-DD') AS date FROM exit_courses WHERE case_id = $1`,
      [input.caseId],
    );
    expect(facts.date).toBe(sooner);
    await recordHistory('release-date-moved', handle.workflowId);
  });

  it('moves the preparation deadline with the release date, and escalates what is still missing', async () => {
    const { input, handle } = await plannedCourse(20);
    await handle.executeUpdate(readModelSyncedUpdate);
    await handle.executeUpdate(updateReadinessUpdate, {
      args: [{ item: 'housing', ready: true, note: 'Bolig via kommunen', actor: CASEWORKER }],
    });
    const later = await dateIn(26);
    const moved = await handle.executeUpdate(changeExpectedReleaseDateUpdate, {
      args: [{ expectedReleaseDate: later, reason: 'Flyttet', actor: CASEWORKER }],
    });
    const preparation = moved.steps.find((step) => step.kind === 'release_preparation')!;
    expect(preparation.dueAt).toBe(preparationDue(later));
    const [row] = await harness.db.query(`SELECT due_at FROM steps WHERE id = $1`, [preparation.stepId]);
    expect(row.due_at.toISOString()).toBe(preparationDue(later));

    await harness.env.sleep(Date.parse(preparation.dueAt) - (await now()).getTime() + 3600_000);
    const overdue = await handle.executeUpdate(readModelSyncedUpdate);
    expect(overdue.steps.find((step) => step.kind === 'release_preparation')?.overdueAt).toBeDefined();
    const [escalation] = await harness.db.query(
      `SELECT details FROM case_events WHERE case_id = $1 AND action = 'step_overdue' AND details->>'kind' = 'release_preparation'`,
      [input.caseId],
    );
    expect(escalation.details).toEqual({
      kind: 'release_preparation',
      dueAt: preparationDue(later),
      missing: 'income,job_or_education_plan,mentor_continuity',
    });

    // Moved again after the escalation: the deadline is watched anew, and escalates again when it passes.
    const evenLater = await dateIn(30);
    const movedAgain = await handle.executeUpdate(changeExpectedReleaseDateUpdate, {
      args: [{ expectedReleaseDate: evenLater, reason: 'Igen', actor: CASEWORKER }],
    });
    expect(movedAgain.steps.find((step) => step.kind === 'release_preparation')?.overdueAt).toBeUndefined();
    await harness.env.sleep(Date.parse(preparationDue(evenLater)) - (await now()).getTime() + 3600_000);
    const again = await handle.executeUpdate(readModelSyncedUpdate);
    expect(again.steps.find((step) => step.kind === 'release_preparation')?.overdueAt).toBeDefined();
    const escalations = await harness.db.query(
      `SELECT details->>'dueAt' AS due FROM case_events
        WHERE case_id = $1 AND action = 'step_overdue' AND details->>'kind' = 'release_preparation' ORDER BY transition_seq`,
      [input.caseId],
    );
    expect(escalations).toEqual([{ due: preparationDue(later) }, { due: preparationDue(evenLater) }]);
    const dateNotices = await harness.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'release_date_changed'`,
      [input.caseId],
    );
    expect(dateNotices[0].n).toBe(4);
    const unchanged = await refusalOf(
      handle.executeUpdate(setReleasePlanUpdate, {
        args: [{ municipalityCode: 'KOM-0751', policeDistrictCode: 'POL-OESTJYLLAND', actor: CASEWORKER }],
      }),
    );
    expect(unchanged).toEqual({ type: 'InvalidDomainData', message: 'Løsladelsesplanen er uændret.' });

    for (const item of ['income', 'job_or_education_plan', 'mentor_continuity'] as const) {
      await handle.executeUpdate(updateReadinessUpdate, { args: [{ item, ready: true, actor: CASEWORKER }] });
    }
    const ready = await handle.query(exitCourseStateQuery);
    const done = ready.steps.find((step) => step.kind === 'release_preparation')!;
    expect(done.status).toBe('completed');
    expect(done.latenessSeconds).toBe(Math.floor((Date.parse(done.completedAt!) - Date.parse(done.dueAt)) / 1000));
    expect(done.latenessSeconds).toBe(3600);
    const [closed] = await harness.db.query(`SELECT status, outcome FROM steps WHERE id = $1`, [done.stepId]);
    expect(closed).toEqual({ status: 'completed', outcome: 'ready' });
    expect(ready.readiness).toEqual({
      housing: true,
      income: true,
      job_or_education_plan: true,
      mentor_continuity: true,
    });
  });
});

describe('exit-course workflow: release and handover to the police exit unit', () => {
  const POLICE = { id: 'user-politi-kbh-exit' };

  async function releasedCourse() {
    const referredAt = await now();
    const input = exitCourseInput(referredAt);
    const handle = await start(input);
    await harness.env.sleep(5 * DAY_MS);
    const at = (days: number) => new Date(referredAt.getTime() + days * DAY_MS).toISOString();
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: at(1), actor: CASEWORKER }],
    });
    await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: at(2), actor: CASEWORKER }] });
    await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(3), actor: CASEWORKER }],
    });
    await handle.executeUpdate(setReleasePlanUpdate, {
      args: [{ municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH', actor: CASEWORKER }],
    });
    const released = await handle.executeUpdate(recordReleaseUpdate, {
      args: [{ releasedAt: at(4), actor: CASEWORKER }],
    });
    return { input, handle, released, at };
  }

  it('hands over at release: the prison reads, the district decides, and accepting continuation begins the police phase', async () => {
    const { input, handle, released, at } = await releasedCourse();
    expect(released.status).toBe('awaiting_handover_decision');
    expect(released.handover).toEqual({
      policeDistrictCode: 'POL-KBH',
      municipalityCode: 'KOM-0101',
      releasedAt: at(4),
    });
    expect(released.steps.filter((step) => step.status === 'open').map((step) => step.kind)).toEqual([
      'handover_decision',
    ]);
    expect(released.steps.find((step) => step.kind === 'mentor_contact')?.status).toBe('cancelled');
    expect(released.steps.find((step) => step.kind === 'handover_decision')?.dueAt).toBe(
      computeDueAt({ unit: 'calendar-days', days: 7 }, new Date(at(4))).toISOString(),
    );
    expect(
      await harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [
        input.caseId,
      ]),
    ).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'read' },
      { org_unit: 'KOM-0101', access: 'read' },
      { org_unit: 'POL-KBH', access: 'write' },
    ]);

    const result = await handle.executeUpdate(decideHandoverUpdate, {
      args: [{ decision: 'accept', continuation: 'with_municipality', decidedAt: at(4.5), actor: POLICE }],
    });
    expect(result.status).toBe('police_course_active');
    expect(result.handover?.continuation).toBe('with_municipality');
    const [facts] = await harness.db.query(
      `SELECT handover_district, handover_continuation FROM exit_courses WHERE case_id = $1`,
      [input.caseId],
    );
    expect(facts).toEqual({ handover_district: 'POL-KBH', handover_continuation: 'with_municipality' });
    expect(await caseRow(input.caseId)).toMatchObject({ status: 'police_course_active', closed_at: null });
    // Recorded before the police phase (patch police-phase): the file keeps the course that ended here.
    await recordHistory('handed-over-continued', handle.workflowId);
    await handle.terminate('the police phase has its own workflow spec');
  });

  it('escalates a handover not decided in time; a decline returns it to the prison, which hands over again; closing needs a reason', async () => {
    const { input, handle, released } = await releasedCourse();
    const due = Date.parse(released.steps.find((step) => step.kind === 'handover_decision')!.dueAt);
    await harness.env.sleep(due - (await now()).getTime() + DAY_MS);
    const overdue = await handle.executeUpdate(readModelSyncedUpdate);
    expect(overdue.steps.find((step) => step.kind === 'handover_decision')?.overdueAt).toBeDefined();

    const declined = await handle.executeUpdate(decideHandoverUpdate, {
      args: [
        {
          decision: 'decline',
          reason: 'Personen bor i Vestegnens kreds.',
          decidedAt: new Date(due + 3600_000).toISOString(),
          actor: POLICE,
        },
      ],
    });
    expect(declined.status).toBe('handover_declined');
    expect(declined.steps.find((step) => step.kind === 'handover_decision')).toMatchObject({
      status: 'completed',
      latenessSeconds: 3600,
    });
    const redirected = await handle.executeUpdate(redirectHandoverUpdate, {
      args: [
        {
          policeDistrictCode: 'POL-KBH-VESTEGN',
          redirectedAt: new Date(due + 2 * 3600_000).toISOString(),
          actor: CASEWORKER,
        },
      ],
    });
    expect(redirected.status).toBe('awaiting_handover_decision');
    expect(
      await harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [
        input.caseId,
      ]),
    ).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'read' },
      { org_unit: 'KOM-0101', access: 'read' },
      { org_unit: 'POL-KBH', access: 'read' },
      { org_unit: 'POL-KBH-VESTEGN', access: 'write' },
    ]);
    const noReason = await refusalOf(
      handle.executeUpdate(decideHandoverUpdate, {
        args: [
          {
            decision: 'accept',
            continuation: 'closed',
            decidedAt: new Date(due + 3 * 3600_000).toISOString(),
            actor: POLICE,
          },
        ],
      }),
    );
    expect(noReason).toEqual({ type: 'InvalidDomainData', message: 'Et afsluttet forløb skal have en begrundelse.' });
    await handle.executeUpdate(decideHandoverUpdate, {
      args: [
        {
          decision: 'accept',
          continuation: 'closed',
          reason: 'Ønsker ikke at fortsætte efter løsladelse.',
          decidedAt: new Date(due + 3 * 3600_000).toISOString(),
          actor: POLICE,
        },
      ],
    });
    expect((await handle.result()).status).toBe('handed_over_closed');
    expect(
      await harness.db.query(
        `SELECT recipient_unit FROM notifications WHERE case_id = $1 AND kind = 'handover' ORDER BY created_at, recipient_unit`,
        [input.caseId],
      ),
    ).toEqual([{ recipient_unit: 'POL-KBH' }, { recipient_unit: 'POL-KBH-VESTEGN' }]);
    await recordHistory('handover-declined-redirected-closed', handle.workflowId);
  });

  it('records the reason code of a declined handover and of a closure in their case events (ending-reasons.ts)', async () => {
    const { input, handle, at } = await releasedCourse();
    const wrongCode = await refusalOf(
      handle.executeUpdate(decideHandoverUpdate, {
        args: [{ decision: 'decline', reasonCode: 'completed', reason: '', decidedAt: at(4.2), actor: POLICE }],
      }),
    );
    expect(wrongCode.type).toBe('InvalidDomainData');
    expect(wrongCode.message).toMatch(/^Årsagen skal være »personen hører til en anden politikreds«/);
    await handle.executeUpdate(decideHandoverUpdate, {
      args: [{ decision: 'decline', reasonCode: 'other_district', reason: '', decidedAt: at(4.3), actor: POLICE }],
    });
    await handle.executeUpdate(redirectHandoverUpdate, {
      args: [{ policeDistrictCode: 'POL-KBH-VESTEGN', redirectedAt: at(4.4), actor: CASEWORKER }],
    });
    await handle.executeUpdate(decideHandoverUpdate, {
      args: [
        {
          decision: 'accept',
          continuation: 'closed',
          reasonCode: 'not_reachable',
          decidedAt: at(4.5),
          actor: POLICE,
        },
      ],
    });
    expect((await handle.result()).status).toBe('handed_over_closed');
    expect(
      await harness.db.query(
        `SELECT action, reason_code, reason FROM case_events
          WHERE case_id = $1 AND action IN ('handover_declined', 'handover_accepted') ORDER BY transition_seq`,
        [input.caseId],
      ),
    ).toEqual([
      { action: 'handover_declined', reason_code: 'other_district', reason: null },
      { action: 'handover_accepted', reason_code: 'not_reachable', reason: null },
    ]);
  });

  it('refuses an interruption while the police exit unit holds the case, and notifies the municipality of the release', async () => {
    const { input, handle, at } = await releasedCourse();
    const refused = await refusalOf(
      handle.executeUpdate(interruptCourseUpdate, {
        args: [{ by: 'kriminalforsorgen', reason: 'x', interruptedAt: at(4.2), actor: CASEWORKER }],
      }),
    );
    expect(refused).toEqual({
      type: 'IllegalTransition',
      message: 'Forløbet kan ikke afbrydes: det er overdraget og afventer politiets exitenhed.',
    });
    expect(
      await harness.db.query(
        `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND kind IN ('handover', 'release') ORDER BY kind`,
        [input.caseId],
      ),
    ).toEqual([
      { recipient_unit: 'POL-KBH', kind: 'handover' },
      { recipient_unit: 'KOM-0101', kind: 'release' },
    ]);
    const cancelled = await harness.db.query(
      `SELECT details->>'kind' AS kind FROM case_events WHERE case_id = $1 AND action = 'step_cancelled'`,
      [input.caseId],
    );
    expect(cancelled).toEqual([{ kind: 'mentor_contact' }]);
    const declined = await handle.executeUpdate(decideHandoverUpdate, {
      args: [{ decision: 'decline', reason: 'Forkert kreds', decidedAt: at(4.3), actor: POLICE }],
    });
    expect(declined.status).toBe('handover_declined');
    const same = await refusalOf(
      handle.executeUpdate(redirectHandoverUpdate, {
        args: [{ policeDistrictCode: 'POL-KBH', redirectedAt: at(4.4), actor: CASEWORKER }],
      }),
    );
    expect(same).toEqual({
      type: 'InvalidDomainData',
      message: 'Politikredsen har netop afvist overdragelsen: vælg en anden.',
    });
  });

  it('refuses a release before the agreement is signed', async () => {
    const input = exitCourseInput(await now());
    const handle = await start(input);
    await harness.env.sleep(DAY_MS);
    const refused = await refusalOf(
      handle.executeUpdate(recordReleaseUpdate, {
        args: [{ releasedAt: (await now()).toISOString(), actor: CASEWORKER }],
      }),
    );
    expect(refused).toEqual({
      type: 'IllegalTransition',
      message:
        'Løsladelsen kan ikke registreres: forløbet afventer egnethedsvurdering. Uden indgået aftale afbrydes forløbet i stedet.',
    });
  });
});

describe('exit-course workflow: long courses continue as new', () => {
  it('carries every fact into the next run when the history grows, and goes on from there', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt, { historyEventLimit: 80 });
    const handle = await start(input);
    const firstRun = (await handle.describe()).runId;
    await harness.env.sleep(40 * DAY_MS);
    const at = (days: number) => new Date(referredAt.getTime() + days * DAY_MS).toISOString();
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: at(1), actor: CASEWORKER }],
    });
    await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: at(2), actor: CASEWORKER }] });
    await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(3), actor: CASEWORKER }],
    });
    for (let day = 4; day < 36; day += 2) {
      await handle.executeUpdate(logMentorContactUpdate, {
        args: [{ contactAt: at(day), form: day % 4 ? 'phone' : 'meeting', durationMinutes: 30, actor: CASEWORKER }],
      });
    }
    const carried = await handle.query(exitCourseStateQuery);
    const latest = await harness.env.client.workflow.getHandle(handle.workflowId).describe();

    expect(latest.runId).not.toBe(firstRun);
    expect(latest.historyLength).toBeLessThan(80);
    expect(carried.mentor).toEqual({
      mentorRef: 'MENTOR-0042',
      assignedAt: at(3),
      contactCount: 16,
      contactMinutes: 480,
      lastContactAt: at(34),
    });
    expect(carried.status).toBe('agreement_active');
    const openCadence = carried.steps.filter((step) => step.kind === 'mentor_contact' && step.status === 'open');
    expect(openCadence).toHaveLength(1);
    const rows = await harness.db.query(`SELECT count(*)::int AS n FROM mentor_contacts WHERE case_id = $1`, [
      input.caseId,
    ]);
    expect(rows[0].n).toBe(16);
    const seqs: { transition_seq: number }[] = await harness.db.query(
      `SELECT DISTINCT transition_seq FROM case_events WHERE case_id = $1 ORDER BY transition_seq`,
      [input.caseId],
    );
    expect(seqs.map((row) => row.transition_seq)).toEqual(seqs.map((_row, index) => index + 1));
    expect((await caseRow(input.caseId)).last_seq).toBe(seqs.length);

    // The carried cadence timer still fires in the new run, and decisions still land.
    await harness.env.sleep(Date.parse(openCadence[0].dueAt) - (await now()).getTime() + 3600_000);
    const alarmed = await handle.executeUpdate(readModelSyncedUpdate);
    expect(alarmed.steps.find((step) => step.stepId === openCadence[0].stepId)?.overdueAt).toBeDefined();
    await handle.executeUpdate(interruptCourseUpdate, {
      args: [{ by: 'inmate', reason: 'Stop', interruptedAt: (await now()).toISOString(), actor: CASEWORKER }],
    });
    expect((await harness.env.client.workflow.getHandle(handle.workflowId).result()).status).toBe(
      'interrupted_by_inmate',
    );
    expect((await caseRow(input.caseId)).status).toBe('interrupted_by_inmate');
  });

  it('records a history of a continued run, carried input included, for the replay tests', async () => {
    const referredAt = await now();
    const input = exitCourseInput(referredAt, { historyEventLimit: 40 });
    const handle = await start(input);
    await harness.env.sleep(20 * DAY_MS);
    const at = (days: number) => new Date(referredAt.getTime() + days * DAY_MS).toISOString();
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: at(1), actor: CASEWORKER }],
    });
    await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: at(2), actor: CASEWORKER }] });
    await handle.executeUpdate(assignMentorUpdate, {
      args: [{ mentorRef: 'MENTOR-0042', assignedAt: at(3), actor: CASEWORKER }],
    });
    for (let day = 4; day < 16; day += 2) {
      await handle.executeUpdate(logMentorContactUpdate, {
        args: [{ contactAt: at(day), form: 'meeting', durationMinutes: 45, actor: CASEWORKER }],
      });
    }
    const latest = harness.env.client.workflow.getHandle(handle.workflowId);
    const [startEvent] = (await latest.fetchHistory()).events!;
    expect(startEvent.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();
    await recordHistory('continued-as-new', handle.workflowId);
  });
});
