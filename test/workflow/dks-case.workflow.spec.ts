import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import type { StartDksCaseInput } from '../../libs/domain/youth/dks-case.types';
import {
  dksCaseStateQuery,
  dksReadModelSyncedUpdate,
  planHomeVisitUpdate,
  recordDksAssessmentUpdate,
  recordFollowUpCheckUpdate,
  recordHomeVisitUpdate,
} from '../../workflows/dks-case/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../workflows/dks-case/dks-case.workflow';
import { DKS_OFFICER, dksInput } from '../support/dks-case-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'dks-case-workflow-test';
const HOUR_MS = 3600_000;

const harness = useWorkflowTestHarness(TASK_QUEUE, 'dks-case');
const { now, recordHistory } = harness;

const start = (input: StartDksCaseInput) =>
  harness.startSynced(
    dksCaseWorkflow,
    `${DKS_CASE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    dksReadModelSyncedUpdate,
    input,
  );

describe('DKS case workflow', () => {
  it('makes the assessment due 24 elapsed hours after the charge, escalates it, and records a late decision', async () => {
    const triggeredAt = await now();
    const input = dksInput(triggeredAt);
    const handle = await start(input);
    const state = await handle.query(dksCaseStateQuery);
    expect(state.steps[0]).toMatchObject({
      kind: 'dks_assessment',
      dueAt: new Date(triggeredAt.getTime() + 24 * HOUR_MS).toISOString(),
    });

    await harness.env.sleep(24 * HOUR_MS - 60_000);
    expect((await handle.query(dksCaseStateQuery)).steps[0].overdueAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    expect((await handle.executeUpdate(dksReadModelSyncedUpdate)).steps[0].overdueAt).toBeDefined();

    const decidedAt = new Date(triggeredAt.getTime() + 24 * HOUR_MS + 45_000).toISOString();
    const assessed = await handle.executeUpdate(recordDksAssessmentUpdate, {
      args: [
        {
          concernConversation: true,
          reason: 'Sigtet for våbenbesiddelse; bror i bande.',
          decidedAt,
          actor: DKS_OFFICER,
        },
      ],
    });
    expect(assessed.status).toBe('awaiting_home_visit');
    expect(assessed.steps[0]).toMatchObject({ status: 'completed', latenessSeconds: 45 });
    const [row] = await harness.db.query(`SELECT case_type, org_unit, status FROM cases WHERE id = $1`, [input.caseId]);
    expect(row).toEqual({ case_type: 'dks_assessment', org_unit: 'POL-KBH', status: 'awaiting_home_visit' });
    await recordHistory('late-assessment', handle.workflowId);
  });

  it('warns at the window the case started with, whatever the table says now', async () => {
    // Started with a 2-hour window for the assessment: due soon 22 hours after the charge, not 18.
    const triggeredAt = await now();
    const handle = await start({ ...dksInput(triggeredAt), warningWindows: { dks_assessment: 2 } });
    await harness.env.sleep(22 * HOUR_MS - 60_000);
    expect((await handle.query(dksCaseStateQuery)).steps[0].warnedFor).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    const dueAt = new Date(triggeredAt.getTime() + 24 * HOUR_MS).toISOString();
    expect((await handle.query(dksCaseStateQuery)).steps[0].warnedFor).toBe(dueAt);
  });

  it('warns a case started without windows in its input at the windows it was recorded with', async () => {
    const triggeredAt = await now();
    const handle = await start(dksInput(triggeredAt));
    await harness.env.sleep(18 * HOUR_MS - 60_000);
    expect((await handle.query(dksCaseStateQuery)).steps[0].warnedFor).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    expect((await handle.query(dksCaseStateQuery)).steps[0].warnedFor).toBe(
      new Date(triggeredAt.getTime() + 24 * HOUR_MS).toISOString(),
    );
  });

  it('counts the 24 hours as elapsed hours across the spring clock change', async () => {
    // Charged Saturday 2026-03-28 12:00 CET; the clocks jump at 02:00 that night, so 24 real hours later
    // is Sunday 13:00 CEST = 2026-03-29T11:00Z. Registered late: overdue at once.
    const handle = await start(dksInput(new Date('2026-03-28T11:00:00.000Z')));
    const state = await handle.query(dksCaseStateQuery);
    expect(state.steps[0].dueAt).toBe('2026-03-29T11:00:00.000Z');
    expect(state.steps[0].overdueAt).toBeDefined();
  });

  it('makes a charge registered more than 24 hours later overdue at once', async () => {
    const current = await now();
    const handle = await start(dksInput(new Date(current.getTime() - 30 * HOUR_MS)));
    const state = await handle.query(dksCaseStateQuery);
    expect(state.steps[0].overdueAt).toBeDefined();
  });

  it('plans and holds the home visit, then makes the follow-up due 14 Danish calendar days later, across the October clock change', async () => {
    // Charged 2026-10-19, registered late; visit held Tuesday 2026-10-20 12:00 CEST. 14 days later is
    // 2026-11-03; the check is due by the end of that day in Copenhagen: 2026-11-04 00:00 CET = 23:00Z.
    const input = dksInput(new Date('2026-10-19T08:00:00.000Z'));
    const handle = await start(input);
    await handle.executeUpdate(recordDksAssessmentUpdate, {
      args: [
        {
          concernConversation: true,
          reason: 'Bekymrende adfærd.',
          decidedAt: '2026-10-19T20:00:00.000Z',
          actor: DKS_OFFICER,
        },
      ],
    });
    // The visit lies in the past now: it cannot be planned any more, only registered as held.
    const pastPlan = await refusalOf(
      handle.executeUpdate(planHomeVisitUpdate, {
        args: [{ plannedFor: '2026-10-20T10:00:00.000Z', actor: DKS_OFFICER }],
      }),
    );
    expect(pastPlan).toEqual({
      type: 'InvalidDomainData',
      message:
        'Hjemmebesøget kan kun planlægges frem i tiden, efter vurderingen. Er det holdt, registreres det som holdt.',
    });
    const beforeAssessment = await refusalOf(
      handle.executeUpdate(recordHomeVisitUpdate, {
        args: [{ heldAt: '2026-10-19T19:00:00.000Z', withSocialServices: true, initiatives: 'x', actor: DKS_OFFICER }],
      }),
    );
    expect(beforeAssessment).toEqual({
      type: 'InvalidDomainData',
      message: 'Tidspunktet for hjemmebesøget ligger før vurderingen (19.10.2026 kl. 22.00).',
    });
    const noSocialServices = await refusalOf(
      handle.executeUpdate(recordHomeVisitUpdate, {
        args: [{ heldAt: '2026-10-20T10:00:00.000Z', withSocialServices: false, initiatives: 'x', actor: DKS_OFFICER }],
      }),
    );
    expect(noSocialServices).toEqual({
      type: 'InvalidDomainData',
      message: 'Bekymringssamtalen holdes som hjemmebesøg sammen med socialforvaltningen.',
    });
    const held = await handle.executeUpdate(recordHomeVisitUpdate, {
      args: [
        {
          heldAt: '2026-10-20T10:00:00.000Z',
          withSocialServices: true,
          initiatives: 'Fritidsjob, SSP-kontakt.',
          actor: DKS_OFFICER,
        },
      ],
    });
    expect(held.status).toBe('awaiting_follow_up');
    expect(held.steps.find((step) => step.kind === 'follow_up_check')?.dueAt).toBe('2026-11-03T23:00:00.000Z');
    const beforeVisit = await refusalOf(
      handle.executeUpdate(recordFollowUpCheckUpdate, {
        args: [{ checkedAt: '2026-10-20T09:00:00.000Z', findings: 'x', actor: DKS_OFFICER }],
      }),
    );
    expect(beforeVisit).toEqual({
      type: 'InvalidDomainData',
      message: 'Tidspunktet for opfølgningen ligger før hjemmebesøget (20.10.2026 kl. 12.00).',
    });
    const checked = await handle.executeUpdate(recordFollowUpCheckUpdate, {
      args: [{ checkedAt: '2026-11-02T09:00:00.000Z', findings: 'Fritidsjob i gang.', actor: DKS_OFFICER }],
    });
    expect(checked.status).toBe('followed_up');
    expect(checked.steps.find((step) => step.kind === 'follow_up_check')).toMatchObject({
      status: 'completed',
      latenessSeconds: 0,
    });
    expect((await handle.result()).closedAt).toBe('2026-11-02T09:00:00.000Z');
    await recordHistory('followed-up', handle.workflowId);
  });

  it('keeps a case with a yes to a concern conversation on the boards until the home visit is planned', async () => {
    const triggeredAt = new Date((await now()).getTime() - 5 * HOUR_MS);
    const handle = await start(dksInput(triggeredAt));
    const decidedAt = new Date(triggeredAt.getTime() + HOUR_MS).toISOString();
    const assessed = await handle.executeUpdate(recordDksAssessmentUpdate, {
      args: [{ concernConversation: true, reason: 'Bror i bande.', decidedAt, actor: DKS_OFFICER }],
    });
    const planningDue = computeDueAt({ unit: 'calendar-days', days: 7 }, new Date(decidedAt)).toISOString();
    expect(assessed.steps.find((step) => step.kind === 'home_visit_planning')).toMatchObject({
      status: 'open',
      openedAt: decidedAt,
      dueAt: planningDue,
    });

    // Not planned in 7 days: overdue like any step, and on the boards.
    await harness.env.sleep(Date.parse(planningDue) - (await now()).getTime() + 60_000);
    const late = await handle.executeUpdate(dksReadModelSyncedUpdate);
    expect(late.steps.find((step) => step.kind === 'home_visit_planning')?.overdueAt).toBeDefined();
    const plannedFor = new Date((await now()).getTime() + 48 * HOUR_MS).toISOString();
    const planned = await handle.executeUpdate(planHomeVisitUpdate, { args: [{ plannedFor, actor: DKS_OFFICER }] });
    expect(planned.steps.map((step) => [step.kind, step.status])).toEqual([
      ['dks_assessment', 'completed'],
      ['home_visit_planning', 'completed'],
      ['home_visit', 'open'],
    ]);
    expect(planned.steps[1].latenessSeconds).toBeGreaterThanOrEqual(60);
    const [row] = await harness.db.query(
      `SELECT status, outcome FROM steps WHERE case_id = $1 AND kind = 'home_visit_planning'`,
      [assessed.caseId],
    );
    expect(row).toEqual({ status: 'completed', outcome: 'planned' });
    await recordHistory('home-visit-planning', handle.workflowId);
  });

  it('closes the planning step when the visit is registered as held without a plan', async () => {
    const triggeredAt = new Date((await now()).getTime() - 5 * HOUR_MS);
    const handle = await start(dksInput(triggeredAt));
    const decidedAt = new Date(triggeredAt.getTime() + HOUR_MS).toISOString();
    await handle.executeUpdate(recordDksAssessmentUpdate, {
      args: [{ concernConversation: true, reason: 'Bror i bande.', decidedAt, actor: DKS_OFFICER }],
    });
    const heldAt = new Date(triggeredAt.getTime() + 3 * HOUR_MS).toISOString();
    const held = await handle.executeUpdate(recordHomeVisitUpdate, {
      args: [{ heldAt, withSocialServices: true, initiatives: 'Fritidsjob.', actor: DKS_OFFICER }],
    });
    expect(held.steps.map((step) => [step.kind, step.status, step.completedAt ?? null])).toEqual([
      ['dks_assessment', 'completed', decidedAt],
      ['home_visit_planning', 'completed', heldAt],
      ['home_visit', 'completed', heldAt],
      ['follow_up_check', 'open', null],
    ]);
  });

  it('closes when no concern conversation is to be held, and refuses steps out of order', async () => {
    const triggeredAt = await now();
    const handle = await start(dksInput(triggeredAt));
    const early = await refusalOf(
      handle.executeUpdate(recordFollowUpCheckUpdate, {
        args: [{ checkedAt: triggeredAt.toISOString(), findings: 'x', actor: DKS_OFFICER }],
      }),
    );
    expect(early).toEqual({
      type: 'IllegalTransition',
      message: 'Opfølgningstjekket kan ikke registreres: sagen er afventer DKS-vurdering.',
    });
    await harness.env.sleep(HOUR_MS);
    await handle.executeUpdate(recordDksAssessmentUpdate, {
      args: [
        {
          concernConversation: false,
          reason: 'Enkeltstående hændelse.',
          decidedAt: triggeredAt.toISOString(),
          actor: DKS_OFFICER,
        },
      ],
    });
    expect((await handle.result()).status).toBe('closed_no_concern_conversation');
  });
});
