import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { hashPassword } from '../../libs/access/password-hashing';
import { fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The DKS case's outcomes over HTTP: ended without a visit, moved to the district the youth moved to, and
 * the municipality's social services in the joint home visit, who see that and nothing else of the case.
 */
let sut: SystemUnderTest;
let dks: UserClient;
let social: UserClient;
let dksFyn: UserClient;

const HOUR_MS = 3600_000;

beforeAll(async () => {
  sut = await startSystem({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000' });
  dks = await sut.as('politi.kbh.dks');
  social = await sut.as('social.kbh');
  // A DKS officer of Fyns Politi, this suite's own.
  await sut.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
     VALUES ('dks.fyn.outcomes', 'DKS, Fyns Politi', $1, 'dks_officer', 'politi', ARRAY['POL-FYN'])
     ON CONFLICT (username) DO NOTHING`,
    [await hashPassword(DEMO_SECRETS.demoUserPassword)],
  );
  dksFyn = await sut.as('dks.fyn.outcomes');
});

afterAll(() => sut?.stop());

async function registered(hoursAgo = 2): Promise<{ id: string; personRef: string; name: string; cpr: string }> {
  const name = fakeName();
  const cpr = await fakeYouthCpr();
  const { body: youth } = await dks('POST', '/api/persons', { name, cpr });
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: new Date(Date.now() - hoursAgo * HOUR_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  return { id: started.body.id, personRef: youth.personRef, name, cpr };
}

async function assessedYes(id: string): Promise<void> {
  const assessed = await dks('POST', `/api/dks-cases/${id}/assessment`, {
    concernConversation: true,
    reason: 'Bekymring.',
  });
  expect(assessed.body.status).toBe('awaiting_home_visit');
}

const caseRow = async (id: string) =>
  (await sut.db.query(`SELECT status, org_unit, last_seq FROM cases WHERE id = $1`, [id]))[0];

describe('POST /api/dks-cases/:id/case-end', () => {
  it('ends a case as declined after a yes, with its reason code, and cancels the open step', async () => {
    const { id } = await registered();
    await assessedYes(id);
    const ended = await dks('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'declined',
      reasonCode: 'no_wish_for_contact',
      reason: 'Forældrene ønsker ikke besøg.',
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      status: 'closed_declined',
      statusText: 'afsluttet: familien takkede nej',
      openSteps: [],
      availableDecisions: [],
    });
    const [event] = await sut.db.query(
      `SELECT reason_code, details FROM case_events WHERE case_id = $1 AND action = 'dks_case_ended'`,
      [id],
    );
    expect(event).toEqual({ reason_code: 'no_wish_for_contact', details: { outcome: 'declined' } });
    const again = await dks('POST', `/api/dks-cases/${id}/case-end`, { outcome: 'not_reached', reason: 'x' });
    expect([again.status, again.body.code, again.body.message]).toEqual([
      409,
      'CASE_CLOSED',
      'Sagen er afsluttet: familien takkede nej og kan ikke ændres.',
    ]);
  });

  it('offers the ending in every open status, and ends at the assessment when an action plan continues', async () => {
    const { id } = await registered();
    const detail = await dks('GET', `/api/dks-cases/${id}`);
    expect(detail.body.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
      'assessment',
      'case-end',
      'move',
      'case-level',
    ]);
    const ended = await dks('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'municipal_action_plan',
    });
    expect(ended.body).toMatchObject({ status: 'closed_existing_action_plan', openSteps: [] });
  });

  it('refuses declined before a yes (409), bad bodies with Danish field messages (400), others (403, 404); nothing changes', async () => {
    const { id } = await registered();
    const before = await caseRow(id);
    const early = await dks('POST', `/api/dks-cases/${id}/case-end`, { outcome: 'declined', reason: 'Nej tak.' });
    expect([early.status, early.body.code, early.body.message]).toEqual([
      409,
      'ILLEGAL_TRANSITION',
      'Sagen kan ikke afsluttes, fordi familien takker nej til bekymringssamtalen: sagen er afventer DKS-vurdering. Det kan kun registreres efter et ja til en bekymringssamtale, før hjemmebesøget er holdt.',
    ]);
    const missing = await dks('POST', `/api/dks-cases/${id}/case-end`, {});
    expect([missing.status, missing.body.details]).toEqual([
      400,
      [
        {
          field: 'outcome',
          problems: ['Udfaldet skal udfyldes.'],
        },
        { field: 'reason', problems: ['Afslutningen skal have en begrundelse.'] },
      ],
    ]);
    const otherWithoutNote = await dks('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'other',
    });
    expect([otherWithoutNote.status, otherWithoutNote.body.details[0].field]).toEqual([400, 'reason']);
    const foreignCode = await dks('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'no_concern',
      reason: 'x',
    });
    expect([foreignCode.status, foreignCode.body.details[0].field]).toEqual([400, 'reasonCode']);
    const unknownOutcome = await dks('POST', `/api/dks-cases/${id}/case-end`, { outcome: 'moved', reason: 'x' });
    expect([unknownOutcome.status, unknownOutcome.body.details]).toEqual([
      400,
      [
        {
          field: 'outcome',
          problems: [
            'Udfaldet skal være familien takker nej til bekymringssamtalen, familien kan ikke træffes eller en eksisterende handleplan fortsætter.',
          ],
        },
      ],
    ]);
    const municipality = await (
      await sut.as('kommune.kbh')
    )('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'municipal_action_plan',
    });
    expect(municipality.status).toBe(403);
    const unknown = await dks('POST', `/api/dks-cases/00000000-0000-4000-8000-000000000000/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'municipal_action_plan',
    });
    expect(unknown.status).toBe(404);
    const otherDistrict = await dksFyn('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'municipal_action_plan',
    });
    expect(otherDistrict.status).toBe(404);
    expect(await caseRow(id)).toEqual(before);
  });
});

describe('POST /api/dks-cases/:id/move', () => {
  it('moves a case to the new district with its deadline: the new board shows it, the old district reads its history', async () => {
    // Charged 30 hours ago: the 24-hour assessment is overdue already.
    const { id } = await registered(30);
    const before = await dks('GET', `/api/dks-cases/${id}`);
    const dueAt = before.body.openSteps[0].dueAt;
    const moved = await dks('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'POL-FYN' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'awaiting_assessment',
      policeDistrict: { code: 'POL-FYN', name: 'Fyns Politi' },
      availableDecisions: [],
    });
    expect(moved.body.openSteps).toEqual([expect.objectContaining({ kind: 'dks_assessment', dueAt, overdue: true })]);

    const fyn = await dksFyn('GET', `/api/dks-cases/${id}`);
    expect(fyn.body.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
      'assessment',
      'case-end',
      'move',
      'case-level',
    ]);
    const fynBoard = await dksFyn('GET', '/api/steps/overdue?kind=dks_assessment&pageSize=100');
    expect(fynBoard.body.items.filter((item: { caseId: string }) => item.caseId === id)).toEqual([
      expect.objectContaining({ dueAt, responsibleUnit: expect.objectContaining({ code: 'POL-FYN' }) }),
    ]);
    // The old district still reads the case (its history): on its board the step is the new district's turn.
    const kbhOwn = await dks('GET', '/api/steps/overdue?unit=POL-KBH&kind=dks_assessment&pageSize=100');
    expect(kbhOwn.body.items.some((item: { caseId: string }) => item.caseId === id)).toBe(false);

    // The old district reads the history, but decides nothing any more.
    const readOnly = await dks('POST', `/api/dks-cases/${id}/assessment`, { concernConversation: true, reason: 'x' });
    expect([readOnly.status, readOnly.body.message]).toEqual([403, 'Din enhed har kun læseadgang til denne sag.']);
    const [notice] = await sut.db.query(
      `SELECT recipient_unit FROM notifications WHERE case_id = $1 AND kind = 'dks_case_moved'`,
      [id],
    );
    expect(notice).toEqual({ recipient_unit: 'POL-FYN' });
  });

  it('refuses an unknown or the current district (422), no district (400), others (403, 404); nothing changes', async () => {
    const { id } = await registered();
    const before = await caseRow(id);
    const unknown = await dks('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'POL-UKENDT' });
    expect([unknown.status, unknown.body.message]).toEqual([422, "Politikredsen 'POL-UKENDT' kendes ikke."]);
    const municipality = await dks('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'KOM-0101' });
    expect(municipality.status).toBe(422);
    const same = await dks('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'POL-KBH' });
    expect([same.status, same.body.message]).toEqual([422, 'Sagen hører allerede til den politikreds.']);
    const missing = await dks('POST', `/api/dks-cases/${id}/move`, {});
    expect([missing.status, missing.body.details[0].field]).toEqual([400, 'toPoliceDistrictCode']);
    expect(missing.body.details[0].problems[0]).toMatch(/^Den nye politikreds/);
    expect((await social('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'POL-FYN' })).status).toBe(403);
    expect((await dksFyn('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'POL-FYN' })).status).toBe(404);
    expect(await caseRow(id)).toEqual(before);
  });

  it('refuses to move a closed case (409)', async () => {
    const { id } = await registered();
    await dks('POST', `/api/dks-cases/${id}/case-end`, {
      outcome: 'existing_action_plan',
      reasonCode: 'municipal_action_plan',
    });
    const moved = await dks('POST', `/api/dks-cases/${id}/move`, { toPoliceDistrictCode: 'POL-FYN' });
    expect(moved.status).toBe(409);
  });
});

describe("the municipality's social services", () => {
  it('see only their municipality’s planned visits — time, youth, district — and nothing else of the case', async () => {
    const ours = await registered();
    const theirs = await registered();
    await assessedYes(ours.id);
    await assessedYes(theirs.id);
    const plannedFor = new Date(Date.now() + 48 * HOUR_MS).toISOString();
    const planned = await dks('POST', `/api/dks-cases/${ours.id}/home-visit-plan`, {
      plannedFor,
      municipalityCode: 'KOM-0101',
    });
    expect(planned.status).toBe(200);
    await dks('POST', `/api/dks-cases/${theirs.id}/home-visit-plan`, { plannedFor, municipalityCode: 'KOM-0147' });

    const list = await social('GET', '/api/home-visits');
    expect(list.status).toBe(200);
    expect(list.body.items.filter((item: { caseId: string }) => [ours.id, theirs.id].includes(item.caseId))).toEqual([
      {
        caseId: ours.id,
        plannedFor,
        held: false,
        policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' },
        municipality: { code: 'KOM-0101', name: 'Københavns Kommune' },
        person: expect.objectContaining({ personRef: ours.personRef, name: ours.name, cpr: ours.cpr }),
        participates: null,
        levelOneCaseRef: null,
        participationRecordedAt: null,
      },
    ]);
    const logged = await sut.db.query(
      `SELECT a.action, a.details FROM access_log a JOIN users u ON u.id::text = a.user_id
       WHERE u.username = 'social.kbh' AND a.case_id = $1 ORDER BY a.action`,
      [ours.id],
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        { action: 'case_read', details: { view: 'home_visit' } },
        { action: 'person_name_read', details: null },
      ]),
    );

    for (const path of [
      `/api/dks-cases/${ours.id}`,
      `/api/cases/${ours.id}/notes`,
      `/api/cases/${ours.id}/documents`,
      `/api/cases/${ours.id}/documents/00000000-0000-4000-8000-000000000000`,
    ]) {
      expect([path, (await social('GET', path)).status]).toEqual([path, 404]);
    }
    const cases = await social('GET', '/api/dks-cases?pageSize=100');
    expect([cases.status, cases.body.items]).toEqual([200, []]);
    expect((await social('GET', `/api/persons/${ours.personRef}`)).status).toBe(403);
    expect((await (await sut.as('kommune.kbh'))('GET', '/api/home-visits')).status).toBe(403);
  });

  it('record their participation and their level-1 case reference, sealed and never in the event', async () => {
    const { id } = await registered();
    await assessedYes(id);
    await dks('POST', `/api/dks-cases/${id}/home-visit-plan`, {
      plannedFor: new Date(Date.now() + 24 * HOUR_MS).toISOString(),
      municipalityCode: 'KOM-0101',
    });
    const recorded = await social('POST', `/api/dks-cases/${id}/social-services`, {
      participates: true,
      levelOneCaseRef: 'SAG-2026-4711',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ caseId: id, participates: true, levelOneCaseRef: 'SAG-2026-4711' });
    const [stored] = await sut.db.query(`SELECT level_one_case_ref_encrypted FROM dks_home_visits WHERE case_id = $1`, [
      id,
    ]);
    expect(stored.level_one_case_ref_encrypted).not.toContain('4711');
    const [event] = await sut.db.query(
      `SELECT details::text AS details FROM case_events WHERE case_id = $1 AND action = 'social_services_participation_recorded'`,
      [id],
    );
    expect(JSON.parse(event.details)).toEqual({
      municipalityCode: 'KOM-0101',
      participates: true,
      levelOneCaseRecorded: true,
    });
    expect(event.details).not.toContain('4711');
    // DKS sees that it was recorded, in the case's history.
    const detail = await dks('GET', `/api/dks-cases/${id}`);
    expect(detail.body.history.map((entry: { action: string }) => entry.action)).toContain(
      'social_services_participation_recorded',
    );
  });

  it('refuse a bad body (400), a reference without participation (422), a visit not theirs (404), a closed case (409), others (403)', async () => {
    const { id } = await registered();
    await assessedYes(id);
    const before = await caseRow(id);
    const notPlanned = await social('POST', `/api/dks-cases/${id}/social-services`, { participates: true });
    expect(notPlanned.status).toBe(404);
    await dks('POST', `/api/dks-cases/${id}/home-visit-plan`, {
      plannedFor: new Date(Date.now() + 24 * HOUR_MS).toISOString(),
      municipalityCode: 'KOM-0101',
    });
    const planned = await caseRow(id);
    const missing = await social('POST', `/api/dks-cases/${id}/social-services`, {});
    expect([missing.status, missing.body.details]).toEqual([
      400,
      [{ field: 'participates', problems: ['Feltet »Socialforvaltningen deltager i hjemmebesøget« skal udfyldes.'] }],
    ]);
    const referenceWithout = await social('POST', `/api/dks-cases/${id}/social-services`, {
      participates: false,
      levelOneCaseRef: 'SAG-1',
    });
    expect([referenceWithout.status, referenceWithout.body.message]).toEqual([
      422,
      'Kun en socialforvaltning, der deltager, har et sagsnummer: lad sagsnummeret være tomt.',
    ]);
    expect((await dks('POST', `/api/dks-cases/${id}/social-services`, { participates: true })).status).toBe(403);
    expect(await caseRow(id)).toEqual(planned);
    expect(before.status).toBe('awaiting_home_visit');

    await dks('POST', `/api/dks-cases/${id}/case-end`, { outcome: 'not_reached', reasonCode: 'repeated_attempts' });
    const closed = await social('POST', `/api/dks-cases/${id}/social-services`, { participates: true });
    expect([closed.status, closed.body.code]).toEqual([409, 'CASE_CLOSED']);
    expect(
      (await social('GET', '/api/home-visits')).body.items.some((item: { caseId: string }) => item.caseId === id),
    ).toBe(false);
  });
});
