import { seedDemoUsers } from '../../libs/access/demo-users';
import { addCalendarDays, danishDateOf, formatLocalDate } from '../../libs/domain/time/copenhagen-calendar';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Concern letters over HTTP with the real roles (DOMAIN.md §5): a round of candidates proposed by police
 * intelligence, DKS and the municipality; the committee's joint decision; delivery by the exit unit; the
 * parents' contact; the follow-up; and an exit course started from a letter. In a database of its own: the
 * rounds of a district are unique per meeting day.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let eas: UserClient;
let dks: UserClient;
let municipality: UserClient;
let policeCommittee: UserClient;
let municipalCommittee: UserClient;
let exitUnit: UserClient;

const inDays = (days: number) => formatLocalDate(addCalendarDays(danishDateOf(new Date()), days));

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({ CONCERN_LETTER_ROUND_CAPACITY: '3' }, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  [eas, dks, municipality, policeCommittee, municipalCommittee, exitUnit] = await Promise.all(
    [
      'politi.kbh.eas',
      'politi.kbh.dks',
      'kommune.kbh',
      'politi.kbh.udvalg',
      'kommune.kbh.udvalg',
      'politi.kbh.exit',
    ].map((username) => sut.as(username)),
  );
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

async function person(client: UserClient): Promise<string> {
  const registered = await client('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  expect(registered.status).toBe(201);
  return registered.body.personRef;
}

async function round(meetingInDays: number): Promise<string> {
  const created = await eas('POST', '/api/concern-letter-rounds', {
    policeDistrictCode: 'POL-KBH',
    meetingDate: inDays(meetingInDays),
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const eventsOf = async (caseId: string) =>
  (
    await sut.db.query(`SELECT action FROM case_events WHERE case_id = $1 ORDER BY transition_seq, position`, [caseId])
  ).map((row: { action: string }) => row.action);

it('runs a round from candidates to a delivered letter and an exit course started from it', async () => {
  const meetingDate = inDays(20);
  const created = await eas('POST', '/api/concern-letter-rounds', { policeDistrictCode: 'POL-KBH', meetingDate });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' },
    meetingDate,
    capacity: 3,
    candidateCount: 0,
    candidates: [],
  });
  const roundId = created.body.id;
  // The next round defaults to 8 weeks after this one.
  const next = await policeCommittee('POST', '/api/concern-letter-rounds', { policeDistrictCode: 'POL-KBH' });
  expect([next.status, next.body.meetingDate, next.body.capacity]).toEqual([201, inDays(20 + 56), 3]);

  // Police intelligence, SSP (the municipality) and DKS each propose a candidate.
  const first = await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef: await person(eas) });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({
    status: 'awaiting_committee',
    statusText: 'afventer koordinationsudvalgets beslutning',
    roundId,
    meetingDate,
    proposedBy: 'police_intelligence',
    proposingUnit: { code: 'POL-KBH', name: 'Københavns Politi' },
    exitCourseId: null,
    availableDecisions: [],
  });
  const dayAfterMeeting = new Date(`${inDays(21)}T00:00:00+01:00`);
  expect(first.body.openSteps).toEqual([
    expect.objectContaining({
      kind: 'committee_decision',
      label: 'Koordinationsudvalgets beslutning om bekymringsbrev (rundens mødedato)',
      dueAt: expect.any(String),
    }),
  ]);
  // Due at the end of the meeting day, Danish time (the day after at local midnight).
  expect(Math.abs(Date.parse(first.body.openSteps[0].dueAt) - dayAfterMeeting.getTime())).toBeLessThanOrEqual(3600_000);
  const letterA = first.body.id;

  const sspPerson = await person(municipality);
  const second = await municipality('POST', `/api/concern-letter-rounds/${roundId}/candidates`, {
    personRef: sspPerson,
    proposedBy: 'ssp',
    municipalityCode: 'KOM-0101',
  });
  expect([second.status, second.body.proposedBy, second.body.proposingUnit.code]).toEqual([201, 'ssp', 'KOM-0101']);
  const letterB = second.body.id;
  const third = await dks('POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef: await person(dks) });
  expect([third.status, third.body.proposedBy]).toEqual([201, 'dks']);
  const letterC = third.body.id;

  // The round is full: a fourth is refused and nothing starts.
  const fourthPerson = await person(eas);
  const full = await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef: fourthPerson });
  expect(full.status).toBe(409);
  expect(full.body).toEqual({
    code: 'ILLEGAL_TRANSITION',
    message: 'Runden er fuld: den har plads til 3 kandidater. Indstil kandidaten til næste runde.',
    details: null,
  });
  expect(await sut.db.query(`SELECT 1 FROM cases WHERE person_ref = $1`, [fourthPerson])).toEqual([]);

  // Each sees what is theirs: the district all three, the municipality its own candidate only.
  const districtView = await policeCommittee('GET', `/api/concern-letter-rounds/${roundId}`);
  expect(districtView.body.candidateCount).toBe(3);
  expect(districtView.body.candidates.map((candidate: { id: string }) => candidate.id)).toEqual([
    letterA,
    letterB,
    letterC,
  ]);
  const municipalView = await municipalCommittee('GET', `/api/concern-letter-rounds/${roundId}`);
  expect(municipalView.body.candidates.map((candidate: { id: string }) => candidate.id)).toEqual([letterB]);
  expect((await municipality('GET', `/api/concern-letters/${letterA}`)).status).toBe(404);
  expect((await municipality('GET', `/api/concern-letters/${letterB}`)).status).toBe(200);
  for (const username of ['kf.storstroem', 'kf.leder.national']) {
    expect([username, (await (await sut.as(username))('GET', `/api/concern-letters/${letterA}`)).status]).toEqual([
      username,
      404,
    ]);
  }

  // The committee decides jointly: police and municipality present.
  const sendA = await policeCommittee('POST', `/api/concern-letters/${letterA}/committee-decision`, {
    decision: 'send',
    participants: ['eas', 'dks', 'ssp'],
    reason: 'Ny i miljøet; familien bekymret.',
  });
  expect(sendA.status).toBe(200);
  expect(sendA.body.status).toBe('awaiting_delivery');
  expect(sendA.body.openSteps.map((step: { kind: string }) => step.kind)).toEqual(['letter_delivery']);
  // The municipal member decides on the candidate the municipality proposed (read access suffices).
  const sendB = await municipalCommittee('POST', `/api/concern-letters/${letterB}/committee-decision`, {
    decision: 'send',
    participants: ['dks', 'municipal_exit_unit'],
    reason: 'Fælles vurdering.',
  });
  expect([sendB.status, sendB.body.status]).toEqual([200, 'awaiting_delivery']);
  const notC = await policeCommittee('POST', `/api/concern-letters/${letterC}/committee-decision`, {
    decision: 'not_send',
    participants: ['eas', 'ssp'],
    reason: 'Allerede i kommunalt forløb.',
  });
  expect(notC.body).toMatchObject({ status: 'not_sent', openSteps: [] });

  // A: delivered with dialogue, followed up, an exit course started from it.
  const delivered = await exitUnit('POST', `/api/concern-letters/${letterA}/delivery-attempt`, {
    result: 'delivered_dialogue',
    note: 'Afleveret på bopælen.',
  });
  expect(delivered.body.status).toBe('awaiting_follow_up');
  expect(delivered.body.openSteps.map((step: { kind: string }) => step.kind)).toEqual(['concern_letter_follow_up']);
  const followed = await exitUnit('POST', `/api/concern-letters/${letterA}/follow-up`, {
    findings: 'Ønsker et exit-forløb.',
  });
  expect(followed.body.status).toBe('awaiting_outcome');
  const outcome = await exitUnit('POST', `/api/concern-letters/${letterA}/outcome`, { outcome: 'exit_course' });
  expect(outcome.status).toBe(200);
  expect(outcome.body.status).toBe('concluded');
  const exitCourseId = outcome.body.exitCourseId;
  expect(exitCourseId).toEqual(expect.any(String));
  const course = await exitUnit('GET', `/api/exit-courses/${exitCourseId}`);
  expect(course.body).toMatchObject({
    personRef: first.body.personRef,
    institution: { code: 'POL-KBH' },
    referralSource: 'concern_letter',
    referralSourceText: 'bekymringsbrev',
    outsidePrison: true,
    concernLetterId: letterA,
    status: 'awaiting_suitability_assessment',
  });
  const [recorded] = await sut.db.query(
    `SELECT details FROM case_events WHERE case_id = $1 AND action = 'concern_letter_outcome_recorded'`,
    [letterA],
  );
  expect(recorded.details).toEqual({ outcome: 'exit_course', exitCourseId });
  expect(await eventsOf(letterA)).toEqual([
    'concern_letter_proposed',
    'step_opened',
    'concern_letter_decided',
    'step_completed',
    'step_opened',
    'concern_letter_delivery_attempted',
    'step_completed',
    'step_opened',
    'concern_letter_followed_up',
    'step_completed',
    'concern_letter_outcome_recorded',
  ]);

  // B: not reached → the parents are contacted (§ 115a), then the follow-up and an outcome without a course.
  const notReached = await exitUnit('POST', `/api/concern-letters/${letterB}/delivery-attempt`, {
    result: 'not_reached',
  });
  expect(notReached.body.openSteps.map((step: { kind: string }) => step.kind)).toEqual(['parents_contact']);
  const parents = await exitUnit('POST', `/api/concern-letters/${letterB}/parents-contact`, {
    reached: true,
    note: 'Far træffes; brevet givet videre.',
  });
  expect(parents.body.status).toBe('awaiting_follow_up');
  await exitUnit('POST', `/api/concern-letters/${letterB}/follow-up`, { findings: 'Dialog med familien.' });
  const ended = await exitUnit('POST', `/api/concern-letters/${letterB}/outcome`, { outcome: 'dialogue_no_course' });
  expect(ended.body).toMatchObject({ status: 'concluded', exitCourseId: null });
  // The municipality keeps reading its candidate's case to the end.
  expect((await municipality('GET', `/api/concern-letters/${letterB}`)).body.status).toBe('concluded');
});

it('refuses a delivery attempted without a committee decision to send (409), and changes nothing', async () => {
  const roundId = await round(30);
  const proposed = await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, {
    personRef: await person(eas),
  });
  const letter = proposed.body.id;
  const before = await eventsOf(letter);
  const refused = await exitUnit('POST', `/api/concern-letters/${letter}/delivery-attempt`, {
    result: 'delivered_dialogue',
  });
  expect(refused.status).toBe(409);
  expect(refused.body).toEqual({
    code: 'ILLEGAL_TRANSITION',
    message:
      'Bekymringsbrevet kan ikke afleveres: koordinationsudvalget har ikke besluttet at sende det. Politiet går ikke ud på egen hånd.',
    details: null,
  });
  const after = await exitUnit('GET', `/api/concern-letters/${letter}`);
  expect(after.body.status).toBe('awaiting_committee');
  expect(await eventsOf(letter)).toEqual(before);

  // Nor after a decision not to send: the case has ended.
  await policeCommittee('POST', `/api/concern-letters/${letter}/committee-decision`, {
    decision: 'not_send',
    participants: ['eas', 'ssp'],
    reason: 'Ikke relevant.',
  });
  const closed = await exitUnit('POST', `/api/concern-letters/${letter}/delivery-attempt`, {
    result: 'delivered_dialogue',
  });
  expect([closed.status, closed.body.code]).toEqual([409, 'CASE_CLOSED']);
});

describe('unhappy paths', () => {
  let roundId: string;
  let letter: string;

  beforeAll(async () => {
    roundId = await round(40);
    letter = (await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef: await person(eas) }))
      .body.id;
  });

  it('answers 400 with the fields named as the forms name them', async () => {
    const problems = async (client: UserClient, url: string, body: object) => {
      const answer = await client('POST', url, body);
      expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      return (answer.body.details as { field: string; problems: string[] }[]).flatMap(({ field, problems: list }) =>
        list.map((problem) => `${field}: ${problem}`),
      );
    };
    expect(await problems(eas, '/api/concern-letter-rounds', { meetingDate: '2026-02-30', capacity: 0 })).toEqual([
      'policeDistrictCode: Politikredsen skal udfyldes.',
      'meetingDate: Mødedatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).',
      'capacity: Antallet af pladser skal være mindst 1.',
    ]);
    expect(
      await problems(municipality, `/api/concern-letter-rounds/${roundId}/candidates`, { proposedBy: 'kf' }),
    ).toEqual([
      'personRef: Personreferencen skal udfyldes.',
      'proposedBy: Indstillet af skal være politiets efterretningssektion (EAS), Den Kriminalpræventive Sektion (DKS), SSP eller kommunens exitenhed.',
    ]);
    expect(
      await problems(policeCommittee, `/api/concern-letters/${letter}/committee-decision`, {
        decision: 'maybe',
        participants: ['eas', 'kf'],
      }),
    ).toEqual([
      'decision: Beslutningen skal være der sendes bekymringsbrev eller der sendes ikke bekymringsbrev.',
      'participants: Hver deltager skal være EAS, DKS, SSP eller kommunens exitenhed.',
      'reason: Udvalgets beslutning skal have en begrundelse.',
    ]);
    expect(await problems(exitUnit, `/api/concern-letters/${letter}/delivery-attempt`, { result: 'lost' })).toEqual([
      'result: Resultatet skal være afleveret med dialog, afleveret uden dialog, ikke truffet, afvist eller ukendt adresse.',
    ]);
    expect(await problems(exitUnit, `/api/concern-letters/${letter}/parents-contact`, { reached: 'ja' })).toEqual([
      'reached: Feltet »Forældrene blev truffet« skal være ja eller nej.',
      'note: Referatet af kontakten skal udfyldes.',
    ]);
    expect(await problems(exitUnit, `/api/concern-letters/${letter}/follow-up`, {})).toEqual([
      'findings: Resultatet af opfølgningen skal udfyldes.',
    ]);
    expect(
      await problems(exitUnit, `/api/concern-letters/${letter}/outcome`, { outcome: 'unknown', decidedAt: 'i går' }),
    ).toEqual([
      'outcome: Udfaldet skal være exit-forløb startet, dialog, men intet exit-forløb eller ingen dialog.',
      'decidedAt: Tidspunktet for udfaldet skal være et gyldigt tidspunkt med dato, klokkeslæt og tidszone.',
    ]);
    expect((await exitUnit('GET', `/api/concern-letters/${letter}`)).body.status).toBe('awaiting_committee');
  });

  it('answers 403 to roles that do not take the decision, and for units not their own', async () => {
    const attempts: [UserClient, string, string, object][] = [
      [
        exitUnit,
        'POST',
        `/api/concern-letters/${letter}/committee-decision`,
        { decision: 'send', participants: ['eas', 'ssp'], reason: 'x' },
      ],
      [eas, 'POST', `/api/concern-letters/${letter}/delivery-attempt`, { result: 'refused' }],
      [policeCommittee, 'POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef: 'P-2026-0042' }],
      [exitUnit, 'POST', '/api/concern-letter-rounds', { policeDistrictCode: 'POL-KBH' }],
    ];
    for (const [client, method, url, body] of attempts) {
      const answer = await client(method, url, body);
      expect([url, answer.status, answer.body.code]).toEqual([url, 403, 'FORBIDDEN']);
    }
    const foreignDistrict = await eas('POST', '/api/concern-letter-rounds', { policeDistrictCode: 'POL-FYN' });
    expect([foreignDistrict.status, foreignDistrict.body.message]).toEqual([
      403,
      'Du kan kun oprette runder for din egen politikreds.',
    ]);
    const foreignMunicipality = await municipality('POST', `/api/concern-letter-rounds/${roundId}/candidates`, {
      personRef: await person(municipality),
      proposedBy: 'ssp',
      municipalityCode: 'KOM-0147',
    });
    expect([foreignMunicipality.status, foreignMunicipality.body.message]).toEqual([
      403,
      'Du kan kun indstille kandidater for din egen kommune.',
    ]);
    const kf = await sut.as('kf.storstroem');
    expect((await kf('GET', '/api/concern-letter-rounds')).status).toBe(403);
    // A municipal member reads only its municipality's candidates: this one is the district's.
    const municipalDecision = await municipalCommittee('POST', `/api/concern-letters/${letter}/committee-decision`, {
      decision: 'send',
      participants: ['eas', 'ssp'],
      reason: 'x',
    });
    expect(municipalDecision.status).toBe(404);
  });

  it('answers 404 for an unknown round or letter', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    expect((await eas('GET', `/api/concern-letter-rounds/${unknown}`)).body).toEqual({
      code: 'NOT_FOUND',
      message: 'Runden findes ikke.',
      details: { roundId: unknown },
    });
    const candidate = await eas('POST', `/api/concern-letter-rounds/${unknown}/candidates`, {
      personRef: await person(eas),
    });
    expect(candidate.status).toBe(404);
    expect((await exitUnit('GET', `/api/concern-letters/${unknown}`)).body.code).toBe('CASE_NOT_FOUND');
    expect((await exitUnit('POST', `/api/concern-letters/${unknown}/follow-up`, { findings: 'x' })).status).toBe(404);
  });

  it('answers 409 and 422 for what the round or the case does not admit, and changes nothing', async () => {
    const personRef = await person(eas);
    expect((await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef })).status).toBe(201);
    const twice = await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, { personRef });
    expect([twice.status, twice.body.message]).toEqual([409, 'Personen er allerede kandidat i denne runde.']);
    const sameDay = await eas('POST', '/api/concern-letter-rounds', {
      policeDistrictCode: 'POL-KBH',
      meetingDate: inDays(40),
    });
    expect([sameDay.status, sameDay.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const past = await eas('POST', '/api/concern-letter-rounds', {
      policeDistrictCode: 'POL-KBH',
      meetingDate: inDays(-1),
    });
    expect([past.status, past.body.message]).toEqual([422, 'Mødedatoen ligger før i dag.']);
    const unregistered = await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, {
      personRef: 'P-2099-0001',
    });
    expect(unregistered.status).toBe(422);
    const noMunicipality = await municipality('POST', `/api/concern-letter-rounds/${roundId}/candidates`, {
      personRef: await person(municipality),
      proposedBy: 'ssp',
    });
    expect([noMunicipality.status, noMunicipality.body.message]).toEqual([
      422,
      'Kommunen skal udfyldes: den kommune, der indstiller kandidaten.',
    ]);
    const asDks = await eas('POST', `/api/concern-letter-rounds/${roundId}/candidates`, {
      personRef: await person(eas),
      proposedBy: 'dks',
    });
    expect(asDks.status).toBe(422);

    const before = await eventsOf(letter);
    const policeOnly = await policeCommittee('POST', `/api/concern-letters/${letter}/committee-decision`, {
      decision: 'send',
      participants: ['eas', 'dks'],
      reason: 'Kun politiet.',
    });
    expect([policeOnly.status, policeOnly.body.message]).toEqual([
      422,
      'Beslutningen træffes i fællesskab: både politiet (EAS eller DKS) og kommunen (SSP eller kommunens exitenhed) skal have deltaget.',
    ]);
    for (const [route, body] of [
      ['parents-contact', { reached: true, note: 'x' }],
      ['follow-up', { findings: 'x' }],
      ['outcome', { outcome: 'exit_course' }],
    ] as const) {
      const early = await exitUnit('POST', `/api/concern-letters/${letter}/${route}`, body);
      expect([route, early.status, early.body.code]).toEqual([route, 409, 'ILLEGAL_TRANSITION']);
    }
    expect(await eventsOf(letter)).toEqual(before);
    // No exit course was started by the refused outcome.
    expect(
      await sut.db.query(`SELECT 1 FROM concern_letter_candidates WHERE case_id = $1 AND exit_course_id IS NOT NULL`, [
        letter,
      ]),
    ).toEqual([]);
  });
});
