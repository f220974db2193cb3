import { randomUUID } from 'node:crypto';
import { startSmtpRecorder } from '../support/smtp-recorder';
import { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { NoticeOutbox } from '../../activities/notices/notice-outbox';
import { SmtpNoticeSender } from '../../activities/notices/notice-senders';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Notices to a person, through a real SMTP server, on a database of its own: an overdue notice goes to the
 * case's assignee; during the assignee's absence to the substitute with the unit's supervisor copied; a
 * case without an assignee to the unit's mailbox as before. The recipient is read when the notice goes
 * out. A transfer and a handover to the police clear the assignee in the read model.
 */
let database: TestDatabase;
let db: DataSource;
let recorder: ReadModelRecorder;
let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
let sender: SmtpNoticeSender;
let outbox: NoticeOutbox;
const users: Record<string, string> = {};

const UNIT = 'KF-STORSTROEM';

async function user(username: string, role: string, email: string | null): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, organisation, units, email)
     VALUES ($1, $1, 'x', $2, 'kriminalforsorgen', $3, $4) RETURNING id::text AS id`,
    [username, role, [UNIT], email],
  );
  return row.id;
}

beforeAll(async () => {
  database = await createSiblingDatabase();
  db = await new DataSource(readModelDataSourceOptions(database.databaseUrl)).initialize();
  recorder = new ReadModelRecorder(db);
  users.first = await user('first', 'kf_caseworker', 'first@kriminalforsorgen.example.dk');
  users.second = await user('second', 'kf_caseworker', 'second@kriminalforsorgen.example.dk');
  users.noMail = await user('nomail', 'kf_caseworker', null);
  users.supervisor = await user('leder', 'supervisor', 'leder@kriminalforsorgen.example.dk');
  smtp = await startSmtpRecorder();
  const { port } = smtp;
  sender = new SmtpNoticeSender({
    url: `smtp://127.0.0.1:${port}`,
    from: 'exitflow <ingen-svar@exitflow.local>',
    unitAddresses: { [UNIT]: 'storstroem@kriminalforsorgen.example.dk' },
  });
  outbox = new NoticeOutbox(db, sender, 'https://exitflow.example.dk');
});

afterAll(async () => {
  sender?.close();
  await smtp?.close();
  await db?.destroy();
  await database?.dispose();
});

/** An exit course at Storstrøm with its suitability assessment, assigned to `assignee` (or none). */
async function course(assignee: string | null): Promise<{ caseId: string; stepId: string }> {
  const caseId = randomUUID();
  const stepId = randomUUID();
  await recorder.recordTransition({
    caseId,
    seq: 1,
    opened: {
      caseType: 'exit_course',
      workflowId: `exit-course-${caseId}`,
      personRef: randomUUID(),
      orgUnit: UNIT,
      status: 'awaiting_suitability_assessment',
      openedAt: '2099-10-01T09:00:00.000Z',
      exitCourse: { expectedReleaseDate: '2099-12-31', paroleLinked: false },
    },
    stepsOpened: [
      {
        stepId,
        kind: 'suitability_assessment',
        openedAt: '2099-10-01T09:00:00.000Z',
        dueAt: '2099-10-31T09:00:00.000Z',
      },
    ],
    events: [],
  });
  if (assignee) await db.query(`UPDATE cases SET assignee_id = $2 WHERE id = $1`, [caseId, assignee]);
  return { caseId, stepId };
}

/** The step goes overdue (seq 2) and its notice is let out at once. */
async function overdue({ caseId, stepId }: { caseId: string; stepId: string }): Promise<void> {
  await recorder.recordTransition({
    caseId,
    seq: 2,
    stepsOverdue: [{ stepId, overdueAt: '2099-10-31T09:00:00.000Z' }],
    events: [],
  });
  await db.query(`UPDATE notifications SET next_attempt_at = now() WHERE case_id = $1`, [caseId]);
}

async function deliverOne() {
  smtp.mails.length = 0;
  expect(await outbox.deliverDue()).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
  return smtp.mails[0];
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

it('sends an overdue notice to the case’s assignee’s own address', async () => {
  await overdue(await course(users.first));
  expect(await deliverOne()).toMatchObject({ to: ['first@kriminalforsorgen.example.dk'], cc: null });
});

it('sends it to the substitute, with the supervisor copied, while the assignee is absent', async () => {
  const absent = await course(users.first);
  const [{ id }] = await db.query(
    `INSERT INTO absences (user_id, substitute_id, org_unit, starts_on, ends_on, recorded_by)
     VALUES ($1, $2, $3, $4::date, $4::date + 2, $1) RETURNING id`,
    [users.first, users.second, UNIT, today()],
  );
  await overdue(absent);
  expect(await deliverOne()).toMatchObject({
    to: ['second@kriminalforsorgen.example.dk', 'leder@kriminalforsorgen.example.dk'],
    cc: 'leder@kriminalforsorgen.example.dk',
  });
  // Cancelled, the absence no longer routes anything.
  await db.query(`UPDATE absences SET cancelled_at = now() WHERE id = $1`, [id]);
  await overdue(await course(users.first));
  expect(await deliverOne()).toMatchObject({ to: ['first@kriminalforsorgen.example.dk'], cc: null });
});

it('sends it to the unit’s mailbox, not the absent assignee, when the substitute is no longer active', async () => {
  const absent = await course(users.first);
  const [{ id }] = await db.query(
    `INSERT INTO absences (user_id, substitute_id, org_unit, starts_on, ends_on, recorded_by)
     VALUES ($1, $2, $3, $4::date, $4::date + 2, $1) RETURNING id`,
    [users.first, users.second, UNIT, today()],
  );
  await db.query(`UPDATE users SET active = false WHERE id::text = $1`, [users.second]);
  try {
    await overdue(absent);
    expect(await deliverOne()).toMatchObject({ to: ['storstroem@kriminalforsorgen.example.dk'], cc: null });
  } finally {
    await db.query(`UPDATE users SET active = true WHERE id::text = $1`, [users.second]);
    await db.query(`UPDATE absences SET cancelled_at = now() WHERE id = $1`, [id]);
  }
});

it('routes by the absence of the notice’s unit only: an absence in another unit sends nothing to its substitute', async () => {
  const absent = await course(users.first);
  const [{ id }] = await db.query(
    `INSERT INTO absences (user_id, substitute_id, org_unit, starts_on, ends_on, recorded_by)
     VALUES ($1, $2, 'KF-ANOTHER-UNIT', $3::date, $3::date + 2, $1) RETURNING id`,
    [users.first, users.second, today()],
  );
  try {
    await overdue(absent);
    expect(await deliverOne()).toMatchObject({ to: ['first@kriminalforsorgen.example.dk'], cc: null });
  } finally {
    await db.query(`UPDATE absences SET cancelled_at = now() WHERE id = $1`, [id]);
  }
});

it('sends it to the unit’s mailbox when the case has no assignee, or the assignee no address', async () => {
  await overdue(await course(null));
  expect(await deliverOne()).toMatchObject({ to: ['storstroem@kriminalforsorgen.example.dk'], cc: null });
  await overdue(await course(users.noMail));
  expect(await deliverOne()).toMatchObject({ to: ['storstroem@kriminalforsorgen.example.dk'], cc: null });
});

it('reads the assignee when the notice goes out: a reassignment before then is honoured', async () => {
  const moved = await course(users.first);
  await overdue(moved);
  await db.query(`UPDATE cases SET assignee_id = $2 WHERE id = $1`, [moved.caseId, users.second]);
  expect(await deliverOne()).toMatchObject({ to: ['second@kriminalforsorgen.example.dk'] });
});

it('tells a caseworker of a case assigned to them, and withdraws the notice if the case moved on meanwhile', async () => {
  const assigned = await course(users.second);
  await db.query(
    `INSERT INTO notifications (id, case_id, recipient_unit, kind, recipient_user_id) VALUES ($1, $2, $3, 'case_assigned', $4)`,
    [randomUUID(), assigned.caseId, UNIT, users.second],
  );
  const sent = await deliverOne();
  expect(sent.to).toEqual(['second@kriminalforsorgen.example.dk']);
  expect(sent.subject).toContain('tildelt');
  await db.query(
    `INSERT INTO notifications (id, case_id, recipient_unit, kind, recipient_user_id) VALUES ($1, $2, $3, 'case_assigned', $4)`,
    [randomUUID(), assigned.caseId, UNIT, users.first],
  );
  expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, withdrawn: 1 });
});

describe('the read model clears the assignee when the case leaves the unit', () => {
  it('at a prison transfer, with a history row', async () => {
    const { caseId } = await course(users.first);
    await recorder.recordTransition({ caseId, seq: 2, orgUnit: 'KF-ENNER-MARK', events: [] });
    expect(await db.query(`SELECT org_unit, assignee_id FROM cases WHERE id = $1`, [caseId])).toEqual([
      { org_unit: 'KF-ENNER-MARK', assignee_id: null },
    ]);
    expect(
      await db.query(
        `SELECT change, from_user_id, to_user_id, org_unit, changed_by FROM case_assignments WHERE case_id = $1`,
        [caseId],
      ),
    ).toEqual([
      {
        change: 'cleared',
        from_user_id: users.first,
        to_user_id: null,
        org_unit: 'KF-ENNER-MARK',
        changed_by: 'system',
      },
    ]);
  });

  it('when the handover district’s decision opens, not at other steps', async () => {
    const { caseId } = await course(users.first);
    await recorder.recordTransition({
      caseId,
      seq: 2,
      stepsOpened: [
        {
          stepId: randomUUID(),
          kind: 'mentor_assignment',
          openedAt: '2099-10-02T09:00:00Z',
          dueAt: '2099-10-20T09:00:00Z',
        },
      ],
      events: [],
    });
    expect((await db.query(`SELECT assignee_id FROM cases WHERE id = $1`, [caseId]))[0].assignee_id).toBe(users.first);
    await recorder.recordTransition({
      caseId,
      seq: 3,
      stepsOpened: [
        {
          stepId: randomUUID(),
          kind: 'handover_decision',
          openedAt: '2099-10-03T09:00:00Z',
          dueAt: '2099-10-05T09:00:00Z',
        },
      ],
      events: [],
    });
    expect((await db.query(`SELECT assignee_id FROM cases WHERE id = $1`, [caseId]))[0].assignee_id).toBeNull();
  });
});
