import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { owned } from '../support/network-council-fixtures';

/** Network councils over HTTP with the real roles: the municipality sees its own; others none. */
let sut: SystemUnderTest;
let municipality: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  municipality = await sut.as('kommune.kbh');
});

afterAll(() => sut?.stop());

it('registers the police documentation, is due in 7 days, and records invitations, meeting and agreements', async () => {
  const { body: youth } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const receivedAt = new Date(Date.now() - 3600_000).toISOString();
  const started = await municipality('POST', '/api/network-councils', {
    personRef: youth.personRef,
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: receivedAt,
  });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({
    status: 'awaiting_convening',
    statusText: 'afventer indkaldelse',
    municipality: { code: 'KOM-0101', name: 'Københavns Kommune' },
  });
  expect(started.body.openSteps).toEqual([
    expect.objectContaining({
      kind: 'network_council_convening',
      label: 'Indkaldelse til netværkssamråd',
      overdue: false,
    }),
  ]);
  const id = started.body.id;

  for (const username of ['politi.kbh.dks', 'politi.kbh.exit', 'kf.storstroem']) {
    expect([username, (await (await sut.as(username))('GET', `/api/network-councils/${id}`)).status]).toEqual([
      username,
      404,
    ]);
  }
  expect((await (await sut.as('kommune.leder.kbh'))('GET', `/api/network-councils/${id}`)).status).toBe(200);

  const noParticipants = await municipality('POST', `/api/network-councils/${id}/invitations`, { participants: [] });
  expect(noParticipants.body.details).toEqual([{ field: 'participants', problems: ['Indkald mindst én deltager.'] }]);
  const convened = await municipality('POST', `/api/network-councils/${id}/invitations`, {
    participants: [{ role: 'youth' }, { role: 'parents' }, { role: 'police' }, { role: 'social_services' }],
  });
  expect([convened.status, convened.body.status, convened.body.openSteps]).toEqual([200, 'convened', []]);
  await municipality('POST', `/api/network-councils/${id}/meeting`, {});
  const dueDate = danishDateInDays(14);
  const agreed = await municipality('POST', `/api/network-councils/${id}/agreements`, {
    agreements: [
      { ...owned('KOM-0101', dueDate), kind: 'support_in_custody', description: 'Bolig og skole.' },
      { ...owned('KOM-0101', dueDate), kind: 'mentor_support', description: 'Mentor fra kommunen.' },
    ],
  });
  expect(agreed.body.status).toBe('action_plan_running');
  for (const initiative of agreed.body.initiatives) {
    await municipality('POST', `/api/network-councils/${id}/initiative-follow-up`, {
      initiativeId: initiative.id,
      outcome: 'done',
      note: 'Gennemført.',
    });
  }
  const ended = await municipality('GET', `/api/network-councils/${id}`);
  expect([ended.body.status, ended.body.statusText]).toEqual(['action_plan_followed_up', 'handleplanen er fulgt op']);
  const again = await municipality('POST', `/api/network-councils/${id}/meeting`, {});
  expect([again.status, again.body.code]).toEqual([409, 'CASE_CLOSED']);
});

it('refuses a person who was 18 or older when the documentation arrived, and another municipality', async () => {
  const { body: adult } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const receivedAt = new Date().toISOString();
  const answer = await municipality('POST', '/api/network-councils', {
    personRef: adult.personRef,
    municipalityCode: 'KOM-0101',
    suspicion: 'suspected',
    documentationReceivedAt: receivedAt,
  });
  expect(answer.status).toBe(422);
  expect(answer.body.message).toMatch(
    /^Personen var \d+ år da dokumentationen fra politiet blev modtaget; ordningen gælder unge under 18\.$/,
  );
  const other = await municipality('POST', '/api/network-councils', {
    personRef: adult.personRef,
    municipalityCode: 'KOM-0461',
    suspicion: 'suspected',
    documentationReceivedAt: receivedAt,
  });
  expect([other.status, other.body.message]).toEqual([
    403,
    'Du kan kun registrere netværkssamråd for din egen kommune.',
  ]);
});

it('registers one council for the same Idempotency-Key twice, and refuses the key with another body', async () => {
  const { body: youth } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const body = {
    personRef: youth.personRef,
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: new Date().toISOString(),
  };
  const key = `council-retry-${youth.personRef}`;
  const first = await municipality('POST', '/api/network-councils', body, { 'idempotency-key': key });
  const second = await municipality('POST', '/api/network-councils', body, { 'idempotency-key': key });
  expect([first.status, second.status, second.body.id]).toEqual([201, 200, first.body.id]);
  const other = await municipality(
    'POST',
    '/api/network-councils',
    { ...body, suspicion: 'suspected' },
    { 'idempotency-key': key },
  );
  expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
});
