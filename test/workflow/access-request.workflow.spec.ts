import { randomUUID } from 'node:crypto';
import type {
  AccessRequestState,
  StartAccessRequestInput,
} from '../../libs/domain/access-request/access-request.types';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import {
  accessRequestReadModelSyncedUpdate,
  accessRequestStateQuery,
  extendAccessRequestUpdate,
  recordAccessRequestDecisionUpdate,
} from '../../workflows/access-request/access-request.messages';
import {
  ACCESS_REQUEST_WORKFLOW_ID_PREFIX,
  accessRequestWorkflow,
} from '../../workflows/access-request/access-request.workflow';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'access-request-workflow-test';
const OFFICER = { id: 'user-politi-databeskyttelse' };

const harness = useWorkflowTestHarness(TASK_QUEUE, 'access-request');
const { now, recordHistory } = harness;

const months = (count: number) => ({ unit: 'calendar-months' as const, months: count });
const answerStep = (state: AccessRequestState) => state.steps.find((step) => step.kind === 'access_request_answer');

async function start(receivedAt: Date) {
  const input: StartAccessRequestInput = {
    caseId: randomUUID(),
    orgUnit: 'DPO-POLITI',
    organisation: 'politi',
    channel: 'letter',
    receivedAt: receivedAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    warningWindows: { access_request_answer: 168 },
    actor: OFFICER,
  };
  const handle = await harness.startSynced(
    accessRequestWorkflow,
    `${ACCESS_REQUEST_WORKFLOW_ID_PREFIX}${input.caseId}`,
    accessRequestReadModelSyncedUpdate,
    input,
  );
  return { input, handle };
}

describe('access-request workflow', () => {
  it('is due at the end of the Danish day a calendar month after receipt, overdue after it, and answered late', async () => {
    const receivedAt = await now();
    const { input, handle } = await start(receivedAt);
    const dueAt = computeDueAt(months(1), receivedAt).toISOString();
    const started = await handle.query(accessRequestStateQuery);
    expect(started).toMatchObject({ status: 'received', extensionMonths: 0, receivedAt: input.receivedAt });
    expect(answerStep(started)).toMatchObject({ status: 'open', dueAt, openedAt: input.receivedAt });

    await harness.env.sleep(Date.parse(dueAt) - receivedAt.getTime() - 60_000);
    expect(answerStep(await handle.executeUpdate(accessRequestReadModelSyncedUpdate))?.overdueAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    expect(answerStep(await handle.executeUpdate(accessRequestReadModelSyncedUpdate))?.overdueAt).toBeDefined();

    // Withholding without its ground or reason is refused; nothing changes.
    const noGround = await refusalOf(
      handle.executeUpdate(recordAccessRequestDecisionUpdate, {
        args: [{ outcome: 'withheld', reason: 'Igangværende efterforskning.', decidedAt: dueAt, actor: OFFICER }],
      }),
    );
    expect(noGround).toEqual({
      type: 'InvalidDomainData',
      message: 'Når oplysninger undtages, skal den retlige grund angives.',
    });
    const decidedAt = new Date(Date.parse(dueAt) + 60_000).toISOString();
    const decided = await handle.executeUpdate(recordAccessRequestDecisionUpdate, {
      args: [
        {
          outcome: 'partly_withheld',
          withholdingGround: 'investigation',
          reason: 'Oplysninger fra en verserende efterforskning er undtaget.',
          decidedAt,
          actor: OFFICER,
        },
      ],
    });
    expect(decided).toMatchObject({ status: 'partly_withheld', outcome: 'partly_withheld', decidedAt });
    expect(answerStep(decided)).toMatchObject({ status: 'completed', latenessSeconds: 60 });
    expect(await handle.result()).toMatchObject({ status: 'partly_withheld' });
    await recordHistory('partly-withheld-late', handle.workflowId);
  });

  it('moves the deadline by the extension, counted from receipt, once only, and ends with full access', async () => {
    const receivedAt = await now();
    const { handle } = await start(receivedAt);
    const tooLong = await refusalOf(
      handle.executeUpdate(extendAccessRequestUpdate, {
        args: [{ months: 3, reason: 'Mange sager.', decidedAt: receivedAt.toISOString(), actor: OFFICER }],
      }),
    );
    expect(tooLong).toEqual({ type: 'InvalidDomainData', message: 'Fristen kan forlænges med 1 eller 2 måneder.' });

    const extended = await handle.executeUpdate(extendAccessRequestUpdate, {
      args: [
        { months: 2, reason: 'Sagerne er mange og omfattende.', decidedAt: receivedAt.toISOString(), actor: OFFICER },
      ],
    });
    const threeMonths = computeDueAt(months(3), receivedAt).toISOString();
    expect(extended.extensionMonths).toBe(2);
    expect(answerStep(extended)).toMatchObject({ status: 'open', dueAt: threeMonths });

    const again = await refusalOf(
      handle.executeUpdate(extendAccessRequestUpdate, {
        args: [{ months: 1, reason: 'Igen.', decidedAt: receivedAt.toISOString(), actor: OFFICER }],
      }),
    );
    expect(again).toEqual({
      type: 'IllegalTransition',
      message: 'Fristen er allerede forlænget; den kan kun forlænges én gang.',
    });

    // Past the first month, within the extension: not overdue.
    await harness.env.sleep(
      Date.parse(computeDueAt(months(1), receivedAt).toISOString()) - receivedAt.getTime() + 3600_000,
    );
    const stillOpen = await handle.executeUpdate(accessRequestReadModelSyncedUpdate);
    expect(answerStep(stillOpen)?.overdueAt).toBeUndefined();

    const answered = await handle.executeUpdate(recordAccessRequestDecisionUpdate, {
      args: [{ outcome: 'answered', decidedAt: (await now()).toISOString(), actor: OFFICER }],
    });
    expect(answered.status).toBe('answered');
    expect(answerStep(answered)).toMatchObject({ status: 'completed', latenessSeconds: 0 });

    // The answer ends the request (the API answers a second one 409 from the read model's final status).
    expect(await handle.result()).toMatchObject({ status: 'answered', extensionMonths: 2 });
    await recordHistory('extended-answered', handle.workflowId);
  });
});
