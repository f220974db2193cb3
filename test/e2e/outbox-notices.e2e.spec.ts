import { randomUUID } from 'node:crypto';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/** Operations' view of the notice outbox: what keeps failing, and why. */
let sut: SystemUnderTest;

beforeAll(async () => {
  // No worker here: nothing delivers while the test looks.
  sut = await startSystem({}, { worker: false });
});

afterAll(() => sut?.stop());

it('lists the notices that keep failing with their reason, newest first, with counts per state', async () => {
  const caseId = randomUUID();
  const noticeId = randomUUID();
  await sut.db.query(
    `INSERT INTO cases (id, case_type, workflow_id, person_ref, org_unit, status, opened_at, last_seq)
     VALUES ($1, 'dks_assessment', $2, $3, 'POL-BORNHOLM', 'awaiting_assessment', now(), 1)`,
    [caseId, `outbox-test-${caseId}`, randomUUID()],
  );
  // Retried three times and due again only next year: no worker of another suite will touch it meanwhile.
  await sut.db.query(
    `INSERT INTO notifications (id, case_id, recipient_unit, kind, attempts, last_error, created_at, next_attempt_at)
     VALUES ($1, $2, 'POL-BORNHOLM', 'handover', 3, 'Ingen e-mailadresse for enheden POL-BORNHOLM (NOTICE_UNIT_ADDRESSES).', now() + interval '1 day', now() + interval '1 year')`,
    [noticeId, caseId],
  );
  const drift = await sut.as('drift');

  const failing = await drift('GET', '/api/admin/notices?pageSize=100');
  expect(failing.status).toBe(200);
  expect(failing.body.items[0]).toEqual({
    id: noticeId,
    caseId,
    recipientUnit: 'POL-BORNHOLM',
    kind: 'handover',
    stepKind: null,
    dueAt: null,
    attempts: 3,
    lastError: 'Ingen e-mailadresse for enheden POL-BORNHOLM (NOTICE_UNIT_ADDRESSES).',
    createdAt: expect.any(String),
    nextAttemptAt: expect.any(String),
    sentAt: null,
    withdrawnAt: null,
  });
  expect(failing.body.counts.failing).toBeGreaterThanOrEqual(1);
  expect(Object.keys(failing.body.counts).sort()).toEqual(['failing', 'pending', 'sent', 'withdrawn']);
  expect(failing.body.total).toBe(failing.body.counts.failing);
  const sent = await drift('GET', '/api/admin/notices?state=sent&pageSize=100');
  expect(sent.body.items.map((item: { id: string }) => item.id)).not.toContain(noticeId);
});

it('refuses an unknown state with the states there are, and everyone but operations', async () => {
  const drift = await sut.as('drift');
  const answer = await drift('GET', '/api/admin/notices?state=lost');
  expect([answer.status, answer.body.details]).toEqual([
    400,
    [{ field: 'state', problems: ['Tilstanden skal være »fejler«, »venter«, »sendt« eller »trukket tilbage«.'] }],
  ]);
  for (const username of ['admin', 'kf.leder.national', 'politi.leder.kbh']) {
    expect([username, (await (await sut.as(username))('GET', '/api/admin/notices')).status]).toEqual([username, 403]);
  }
});
