import { randomUUID } from 'node:crypto';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { DAY_MS } from '../support/exit-course-fixtures';
import { startSystem, type HttpAnswer, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * Text the read model cannot store (U+0000) and text with nothing in it are refused at the API with a
 * field-level 400, and change nothing: the same decision, sent right afterwards with real text, goes
 * through. Before, a NUL was applied by the workflow and then failed the read-model write for ever, so
 * every later decision on the case answered 503; a reason of spaces closed a case with no reason at all.
 */
let sut: SystemUnderTest;
let kf: UserClient;
let dks: UserClient;
let municipality: UserClient;

const NUL = 'abc\u0000def';
const nulProblem = (field: string) => [
  {
    field,
    problems: ['Teksten indeholder et usynligt kontroltegn (U+0000), som ikke kan gemmes. Fjern det, og prøv igen.'],
  },
];

beforeAll(async () => {
  sut = await startSystem();
  [kf, dks, municipality] = await Promise.all([
    sut.as('kf.storstroem'),
    sut.as('politi.kbh.dks'),
    sut.as('kommune.kbh'),
  ]);
});

afterAll(() => sut?.stop());

async function person(client: UserClient, cpr: string): Promise<string> {
  const { body } = await client('POST', '/api/persons', { name: fakeName(), cpr });
  return body.personRef;
}

async function exitCourse(options: { paroleLinked?: boolean; offered?: boolean } = {}): Promise<string> {
  const started = await kf(
    'POST',
    '/api/exit-courses',
    {
      personRef: await person(kf, await fakeCpr()),
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-06-30',
      paroleLinked: options.paroleLinked ?? false,
      referredAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
    },
    { 'idempotency-key': `unstorable-${randomUUID()}` },
  );
  expect(started.status).toBe(201);
  if (options.offered)
    expect(
      (await kf('POST', `/api/exit-courses/${started.body.id}/suitability-assessment`, { outcome: 'offer' })).status,
    ).toBe(200);
  return started.body.id;
}

async function dksCase(stage: 'registered' | 'assessed' | 'visited'): Promise<string> {
  const started = await dks('POST', '/api/dks-cases', {
    personRef: await person(dks, await fakeYouthCpr()),
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const id = started.body.id;
  if (stage !== 'registered')
    await dks('POST', `/api/dks-cases/${id}/assessment`, { concernConversation: true, reason: 'Bekymring.' });
  if (stage === 'visited')
    await dks('POST', `/api/dks-cases/${id}/home-visit`, { withSocialServices: true, initiatives: 'Skole og fritid.' });
  return id;
}

async function councilAwaitingAgreements(): Promise<string> {
  const started = await municipality('POST', '/api/network-councils', {
    personRef: await person(municipality, await fakeYouthCpr()),
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const id = started.body.id;
  await municipality('POST', `/api/network-councils/${id}/invitations`, { participants: [{ role: 'youth' }] });
  await municipality('POST', `/api/network-councils/${id}/meeting`, {});
  return id;
}

/** A decision whose free text is `text`, on a case made ready for it. */
interface Decision {
  name: string;
  field: string;
  prepare(): Promise<string>;
  send(id: string, text: string): Promise<HttpAnswer>;
  /** The status the case has after the decision went through. */
  after: string;
}

const DECISIONS: Decision[] = [
  {
    name: 'interruption reason',
    field: 'reason',
    prepare: () => exitCourse({ offered: true }),
    send: (id, reason) => kf('POST', `/api/exit-courses/${id}/interruption`, { by: 'inmate', reason }),
    after: 'interrupted_by_inmate',
  },
  {
    name: 'rejection reason',
    field: 'reason',
    prepare: () => exitCourse(),
    send: (id, reason) =>
      kf('POST', `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'rejection', reason }),
    after: 'rejected',
  },
  {
    name: 'assessment-input summary',
    field: 'summary',
    prepare: () => exitCourse({ paroleLinked: true }),
    send: (id, summary) => kf('POST', `/api/exit-courses/${id}/assessment-inputs`, { party: 'police', summary }),
    after: 'awaiting_suitability_assessment',
  },
  {
    name: 'release-date reason',
    field: 'reason',
    prepare: () => exitCourse({ offered: true }),
    send: (id, reason) =>
      kf('POST', `/api/exit-courses/${id}/expected-release-date`, { expectedReleaseDate: '2028-09-30', reason }),
    after: 'awaiting_agreement_signature',
  },
  {
    name: 'readiness note',
    field: 'note',
    prepare: () => exitCourse({ offered: true }),
    send: (id, note) => kf('POST', `/api/exit-courses/${id}/readiness`, { item: 'housing', ready: true, note }),
    after: 'awaiting_agreement_signature',
  },
  {
    name: 'DKS assessment reason',
    field: 'reason',
    prepare: () => dksCase('registered'),
    send: (id, reason) => dks('POST', `/api/dks-cases/${id}/assessment`, { concernConversation: false, reason }),
    after: 'closed_no_concern_conversation',
  },
  {
    name: 'home-visit initiatives',
    field: 'initiatives',
    prepare: () => dksCase('assessed'),
    send: (id, initiatives) =>
      dks('POST', `/api/dks-cases/${id}/home-visit`, { withSocialServices: true, initiatives }),
    after: 'awaiting_follow_up',
  },
  {
    name: 'follow-up findings',
    field: 'findings',
    prepare: () => dksCase('visited'),
    send: (id, findings) => dks('POST', `/api/dks-cases/${id}/follow-up`, { findings }),
    after: 'followed_up',
  },
  {
    name: 'council agreement description',
    field: 'agreements.0.description',
    prepare: councilAwaitingAgreements,
    send: (id, description) =>
      municipality('POST', `/api/network-councils/${id}/agreements`, {
        agreements: [
          {
            kind: 'mentor_support',
            description,
            ownerOrganisation: 'kommune',
            ownerUnit: 'KOM-0101',
            dueDate: '2099-01-01',
          },
        ],
      }),
    after: 'action_plan_running',
  },
];

describe.each(DECISIONS)('$name', (decision) => {
  it('refuses a NUL character with a 400 naming the field, and the case takes the decision right after', async () => {
    const id = await decision.prepare();
    const refused = await decision.send(id, NUL);
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      nulProblem(decision.field),
    ]);
    const taken = await decision.send(id, 'Tekst med tabulator\tog linjeskift\nvirker.');
    expect([taken.status, taken.body.status]).toEqual([200, decision.after]);
  });

  it.each([
    ['spaces', '   '],
    ['line breaks and tabs', '\n\t\r\n'],
    ['no-break and ideographic spaces', '\u00A0\u3000\u2007'],
  ])('refuses text of only %s (400), and changes nothing', async (_what, blank) => {
    const id = await decision.prepare();
    const refused = await decision.send(id, blank);
    expect([refused.status, refused.body.code, refused.body.details?.[0]?.field]).toEqual([
      400,
      'VALIDATION_FAILED',
      decision.field,
    ]);
    const taken = await decision.send(id, 'En rigtig begrundelse.');
    expect([taken.status, taken.body.status]).toEqual([200, decision.after]);
  });
});

describe('the person register', () => {
  it('refuses a name of spaces or with a NUL, and registers nobody', async () => {
    const cpr = await fakeCpr();
    const spaces = await kf('POST', '/api/persons', { name: '   ', cpr });
    expect([spaces.status, spaces.body.details]).toEqual([
      400,
      [{ field: 'name', problems: ['Navnet skal udfyldes.'] }],
    ]);
    const nul = await kf('POST', '/api/persons', { name: `Jens\u0000Jensen`, cpr });
    expect([nul.status, nul.body.details]).toEqual([400, nulProblem('name')]);
    const lookup = await kf('POST', '/api/persons/lookup', { cpr });
    expect(lookup.status).toBe(404);
  });
});

describe('query strings', () => {
  it('refuses a NUL in a filter instead of failing in the database', async () => {
    const answer = await kf('GET', `/api/exit-courses?personRef=${encodeURIComponent('P\u0000X')}`);
    expect([answer.status, answer.body.details]).toEqual([400, nulProblem('personRef')]);
  });
});
