import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  councilReadModelSyncedUpdate,
  networkCouncilStateQuery,
  recordCouncilMeetingUpdate,
  recordInvitationsUpdate,
} from '../../workflows/network-council/network-council.messages';
import {
  NETWORK_COUNCIL_WORKFLOW_ID_PREFIX,
  networkCouncilWorkflow,
} from '../../workflows/network-council/network-council.workflow';
import { CASE_NEEDS_ATTENTION } from '../../libs/domain/case/read-model-attention';
import { redriveReadModelUpdate } from '../../workflows/case/read-model.messages';
import { networkCouncilInput } from '../support/network-council-fixtures';
import { refusedWrites, type RefusedWrites } from '../support/refused-writes';
import { useWorkflowTestHarness } from '../support/workflow-test-harness';

/**
 * A transition the read model refuses for good is held, not retried for ever: the activity fails once
 * (non-retryable), the case goes on operations' list with a notice, later transitions (a deadline that
 * passes meanwhile) queue behind it, decisions are refused with a clear reason, and the case can be read
 * as it was. When the cause is fixed, a re-drive writes everything, in order, exactly once.
 *
 * The refusal is a trigger on the audit table for this one case (test/support/refused-writes.ts).
 */
const TASK_QUEUE = 'read-model-attention-workflow-test';
const CASEWORKER = { id: 'user-kommune-kbh' };
const harness = useWorkflowTestHarness(TASK_QUEUE, 'network-council');

let writes: RefusedWrites;

beforeAll(async () => {
  writes = await refusedWrites();
});

afterAll(() => writes?.close());

const refuseEvents = (caseId: string, action: string) => writes.refuse(caseId, action);
const councilInput = (receivedAt: Date) => networkCouncilInput(receivedAt, CASEWORKER);

async function failureType(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
}

const caseRow = async (caseId: string) =>
  (await harness.db.query(`SELECT status, last_seq FROM cases WHERE id = $1`, [caseId]))[0];
const failureRows = (caseId: string) =>
  harness.db.query(
    `SELECT transition_seq, case_type, step_kind, error_class, error_code, failures, resolved_at IS NOT NULL AS resolved
       FROM read_model_failures WHERE case_id = $1 ORDER BY transition_seq`,
    [caseId],
  );

describe('a transition the read model refuses', () => {
  it('holds the case for operations, queues what follows, and catches up in order after a re-drive', async () => {
    const receivedAt = await harness.now();
    const input = councilInput(receivedAt);
    const workflowId = `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`;
    const handle = await harness.startSynced(networkCouncilWorkflow, workflowId, councilReadModelSyncedUpdate, input);
    const before = await caseRow(input.caseId);
    const refusal = await refuseEvents(input.caseId, 'council_convened');

    // The decision is applied by the workflow, but its record is refused: the caller is told at once.
    expect(
      await failureType(
        handle.executeUpdate(recordInvitationsUpdate, {
          args: [{ participants: [{ role: 'youth' }], invitedAt: receivedAt.toISOString(), actor: CASEWORKER }],
        }),
      ),
    ).toBe(CASE_NEEDS_ATTENTION);
    expect(await caseRow(input.caseId)).toEqual(before);
    expect(await failureRows(input.caseId)).toEqual([
      {
        transition_seq: before.last_seq + 1,
        case_type: 'network_council',
        step_kind: null,
        error_class: 'QueryFailedError',
        error_code: 'P0001',
        failures: 1,
        resolved: false,
      },
    ]);
    const [notice] = await harness.db.query(
      `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND kind = 'case_needs_attention'`,
      [input.caseId],
    );
    expect(notice).toEqual({ recipient_unit: 'DRIFT', kind: 'case_needs_attention' });

    // Refused once, not retried: one failed attempt in the history.
    const failedAttempts = (await handle.fetchHistory()).events!.filter(
      (event) => event.activityTaskFailedEventAttributes,
    ).length;
    expect(failedAttempts).toBe(1);

    // Another decision is refused before anything changes; the case can still be queried.
    expect(
      await failureType(
        handle.executeUpdate(recordCouncilMeetingUpdate, {
          args: [{ heldAt: receivedAt.toISOString(), actor: CASEWORKER }],
        }),
      ),
    ).toBe(CASE_NEEDS_ATTENTION);
    expect((await handle.query(networkCouncilStateQuery)).status).toBe('convened');

    // A re-drive before the cause is fixed: refused again, counted.
    expect(await handle.executeUpdate(redriveReadModelUpdate)).toMatchObject({
      caughtUp: false,
      attention: { seq: before.last_seq + 1, failures: 2, errorCode: 'P0001' },
    });
    expect((await failureRows(input.caseId))[0]).toMatchObject({ failures: 2, resolved: false });

    await refusal.allow();
    expect(await handle.executeUpdate(redriveReadModelUpdate)).toEqual({ caughtUp: true, attention: null });
    expect(await caseRow(input.caseId)).toMatchObject({ status: 'convened' });
    expect((await failureRows(input.caseId))[0]).toMatchObject({ resolved: true });
    const actions = await harness.db.query(
      `SELECT transition_seq, action FROM case_events WHERE case_id = $1 ORDER BY transition_seq, position`,
      [input.caseId],
    );
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      'network_council_registered',
      'step_opened',
      'council_convened',
      'step_completed',
    ]);

    // Decisions go through again.
    expect(
      (
        await handle.executeUpdate(recordCouncilMeetingUpdate, {
          args: [{ heldAt: (await harness.now()).toISOString(), actor: CASEWORKER }],
        })
      ).status,
    ).toBe('meeting_held');
    expect(await caseRow(input.caseId)).toMatchObject({ status: 'meeting_held' });
    await harness.recordHistory('read-model-refused-then-redriven', workflowId);
  });

  it('queues a deadline that passes while the case is held, and writes it after the re-drive', async () => {
    const receivedAt = await harness.now();
    const input = councilInput(receivedAt);
    const workflowId = `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`;
    const handle = await harness.startSynced(networkCouncilWorkflow, workflowId, councilReadModelSyncedUpdate, input);
    // The warning before the deadline is refused; the deadline then passes while the case is held.
    const refusal = await refuseEvents(input.caseId, 'step_due_soon');
    const due = Date.parse((await handle.query(networkCouncilStateQuery)).steps[0].dueAt);
    await harness.env.sleep(due - receivedAt.getTime() + 60_000);
    expect((await handle.query(networkCouncilStateQuery)).steps[0].overdueAt).toBeDefined();
    const [step] = await harness.db.query(`SELECT overdue_at FROM steps WHERE case_id = $1`, [input.caseId]);
    expect(step.overdue_at).toBeNull();
    expect(await failureRows(input.caseId)).toEqual([
      expect.objectContaining({ step_kind: null, error_code: 'P0001', resolved: false }),
    ]);

    await refusal.allow();
    expect(await handle.executeUpdate(redriveReadModelUpdate)).toEqual({ caughtUp: true, attention: null });
    const actions = await harness.db.query(
      `SELECT action FROM case_events WHERE case_id = $1 ORDER BY transition_seq, position`,
      [input.caseId],
    );
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      'network_council_registered',
      'step_opened',
      'step_due_soon',
      'step_overdue',
    ]);
    const [escalated] = await harness.db.query(`SELECT overdue_at FROM steps WHERE case_id = $1`, [input.caseId]);
    expect(escalated.overdue_at).not.toBeNull();
    await harness.recordHistory('read-model-held-across-deadline', workflowId);
  });

  it('answers a re-drive of a case that is not held with caught up, and changes nothing', async () => {
    const input = councilInput(await harness.now());
    const handle = await harness.startSynced(
      networkCouncilWorkflow,
      `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`,
      councilReadModelSyncedUpdate,
      input,
    );
    const before = await caseRow(input.caseId);
    expect(await handle.executeUpdate(redriveReadModelUpdate)).toEqual({ caughtUp: true, attention: null });
    expect(await caseRow(input.caseId)).toEqual(before);
  });
});
