import {
  dksReadModelSyncedUpdate,
  planHomeVisitUpdate,
  recordDksAssessmentUpdate,
} from '../../workflows/dks-case/dks-case.messages';
import { DKS_CASE_WORKFLOW_ID_PREFIX, dksCaseWorkflow } from '../../workflows/dks-case/dks-case.workflow';
import { DKS_OFFICER, dksInput } from '../support/dks-case-fixtures';
import { useWorkflowTestHarness } from '../support/workflow-test-harness';

/**
 * Deadline notices in the outbox: one at the warning time and one at overdue, per step and deadline —
 * not again when the worker restarts and the workflow replays, but again when the deadline moves.
 */
// Uncached: every workflow task is a replay from history, as after a crash, and a restart hands over at once.
const harness = useWorkflowTestHarness('deadline-notices-workflow-test', 'dks-case', { uncached: true });
const { now, recordHistory } = harness;
const HOUR_MS = 3_600_000;

/** The case's deadline notices (whether sent is left out: e2e suites' workers deliver this database's outbox meanwhile). */
async function notices(
  caseId: string,
): Promise<{ kind: string; step_kind: string; due_at: string; recipient_unit: string }[]> {
  const rows = await harness.db.query(
    `SELECT n.kind, s.kind AS step_kind, n.due_at, n.recipient_unit
       FROM notifications n JOIN steps s ON s.id = n.step_id WHERE n.case_id = $1 ORDER BY n.due_at, n.kind DESC`,
    [caseId],
  );
  return rows.map((row: { due_at: Date }) => ({ ...row, due_at: row.due_at.toISOString() }));
}

const notice = (kind: string, stepKind: string, dueAt: string) => ({
  kind,
  step_kind: stepKind,
  due_at: dueAt,
  recipient_unit: 'POL-KBH',
});

it('records each notice once across a worker restart, and again for a moved deadline', async () => {
  const triggeredAt = await now();
  const input = dksInput(triggeredAt);
  const { caseId } = input;
  const handle = await harness.startSynced(
    dksCaseWorkflow,
    `${DKS_CASE_WORKFLOW_ID_PREFIX}${caseId}`,
    dksReadModelSyncedUpdate,
    input,
  );
  const assessmentDue = new Date(triggeredAt.getTime() + 24 * HOUR_MS).toISOString();

  // The DKS assessment's warning window is 6 hours: nothing before it, one warning in it.
  await harness.env.sleep(18 * HOUR_MS - 60_000);
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  expect(await notices(caseId)).toEqual([]);
  await harness.env.sleep(2 * 60_000);
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  expect(await notices(caseId)).toEqual([notice('deadline_warning', 'dks_assessment', assessmentDue)]);

  // A new worker replays the whole history (empty cache): the warning is not recorded again.
  await harness.restartWorker();
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  expect(await notices(caseId)).toEqual([notice('deadline_warning', 'dks_assessment', assessmentDue)]);

  await harness.env.sleep(6 * HOUR_MS + 60_000);
  await harness.restartWorker();
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  const assessmentNotices = [
    notice('deadline_warning', 'dks_assessment', assessmentDue),
    notice('deadline_overdue', 'dks_assessment', assessmentDue),
  ];
  expect(await notices(caseId)).toEqual(assessmentNotices);

  // A home visit planned 2 days ahead (warning 1 day before), passed, then moved: a new deadline, new notices.
  const decidedAt = (await now()).toISOString();
  await handle.executeUpdate(recordDksAssessmentUpdate, {
    args: [{ concernConversation: true, reason: 'Bror i bande.', decidedAt, actor: DKS_OFFICER }],
  });
  const firstPlan = new Date((await now()).getTime() + 48 * HOUR_MS).toISOString();
  await handle.executeUpdate(planHomeVisitUpdate, { args: [{ plannedFor: firstPlan, actor: DKS_OFFICER }] });
  await harness.env.sleep(48 * HOUR_MS + 60_000);
  await harness.restartWorker();
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  const firstPlanNotices = [
    notice('deadline_warning', 'home_visit', firstPlan),
    notice('deadline_overdue', 'home_visit', firstPlan),
  ];
  expect(await notices(caseId)).toEqual([...assessmentNotices, ...firstPlanNotices]);

  const secondPlan = new Date((await now()).getTime() + 72 * HOUR_MS).toISOString();
  await handle.executeUpdate(planHomeVisitUpdate, { args: [{ plannedFor: secondPlan, actor: DKS_OFFICER }] });
  await harness.env.sleep(72 * HOUR_MS + 60_000);
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  await harness.restartWorker();
  await handle.executeUpdate(dksReadModelSyncedUpdate);
  expect(await notices(caseId)).toEqual([
    ...assessmentNotices,
    ...firstPlanNotices,
    notice('deadline_warning', 'home_visit', secondPlan),
    notice('deadline_overdue', 'home_visit', secondPlan),
  ]);
  const [{ events }] = await harness.db.query(
    `SELECT count(*)::int AS events FROM case_events WHERE case_id = $1 AND action IN ('step_due_soon', 'step_overdue')`,
    [caseId],
  );
  expect(events).toBe(6);
  await recordHistory('deadline-notices', handle.workflowId);
});
