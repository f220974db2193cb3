import { randomUUID } from 'node:crypto';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * Courses a police exit unit or a municipality starts outside prison (DOMAIN.md §5), over HTTP: the start
 * with its referral source, the starting unit's own suitability assessment and agreement, the police phase
 * the agreement begins, and who may see and do what.
 */
let sut: SystemUnderTest;
let police: UserClient;
let municipality: UserClient;
let prison: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  police = await sut.as('politi.kbh.exit');
  municipality = await sut.as('kommune.kbh');
  prison = await sut.as('kf.storstroem');
});

afterAll(() => sut?.stop());

async function registered(client: UserClient, cpr?: string): Promise<string> {
  const answer = await client('POST', '/api/persons', { name: fakeName(), cpr: cpr ?? (await fakeCpr()) });
  return answer.body.personRef;
}

const policeStart = (personRef: string, overrides: Record<string, unknown> = {}) => ({
  personRef,
  startingUnitCode: 'POL-KBH',
  referralSource: 'concern_letter',
  ...overrides,
});

async function caseCount(personRef: string): Promise<number> {
  const [{ count }] = await sut.db.query(`SELECT count(*)::int AS count FROM cases WHERE person_ref = $1`, [personRef]);
  return count;
}

async function eventDetails(caseId: string, action: string): Promise<Record<string, unknown>[]> {
  const rows: { details: Record<string, unknown> }[] = await sut.db.query(
    `SELECT details FROM case_events WHERE case_id = $1 AND action = $2 ORDER BY transition_seq, position`,
    [caseId, action],
  );
  return rows.map((row) => row.details);
}

const decisionNames = (body: { availableDecisions: { name: string }[] }) =>
  body.availableDecisions.map((decision) => decision.name);

describe('courses started outside prison', () => {
  it('a police exit officer starts one from a concern letter, assesses it, signs the agreement, and the police phase begins', async () => {
    const personRef = await registered(police);
    const referredAt = new Date(Date.now() - 2 * DAY_MS).toISOString();
    const started = await police('POST', '/api/exit-courses/outside-prison', policeStart(personRef, { referredAt }));
    expect(started.status).toBe(201);
    const caseId: string = started.body.id;
    expect(started.headers.get('location')).toBe(`/api/exit-courses/${caseId}`);
    expect(started.body).toMatchObject({
      status: 'awaiting_suitability_assessment',
      institution: { code: 'POL-KBH', name: 'Københavns Politi' },
      referralSource: 'concern_letter',
      referralSourceText: 'bekymringsbrev',
      outsidePrison: true,
      expectedReleaseDate: null,
      paroleLinked: false,
      referredAt,
    });
    expect(decisionNames(started.body)).toEqual(['suitability-assessment', 'interruption']);
    expect(await eventDetails(caseId, 'case_started')).toEqual([
      {
        startingUnitCode: 'POL-KBH',
        startedBy: 'police',
        policeDistrictCode: 'POL-KBH',
        referralSource: 'concern_letter',
      },
    ]);

    const offered = await police('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'offer',
      decidedAt: new Date(Date.now() - DAY_MS).toISOString(),
    });
    expect([offered.status, offered.body.status]).toEqual([200, 'awaiting_agreement_signature']);
    expect(decisionNames(offered.body)).toEqual(['agreement-signed', 'interruption']);

    const signedAt = new Date(Date.now() - 3600_000).toISOString();
    const signed = await police('POST', `/api/exit-courses/${caseId}/agreement-signed`, { signedAt });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'police_course_active',
      statusText: 'videreført hos politiets exitenhed',
      closedAt: null,
    });
    expect(await eventDetails(caseId, 'police_course_started')).toEqual([
      { policeDistrictCode: 'POL-KBH', via: 'agreement' },
    ]);
    const [step] = await sut.db.query(
      `SELECT count(*)::int AS count FROM steps WHERE case_id = $1 AND kind IN ('mentor_assignment', 'release_preparation')`,
      [caseId],
    );
    expect(step.count).toBe(0);

    // The list shows who referred it; Kriminalforsorgen was never involved and sees nothing of it.
    const listed = await police('GET', `/api/exit-courses?personRef=${personRef}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: caseId, referralSource: 'concern_letter', referralSourceText: 'bekymringsbrev' }),
    ]);
    for (const username of ['kf.storstroem', 'kf.leder.national']) {
      const kf = await sut.as(username);
      expect([username, (await kf('GET', `/api/exit-courses/${caseId}`)).status]).toEqual([username, 404]);
    }
  });

  it('a municipal caseworker starts one with the district it runs the course with, which gains the course at the agreement', async () => {
    const personRef = await registered(municipality);
    const body = { personRef, startingUnitCode: 'KOM-0101', referralSource: 'municipality' };
    const withoutDistrict = await municipality('POST', '/api/exit-courses/outside-prison', body);
    expect([withoutDistrict.status, withoutDistrict.body.code, withoutDistrict.body.message]).toEqual([
      422,
      'INVALID_DOMAIN_DATA',
      'Politikredsen skal udfyldes, når kommunen starter forløbet: den politikreds, hvis exitenhed forløbet køres med efter aftalen.',
    ]);
    expect(await caseCount(personRef)).toBe(0);

    const started = await municipality('POST', '/api/exit-courses/outside-prison', {
      ...body,
      policeDistrictCode: 'POL-KBH',
    });
    expect(started.status).toBe(201);
    const caseId: string = started.body.id;
    expect(started.body).toMatchObject({
      institution: { code: 'KOM-0101' },
      referralSource: 'municipality',
      referralSourceText: 'kommunen',
    });
    // Before the agreement the police exit unit is not involved.
    expect((await police('GET', `/api/exit-courses/${caseId}`)).status).toBe(404);

    await municipality('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' });
    const signed = await municipality('POST', `/api/exit-courses/${caseId}/agreement-signed`, {});
    expect([signed.status, signed.body.status]).toEqual([200, 'police_course_active']);
    expect(await eventDetails(caseId, 'police_course_started')).toEqual([
      { policeDistrictCode: 'POL-KBH', via: 'agreement' },
    ]);
    const seen = await police('GET', `/api/exit-courses/${caseId}`);
    expect([seen.status, seen.body.status]).toEqual([200, 'police_course_active']);
    const rows = await sut.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [
      caseId,
    ]);
    expect(rows).toEqual([
      { org_unit: 'KOM-0101', access: 'write' },
      { org_unit: 'POL-KBH', access: 'write' },
    ]);
  });

  it('records a rejection by the starting unit with its reason code, which ends the course', async () => {
    const personRef = await registered(police);
    const started = await police(
      'POST',
      '/api/exit-courses/outside-prison',
      policeStart(personRef, { referralSource: 'self_referral' }),
    );
    const rejected = await police('POST', `/api/exit-courses/${started.body.id}/suitability-assessment`, {
      outcome: 'rejection',
      reasonCode: 'not_motivated',
      reason: 'Ikke motiveret endnu',
    });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
  });

  it('is interrupted only by the person before the police phase; the unit cannot interrupt as Kriminalforsorgen', async () => {
    const personRef = await registered(police);
    const started = await police(
      'POST',
      '/api/exit-courses/outside-prison',
      policeStart(personRef, { referralSource: 'police' }),
    );
    const caseId: string = started.body.id;
    const asService = await police('POST', `/api/exit-courses/${caseId}/interruption`, {
      by: 'kriminalforsorgen',
      reasonCode: 'security_concerns',
    });
    expect([asService.status, asService.body.code]).toEqual([422, 'INVALID_DOMAIN_DATA']);
    expect(asService.body.message).toBe(
      'Et forløb startet uden for fængslet kan kun afbrydes efter borgerens eget valg. Er borgeren ikke egnet, registreres et afslag i egnethedsvurderingen.',
    );
    const byPerson = await police('POST', `/api/exit-courses/${caseId}/interruption`, {
      by: 'inmate',
      reasonCode: 'own_wish',
    });
    expect([byPerson.status, byPerson.body.status]).toEqual([200, 'interrupted_by_inmate']);
  });

  it('refuses the police exit officer the prison decisions on its course outside prison (403), and changes nothing', async () => {
    const personRef = await registered(police);
    const started = await police('POST', '/api/exit-courses/outside-prison', policeStart(personRef));
    const caseId: string = started.body.id;
    const before = await sut.db.query(`SELECT last_seq FROM cases WHERE id = $1`, [caseId]);
    // The police exit officer holds no permission for the prison's own decisions.
    const transfer = await police('POST', `/api/exit-courses/${caseId}/transfer`, {
      toInstitutionCode: 'KF-ENNER-MARK',
    });
    expect(transfer.status).toBe(403);
    const date = await police('POST', `/api/exit-courses/${caseId}/expected-release-date`, {
      expectedReleaseDate: danishDateInDays(100),
      reason: 'Dom',
    });
    expect(date.status).toBe(403);
    expect(await sut.db.query(`SELECT last_seq FROM cases WHERE id = $1`, [caseId])).toEqual(before);
  });

  describe('who may start one, and with what', () => {
    it('refuses a Kriminalforsorgen caseworker (403): Kriminalforsorgen starts courses in prison', async () => {
      const personRef = await registered(prison);
      const answer = await prison('POST', '/api/exit-courses/outside-prison', policeStart(personRef));
      expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
      expect(await caseCount(personRef)).toBe(0);
    });

    it('refuses a police exit officer a start at an institution (403 on the prison start, 422 as starting unit)', async () => {
      const personRef = await registered(police);
      const inPrison = await police('POST', '/api/exit-courses', {
        personRef,
        institutionCode: 'KF-STORSTROEM',
        expectedReleaseDate: danishDateInDays(200),
        paroleLinked: false,
      });
      expect([inPrison.status, inPrison.body.code]).toEqual([403, 'FORBIDDEN']);
      const asUnit = await police(
        'POST',
        '/api/exit-courses/outside-prison',
        policeStart(personRef, { startingUnitCode: 'KF-STORSTROEM' }),
      );
      expect([asUnit.status, asUnit.body.message]).toEqual([
        422,
        "Enheden 'KF-STORSTROEM' er hverken en politikreds eller en kommune: forløb i fængslet startes af Kriminalforsorgen.",
      ]);
      expect(await caseCount(personRef)).toBe(0);
    });

    it('refuses a start for another police district (403)', async () => {
      const personRef = await registered(police);
      const answer = await police(
        'POST',
        '/api/exit-courses/outside-prison',
        policeStart(personRef, { startingUnitCode: 'POL-NORDJYLLAND' }),
      );
      expect([answer.status, answer.body.message]).toEqual([
        403,
        'Du kan kun starte exit-forløb for din egen politikreds eller kommune.',
      ]);
      expect(await caseCount(personRef)).toBe(0);
    });

    it('refuses a police start naming another district to run it (422)', async () => {
      const personRef = await registered(police);
      const answer = await police(
        'POST',
        '/api/exit-courses/outside-prison',
        policeStart(personRef, { policeDistrictCode: 'POL-NORDJYLLAND' }),
      );
      expect([answer.status, answer.body.message]).toEqual([
        422,
        'Politikredsen er den, der starter forløbet: lad feltet stå tomt, eller vælg den samme politikreds.',
      ]);
    });

    type Case = [string, Record<string, unknown>, { field: string; problems: string[] }[]];
    const cases: Case[] = [
      [
        'a missing referral source',
        { referralSource: undefined },
        [{ field: 'referralSource', problems: ['»Henvist af« skal udfyldes.'] }],
      ],
      [
        'an unknown referral source',
        { referralSource: 'neighbour' },
        [
          {
            field: 'referralSource',
            problems: ['Henvist af skal være politiet, kommunen, selvhenvendelse eller bekymringsbrev.'],
          },
        ],
      ],
      [
        'Kriminalforsorgen as referral source',
        { referralSource: 'kriminalforsorgen' },
        [
          {
            field: 'referralSource',
            problems: ['Henvist af skal være politiet, kommunen, selvhenvendelse eller bekymringsbrev.'],
          },
        ],
      ],
      [
        'an expected release date',
        { expectedReleaseDate: '2027-08-31' },
        [
          {
            field: 'expectedReleaseDate',
            problems: [
              'Den forventede løsladelsesdato hører ikke til et forløb uden for fængslet: lad feltet stå tomt.',
            ],
          },
        ],
      ],
      [
        'a parole link',
        { paroleLinked: false },
        [
          {
            field: 'paroleLinked',
            problems: [
              'Feltet »Knyttet til prøveløsladelse« hører ikke til et forløb uden for fængslet: lad det stå tomt.',
            ],
          },
        ],
      ],
      [
        'a missing starting unit',
        { startingUnitCode: undefined },
        [{ field: 'startingUnitCode', problems: ['Enheden skal udfyldes.'] }],
      ],
    ];

    it.each(cases)('refuses %s (400) and creates nothing', async (_name, overrides, problems) => {
      const personRef = await registered(police);
      const answer = await police('POST', '/api/exit-courses/outside-prison', policeStart(personRef, overrides), {
        'idempotency-key': `bad-${randomUUID()}`,
      });
      expect([answer.status, answer.body.code, answer.body.details]).toEqual([400, 'VALIDATION_FAILED', problems]);
      expect(await caseCount(personRef)).toBe(0);
    });
  });

  it('keeps one open course per person across both kinds of start, and one start per idempotency key', async () => {
    const cpr = await fakeCpr();
    const personRef = await registered(prison, cpr);
    // Each organisation its own register entry (docs/need-to-know.md); the rule holds on the CPR number.
    const policeRef = await registered(police, cpr);
    expect(policeRef).not.toBe(personRef);

    const inPrison = await prison('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: danishDateInDays(200),
      paroleLinked: false,
    });
    expect([inPrison.status, inPrison.body.referralSource, inPrison.body.outsidePrison]).toEqual([
      201,
      'kriminalforsorgen',
      false,
    ]);
    // The police do not see the prison's course: the neutral answer, not 409.
    const outside = await police('POST', '/api/exit-courses/outside-prison', policeStart(policeRef));
    expect([outside.status, outside.body.code]).toEqual([202, 'COURSE_START_NEEDS_COORDINATION']);
    expect([await caseCount(personRef), await caseCount(policeRef)]).toEqual([1, 0]);

    await prison('POST', `/api/exit-courses/${inPrison.body.id}/interruption`, {
      by: 'inmate',
      reasonCode: 'own_wish',
    });
    const key = { 'idempotency-key': `outside-${randomUUID()}` };
    const first = await police('POST', '/api/exit-courses/outside-prison', policeStart(policeRef), key);
    const again = await police('POST', '/api/exit-courses/outside-prison', policeStart(policeRef), key);
    expect([first.status, again.status, again.body.id]).toEqual([201, 200, first.body.id]);
    const inPrisonAgain = await prison('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: danishDateInDays(200),
      paroleLinked: false,
    });
    expect([inPrisonAgain.status, inPrisonAgain.body.code]).toEqual([202, 'COURSE_START_NEEDS_COORDINATION']);
    expect([await caseCount(personRef), await caseCount(policeRef)]).toEqual([1, 1]);
  });

  it('answers 404 to a municipality of the course started by the police, and 403 to a deciding user without the permission', async () => {
    const personRef = await registered(police);
    const started = await police('POST', '/api/exit-courses/outside-prison', policeStart(personRef));
    const caseId: string = started.body.id;
    const other = await municipality('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'offer',
    });
    expect(other.status).toBe(404);
    const supervisor = await sut.as('politi.leder.kbh');
    const bySupervisor = await supervisor('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'offer',
    });
    expect(bySupervisor.status).toBe(403);
    const { body } = await police('GET', `/api/exit-courses/${caseId}`);
    expect(body.status).toBe('awaiting_suitability_assessment');
  });
});
