import type { CaseStep } from '../../libs/domain/case/case-step';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import { dksCaseStateQuery, dksReadModelSyncedUpdate } from '../../workflows/dks-case/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../workflows/dks-case/dks-case.workflow';
import {
  exitCourseStateQuery,
  readModelSyncedUpdate,
  recordSuitabilityAssessmentUpdate,
} from '../../workflows/exit-course/exit-course.messages';
import { EXIT_COURSE_WORKFLOW_ID_PREFIX, exitCourseWorkflow } from '../../workflows/exit-course/exit-course.workflow';
import {
  councilReadModelSyncedUpdate,
  networkCouncilStateQuery,
} from '../../workflows/network-council/network-council.messages';
import {
  NETWORK_COUNCIL_WORKFLOW_ID_PREFIX,
  networkCouncilWorkflow,
} from '../../workflows/network-council/network-council.workflow';
import {
  extendStepDeadlineUpdate,
  recordMissedDeadlineReasonUpdate,
  resumeStepDeadlineUpdate,
  suspendStepDeadlineUpdate,
} from '../../workflows/case/step-deadline.messages';
import { dksInput, DKS_OFFICER } from '../support/dks-case-fixtures';
import { CASEWORKER, DAY_MS, exitCourseInput } from '../support/exit-course-fixtures';
import { networkCouncilInput } from '../support/network-council-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

/**
 * The case kernel's deadline decisions (libs/domain/case/step-deadline.ts) in every workflow type: a
 * configurable deadline suspended and resumed moves by the elapsed time it waited — exact across the
 * change to summer time — fires nothing while it waits, and extends to the instant given; a deadline fixed
 * by law refuses both, and takes the reason it was missed.
 */
const TASK_QUEUE = 'step-deadlines-workflow-test';
const HOUR_MS = 3600_000;
const harness = useWorkflowTestHarness(TASK_QUEUE, 'exit-course');
const { now } = harness;

const startCourse = (referredAt: Date, suitabilityDays = 30, personRef = 'P-TEST-0001') => {
  const deadlines = {
    ...defaultDeadlinePolicy(),
    suitabilityAssessment: { unit: 'calendar-days' as const, days: suitabilityDays },
  };
  const input = exitCourseInput(referredAt, { deadlines, personRef });
  return harness.startSynced(
    exitCourseWorkflow,
    `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    readModelSyncedUpdate,
    input,
  );
};

const suspend = (stepId: string) => ({
  stepId,
  reason: 'other_authority' as const,
  note: 'Venter på udtalelse fra kommunen.',
  actor: CASEWORKER,
});

async function sleepUntil(instant: string): Promise<void> {
  const ms = Date.parse(instant) - (await now()).getTime();
  if (ms > 0) await harness.env.sleep(ms);
}

const stepRow = async (stepId: string) =>
  (
    await harness.db.query(
      `SELECT due_at, overdue_at, suspended_at, suspension_reason, missed_reason, missed_note FROM steps WHERE id = $1`,
      [stepId],
    )
  )[0];

describe('deadlines that may wait', () => {
  it('moves a suspended deadline by exactly the elapsed time suspended, across the change to summer time', async () => {
    // Suspended on Saturday 27 March 2027 at 12.00, resumed on Monday 29 March at 12.00 (Danish time): two
    // calendar days, but 47 hours — the clocks go forward on the night of the 28th.
    const referredAt = await now();
    const handle = await startCourse(referredAt, 200);
    const { stepId, dueAt } = (await handle.query(exitCourseStateQuery)).steps[0];

    await sleepUntil('2027-03-27T11:00:00.000Z');
    const suspended = (await handle.executeUpdate(suspendStepDeadlineUpdate, {
      args: [{ ...suspend(stepId), expectedUntil: '2027-03-29T10:00:00.000Z' }],
    })) as { steps: CaseStep[] };
    const since = suspended.steps[0].suspension!.since;
    expect(suspended.steps[0]).toMatchObject({ dueAt, suspension: { reason: 'other_authority' } });
    expect((await stepRow(stepId)).suspension_reason).toBe('other_authority');

    await sleepUntil('2027-03-29T10:00:00.000Z');
    const resumed = (await handle.executeUpdate(resumeStepDeadlineUpdate, {
      args: [{ stepId, actor: CASEWORKER }],
    })) as { steps: CaseStep[] };
    const [event] = await harness.db.query(
      `SELECT occurred_at, details FROM case_events WHERE step_id = $1 AND action = 'deadline_resumed'`,
      [stepId],
    );
    const suspendedMs = event.occurred_at.getTime() - Date.parse(since);
    expect(event.details.suspendedMs).toBe(suspendedMs);
    // 47 elapsed hours (the test server's clock moves in steps of a few milliseconds), not 48.
    expect(Math.abs(suspendedMs - 47 * HOUR_MS)).toBeLessThan(60_000);
    expect(Date.parse(resumed.steps[0].dueAt) - Date.parse(dueAt)).toBe(suspendedMs);
    expect(resumed.steps[0].suspension).toBeUndefined();
    const row = await stepRow(stepId);
    expect(row.due_at.toISOString()).toBe(resumed.steps[0].dueAt);
    expect(row.suspended_at).toBeNull();
    const notices = await harness.db.query(
      `SELECT due_at FROM notifications WHERE step_id = $1 AND kind = 'deadline_changed' ORDER BY created_at`,
      [stepId],
    );
    expect(notices.map((notice: { due_at: Date }) => notice.due_at.toISOString())).toEqual([
      dueAt,
      resumed.steps[0].dueAt,
    ]);
    await harness.recordHistory('deadline-suspended', handle.workflowId);
  });

  it('fires neither warning nor overdue while a deadline is suspended, and again once it is resumed', async () => {
    const referredAt = await now();
    const handle = await startCourse(referredAt);
    const { stepId, dueAt } = (await handle.query(exitCourseStateQuery)).steps[0];
    await harness.env.sleep(DAY_MS);
    await handle.executeUpdate(suspendStepDeadlineUpdate, { args: [suspend(stepId)] });

    await harness.env.sleep(40 * DAY_MS); // past the 30-day deadline and its warning window
    const waiting = await handle.executeUpdate(readModelSyncedUpdate);
    expect(waiting.steps[0]).toMatchObject({ status: 'open', dueAt });
    expect(waiting.steps[0].overdueAt).toBeUndefined();
    expect(waiting.steps[0].warnedFor).toBeUndefined();
    expect((await stepRow(stepId)).overdue_at).toBeNull();
    const [{ n }] = await harness.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE step_id = $1 AND kind IN ('deadline_warning', 'deadline_overdue')`,
      [stepId],
    );
    expect(n).toBe(0);

    const resumed = (await handle.executeUpdate(resumeStepDeadlineUpdate, {
      args: [{ stepId, actor: CASEWORKER }],
    })) as { steps: CaseStep[] };
    const newDue = resumed.steps[0].dueAt;
    expect(Date.parse(newDue) - Date.parse(dueAt)).toBeGreaterThanOrEqual(40 * DAY_MS);
    await sleepUntil(new Date(Date.parse(newDue) + 60_000).toISOString());
    const overdue = await handle.executeUpdate(readModelSyncedUpdate);
    expect(overdue.steps[0].warnedFor).toBe(newDue);
    expect(overdue.steps[0].overdueAt).toBeDefined();
  });

  it('measures a step completed while its deadline waits against the deadline moved by the time waited', async () => {
    const referredAt = await now();
    // A person of its own: the assessment decides, and the read model keeps one open course per person.
    const handle = await startCourse(referredAt, 30, `P-TEST-${referredAt.getTime()}`);
    const { stepId, dueAt } = (await handle.query(exitCourseStateQuery)).steps[0];
    await harness.env.sleep(DAY_MS);
    await handle.executeUpdate(suspendStepDeadlineUpdate, { args: [suspend(stepId)] });
    // Past the original 30 days, but 10 of them waited: 9 days early, not 1 day late.
    await harness.env.sleep(10 * DAY_MS);
    const { since } = (await handle.query(exitCourseStateQuery)).steps[0].suspension!;
    const decidedAt = new Date(Date.parse(since) + 10 * DAY_MS).toISOString();
    await harness.env.sleep(20 * DAY_MS);
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt, actor: CASEWORKER }],
    });
    const [step] = (await handle.query(exitCourseStateQuery)).steps;
    expect(step).toMatchObject({
      status: 'completed',
      dueAt: new Date(Date.parse(dueAt) + 10 * DAY_MS).toISOString(),
      latenessSeconds: 0,
    });
    expect(step.suspension).toBeUndefined();
    const row = await stepRow(stepId);
    expect([row.suspended_at, row.overdue_at]).toEqual([null, null]);
  });

  it('extends a deadline to the instant given, and refuses one that is not later', async () => {
    const referredAt = await now();
    const handle = await startCourse(referredAt);
    const { stepId, dueAt } = (await handle.query(exitCourseStateQuery)).steps[0];
    const earlier = await refusalOf(
      handle.executeUpdate(extendStepDeadlineUpdate, {
        args: [{ stepId, reason: 'citizen', note: 'Borgeren er bortrejst.', dueAt, actor: CASEWORKER }],
      }),
    );
    expect(earlier.type).toBe('InvalidDomainData');
    expect(earlier.message).toMatch(/^Den nye frist skal ligge efter den nuværende frist \(/);

    const newDue = new Date(Date.parse(dueAt) + 10 * DAY_MS + 3 * HOUR_MS).toISOString();
    const extended = (await handle.executeUpdate(extendStepDeadlineUpdate, {
      args: [{ stepId, reason: 'citizen', note: 'Borgeren er bortrejst.', dueAt: newDue, actor: CASEWORKER }],
    })) as { steps: CaseStep[] };
    expect(extended.steps[0].dueAt).toBe(newDue);
    expect((await stepRow(stepId)).due_at.toISOString()).toBe(newDue);
    const [event] = await harness.db.query(
      `SELECT actor_id, reason, details FROM case_events WHERE step_id = $1 AND action = 'deadline_extended'`,
      [stepId],
    );
    expect(event).toEqual({
      actor_id: CASEWORKER.id,
      reason: 'Borgeren er bortrejst.',
      details: { kind: 'suitability_assessment', waitReason: 'citizen', previousDueAt: dueAt, dueAt: newDue },
    });
    // Not overdue at the old deadline; overdue at the new one.
    await sleepUntil(new Date(Date.parse(dueAt) + HOUR_MS).toISOString());
    expect((await handle.executeUpdate(readModelSyncedUpdate)).steps[0].overdueAt).toBeUndefined();
    await sleepUntil(new Date(Date.parse(newDue) + 60_000).toISOString());
    expect((await handle.executeUpdate(readModelSyncedUpdate)).steps[0].overdueAt).toBeDefined();
  });

  it('refuses to suspend or extend a deadline fixed by law, and changes nothing', async () => {
    const input = networkCouncilInput(await now(), { id: 'user-kommune-kbh-1' });
    const handle = await harness.startSynced(
      networkCouncilWorkflow,
      `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`,
      councilReadModelSyncedUpdate,
      input,
    );
    const before = await handle.query(networkCouncilStateQuery);
    const { stepId, dueAt } = before.steps[0];
    const suspension = await refusalOf(handle.executeUpdate(suspendStepDeadlineUpdate, { args: [suspend(stepId)] }));
    expect(suspension).toEqual({
      type: 'IllegalTransition',
      message:
        'Fristen er fastsat ved lov og kan ikke sættes i bero: netværkssamråd senest 7 dage efter modtagelse af dokumentation fra politiet (003_6c7327a7c185bb1e.txt).',
    });
    const extension = await refusalOf(
      handle.executeUpdate(extendStepDeadlineUpdate, {
        args: [
          {
            stepId,
            reason: 'other',
            note: 'Ferie.',
            dueAt: new Date(Date.parse(dueAt) + DAY_MS).toISOString(),
            actor: CASEWORKER,
          },
        ],
      }),
    );
    expect(extension.type).toBe('IllegalTransition');
    expect(extension.message).toMatch(/^Fristen er fastsat ved lov og kan ikke forlænges: /);
    expect(await handle.query(networkCouncilStateQuery)).toEqual(before);
    expect((await stepRow(stepId)).due_at.toISOString()).toBe(dueAt);
  });

  it('records why a legal deadline was missed, once, on the overdue step', async () => {
    const input = dksInput(new Date((await now()).getTime() - 25 * HOUR_MS));
    const handle = await harness.startSynced(
      dksCaseWorkflow,
      `${DKS_CASE_WORKFLOW_ID_PREFIX}${input.caseId}`,
      dksReadModelSyncedUpdate,
      input,
    );
    const { stepId } = (await handle.query(dksCaseStateQuery)).steps[0];
    const reason = {
      stepId,
      reason: 'registered_late' as const,
      note: 'Anmeldelsen kom først i dag.',
      actor: DKS_OFFICER,
    };
    const recorded = (await handle.executeUpdate(recordMissedDeadlineReasonUpdate, { args: [reason] })) as {
      steps: CaseStep[];
    };
    expect(recorded.steps[0].missedReason).toMatchObject({ reason: 'registered_late', note: reason.note });
    expect(await stepRow(stepId)).toMatchObject({ missed_reason: 'registered_late', missed_note: reason.note });
    const again = await refusalOf(handle.executeUpdate(recordMissedDeadlineReasonUpdate, { args: [reason] }));
    expect(again).toEqual({
      type: 'IllegalTransition',
      message: 'Årsagen til den overskredne frist er allerede registreret.',
    });
    const legal = await refusalOf(handle.executeUpdate(suspendStepDeadlineUpdate, { args: [suspend(stepId)] }));
    expect(legal.message).toMatch(
      /^Fristen er fastsat ved lov og kan ikke sættes i bero: DKS-vurdering inden for 24 timer/,
    );
  });
});
