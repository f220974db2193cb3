import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/** DKS over HTTP with the real roles: DKS sees its district's youth cases; others see none of them. */
let sut: SystemUnderTest;
let dks: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  dks = await sut.as('politi.kbh.dks');
});

afterAll(() => sut?.stop());

const HOUR_MS = 3600_000;

it('registers a youth’s gang case, assesses within 24 hours, holds the home visit and follows up', async () => {
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const triggeredAt = new Date(Date.now() - 2 * HOUR_MS).toISOString();
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt,
  });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({
    status: 'awaiting_assessment',
    statusText: 'afventer DKS-vurdering',
    policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' },
  });
  expect(started.body.openSteps).toEqual([
    expect.objectContaining({
      kind: 'dks_assessment',
      label: 'DKS-vurdering af bekymringssamtale',
      dueAt: new Date(Date.parse(triggeredAt) + 24 * HOUR_MS).toISOString(),
      overdue: false,
    }),
  ]);
  const id = started.body.id;

  // Nobody outside DKS and the district's police supervisors sees it.
  for (const username of ['politi.kbh.exit', 'kommune.kbh', 'kf.storstroem', 'kf.leder.national']) {
    expect([username, (await (await sut.as(username))('GET', `/api/dks-cases/${id}`)).status]).toEqual([username, 404]);
  }
  expect((await (await sut.as('politi.leder.kbh'))('GET', `/api/dks-cases/${id}`)).status).toBe(200);

  const assessed = await dks('POST', `/api/dks-cases/${id}/assessment`, {
    concernConversation: true,
    reason: 'Sigtet for røveri sammen med bandemedlemmer.',
  });
  expect(assessed.body.status).toBe('awaiting_home_visit');
  const plannedFor = new Date(Date.now() + 2 * 24 * HOUR_MS).toISOString();
  const planned = await dks('POST', `/api/dks-cases/${id}/home-visit-plan`, { plannedFor });
  expect(planned.body.openSteps).toEqual([expect.objectContaining({ kind: 'home_visit', dueAt: plannedFor })]);
  const visited = await dks('POST', `/api/dks-cases/${id}/home-visit`, {
    withSocialServices: true,
    initiatives: 'Fritidsjob og kontakt til SSP.',
  });
  expect(visited.body.status).toBe('awaiting_follow_up');
  expect(visited.body.openSteps.map((step: { kind: string }) => step.kind)).toEqual(['follow_up_check']);
  const outOfOrder = await dks('POST', `/api/dks-cases/${id}/assessment`, { concernConversation: false, reason: 'x' });
  expect([outOfOrder.status, outOfOrder.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  const done = await dks('POST', `/api/dks-cases/${id}/follow-up`, { findings: 'Fritidsjob i gang; SSP har kontakt.' });
  expect(done.body).toMatchObject({ status: 'followed_up', openSteps: [] });

  // Shown with the person's other cases, within the user's scope.
  const person = await dks('GET', `/api/persons/${youth.personRef}`);
  expect(person.body.cases).toEqual([
    expect.objectContaining({ id, caseType: 'dks_assessment', status: 'followed_up' }),
  ]);
  const list = await dks('GET', '/api/dks-cases?pageSize=100');
  expect(list.body.items.map((item: { id: string }) => item.id)).toContain(id);
});

it('refuses a person who was 18 or older at the charge with 422, and starts nothing', async () => {
  const { body: adult } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const missingMoment = await dks('POST', '/api/dks-cases', {
    personRef: adult.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
  });
  expect(missingMoment.body.details).toEqual([
    {
      field: 'triggeredAt',
      problems: [
        'Tidspunktet for sigtelsen eller observationen skal udfyldes: fristen og alderen regnes fra dette tidspunkt.',
      ],
    },
  ]);
  const answer = await dks('POST', '/api/dks-cases', {
    personRef: adult.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'concerning_behaviour',
    triggeredAt: new Date().toISOString(),
  });
  expect(answer.status).toBe(422);
  expect(answer.body.code).toBe('INVALID_DOMAIN_DATA');
  expect(answer.body.message).toMatch(
    /^Personen var \d+ år på tidspunktet for sigtelsen eller observationen; ordningen gælder unge under 18\.$/,
  );
  const [{ n }] = await sut.db.query(`SELECT count(*)::int AS n FROM cases WHERE person_ref = $1`, [adult.personRef]);
  expect(n).toBe(0);
  const otherDistrict = await dks('POST', '/api/dks-cases', {
    personRef: adult.personRef,
    policeDistrictCode: 'POL-FYN',
    trigger: 'charged',
    triggeredAt: new Date().toISOString(),
  });
  expect([otherDistrict.status, otherDistrict.body.message]).toEqual([
    403,
    'Du kan kun registrere sager for din egen politikreds.',
  ]);
});

it('registers one case for the same Idempotency-Key twice (a retry after a timeout)', async () => {
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const body = {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'concerning_behaviour',
    triggeredAt: new Date(Date.now() - HOUR_MS).toISOString(),
  };
  const first = await dks('POST', '/api/dks-cases', body, { 'idempotency-key': `dks-retry-${youth.personRef}` });
  const second = await dks('POST', '/api/dks-cases', body, { 'idempotency-key': `dks-retry-${youth.personRef}` });
  expect([first.status, second.status, second.body.id]).toEqual([201, 200, first.body.id]);
  const [{ n }] = await sut.db.query(`SELECT count(*)::int AS n FROM cases WHERE person_ref = $1`, [youth.personRef]);
  expect(n).toBe(1);
});
