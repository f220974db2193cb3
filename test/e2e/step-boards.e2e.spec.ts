import { fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/** The boards over HTTP with a real workflow: a late-registered DKS case is overdue at once, and leaves when done. */
let sut: SystemUnderTest;
let dks: UserClient;
let caseId: string;

const HOUR_MS = 3_600_000;

beforeAll(async () => {
  sut = await startSystem();
  dks = await sut.as('politi.kbh.dks');
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const triggeredAt = new Date(Date.now() - 30 * HOUR_MS).toISOString();
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt,
  });
  expect(started.status).toBe(201);
  caseId = started.body.id;
});

afterAll(() => sut?.stop());

const rowOf = (items: any[]): any => items.find((item) => item.caseId === caseId);

/** Every page of a list (other suites share the database, so the case may be on any page). */
async function everything(client: UserClient, path: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await client('GET', `${path}${path.includes('?') ? '&' : '?'}pageSize=100&page=${page}`);
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    if (page * 100 >= answer.body.total) return items;
  }
}

it('shows the late assessment on the district’s board and in the officer’s inbox, and nowhere else', async () => {
  const row = rowOf(await everything(dks, '/api/steps/overdue?unit=POL-KBH&kind=dks_assessment'));
  expect(row).toMatchObject({
    caseType: 'dks_assessment',
    kind: 'dks_assessment',
    label: 'DKS-vurdering af bekymringssamtale',
    overdue: true,
    responsibleRole: 'dks_officer',
    whoseTurn: 'Københavns Politi – Den Kriminalpræventive Sektion (DKS)',
    casePath: `/api/dks-cases/${caseId}`,
  });
  expect(row.latenessSeconds).toBeGreaterThanOrEqual(6 * 3600);
  const supervisor = await sut.as('politi.leder.kbh');
  expect(rowOf(await everything(supervisor, '/api/steps/overdue'))).toMatchObject({ stepId: row.stepId });
  const board = await supervisor('GET', '/api/steps/overdue?organisation=politi');
  expect(board.body.countsByUnit).toEqual(
    expect.arrayContaining([expect.objectContaining({ unit: 'POL-KBH', unitName: 'Københavns Politi' })]),
  );
  expect(rowOf(await everything(dks, '/api/steps/mine'))).toMatchObject({ stepId: row.stepId });
  expect(rowOf(await everything(supervisor, '/api/steps/mine'))).toBeUndefined();
  for (const username of ['kommune.leder.kbh', 'kf.leder.national', 'politi.kbh.exit']) {
    expect([username, rowOf(await everything(await sut.as(username), '/api/steps/overdue'))]).toEqual([
      username,
      undefined,
    ]);
  }
  // Late, not due soon.
  expect(rowOf(await everything(dks, '/api/steps/due-soon'))).toBeUndefined();
});

it('takes the step off the board and out of the inbox once it is done', async () => {
  const assessed = await dks('POST', `/api/dks-cases/${caseId}/assessment`, {
    concernConversation: false,
    reason: 'Ingen grund til samtale.',
  });
  expect(assessed.status).toBe(200);
  expect(rowOf(await everything(dks, '/api/steps/overdue'))).toBeUndefined();
  expect(rowOf(await everything(dks, '/api/steps/mine'))).toBeUndefined();
});

describe('bad queries are refused with 400 and a Danish message per field', () => {
  it.each([
    [
      '/api/steps/overdue?organisation=hospital',
      'organisation',
      'Organisationen skal være Kriminalforsorgen, Politiet eller Kommunerne.',
    ],
    [
      '/api/steps/overdue?unit=POL-MARS',
      'unit',
      'Enheden skal være en kendt enhedskode, fx KF-STORSTROEM eller POL-KBH.',
    ],
    [
      '/api/steps/overdue?caseType=parking',
      'caseType',
      'Sagstypen skal være Exit-forløb, DKS-sag, Netværkssamråd, Bekymringsbrev eller Indsigtsanmodning.',
    ],
    ['/api/steps/due-soon?sort=name', 'sort', 'Sorteringen skal være efter frist, forsinkelse, enhed eller trin.'],
    ['/api/steps/mine?order=up', 'order', 'Rækkefølgen skal være stigende eller faldende.'],
    [
      '/api/steps/overdue?minLatenessHours=-1',
      'minLatenessHours',
      'Mindste antal timer for sent må ikke være negativ.',
    ],
    [
      '/api/steps/overdue?maxLatenessHours=2.5',
      'maxLatenessHours',
      'Højeste antal timer for sent skal være et helt antal timer.',
    ],
    [
      '/api/steps/overdue?minLatenessHours=5&maxLatenessHours=4',
      'minLatenessHours',
      'Mindste antal timer for sent må ikke være større end højeste antal timer for sent.',
    ],
    ['/api/steps/overdue?pageSize=1000', 'pageSize', 'Antallet pr. side må højst være 100.'],
    [
      '/api/steps/due-soon?minLatenessHours=3',
      'minLatenessHours',
      "Feltet 'minLatenessHours' er ukendt og må ikke sendes.",
    ],
  ])('%s', async (path, field, problem) => {
    const answer = await dks('GET', path);
    expect([answer.status, answer.body]).toEqual([
      400,
      { code: 'VALIDATION_FAILED', message: 'Forespørgslen er ugyldig.', details: [{ field, problems: [problem] }] },
    ]);
  });

  it('names an unknown step kind with the kinds there are', async () => {
    const answer = await dks('GET', '/api/steps/overdue?kind=coffee');
    expect(answer.status).toBe(400);
    expect(answer.body.details[0].field).toBe('kind');
    expect(answer.body.details[0].problems[0]).toMatch(
      /^Trinnet skal være ét af: Egnethedsvurdering, Underskrift af exit-aftale, .*Indkaldelse til netværkssamråd, .*Opfølgning på bekymringsbrev, .*Opfølgning på initiativ i netværkssamrådets handleplan, Svar på anmodning om indsigt\.$/,
    );
  });
});

it('names every code a client shows: organisations, units, case types, each step kind with whose turn and warning, the cases’ choices', async () => {
  const answer = await dks('GET', '/api/reference-data');
  expect(answer.status).toBe(200);
  expect(answer.body.organisations).toEqual([
    { code: 'kriminalforsorgen', name: 'Kriminalforsorgen' },
    { code: 'politi', name: 'Politiet' },
    { code: 'kommune', name: 'Kommunerne' },
  ]);
  // The units come from the database (organisation-units.e2e.spec.ts counts them; other suites add some).
  expect(answer.body.units.length).toBeGreaterThanOrEqual(98 + 12 + 54);
  expect(answer.body.units).toContainEqual({
    code: 'POL-KBH',
    name: 'Københavns Politi',
    organisation: 'politi',
    kind: 'police_district',
    institutionType: null,
    closedAt: null,
  });
  expect(answer.body.caseTypes).toEqual([
    { code: 'exit_course', label: 'Exit-forløb', resource: 'exit-courses', statuses: expect.any(Array) },
    { code: 'dks_assessment', label: 'DKS-sag', resource: 'dks-cases', statuses: expect.any(Array) },
    { code: 'network_council', label: 'Netværkssamråd', resource: 'network-councils', statuses: expect.any(Array) },
    { code: 'concern_letter', label: 'Bekymringsbrev', resource: 'concern-letters', statuses: expect.any(Array) },
    { code: 'access_request', label: 'Indsigtsanmodning', resource: 'access-requests', statuses: expect.any(Array) },
  ]);
  expect(answer.body.caseTypes[2].statuses).toEqual([
    { code: 'awaiting_convening', text: 'afventer indkaldelse', final: false },
    { code: 'convened', text: 'indkaldt', final: false },
    { code: 'meeting_held', text: 'samrådet er holdt', final: false },
    { code: 'agreements_made', text: 'aftaler indgået', final: true },
    { code: 'action_plan_running', text: 'handleplanen følges', final: false },
    { code: 'action_plan_followed_up', text: 'handleplanen er fulgt op', final: true },
  ]);
  expect(answer.body.stepKinds).toHaveLength(24);
  expect(answer.body.stepKinds).toContainEqual({
    kind: 'dks_assessment',
    label: 'DKS-vurdering af bekymringssamtale',
    caseType: 'dks_assessment',
    responsibleRole: 'dks_officer',
    responsibleRoleLabel: 'Den Kriminalpræventive Sektion (DKS)',
    warningHours: 6,
  });
  // The names of the cases' values, from the tables beside them in libs/domain, as the page's forms use them.
  expect(answer.body.choices.readinessItems).toEqual([
    { value: 'housing', label: 'bolig' },
    { value: 'income', label: 'forsørgelse' },
    { value: 'job_or_education_plan', label: 'job- eller uddannelsesplan' },
    { value: 'mentor_continuity', label: 'mentorkontinuitet' },
  ]);
  expect(answer.body.choices.participantRoles).toContainEqual({ value: 'youth', label: 'den unge' });
  expect(answer.body.choices.agreementKinds).toContainEqual({ value: 'other', label: 'anden aftale' });
  expect(answer.body.choices.readinessOwners).toEqual([
    { value: 'kriminalforsorgen', label: 'Kriminalforsorgen' },
    { value: 'municipality', label: 'kommunen' },
    { value: 'police', label: 'politiet' },
    { value: 'person', label: 'borgeren selv' },
  ]);
  expect(answer.body.choices.handoverRecommendations).toEqual([
    { value: 'continue', label: 'forløbet videreføres' },
    { value: 'not_continue', label: 'forløbet videreføres ikke' },
  ]);
  expect(answer.body.choices.deliveryResults).toEqual([
    { value: 'delivered_dialogue', label: 'afleveret med dialog' },
    { value: 'delivered_no_dialogue', label: 'afleveret uden dialog' },
    { value: 'not_reached', label: 'ikke truffet' },
    { value: 'refused', label: 'afvist' },
    { value: 'address_unknown', label: 'ukendt adresse' },
  ]);
  expect(answer.body.choices.committeeParties).toContainEqual({ value: 'eas', label: 'EAS' });
  expect((await fetch(`${sut.baseUrl}/api/reference-data`)).status).toBe(401);
});
