import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { NoticeOutbox, OVERDUE_NOTICE_SETTLE_SECONDS, retryDelaySeconds } from '../../activities/notices/notice-outbox';
import { SmtpNoticeSender, type NoticeSender } from '../../activities/notices/notice-senders';
import type { OutgoingNotice } from '../../activities/notices/outgoing-notice';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { startSmtpRecorder, type RecordedMail } from '../support/smtp-recorder';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * The outbox and its senders, on a database of its own: other suites' workers deliver the shared
 * database's outbox while they run, so only here can every notice be counted exactly.
 */
let database: TestDatabase;
let db: DataSource;
let recorder: ReadModelRecorder;

beforeAll(async () => {
  database = await createSiblingDatabase();
  db = await new DataSource(readModelDataSourceOptions(database.databaseUrl)).initialize();
  recorder = new ReadModelRecorder(db);
});

afterAll(async () => {
  await db?.destroy();
  await database?.dispose();
});

const WEB = 'https://exitflow.example.dk';

class RecordingSender implements NoticeSender {
  readonly sent: OutgoingNotice[] = [];
  failWith?: string;

  async send(notice: OutgoingNotice): Promise<void> {
    if (this.failWith) throw new Error(this.failWith);
    this.sent.push(notice);
  }
}

/**
 * A DKS case in Københavns Politi with an assessment due 2099-11-24 10:00 Danish time (a warning is stale
 * once its deadline has passed, so the deadline lies ahead of any run), warned and then overdue.
 */
async function warnedAndOverdueCase(): Promise<{ caseId: string; stepId: string }> {
  const caseId = randomUUID();
  const stepId = randomUUID();
  await recorder.recordTransition({
    caseId,
    seq: 1,
    opened: {
      caseType: 'dks_assessment',
      workflowId: `dks-case-${caseId}`,
      personRef: randomUUID(),
      orgUnit: 'POL-KBH',
      status: 'awaiting_assessment',
      openedAt: '2099-11-23T09:00:00.000Z',
    },
    stepsOpened: [
      { stepId, kind: 'dks_assessment', openedAt: '2099-11-23T09:00:00.000Z', dueAt: '2099-11-24T09:00:00.000Z' },
    ],
    events: [],
  });
  const warned = { caseId, seq: 2, stepsWarned: [{ stepId, dueAt: '2099-11-24T09:00:00.000Z' }], events: [] };
  await recorder.recordTransition(warned);
  await recorder.recordTransition(warned); // a retried activity
  await recorder.recordTransition({
    caseId,
    seq: 3,
    stepsOverdue: [{ stepId, overdueAt: '2099-11-24T09:00:00.000Z' }],
    events: [],
  });
  return { caseId, stepId };
}

/** Lets the case's notices go now (the overdue one waits OVERDUE_NOTICE_SETTLE_SECONDS after it is written). */
const dueNow = (...caseIds: string[]) =>
  db.query(`UPDATE notifications SET next_attempt_at = now() WHERE case_id = ANY($1)`, [caseIds]);

it('sends each notice once, in Danish, to the unit whose turn it is, with a link and no personal data', async () => {
  const { caseId } = await warnedAndOverdueCase();
  const sender = new RecordingSender();
  const outbox = new NoticeOutbox(db, sender, WEB);

  // The warning goes at once; the overdue notice settles for 5 minutes first.
  expect(await outbox.deliverDue()).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
  const [{ settle }] = await db.query(
    `SELECT round(extract(epoch FROM next_attempt_at - created_at))::int AS settle FROM notifications WHERE case_id = $1 AND kind = 'deadline_overdue'`,
    [caseId],
  );
  expect(settle).toBe(OVERDUE_NOTICE_SETTLE_SECONDS);
  await dueNow(caseId);
  expect(await outbox.deliverDue()).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
  expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
  expect(
    sender.sent.map(({ recipientUnit, recipientRole, subject }) => ({ recipientUnit, recipientRole, subject })),
  ).toEqual([
    {
      recipientUnit: 'POL-KBH',
      recipientRole: 'dks_officer',
      subject: 'Frist nærmer sig: DKS-vurdering af bekymringssamtale senest 24.11.2099 kl. 10.00',
    },
    {
      recipientUnit: 'POL-KBH',
      recipientRole: 'dks_officer',
      subject: 'Frist overskredet: DKS-vurdering af bekymringssamtale skulle være sket senest 24.11.2099 kl. 10.00',
    },
  ]);
  // The overdue notice is an escalation (the supervisor's mailbox gets a copy); the warning is not.
  expect(sender.sent.map((notice) => notice.escalation)).toEqual([false, true]);
  expect(sender.sent[1].text).toBe(
    [
      'Til: Københavns Politi – Den Kriminalpræventive Sektion (DKS)',
      '',
      'Frist overskredet: DKS-vurdering af bekymringssamtale skulle være sket senest 24.11.2099 kl. 10.00',
      'Sagstype: DKS-sag',
      `Sag: ${caseId}`,
      '',
      `Se sagen: ${WEB}/#/sag/dks-cases/${caseId}`,
      '',
      'Beskeden indeholder ingen personoplysninger. Log ind for at se sagen.',
    ].join('\n'),
  );
  const rows = await db.query(
    `SELECT attempts, last_error, sent_at IS NOT NULL AS sent FROM notifications WHERE case_id = $1`,
    [caseId],
  );
  expect(rows).toEqual([
    { attempts: 1, last_error: null, sent: true },
    { attempts: 1, last_error: null, sent: true },
  ]);
});

it('keeps a notice that could not be sent, with the reason, and tries again after a growing wait', async () => {
  const { caseId } = await warnedAndOverdueCase();
  const sender = new RecordingSender();
  sender.failWith = 'Forbindelsen til mailserveren blev afvist';
  const outbox = new NoticeOutbox(db, sender, WEB);
  await dueNow(caseId);

  expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 2, withdrawn: 0 });
  // Not due again yet: nothing is retried at once.
  expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
  const [row] = await db.query(
    `SELECT attempts, last_error, sent_at, round(extract(epoch FROM next_attempt_at - now()))::int AS wait FROM notifications WHERE case_id = $1 LIMIT 1`,
    [caseId],
  );
  expect(row).toEqual({
    attempts: 1,
    last_error: 'Forbindelsen til mailserveren blev afvist',
    sent_at: null,
    wait: 30,
  });

  sender.failWith = undefined;
  await db.query(`UPDATE notifications SET next_attempt_at = now() WHERE case_id = $1`, [caseId]);
  expect(await outbox.deliverDue()).toEqual({ sent: 2, failed: 0, withdrawn: 0 });
  expect((await db.query(`SELECT attempts, last_error FROM notifications WHERE case_id = $1`, [caseId]))[0]).toEqual({
    attempts: 2,
    last_error: null,
  });
});

it('withdraws a deadline notice whose step closed, or whose deadline moved, before it went out', async () => {
  const closed = await warnedAndOverdueCase();
  await recorder.recordTransition({
    caseId: closed.caseId,
    seq: 4,
    stepsClosed: [
      {
        stepId: closed.stepId,
        status: 'completed',
        completedAt: '2099-11-24T09:30:00.000Z',
        latenessSeconds: 1800,
        outcome: 'none',
      },
    ],
    events: [],
  });
  const moved = await warnedAndOverdueCase();
  await recorder.recordTransition({
    caseId: moved.caseId,
    seq: 4,
    stepsRescheduled: [{ stepId: moved.stepId, dueAt: '2099-11-30T09:00:00.000Z' }],
    events: [],
  });
  await dueNow(closed.caseId, moved.caseId);
  const sender = new RecordingSender();

  expect(await new NoticeOutbox(db, sender, WEB).deliverDue()).toEqual({ sent: 0, failed: 0, withdrawn: 4 });
  expect(sender.sent).toEqual([]);
  const rows = await db.query(
    `SELECT count(*)::int AS n FROM notifications WHERE case_id = ANY($1) AND withdrawn_at IS NOT NULL AND sent_at IS NULL`,
    [[closed.caseId, moved.caseId]],
  );
  expect(rows).toEqual([{ n: 4 }]);
});

it('withdraws a warning whose deadline passed before it could go out (after an outage, say)', async () => {
  const caseId = randomUUID();
  const stepId = randomUUID();
  const dueAt = new Date(Date.now() - 60_000).toISOString();
  await recorder.recordTransition({
    caseId,
    seq: 1,
    opened: {
      caseType: 'dks_assessment',
      workflowId: `dks-case-${caseId}`,
      personRef: randomUUID(),
      orgUnit: 'POL-KBH',
      status: 'awaiting_assessment',
      openedAt: dueAt,
    },
    stepsOpened: [{ stepId, kind: 'dks_assessment', openedAt: dueAt, dueAt }],
    stepsWarned: [{ stepId, dueAt }],
    events: [],
  });
  const sender = new RecordingSender();
  expect(await new NoticeOutbox(db, sender, WEB).deliverDue()).toEqual({ sent: 0, failed: 0, withdrawn: 1 });
  expect(sender.sent).toEqual([]);
});

it('lets two workers deliver at once without sending any notice twice', async () => {
  const cases = await Promise.all([1, 2, 3, 4, 5].map(() => warnedAndOverdueCase()));
  await dueNow(...cases.map((known) => known.caseId));
  const sent: string[] = [];
  const slowSender: NoticeSender = {
    send: async (notice) => void (await new Promise((resolve) => setTimeout(resolve, 20)), sent.push(notice.noticeId)),
  };
  const rounds = await Promise.all([
    new NoticeOutbox(db, slowSender, WEB).deliverDue(),
    new NoticeOutbox(db, slowSender, WEB).deliverDue(),
  ]);

  expect(rounds[0].sent + rounds[1].sent).toBe(10);
  expect(rounds[0].sent).toBeGreaterThan(0);
  expect(rounds[1].sent).toBeGreaterThan(0);
  expect(new Set(sent).size).toBe(10);
  expect(sent).toHaveLength(10);
});

it('stops between notices when the worker shuts down', async () => {
  const known = await warnedAndOverdueCase();
  await dueNow(known.caseId);
  const sender = new RecordingSender();
  let stopping = false;
  const stopAfterFirst: NoticeSender = { send: async (notice) => ((stopping = true), sender.send(notice)) };
  expect(await new NoticeOutbox(db, stopAfterFirst, WEB).deliverDue(200, () => stopping)).toEqual({
    sent: 1,
    failed: 0,
    withdrawn: 0,
  });
  expect(await new NoticeOutbox(db, sender, WEB).deliverDue()).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
});

it('waits 30 s after the first failure, doubling up to an hour', () => {
  expect([1, 2, 3, 4, 7, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
});

describe('the SMTP sender', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
  let received: RecordedMail[];

  beforeAll(async () => {
    smtp = await startSmtpRecorder();
    received = smtp.mails;
  });

  afterAll(() => smtp?.close());

  it('mails the role’s or else the unit’s mailbox through a real SMTP server, and refuses a unit without one', async () => {
    const { port } = smtp;
    const sender = new SmtpNoticeSender({
      url: `smtp://127.0.0.1:${port}`,
      from: 'exitflow <ingen-svar@exitflow.local>',
      unitAddresses: {
        'POL-KBH/dks_officer': 'dks@politi.example.dk',
        'POL-KBH': 'exit@politi.example.dk',
        'POL-KBH/supervisor': 'leder@politi.example.dk',
      },
    });
    try {
      const notice: OutgoingNotice = {
        noticeId: randomUUID(),
        recipientUnit: 'POL-KBH',
        recipientRole: 'dks_officer',
        escalation: false,
        subject: 'Frist nærmer sig: DKS-vurdering',
        text: 'Se sagen.',
      };
      await sender.send(notice);
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual(['dks@politi.example.dk']);
      expect(received[0].data).toContain(`Message-ID: <${notice.noticeId}@exitflow>`);
      expect(received[0].data).toMatch(/^Subject: =\?UTF-8\?Q\?Frist_n=C3=A6rmer_sig/m);
      expect(received[0].data).toMatch(/\r?\n\r?\nSe sagen\.\r?\n/);
      // The exit unit in the same district has no mailbox of its own: the district's.
      await sender.send({ ...notice, noticeId: randomUUID(), recipientRole: 'police_exit_officer' });
      expect(received[1].to).toEqual(['exit@politi.example.dk']);
      // An overdue step: the district's supervisor gets a copy.
      await sender.send({
        ...notice,
        noticeId: randomUUID(),
        escalation: true,
        subject: 'Frist overskredet: DKS-vurdering',
      });
      expect(received[2].to).toEqual(['dks@politi.example.dk', 'leder@politi.example.dk']);
      expect(received[2].data).toMatch(/^Cc: leder@politi\.example\.dk\r?$/m);
      await expect(
        sender.send({ ...notice, recipientUnit: 'KF-NYBORG', recipientRole: 'kf_caseworker' }),
      ).rejects.toThrow('Ingen e-mailadresse for enheden KF-NYBORG (NOTICE_UNIT_ADDRESSES).');
      expect(received).toHaveLength(3);
    } finally {
      sender.close();
    }
  });
});
