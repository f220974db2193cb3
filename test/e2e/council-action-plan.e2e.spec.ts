import { randomUUID } from 'node:crypto';
import { fakeName, fakeYouthCpr } from '../support/demo-people';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { owned } from '../support/network-council-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/** The network council's action plan over HTTP: meeting plan, owned initiatives, their follow-ups, the release. */
let sut: SystemUnderTest;
let municipality: UserClient;
let exitUnit: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  municipality = await sut.as('kommune.kbh');
  exitUnit = await sut.as('politi.kbh.exit');
});

afterAll(() => sut?.stop());

/** A council in Københavns Kommune, convened and held: ready for its action plan. */
async function heldCouncil(): Promise<string> {
  const { body: person } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const { body: council } = await municipality('POST', '/api/network-councils', {
    personRef: person.personRef,
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const plan = await municipality('POST', `/api/network-councils/${council.id}/meeting-plan`, {
    plannedFor: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  expect([plan.status, typeof plan.body.plannedFor]).toEqual([200, 'string']);
  await municipality('POST', `/api/network-councils/${council.id}/invitations`, { participants: [{ role: 'youth' }] });
  await municipality('POST', `/api/network-councils/${council.id}/meeting`, {});
  return council.id;
}

const post = (client: UserClient, id: string, decision: string, body: object) =>
  client('POST', `/api/network-councils/${id}/${decision}`, body);

it('makes each agreement an initiative its owner reads and follows up; the council ends with the last follow-up', async () => {
  const id = await heldCouncil();
  const tooLate = await post(municipality, id, 'meeting-plan', { plannedFor: new Date().toISOString() });
  expect([tooLate.status, tooLate.body.message]).toEqual([
    409,
    'Mødet kan ikke planlægges: netværkssamrådet er samrådet er holdt.',
  ]);
  const due = danishDateInDays(10);
  const agreed = await post(municipality, id, 'agreements', {
    agreements: [
      { ...owned('POL-KBH', due), kind: 'support_in_custody', description: 'Exitenheden besøger under varetægt.' },
      { ...owned('KOM-0101', due), kind: 'mentor_support', description: 'Mentor fra kommunen.' },
    ],
  });
  expect(agreed.status).toBe(200);
  expect(agreed.body.status).toBe('action_plan_running');
  const [police, own] = agreed.body.initiatives;
  expect(police).toMatchObject({
    kind: 'support_in_custody',
    ownerOrganisation: 'politi',
    owner: { code: 'POL-KBH', name: 'Københavns Politi' },
    dueDate: due,
    followsRelease: false,
    outcome: null,
  });
  expect(agreed.body.openSteps.map((step: { kind: string }) => step.kind)).toEqual([
    'council_initiative_follow_up',
    'council_initiative_follow_up',
  ]);

  // The owning police unit reads the council (logged) and may follow up its own initiative only.
  const read = await exitUnit('GET', `/api/network-councils/${id}`);
  expect(read.status).toBe(200);
  expect(read.body.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
    'initiative-follow-up',
  ]);
  const notTheirs = await post(exitUnit, id, 'initiative-follow-up', {
    initiativeId: own.id,
    outcome: 'done',
    note: 'x',
  });
  expect([notTheirs.status, notTheirs.body.message]).toEqual([
    403,
    'Din enhed kan kun følge op på de initiativer i handleplanen, den selv ejer.',
  ]);
  expect((await post(exitUnit, id, 'invitations', { participants: [{ role: 'youth' }] })).status).toBe(403);
  const badBody = await post(exitUnit, id, 'initiative-follow-up', { initiativeId: 'x', outcome: 'maybe' });
  expect([badBody.status, badBody.body.details]).toEqual([
    400,
    [
      { field: 'initiativeId', problems: ['Initiativet skal være en gyldig UUID.'] },
      {
        field: 'outcome',
        problems: ['Resultatet af opfølgningen skal være gennemført, i gang eller ikke gennemført.'],
      },
      { field: 'note', problems: ['Noten om opfølgningen skal udfyldes.'] },
    ],
  ]);
  const theirs = await post(exitUnit, id, 'initiative-follow-up', {
    initiativeId: police.id,
    outcome: 'ongoing',
    note: 'Besøgene fortsætter.',
  });
  expect([theirs.status, theirs.body.status, theirs.body.initiatives[0].outcome]).toEqual([
    200,
    'action_plan_running',
    'ongoing',
  ]);
  const again = await post(municipality, id, 'initiative-follow-up', {
    initiativeId: police.id,
    outcome: 'done',
    note: 'x',
  });
  expect([again.status, again.body.message]).toEqual([
    409,
    'Initiativet er allerede fulgt op og kan ikke følges op igen.',
  ]);
  const unknown = await post(municipality, id, 'initiative-follow-up', {
    initiativeId: randomUUID(),
    outcome: 'done',
    note: 'x',
  });
  expect([unknown.status, unknown.body.message]).toEqual([
    422,
    'Initiativet findes ikke i netværkssamrådets handleplan.',
  ]);
  const done = await post(municipality, id, 'initiative-follow-up', {
    initiativeId: own.id,
    outcome: 'done',
    note: 'Mentoren er på plads.',
  });
  expect([done.body.status, done.body.closedAt !== null, done.body.openSteps]).toEqual([
    'action_plan_followed_up',
    true,
    [],
  ]);
  const closed = await post(municipality, id, 'release', {});
  expect([closed.status, closed.body.code]).toEqual([409, 'CASE_CLOSED']);
  const reads = await sut.db.query(
    `SELECT count(*)::int AS n FROM access_log WHERE case_id = $1 AND role = 'police_exit_officer' AND action = 'case_read'`,
    [id],
  );
  expect(reads[0].n).toBeGreaterThanOrEqual(1);
});

it('refuses an action plan without owners or due dates, or with an owner that is no unit of its organisation', async () => {
  const id = await heldCouncil();
  const noDue = await post(municipality, id, 'agreements', {
    agreements: [{ kind: 'other', description: 'x', ownerOrganisation: 'kommune', ownerUnit: 'KOM-0101' }],
  });
  expect([noDue.status, noDue.body.details]).toEqual([
    400,
    [{ field: 'agreements.0.dueDate', problems: ['Fristen skal udfyldes, medmindre aftalen følger løsladelsen.'] }],
  ]);
  const noOwner = await post(municipality, id, 'agreements', {
    agreements: [{ kind: 'other', description: 'x', dueDate: danishDateInDays(3) }],
  });
  expect(noOwner.status).toBe(400);
  expect(noOwner.body.details).toEqual([
    { field: 'agreements.0.ownerOrganisation', problems: ['Ejerens myndighed skal udfyldes.'] },
    { field: 'agreements.0.ownerUnit', problems: ['Ejerens enhed skal udfyldes.'] },
  ]);
  const mismatch = await post(municipality, id, 'agreements', {
    agreements: [
      { ...owned('KOM-0101', danishDateInDays(3)), ownerOrganisation: 'politi', kind: 'other', description: 'x' },
    ],
  });
  expect([mismatch.status, mismatch.body.message]).toEqual([
    422,
    "Ejerens enhed 'KOM-0101' er ikke en enhed i ejerens organisation.",
  ]);
  const early = await post(municipality, id, 'agreements', {
    agreements: [{ ...owned('KOM-0101', '2020-01-01'), kind: 'other', description: 'x' }],
  });
  expect([early.status, early.body.message]).toEqual([422, 'Aftale 1: fristen ligger før aftaletidspunktet.']);
  const follows = await post(municipality, id, 'agreements', {
    agreements: [
      {
        kind: 'support_at_release',
        description: 'x',
        ownerOrganisation: 'politi',
        ownerUnit: 'POL-KBH',
        followsRelease: true,
      },
    ],
  });
  expect([follows.status, follows.body.message]).toEqual([
    422,
    'Aftale 1 følger løsladelsen: registrér den forventede løsladelsesdato først.',
  ]);
  const detail = await municipality('GET', `/api/network-councils/${id}`);
  expect([detail.body.status, detail.body.initiatives]).toEqual(['meeting_held', []]);
  expect(
    (await post(municipality, randomUUID(), 'meeting-plan', { plannedFor: new Date().toISOString() })).status,
  ).toBe(404);
  const noPlan = await post(municipality, id, 'meeting-plan', {});
  expect(noPlan.body.details).toEqual([
    { field: 'plannedFor', problems: ['Det planlagte mødetidspunkt skal udfyldes.'] },
  ]);
});

it('ties support at release to the youth’s release: the expected date, then the release, with a notice to the owners', async () => {
  const id = await heldCouncil();
  const badDate = await post(municipality, id, 'expected-release', { expectedReleaseDate: '2027-02-30' });
  expect(badDate.body.details).toEqual([
    {
      field: 'expectedReleaseDate',
      problems: ['Den forventede løsladelsesdato skal være en gyldig dato (ÅÅÅÅ-MM-DD).'],
    },
  ]);
  const expected = danishDateInDays(20);
  const set = await post(municipality, id, 'expected-release', { expectedReleaseDate: expected });
  expect([set.status, set.body.expectedReleaseDate]).toEqual([200, expected]);
  const agreed = await post(municipality, id, 'agreements', {
    agreements: [
      {
        kind: 'support_at_release',
        description: 'Exitenheden tager imod.',
        ownerOrganisation: 'politi',
        ownerUnit: 'POL-KBH',
        followsRelease: true,
      },
    ],
  });
  expect(agreed.body.initiatives[0]).toMatchObject({ dueDate: expected, followsRelease: true });
  const released = await post(municipality, id, 'release', {});
  expect(released.status).toBe(200);
  expect(released.body.initiatives[0].dueDate).toBe(danishDateInDays(0));
  expect(released.body.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
    'initiative-follow-up',
    'case-level',
  ]);
  const twice = await post(municipality, id, 'release', {});
  expect([twice.status, twice.body.message]).toEqual([
    409,
    'Løsladelsen kan ikke registreres: den unge er allerede løsladt.',
  ]);
  const notices = await sut.db.query(
    `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND step_id IS NULL ORDER BY recipient_unit`,
    [id],
  );
  expect(notices).toEqual([{ recipient_unit: 'POL-KBH', kind: 'council_release' }]);
});
