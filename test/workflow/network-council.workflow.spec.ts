import type { StartNetworkCouncilInput } from '../../libs/domain/youth/network-council.types';
import {
  councilReadModelSyncedUpdate,
  networkCouncilStateQuery,
  recordCouncilAgreementsUpdate,
  recordCouncilMeetingUpdate,
  recordInitiativeFollowUpUpdate,
  recordInvitationsUpdate,
} from '../../workflows/network-council/network-council.messages';
import {
  NETWORK_COUNCIL_WORKFLOW_ID_PREFIX,
  networkCouncilWorkflow,
} from '../../workflows/network-council/network-council.workflow';
import { networkCouncilInput, owned } from '../support/network-council-fixtures';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'network-council-workflow-test';
const CASEWORKER = { id: 'user-kommune-kbh' };
const DAY_MS = 24 * 3600_000;

const harness = useWorkflowTestHarness(TASK_QUEUE, 'network-council');
const { now, recordHistory } = harness;

const councilInput = (receivedAt: Date) => networkCouncilInput(receivedAt, CASEWORKER);

const start = (input: StartNetworkCouncilInput) =>
  harness.startSynced(
    networkCouncilWorkflow,
    `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`,
    councilReadModelSyncedUpdate,
    input,
  );

describe('network council workflow', () => {
  it('is due by the end of the 7th Danish day after receipt, across the October clock change, and escalates', async () => {
    // Received Tuesday 2026-10-20 14:00 CEST; 7 days later is 2026-10-27, ending at 2026-10-28 00:00 CET = 2026-10-27T23:00Z.
    const handle = await start(councilInput(new Date('2026-10-20T12:00:00.000Z')));
    const state = await handle.query(networkCouncilStateQuery);
    expect(state.steps[0]).toMatchObject({ kind: 'network_council_convening', dueAt: '2026-10-27T23:00:00.000Z' });
    // Registered after the deadline had passed: overdue at once.
    expect(state.steps[0].overdueAt).toBeDefined();
  });

  it('is due by the end of the 7th Danish day across the spring clock change', async () => {
    // Received Wednesday 2026-03-25 14:00 CET; 7 days later is 2026-04-01, ending at 2026-04-02 00:00 CEST = 2026-04-01T22:00Z.
    const handle = await start(councilInput(new Date('2026-03-25T13:00:00.000Z')));
    const state = await handle.query(networkCouncilStateQuery);
    expect(state.steps[0].dueAt).toBe('2026-04-01T22:00:00.000Z');
    expect(state.steps[0].overdueAt).toBeDefined();
  });

  it('escalates when not convened in time, then records invitations (with lateness), the meeting and the agreements', async () => {
    const receivedAt = await now();
    const input = councilInput(receivedAt);
    const handle = await start(input);
    const due = Date.parse((await handle.query(networkCouncilStateQuery)).steps[0].dueAt);
    await harness.env.sleep(due - receivedAt.getTime() - 60_000);
    expect((await handle.query(networkCouncilStateQuery)).steps[0].overdueAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000 + DAY_MS);
    expect((await handle.executeUpdate(councilReadModelSyncedUpdate)).steps[0].overdueAt).toBeDefined();

    const invitedAt = new Date(due + 3600_000).toISOString();
    const convened = await handle.executeUpdate(recordInvitationsUpdate, {
      args: [
        {
          invitedAt,
          participants: [{ role: 'youth' }, { role: 'parents' }, { role: 'police' }, { role: 'ssp' }],
          actor: CASEWORKER,
        },
      ],
    });
    expect(convened.status).toBe('convened');
    expect(convened.steps[0]).toMatchObject({ status: 'completed', latenessSeconds: 3600 });
    const agreementsTooSoon = await refusalOf(
      handle.executeUpdate(recordCouncilAgreementsUpdate, {
        args: [{ agreedAt: invitedAt, agreements: [{ kind: 'mentor_support', description: 'x' }], actor: CASEWORKER }],
      }),
    );
    expect(agreementsTooSoon.message).toBe('Aftalerne kan ikke registreres: netværkssamrådet er indkaldt.');
    const heldAt = new Date(due + 5 * 3600_000).toISOString();
    await handle.executeUpdate(recordCouncilMeetingUpdate, { args: [{ heldAt, actor: CASEWORKER }] });
    const dueDate = danishDateInDays(30, new Date(heldAt));
    const planned = await handle.executeUpdate(recordCouncilAgreementsUpdate, {
      args: [
        {
          agreedAt: heldAt,
          agreements: [
            { ...owned('KOM-0101', dueDate), kind: 'support_in_custody', description: 'Besøg af SSP under varetægt.' },
            { ...owned('KOM-0101', dueDate), kind: 'mentor_support', description: 'Mentor fra kommunen.' },
          ],
          actor: CASEWORKER,
        },
      ],
    });
    expect(planned.status).toBe('action_plan_running');
    for (const initiative of planned.initiatives!) {
      await handle.executeUpdate(recordInitiativeFollowUpUpdate, {
        args: [
          {
            initiativeId: initiative.initiativeId,
            outcome: 'done',
            note: 'Gennemført.',
            followedUpAt: heldAt,
            actor: CASEWORKER,
          },
        ],
      });
    }
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'action_plan_followed_up', closedAt: heldAt });
    const agreements = await harness.db.query(
      `SELECT details->>'kind' AS kind, reason FROM case_events WHERE case_id = $1 AND action = 'council_initiative_agreed' ORDER BY position`,
      [input.caseId],
    );
    expect(agreements).toEqual([
      { kind: 'support_in_custody', reason: 'Besøg af SSP under varetægt.' },
      { kind: 'mentor_support', reason: 'Mentor fra kommunen.' },
    ]);
    await recordHistory('agreements-made', handle.workflowId);
    await recordHistory('agreements-made-with-warning', handle.workflowId);
  });
});
