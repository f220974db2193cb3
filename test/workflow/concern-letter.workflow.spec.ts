import { randomUUID } from 'node:crypto';
import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import type { ConcernLetterState } from '../../libs/domain/concern-letter/concern-letter.types';
import {
  concernLetterReadModelSyncedUpdate,
  concernLetterStateQuery,
  recordCommitteeDecisionUpdate,
  recordConcernLetterFollowUpUpdate,
  recordConcernLetterOutcomeUpdate,
  recordDeliveryAttemptUpdate,
  recordParentsContactUpdate,
} from '../../workflows/concern-letter/concern-letter.messages';
import {
  CONCERN_LETTER_WORKFLOW_ID_PREFIX,
  concernLetterWorkflow,
} from '../../workflows/concern-letter/concern-letter.workflow';
import { COMMITTEE_MEMBER, EXIT_OFFICER, concernLetterInput } from '../support/concern-letter-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'concern-letter-workflow-test';
const DAY_MS = 24 * 3600_000;

const harness = useWorkflowTestHarness(TASK_QUEUE, 'concern-letter');
const { now, recordHistory } = harness;

const start = async (proposedAt: Date, committeeDueAt: Date) => {
  const input = concernLetterInput(proposedAt, committeeDueAt);
  const handle = await harness.startSynced(
    concernLetterWorkflow,
    `${CONCERN_LETTER_WORKFLOW_ID_PREFIX}${input.caseId}`,
    concernLetterReadModelSyncedUpdate,
    input,
  );
  return { input, handle };
};

const stepOf = (state: ConcernLetterState, kind: string) => state.steps.find((step) => step.kind === kind);
const days = (count: number) => ({ unit: 'calendar-days' as const, days: count });

describe('concern-letter workflow', () => {
  it('runs every deadline overdue in turn: committee, delivery, parents (not reached), follow-up, then an exit course', async () => {
    const proposedAt = await now();
    const committeeDueAt = new Date(proposedAt.getTime() + 10 * DAY_MS);
    const { input, handle } = await start(proposedAt, committeeDueAt);

    // No delivery before the committee's decision to send.
    const early = await refusalOf(
      handle.executeUpdate(recordDeliveryAttemptUpdate, {
        args: [{ result: 'delivered_dialogue', attemptedAt: proposedAt.toISOString(), actor: EXIT_OFFICER }],
      }),
    );
    expect(early).toEqual({
      type: 'IllegalTransition',
      message:
        'Bekymringsbrevet kan ikke afleveres: koordinationsudvalget har ikke besluttet at sende det. Politiet går ikke ud på egen hånd.',
    });

    await harness.env.sleep(10 * DAY_MS - 60_000);
    expect(stepOf(await handle.query(concernLetterStateQuery), 'committee_decision')?.overdueAt).toBeUndefined();
    await harness.env.sleep(2 * 60_000);
    const late = await handle.executeUpdate(concernLetterReadModelSyncedUpdate);
    expect(stepOf(late, 'committee_decision')).toMatchObject({ dueAt: committeeDueAt.toISOString(), status: 'open' });
    expect(stepOf(late, 'committee_decision')?.overdueAt).toBeDefined();

    // Police alone is no joint decision.
    const policeOnly = await refusalOf(
      handle.executeUpdate(recordCommitteeDecisionUpdate, {
        args: [
          {
            decision: 'send',
            participants: ['eas', 'dks'],
            reason: 'Høj risiko.',
            decidedAt: (await now()).toISOString(),
            actor: COMMITTEE_MEMBER,
          },
        ],
      }),
    );
    expect(policeOnly).toEqual({
      type: 'InvalidDomainData',
      message:
        'Beslutningen træffes i fællesskab: både politiet (EAS eller DKS) og kommunen (SSP eller kommunens exitenhed) skal have deltaget.',
    });

    const decidedAt = new Date(committeeDueAt.getTime() + 60_000).toISOString();
    const decided = await handle.executeUpdate(recordCommitteeDecisionUpdate, {
      args: [
        { decision: 'send', participants: ['eas', 'ssp'], reason: 'Ny i miljøet.', decidedAt, actor: COMMITTEE_MEMBER },
      ],
    });
    expect(decided.status).toBe('awaiting_delivery');
    expect(stepOf(decided, 'committee_decision')).toMatchObject({ status: 'completed', latenessSeconds: 60 });
    const deliveryDue = computeDueAt(days(28), new Date(decidedAt)).toISOString();
    expect(stepOf(decided, 'letter_delivery')).toMatchObject({ status: 'open', dueAt: deliveryDue });

    await harness.env.sleep(Date.parse(deliveryDue) - (await now()).getTime() + 60_000);
    const deliveryLate = await handle.executeUpdate(concernLetterReadModelSyncedUpdate);
    expect(stepOf(deliveryLate, 'letter_delivery')?.overdueAt).toBeDefined();

    const attemptedAt = (await now()).toISOString();
    const notReached = await handle.executeUpdate(recordDeliveryAttemptUpdate, {
      args: [{ result: 'not_reached', attemptedAt, actor: EXIT_OFFICER }],
    });
    expect(notReached.status).toBe('awaiting_parents_contact');
    expect(notReached.attempts).toEqual(['not_reached']);
    const parentsDue = computeDueAt(days(14), new Date(attemptedAt)).toISOString();
    expect(stepOf(notReached, 'parents_contact')).toMatchObject({ status: 'open', dueAt: parentsDue });

    await harness.env.sleep(Date.parse(parentsDue) - (await now()).getTime() + 60_000);
    expect(
      stepOf(await handle.executeUpdate(concernLetterReadModelSyncedUpdate), 'parents_contact')?.overdueAt,
    ).toBeDefined();

    const contactedAt = (await now()).toISOString();
    const contacted = await handle.executeUpdate(recordParentsContactUpdate, {
      args: [{ reached: true, contactedAt, note: 'Mor ringet op; brevet givet videre.', actor: EXIT_OFFICER }],
    });
    expect(contacted.status).toBe('awaiting_follow_up');
    const followUpDue = computeDueAt(days(56), new Date(contactedAt)).toISOString();
    expect(stepOf(contacted, 'concern_letter_follow_up')).toMatchObject({ status: 'open', dueAt: followUpDue });

    await harness.env.sleep(Date.parse(followUpDue) - (await now()).getTime() + 60_000);
    const followUpLate = await handle.executeUpdate(concernLetterReadModelSyncedUpdate);
    expect(stepOf(followUpLate, 'concern_letter_follow_up')?.overdueAt).toBeDefined();

    const followedUpAt = (await now()).toISOString();
    const followedUp = await handle.executeUpdate(recordConcernLetterFollowUpUpdate, {
      args: [{ followedUpAt, findings: 'Vil gerne tale om et exit-forløb.', actor: EXIT_OFFICER }],
    });
    expect(followedUp.status).toBe('awaiting_outcome');

    const withoutCourse = await refusalOf(
      handle.executeUpdate(recordConcernLetterOutcomeUpdate, {
        args: [{ outcome: 'exit_course', decidedAt: followedUpAt, actor: EXIT_OFFICER }],
      }),
    );
    expect(withoutCourse).toEqual({
      type: 'InvalidDomainData',
      message: 'Kun udfaldet »exit-forløb startet« har et exit-forløb, og det har altid ét.',
    });
    const exitCourseId = randomUUID();
    const concluded = await handle.executeUpdate(recordConcernLetterOutcomeUpdate, {
      args: [{ outcome: 'exit_course', exitCourseId, decidedAt: followedUpAt, actor: EXIT_OFFICER }],
    });
    expect(concluded).toMatchObject({
      status: 'concluded',
      outcome: 'exit_course',
      exitCourseId,
      closedAt: followedUpAt,
    });
    expect((await handle.result()).status).toBe('concluded');

    const events: { action: string; details: Record<string, unknown> }[] = await harness.db.query(
      `SELECT action, details FROM case_events WHERE case_id = $1 AND action LIKE ANY (ARRAY['concern_letter%', 'parents_contacted'])
        ORDER BY transition_seq, position`,
      [input.caseId],
    );
    expect(events).toEqual([
      {
        action: 'concern_letter_proposed',
        details: { roundId: input.roundId, proposedBy: 'police_intelligence', policeDistrictCode: 'POL-KBH' },
      },
      {
        action: 'concern_letter_decided',
        details: { decision: 'send', participants: 'eas,ssp', roundId: input.roundId },
      },
      { action: 'concern_letter_delivery_attempted', details: { result: 'not_reached', attempt: 1 } },
      { action: 'parents_contacted', details: { reached: true } },
      { action: 'concern_letter_followed_up', details: {} },
      { action: 'concern_letter_outcome_recorded', details: { outcome: 'exit_course', exitCourseId } },
    ]);
    const [row] = await harness.db.query(`SELECT case_type, org_unit, status FROM cases WHERE id = $1`, [input.caseId]);
    expect(row).toEqual({ case_type: 'concern_letter', org_unit: 'POL-KBH', status: 'concluded' });
    await recordHistory('parents-contacted-exit-course', handle.workflowId);
  });

  it('ends at once when the committee decides not to send', async () => {
    const proposedAt = await now();
    const { handle } = await start(proposedAt, new Date(proposedAt.getTime() + 14 * DAY_MS));
    const decidedAt = new Date(proposedAt.getTime() + 60_000).toISOString();
    await harness.env.sleep(2 * 60_000);
    const decided = await handle.executeUpdate(recordCommitteeDecisionUpdate, {
      args: [
        {
          decision: 'not_send',
          participants: ['dks', 'municipal_exit_unit'],
          reason: 'Allerede i kommunalt forløb.',
          decidedAt,
          actor: COMMITTEE_MEMBER,
        },
      ],
    });
    expect(decided).toMatchObject({ status: 'not_sent', closedAt: decidedAt });
    expect(decided.steps.map((step) => [step.kind, step.status])).toEqual([['committee_decision', 'completed']]);
    expect((await handle.result()).status).toBe('not_sent');
    await recordHistory('not-sent', handle.workflowId);
  });

  it('keeps the delivery open after an unknown address, and ends without delivery when the exit unit gives up', async () => {
    const proposedAt = await now();
    const { handle } = await start(proposedAt, new Date(proposedAt.getTime() + 14 * DAY_MS));
    await harness.env.sleep(2 * 60_000);
    const decidedAt = new Date(proposedAt.getTime() + 60_000).toISOString();
    await handle.executeUpdate(recordCommitteeDecisionUpdate, {
      args: [
        { decision: 'send', participants: ['eas', 'dks', 'ssp'], reason: 'Ny.', decidedAt, actor: COMMITTEE_MEMBER },
      ],
    });
    const noCloseYet = await refusalOf(
      handle.executeUpdate(recordConcernLetterOutcomeUpdate, {
        args: [{ outcome: 'no_dialogue', reason: 'Ikke fundet.', decidedAt, actor: EXIT_OFFICER }],
      }),
    );
    expect(noCloseYet.type).toBe('IllegalTransition');
    for (const attempt of [1, 2]) {
      const unknown = await handle.executeUpdate(recordDeliveryAttemptUpdate, {
        args: [{ result: 'address_unknown', attemptedAt: (await now()).toISOString(), actor: EXIT_OFFICER }],
      });
      expect([unknown.status, unknown.attempts.length, stepOf(unknown, 'letter_delivery')?.status]).toEqual([
        'awaiting_delivery',
        attempt,
        'open',
      ]);
    }
    const withoutReason = await refusalOf(
      handle.executeUpdate(recordConcernLetterOutcomeUpdate, {
        args: [{ outcome: 'no_dialogue', decidedAt: (await now()).toISOString(), actor: EXIT_OFFICER }],
      }),
    );
    expect(withoutReason).toEqual({ type: 'InvalidDomainData', message: 'Angiv hvorfor afleveringen opgives.' });
    const closedAt = (await now()).toISOString();
    const closed = await handle.executeUpdate(recordConcernLetterOutcomeUpdate, {
      args: [{ outcome: 'no_dialogue', reason: 'Ukendt adresse to gange.', decidedAt: closedAt, actor: EXIT_OFFICER }],
    });
    expect(closed).toMatchObject({ status: 'closed_undelivered', outcome: 'no_dialogue', closedAt });
    expect(stepOf(closed, 'letter_delivery')?.status).toBe('cancelled');
    await recordHistory('address-unknown-closed', handle.workflowId);
  });

  it('opens the follow-up straight after a delivery with dialogue', async () => {
    const proposedAt = await now();
    const { handle } = await start(proposedAt, new Date(proposedAt.getTime() + 14 * DAY_MS));
    await harness.env.sleep(2 * 60_000);
    await handle.executeUpdate(recordCommitteeDecisionUpdate, {
      args: [
        {
          decision: 'send',
          participants: ['eas', 'municipal_exit_unit'],
          reason: 'Ny.',
          decidedAt: new Date(proposedAt.getTime() + 60_000).toISOString(),
          actor: COMMITTEE_MEMBER,
        },
      ],
    });
    const attemptedAt = (await now()).toISOString();
    const delivered = await handle.executeUpdate(recordDeliveryAttemptUpdate, {
      args: [{ result: 'delivered_dialogue', attemptedAt, note: 'God samtale.', actor: EXIT_OFFICER }],
    });
    expect(delivered.status).toBe('awaiting_follow_up');
    expect(stepOf(delivered, 'parents_contact')).toBeUndefined();
    expect(stepOf(delivered, 'concern_letter_follow_up')).toMatchObject({
      status: 'open',
      dueAt: computeDueAt(days(56), new Date(attemptedAt)).toISOString(),
    });
  });
});
