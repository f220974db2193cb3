import type { StartNetworkCouncilInput } from '../../libs/domain/youth/network-council.types';
import {
  councilReadModelSyncedUpdate,
  networkCouncilStateQuery,
  recordCouncilAgreementsUpdate,
  recordCouncilExpectedReleaseUpdate,
  recordCouncilMeetingPlanUpdate,
  recordCouncilMeetingUpdate,
  recordCouncilReleaseUpdate,
  recordInitiativeFollowUpUpdate,
  recordInvitationsUpdate,
} from '../../workflows/network-council/network-council.messages';
import {
  NETWORK_COUNCIL_WORKFLOW_ID_PREFIX,
  networkCouncilWorkflow,
} from '../../workflows/network-council/network-council.workflow';
import { parseLocalDate, startOfDanishDay } from '../../libs/domain/time/copenhagen-calendar';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { networkCouncilInput, owned } from '../support/network-council-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const TASK_QUEUE = 'council-action-plan-workflow-test';
const CASEWORKER = { id: 'user-kommune-kbh' };
const DKS_OFFICER = { id: 'user-politi-kbh-dks' };
const DAY_MS = 24 * 3600_000;

const harness = useWorkflowTestHarness(TASK_QUEUE, 'network-council');
const { now, recordHistory } = harness;

const start = (input: StartNetworkCouncilInput) =>
  harness.startSynced(
    networkCouncilWorkflow,
    `${NETWORK_COUNCIL_WORKFLOW_ID_PREFIX}${input.caseId}`,
    councilReadModelSyncedUpdate,
    input,
  );

/** The council's documentation as DKS sent it through the system at `sentAt`. */
const sentByPolice = (sentAt: Date): StartNetworkCouncilInput => ({
  ...networkCouncilInput(sentAt, DKS_OFFICER),
  documentationVia: 'system',
  policeDocumentation: { senderUnit: 'POL-KBH', senderFunction: 'dks', offenceSealed: 'sealed-offence' },
});

/** Convened, planned and held at `at`: ready for its agreements. */
async function heldCouncil(input: StartNetworkCouncilInput, at: string) {
  const handle = await start(input);
  await handle.executeUpdate(recordInvitationsUpdate, {
    args: [{ invitedAt: at, participants: [{ role: 'youth' }, { role: 'police' }], actor: CASEWORKER }],
  });
  await handle.executeUpdate(recordCouncilMeetingUpdate, { args: [{ heldAt: at, actor: CASEWORKER }] });
  return handle;
}

const eventsOf = (caseId: string) =>
  harness.db.query(`SELECT action, details FROM case_events WHERE case_id = $1 ORDER BY transition_seq, position`, [
    caseId,
  ]) as Promise<{ action: string; details: Record<string, unknown> }[]>;

describe('network council: documentation from the police', () => {
  it('sent by the police 8 days ago is overdue at once: the convening escalates immediately', async () => {
    const sentAt = new Date((await now()).getTime() - 8 * DAY_MS);
    const input = sentByPolice(sentAt);
    const handle = await start(input);
    const state = await handle.executeUpdate(councilReadModelSyncedUpdate);
    expect(state.documentationVia).toBe('system');
    expect(state.steps[0]).toMatchObject({ kind: 'network_council_convening', status: 'open' });
    expect(state.steps[0].overdueAt).toBeDefined();
    const events = await eventsOf(input.caseId);
    expect(events.slice(0, 2)).toEqual([
      {
        action: 'police_documentation_sent',
        details: { senderUnit: 'POL-KBH', senderFunction: 'dks', suspicion: 'charged' },
      },
      { action: 'network_council_registered', details: { suspicion: 'charged', documentationVia: 'system' } },
    ]);
    expect(events.map((event) => event.action)).toEqual([
      'police_documentation_sent',
      'network_council_registered',
      'step_opened',
      'step_overdue',
    ]);
    const [received] = await harness.db.query(
      `SELECT c.opened_at, d.sent_at, d.sender_unit, d.sender_function, d.offence_encrypted
         FROM police_documentation d JOIN cases c ON c.id = d.case_id WHERE d.case_id = $1`,
      [input.caseId],
    );
    expect(received).toEqual({
      opened_at: sentAt,
      sent_at: sentAt,
      sender_unit: 'POL-KBH',
      sender_function: 'dks',
      offence_encrypted: 'sealed-offence',
    });
    const notices = await harness.db.query(
      `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND step_id IS NULL`,
      [input.caseId],
    );
    expect(notices).toEqual([{ recipient_unit: 'KOM-0101', kind: 'police_documentation' }]);
  });

  it('registered by the municipality records that it came outside the system', async () => {
    const input: StartNetworkCouncilInput = {
      ...networkCouncilInput(await now(), CASEWORKER),
      documentationVia: 'outside_system',
    };
    await start(input);
    const events = await eventsOf(input.caseId);
    expect(events[0]).toEqual({
      action: 'network_council_registered',
      details: { suspicion: 'charged', documentationVia: 'outside_system' },
    });
  });
});

describe('network council: the action plan', () => {
  it('plans the meeting, opens a follow-up step per initiative for its owner, escalates one after its due date, and ends at the last follow-up', async () => {
    const at = await now();
    const input = networkCouncilInput(at, CASEWORKER);
    const handle = await start(input);
    const plannedFor = new Date(at.getTime() + 3 * DAY_MS).toISOString();
    const planned = await handle.executeUpdate(recordCouncilMeetingPlanUpdate, {
      args: [{ plannedFor, actor: CASEWORKER }],
    });
    expect(planned.plannedFor).toBe(plannedFor);
    await handle.executeUpdate(recordInvitationsUpdate, {
      args: [{ invitedAt: at.toISOString(), participants: [{ role: 'youth' }], actor: CASEWORKER }],
    });
    await handle.executeUpdate(recordCouncilMeetingUpdate, { args: [{ heldAt: at.toISOString(), actor: CASEWORKER }] });
    const soon = danishDateInDays(2, at);
    const later = danishDateInDays(20, at);
    const missingOwner = await refusalOf(
      handle.executeUpdate(recordCouncilAgreementsUpdate, {
        args: [{ agreedAt: at.toISOString(), agreements: [{ kind: 'other', description: 'x' }], actor: CASEWORKER }],
      }),
    );
    expect(missingOwner.message).toBe('Aftale 1 skal have en ejer (myndighed og enhed).');
    const running = await handle.executeUpdate(recordCouncilAgreementsUpdate, {
      args: [
        {
          agreedAt: at.toISOString(),
          agreements: [
            { ...owned('POL-KBH', soon), kind: 'support_in_custody', description: 'Politiet holder kontakt.' },
            { ...owned('KOM-0101', later), kind: 'mentor_support', description: 'Mentor fra kommunen.' },
          ],
          actor: CASEWORKER,
        },
      ],
    });
    expect(running.status).toBe('action_plan_running');
    expect(running.closedAt).toBeUndefined();
    const [police, municipality] = running.initiatives!;
    const followUps = running.steps.filter((step) => step.kind === 'council_initiative_follow_up');
    expect(followUps.map((step) => step.stepId)).toEqual([police.stepId, municipality.stepId]);
    await handle.executeUpdate(councilReadModelSyncedUpdate);
    const steps = await harness.db.query(
      `SELECT id, responsible_unit, due_at FROM steps WHERE case_id = $1 AND kind = 'council_initiative_follow_up' ORDER BY due_at`,
      [input.caseId],
    );
    expect(steps.map((step: { responsible_unit: string }) => step.responsible_unit)).toEqual(['POL-KBH', 'KOM-0101']);
    expect(
      await harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [
        input.caseId,
      ]),
    ).toEqual([
      { org_unit: 'KOM-0101', access: 'write' },
      { org_unit: 'POL-KBH', access: 'read' },
    ]);

    // Past the police initiative's due date (the end of that Danish day): its step escalates, the other waits.
    const policeDue = Date.parse(followUps[0].dueAt);
    await harness.env.sleep(policeDue - (await now()).getTime() + 60_000);
    const late = await handle.executeUpdate(councilReadModelSyncedUpdate);
    expect(late.steps.find((step) => step.stepId === police.stepId)!.overdueAt).toBeDefined();
    expect(late.steps.find((step) => step.stepId === municipality.stepId)!.overdueAt).toBeUndefined();

    const followedUpAt = (await now()).toISOString();
    const first = await handle.executeUpdate(recordInitiativeFollowUpUpdate, {
      args: [
        {
          initiativeId: police.initiativeId,
          outcome: 'ongoing',
          note: 'Kontakten fortsætter.',
          followedUpAt,
          actor: CASEWORKER,
        },
      ],
    });
    expect(first.status).toBe('action_plan_running');
    const again = await refusalOf(
      handle.executeUpdate(recordInitiativeFollowUpUpdate, {
        args: [{ initiativeId: police.initiativeId, outcome: 'done', note: 'x', followedUpAt, actor: CASEWORKER }],
      }),
    );
    expect(again).toEqual({
      type: 'IllegalTransition',
      message: 'Initiativet er allerede fulgt op og kan ikke følges op igen.',
    });
    await handle.executeUpdate(recordInitiativeFollowUpUpdate, {
      args: [
        {
          initiativeId: municipality.initiativeId,
          outcome: 'done',
          note: 'Mentoren er på plads.',
          followedUpAt,
          actor: CASEWORKER,
        },
      ],
    });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'action_plan_followed_up', closedAt: followedUpAt });
    const followed = await harness.db.query(
      `SELECT details->>'outcome' AS outcome, reason FROM case_events WHERE case_id = $1 AND action = 'council_initiative_followed_up' ORDER BY transition_seq`,
      [input.caseId],
    );
    expect(followed).toEqual([
      { outcome: 'ongoing', reason: 'Kontakten fortsætter.' },
      { outcome: 'done', reason: 'Mentoren er på plads.' },
    ]);
    const [row] = await harness.db.query(`SELECT status, closed_at FROM cases WHERE id = $1`, [input.caseId]);
    expect(row).toEqual({ status: 'action_plan_followed_up', closed_at: new Date(followedUpAt) });
    await recordHistory('action-plan-followed-up', handle.workflowId);
  });

  it('ties support at release to the youth’s release: due on the expected date, moved with it, due on the release day, and the owners get a release notice', async () => {
    const at = await now();
    const input = networkCouncilInput(at, CASEWORKER);
    const handle = await heldCouncil(input, at.toISOString());
    const noDate = await refusalOf(
      handle.executeUpdate(recordCouncilAgreementsUpdate, {
        args: [
          {
            agreedAt: at.toISOString(),
            agreements: [
              {
                kind: 'support_at_release',
                description: 'x',
                ownerOrganisation: 'politi',
                ownerUnit: 'POL-KBH',
                followsRelease: true,
              },
            ],
            actor: CASEWORKER,
          },
        ],
      }),
    );
    expect(noDate.message).toBe('Aftale 1 følger løsladelsen: registrér den forventede løsladelsesdato først.');
    const expected = danishDateInDays(40, at);
    await handle.executeUpdate(recordCouncilExpectedReleaseUpdate, {
      args: [{ expectedReleaseDate: expected, actor: CASEWORKER }],
    });
    const running = await handle.executeUpdate(recordCouncilAgreementsUpdate, {
      args: [
        {
          agreedAt: at.toISOString(),
          agreements: [
            {
              kind: 'support_at_release',
              description: 'Exitenheden tager imod ved løsladelsen.',
              ownerOrganisation: 'politi',
              ownerUnit: 'POL-KBH',
              followsRelease: true,
            },
            { ...owned('KF-STORSTROEM', danishDateInDays(60, at)), kind: 'other', description: 'Uddannelsesplan.' },
          ],
          actor: CASEWORKER,
        },
      ],
    });
    const [release, other] = running.initiatives!;
    expect(release).toMatchObject({ dueDate: expected, followsRelease: true });
    const moved = danishDateInDays(30, at);
    const rescheduled = await handle.executeUpdate(recordCouncilExpectedReleaseUpdate, {
      args: [{ expectedReleaseDate: moved, actor: CASEWORKER }],
    });
    expect(rescheduled.initiatives![0].dueDate).toBe(moved);
    expect(rescheduled.initiatives![1].dueDate).toBe(other.dueDate);

    await harness.env.sleep(5 * DAY_MS);
    const releasedAt = (await now()).toISOString();
    const released = await handle.executeUpdate(recordCouncilReleaseUpdate, {
      args: [{ releasedAt, actor: CASEWORKER }],
    });
    const releaseDay = danishDateInDays(0, new Date(releasedAt));
    expect(released.initiatives![0].dueDate).toBe(releaseDay);
    const releaseStep = released.steps.find((step) => step.stepId === release.stepId)!;
    // The end of the release's Danish day.
    expect(releaseStep.dueAt).toBe(
      startOfDanishDay(parseLocalDate(danishDateInDays(1, new Date(releasedAt)))!).toISOString(),
    );
    const twice = await refusalOf(
      handle.executeUpdate(recordCouncilReleaseUpdate, { args: [{ releasedAt, actor: CASEWORKER }] }),
    );
    expect(twice.message).toBe('Løsladelsen kan ikke registreres: den unge er allerede løsladt.');
    await handle.executeUpdate(councilReadModelSyncedUpdate);
    const notices = await harness.db.query(
      `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND step_id IS NULL ORDER BY recipient_unit`,
      [input.caseId],
    );
    expect(notices).toEqual([
      { recipient_unit: 'KF-STORSTROEM', kind: 'council_release' },
      { recipient_unit: 'POL-KBH', kind: 'council_release' },
    ]);
    const [initiativeRow] = await harness.db.query(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM council_initiatives WHERE id = $1`,
      [release.initiativeId],
    );
    expect(initiativeRow.due_date).toBe(releaseDay);

    for (const initiative of [release, other]) {
      await handle.executeUpdate(recordInitiativeFollowUpUpdate, {
        args: [
          {
            initiativeId: initiative.initiativeId,
            outcome: 'done',
            note: 'Sket.',
            followedUpAt: releasedAt,
            actor: CASEWORKER,
          },
        ],
      });
    }
    expect((await handle.result()).status).toBe('action_plan_followed_up');
    const final = await handle.query(networkCouncilStateQuery);
    expect(final.releasedAt).toBe(releasedAt);
    await recordHistory('support-at-release', handle.workflowId);
  });
});
