import { randomUUID } from 'node:crypto';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/** The police's documentation to the municipality through the system, over HTTP with the real roles. */
let sut: SystemUnderTest;
let investigator: UserClient;
let dks: UserClient;
let municipality: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  investigator = await sut.as('politi.kbh.efterforskning');
  dks = await sut.as('politi.kbh.dks');
  municipality = await sut.as('kommune.kbh');
});

afterAll(() => sut?.stop());

const youth = async (client: UserClient) =>
  (await client('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() })).body.personRef as string;

const documentation = (personRef: string) => ({
  personRef,
  policeDistrictCode: 'POL-KBH',
  municipalityCode: 'KOM-0101',
  suspicion: 'charged',
  offence: 'Grov vold, straffelovens § 245.',
});

it('sent by the investigating unit lands in the municipality’s inbox and starts the council, due 7 days from the send', async () => {
  const personRef = await youth(investigator);
  const before = Date.now();
  const sent = await investigator('POST', '/api/police-documentation', documentation(personRef));
  expect(sent.status).toBe(201);
  expect(sent.headers.get('location')).toBe(`/api/police-documentation/${sent.body.caseId}`);
  expect(sent.body).toMatchObject({
    personRef,
    municipality: { code: 'KOM-0101', name: 'Københavns Kommune' },
    sender: { code: 'POL-KBH' },
    senderFunction: 'investigation',
    suspicion: 'charged',
    offence: 'Grov vold, straffelovens § 245.',
    councilStatus: 'awaiting_convening',
    councilStatusText: 'afventer indkaldelse',
  });
  expect(Date.parse(sent.body.sentAt)).toBeGreaterThanOrEqual(before - 1000);
  const caseId = sent.body.caseId;

  const inbox = await municipality('GET', '/api/police-documentation');
  expect(inbox.status).toBe(200);
  expect(inbox.body.items[0]).toEqual({ ...sent.body, offence: undefined, personRef });
  const council = await municipality('GET', `/api/network-councils/${caseId}`);
  expect(council.body).toMatchObject({
    status: 'awaiting_convening',
    documentationReceivedAt: sent.body.sentAt,
    documentation: { via: 'system', sender: { code: 'POL-KBH' }, senderFunction: 'investigation' },
  });
  expect(council.body.person.cpr).toBeDefined();
  const [convening] = council.body.openSteps;
  expect(convening.kind).toBe('network_council_convening');
  // The end of the 7th Danish day after the send.
  expect(Date.parse(convening.dueAt) - Date.parse(sent.body.sentAt)).toBeGreaterThan(7 * 86_400_000 - 86_400_000);
  expect(Date.parse(convening.dueAt) - Date.parse(sent.body.sentAt)).toBeLessThanOrEqual(8 * 86_400_000);
  const history = council.body.history.map((entry: { action: string }) => entry.action);
  expect(history.slice(0, 2)).toEqual(['police_documentation_sent', 'network_council_registered']);

  // The sender keeps what it sent and the council's status; the council itself is the municipality's, and
  // DKS of the same district does not read what the investigating unit sent (docs/need-to-know.md).
  const kept = await investigator('GET', `/api/police-documentation/${caseId}`);
  expect([kept.status, kept.body.councilStatus]).toEqual([200, 'awaiting_convening']);
  expect((await dks('GET', `/api/police-documentation/${caseId}`)).status).toBe(404);
  expect((await dks('GET', `/api/network-councils/${caseId}`)).status).toBe(404);
  expect((await investigator('GET', `/api/network-councils/${caseId}`)).status).toBe(403);
  const sentList = await investigator('GET', '/api/police-documentation?pageSize=100');
  expect(sentList.body.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);

  const notices = await sut.db.query(
    `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND step_id IS NULL`,
    [caseId],
  );
  expect(notices).toEqual([{ recipient_unit: 'KOM-0101', kind: 'police_documentation' }]);
  const [stored] = await sut.db.query(`SELECT offence_encrypted FROM police_documentation WHERE case_id = $1`, [
    caseId,
  ]);
  expect(stored.offence_encrypted).not.toContain('vold');
  const reads = await sut.db.query(
    `SELECT role, action FROM access_log WHERE case_id = $1 AND role = 'police_investigator' ORDER BY id`,
    [caseId],
  );
  expect(reads).toEqual([
    { role: 'police_investigator', action: 'case_read' },
    { role: 'police_investigator', action: 'case_read' },
  ]);
});

it('lists the inbox newest first, page by page, and DKS sends as DKS', async () => {
  const first = await dks('POST', '/api/police-documentation', documentation(await youth(dks)));
  const second = await dks('POST', '/api/police-documentation', {
    ...documentation(await youth(dks)),
    suspicion: 'suspected',
  });
  expect([first.status, second.status, second.body.senderFunction]).toEqual([201, 201, 'dks']);
  const page1 = await municipality('GET', '/api/police-documentation?pageSize=1');
  const page2 = await municipality('GET', '/api/police-documentation?pageSize=1&page=2');
  expect([page1.body.items[0].caseId, page2.body.items[0].caseId]).toEqual([second.body.caseId, first.body.caseId]);
  expect(page1.body.total).toBeGreaterThanOrEqual(2);
});

it('sends once for the same Idempotency-Key twice', async () => {
  const body = documentation(await youth(investigator));
  const key = `documentation-${randomUUID()}`;
  const once = await investigator('POST', '/api/police-documentation', body, { 'idempotency-key': key });
  const twice = await investigator('POST', '/api/police-documentation', body, { 'idempotency-key': key });
  expect([once.status, twice.status, twice.body.caseId]).toEqual([201, 200, once.body.caseId]);
});

it('refuses bad input with Danish field-named messages, other roles and districts, an 18-year-old and an unknown municipality, and changes nothing', async () => {
  const personRef = await youth(investigator);
  const { personRef: ref, policeDistrictCode, suspicion } = documentation(personRef);
  const incomplete = { personRef: ref, policeDistrictCode, suspicion };
  const missing = await investigator('POST', '/api/police-documentation', incomplete);
  expect([missing.status, missing.body.details]).toEqual([
    400,
    [
      { field: 'municipalityCode', problems: ['Kommunen skal udfyldes.'] },
      { field: 'offence', problems: ['Lovovertrædelsen skal udfyldes.'] },
    ],
  ]);
  const badSuspicion = await investigator('POST', '/api/police-documentation', {
    ...documentation(personRef),
    suspicion: 'maybe',
  });
  expect(badSuspicion.body.details).toEqual([
    { field: 'suspicion', problems: ['Mistanken skal være mistænkt eller sigtet.'] },
  ]);

  const notPolice = await municipality('POST', '/api/police-documentation', documentation(personRef));
  expect([notPolice.status, notPolice.body.message]).toEqual([403, 'Din rolle giver ikke adgang til dette.']);
  const otherDistrict = await investigator('POST', '/api/police-documentation', {
    ...documentation(personRef),
    policeDistrictCode: 'POL-NORDJYLLAND',
  });
  expect([otherDistrict.status, otherDistrict.body.message]).toEqual([
    403,
    'Du kan kun sende dokumentation fra din egen politikreds.',
  ]);
  const unknownMunicipality = await investigator('POST', '/api/police-documentation', {
    ...documentation(personRef),
    municipalityCode: 'KOM-9999',
  });
  expect([unknownMunicipality.status, unknownMunicipality.body.message]).toEqual([
    422,
    "Kommunen 'KOM-9999' kendes ikke.",
  ]);
  const { body: adult } = await investigator('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const tooOld = await investigator('POST', '/api/police-documentation', documentation(adult.personRef));
  expect(tooOld.status).toBe(422);
  expect(tooOld.body.message).toMatch(
    /^Personen var \d+ år da dokumentationen blev sendt; ordningen gælder unge under 18\.$/,
  );
  const councils = await sut.db.query(`SELECT count(*)::int AS n FROM cases WHERE person_ref = ANY($1)`, [
    [personRef, adult.personRef],
  ]);
  expect(councils).toEqual([{ n: 0 }]);

  expect((await investigator('GET', `/api/police-documentation/${randomUUID()}`)).status).toBe(404);
  expect((await investigator('GET', '/api/police-documentation/ikke-et-id')).status).toBe(404);
  expect((await (await sut.as('kf.storstroem'))('GET', '/api/police-documentation')).status).toBe(403);
  expect(
    (await (await sut.as('politi.kbh.exit'))('POST', '/api/police-documentation', documentation(personRef))).status,
  ).toBe(403);
});
