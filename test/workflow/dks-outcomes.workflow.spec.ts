import type { StartDksCaseInput } from '../../libs/domain/youth/dks-case.types';
import {
  dksCaseStateQuery,
  dksReadModelSyncedUpdate,
  endDksCaseUpdate,
  moveDksCaseUpdate,
  planHomeVisitUpdate,
  recordDksAssessmentUpdate,
  recordSocialServicesParticipationUpdate,
} from '../../workflows/dks-case/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../workflows/dks-case/dks-case.workflow';
import { DKS_OFFICER, dksInput } from '../support/dks-case-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'dks-outcomes-workflow-test';
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

type Handle = Awaited<ReturnType<typeof start>>;

/** A yes to a concern conversation an hour after the charge. */
async function assessedYes(handle: Handle, triggeredAt: Date): Promise<string> {
  const decidedAt = new Date(triggeredAt.getTime() + HOUR_MS).toISOString();
  await handle.executeUpdate(recordDksAssessmentUpdate, {
    args: [{ concernConversation: true, reason: 'Bror i bande.', decidedAt, actor: DKS_OFFICER }],
  });
  return decidedAt;
}

const eventsOf = (caseId: string, action: string) =>
  harness.db.query(
    `SELECT action, reason, reason_code, details FROM case_events WHERE case_id = $1 AND action = $2 ORDER BY occurred_at`,
    [caseId, action],
  );

const stepsOf = (caseId: string) =>
  harness.db.query(`SELECT kind, status, outcome FROM steps WHERE case_id = $1 ORDER BY opened_at, kind`, [caseId]);

describe('DKS case outcomes', () => {
  it('ends as declined after a yes to a concern conversation, cancelling the planning step', async () => {
    const triggeredAt = new Date((await now()).getTime() - 5 * HOUR_MS);
    const input = dksInput(triggeredAt);
    const handle = await start(input);
    await assessedYes(handle, triggeredAt);
    const endedAt = new Date(triggeredAt.getTime() + 3 * HOUR_MS).toISOString();
    const ended = await handle.executeUpdate(endDksCaseUpdate, {
      args: [
        {
          outcome: 'declined',
          reasonCode: 'no_wish_for_contact',
          reason: 'Moren ønsker ikke besøg.',
          endedAt,
          actor: DKS_OFFICER,
        },
      ],
    });
    expect(ended.status).toBe('closed_declined');
    expect(ended.closedAt).toBe(endedAt);
    expect((await handle.result()).status).toBe('closed_declined');
    expect(await eventsOf(input.caseId, 'dks_case_ended')).toEqual([
      {
        action: 'dks_case_ended',
        reason: 'Moren ønsker ikke besøg.',
        reason_code: 'no_wish_for_contact',
        details: { outcome: 'declined' },
      },
    ]);
    expect(await stepsOf(input.caseId)).toEqual([
      { kind: 'dks_assessment', status: 'completed', outcome: 'concern_conversation' },
      { kind: 'home_visit_planning', status: 'cancelled', outcome: null },
    ]);
    const [row] = await harness.db.query(`SELECT status, closed_at FROM cases WHERE id = $1`, [input.caseId]);
    expect(row).toEqual({ status: 'closed_declined', closed_at: new Date(endedAt) });
    await recordHistory('ended-declined', handle.workflowId);
  });

  it('ends as not reached while the planned visit is ahead, cancelling the visit', async () => {
    const triggeredAt = new Date((await now()).getTime() - 5 * HOUR_MS);
    const input = dksInput(triggeredAt);
    const handle = await start(input);
    await assessedYes(handle, triggeredAt);
    const plannedFor = new Date((await now()).getTime() + 48 * HOUR_MS).toISOString();
    await handle.executeUpdate(planHomeVisitUpdate, { args: [{ plannedFor, actor: DKS_OFFICER }] });
    const ended = await handle.executeUpdate(endDksCaseUpdate, {
      args: [
        {
          outcome: 'not_reached',
          reasonCode: 'repeated_attempts',
          reason: '',
          endedAt: (await now()).toISOString(),
          actor: DKS_OFFICER,
        },
      ],
    });
    expect(ended.status).toBe('closed_not_reached');
    expect(ended.steps.map((step) => [step.kind, step.status])).toEqual([
      ['dks_assessment', 'completed'],
      ['home_visit_planning', 'completed'],
      ['home_visit', 'cancelled'],
    ]);
    expect((await eventsOf(input.caseId, 'dks_case_ended'))[0]).toMatchObject({
      reason_code: 'repeated_attempts',
      details: { outcome: 'not_reached' },
    });
    expect(await eventsOf(input.caseId, 'step_cancelled')).toHaveLength(1);
    await recordHistory('ended-not-reached', handle.workflowId);
  });

  it('ends at the assessment when an existing action plan continues: the assessment step is made by it', async () => {
    const triggeredAt = new Date((await now()).getTime() - 2 * HOUR_MS);
    const input = dksInput(triggeredAt);
    const handle = await start(input);
    const endedAt = new Date(triggeredAt.getTime() + HOUR_MS).toISOString();
    const ended = await handle.executeUpdate(endDksCaseUpdate, {
      args: [
        {
          outcome: 'existing_action_plan',
          reasonCode: 'municipal_action_plan',
          reason: '',
          endedAt,
          actor: DKS_OFFICER,
        },
      ],
    });
    expect(ended.status).toBe('closed_existing_action_plan');
    expect(ended.assessedAt).toBe(endedAt);
    expect(ended.steps).toEqual([expect.objectContaining({ kind: 'dks_assessment', status: 'completed' })]);
    expect(await stepsOf(input.caseId)).toEqual([
      { kind: 'dks_assessment', status: 'completed', outcome: 'existing_action_plan' },
    ]);
    expect(await eventsOf(input.caseId, 'dks_case_ended')).toEqual([
      {
        action: 'dks_case_ended',
        reason: null,
        reason_code: 'municipal_action_plan',
        details: { outcome: 'existing_action_plan' },
      },
    ]);
    await recordHistory('ended-existing-action-plan', handle.workflowId);
  });

  it('refuses declined or not reached before a yes to a concern conversation, and changes nothing', async () => {
    const triggeredAt = new Date((await now()).getTime() - 2 * HOUR_MS);
    const input = dksInput(triggeredAt);
    const handle = await start(input);
    const refused = await refusalOf(
      handle.executeUpdate(endDksCaseUpdate, {
        args: [{ outcome: 'declined', reason: 'Nej tak.', endedAt: triggeredAt.toISOString(), actor: DKS_OFFICER }],
      }),
    );
    expect(refused).toEqual({
      type: 'IllegalTransition',
      message:
        'Sagen kan ikke afsluttes, fordi familien takker nej til bekymringssamtalen: sagen er afventer DKS-vurdering. Det kan kun registreres efter et ja til en bekymringssamtale, før hjemmebesøget er holdt.',
    });
    const state = await handle.query(dksCaseStateQuery);
    expect(state.status).toBe('awaiting_assessment');
    expect(state.steps.map((step) => step.status)).toEqual(['open']);
  });
});

describe('a DKS case moved to another district', () => {
  it('keeps its 24-hour deadline: same dueAt, escalated at the original instant, on the new district', async () => {
    const triggeredAt = await now();
    const input = { ...dksInput(triggeredAt), policeDistrictCode: 'POL-FYN' };
    const handle = await start(input);
    const dueAt = new Date(triggeredAt.getTime() + 24 * HOUR_MS).toISOString();
    await harness.env.sleep(2 * HOUR_MS);

    const sameDistrict = await refusalOf(
      handle.executeUpdate(moveDksCaseUpdate, {
        args: [{ toPoliceDistrictCode: 'POL-FYN', movedAt: (await now()).toISOString(), actor: DKS_OFFICER }],
      }),
    );
    expect(sameDistrict).toEqual({ type: 'InvalidDomainData', message: 'Sagen hører allerede til den politikreds.' });

    const movedAt = (await now()).toISOString();
    const moved = await handle.executeUpdate(moveDksCaseUpdate, {
      args: [{ toPoliceDistrictCode: 'POL-KBH', movedAt, actor: DKS_OFFICER }],
    });
    expect(moved.status).toBe('awaiting_assessment');
    expect(moved.policeDistrictCode).toBe('POL-KBH');
    expect(moved.steps).toEqual([expect.objectContaining({ kind: 'dks_assessment', status: 'open', dueAt })]);
    const [caseRow] = await harness.db.query(`SELECT org_unit, status FROM cases WHERE id = $1`, [input.caseId]);
    expect(caseRow).toEqual({ org_unit: 'POL-KBH', status: 'awaiting_assessment' });
    expect(
      await harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [
        input.caseId,
      ]),
    ).toEqual([
      { org_unit: 'POL-FYN', access: 'read' },
      { org_unit: 'POL-KBH', access: 'write' },
    ]);
    expect(
      await harness.db.query(`SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND kind = $2`, [
        input.caseId,
        'dks_case_moved',
      ]),
    ).toEqual([{ recipient_unit: 'POL-KBH', kind: 'dks_case_moved' }]);
    expect(await eventsOf(input.caseId, 'dks_case_moved')).toEqual([
      {
        action: 'dks_case_moved',
        reason: null,
        reason_code: null,
        details: { fromPoliceDistrictCode: 'POL-FYN', toPoliceDistrictCode: 'POL-KBH' },
      },
    ]);

    // A minute before the original 24 hours: not yet overdue; a minute after: escalated, to the new district.
    await harness.env.sleep(Date.parse(dueAt) - (await now()).getTime() - 60_000);
    expect((await handle.executeUpdate(dksReadModelSyncedUpdate)).steps[0].overdueAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    const overdue = await handle.executeUpdate(dksReadModelSyncedUpdate);
    expect(overdue.steps[0]).toMatchObject({ dueAt });
    expect(Date.parse(overdue.steps[0].overdueAt!)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(Date.parse(overdue.steps[0].overdueAt!)).toBeLessThan(Date.parse(dueAt) + 2 * 60_000);
    const [step] = await harness.db.query(
      `SELECT due_at, overdue_at IS NOT NULL AS overdue FROM steps WHERE case_id = $1`,
      [input.caseId],
    );
    expect(step).toEqual({ due_at: new Date(dueAt), overdue: true });
    expect(
      await harness.db.query(
        `SELECT recipient_unit FROM notifications WHERE case_id = $1 AND kind = 'deadline_overdue'`,
        [input.caseId],
      ),
    ).toEqual([{ recipient_unit: 'POL-KBH' }]);
    await recordHistory('moved-keeping-deadline', handle.workflowId);
  });
});

describe("the municipality's social services on the joint home visit", () => {
  it('sees the plan naming its municipality, and records its participation sealed', async () => {
    const triggeredAt = new Date((await now()).getTime() - 5 * HOUR_MS);
    const input = dksInput(triggeredAt);
    const handle = await start(input);
    await assessedYes(handle, triggeredAt);
    const withoutPlan = await refusalOf(
      handle.executeUpdate(recordSocialServicesParticipationUpdate, {
        args: [{ participates: true, recordedAt: (await now()).toISOString(), actor: { id: 'user-social' } }],
      }),
    );
    expect(withoutPlan).toEqual({
      type: 'IllegalTransition',
      message: 'Socialforvaltningens deltagelse kan ikke registreres: sagen er afventer planlægning af hjemmebesøg.',
    });
    const plannedFor = new Date((await now()).getTime() + 48 * HOUR_MS).toISOString();
    await handle.executeUpdate(planHomeVisitUpdate, {
      args: [{ plannedFor, municipalityCode: 'KOM-0101', actor: DKS_OFFICER }],
    });
    const recordedAt = (await now()).toISOString();
    await handle.executeUpdate(recordSocialServicesParticipationUpdate, {
      args: [{ participates: true, levelOneCaseRefEncrypted: 'sealed:abc', recordedAt, actor: { id: 'user-social' } }],
    });
    const [visit] = await harness.db.query(
      `SELECT planned_for, municipality_code, participates, level_one_case_ref_encrypted, participation_actor_id
       FROM dks_home_visits WHERE case_id = $1`,
      [input.caseId],
    );
    expect(visit).toEqual({
      planned_for: new Date(plannedFor),
      municipality_code: 'KOM-0101',
      participates: true,
      level_one_case_ref_encrypted: 'sealed:abc',
      participation_actor_id: 'user-social',
    });
    expect(await eventsOf(input.caseId, 'social_services_participation_recorded')).toEqual([
      {
        action: 'social_services_participation_recorded',
        reason: null,
        reason_code: null,
        details: { municipalityCode: 'KOM-0101', participates: true, levelOneCaseRecorded: true },
      },
    ]);
    // A new plan naming another municipality drops the former's participation.
    await handle.executeUpdate(planHomeVisitUpdate, {
      args: [{ plannedFor, municipalityCode: 'KOM-0147', actor: DKS_OFFICER }],
    });
    const [replanned] = await harness.db.query(
      `SELECT municipality_code, participates, level_one_case_ref_encrypted FROM dks_home_visits WHERE case_id = $1`,
      [input.caseId],
    );
    expect(replanned).toEqual({
      municipality_code: 'KOM-0147',
      participates: null,
      level_one_case_ref_encrypted: null,
    });
    await recordHistory('social-services-participation', handle.workflowId);
  });
});
