import { seedDemoUsers } from '../../libs/access/demo-users';
import { composeNotice, type OutboxNotice } from '../../activities/notices/outgoing-notice';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Protected persons (udvidet adressebeskyttelse) over HTTP, in a database of the suite's own: the flag and
 * its log, the name and CPR number masked on every surface for everyone, the reveal with a reason for the
 * caseworkers of the unit holding the case with write access (logged with the reason), the person not found
 * by search or lookup, free texts hidden from the other units, and notices that never held a name.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
/** Storstrøm's caseworker: holds course A until its transfer, and course B throughout (write access). */
let storstroem: UserClient;
/** Enner Mark's caseworker: holds course A after the transfer (write access). */
let ennerMark: UserClient;
let supervisor: UserClient;
let national: UserClient;
let policeExit: UserClient;
let municipality: UserClient;

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  storstroem = await sut.as('kf.storstroem');
  ennerMark = await sut.as('kf.ennermark');
  supervisor = await sut.as('kf.leder.storstroem');
  national = await sut.as('kf.leder.national');
  policeExit = await sut.as('politi.kbh.exit');
  municipality = await sut.as('kommune.kbh');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

const ok = (answer: { status: number; body: unknown }, status = 200) => {
  expect([answer.status, answer.status === status ? 'ok' : answer.body]).toEqual([status, 'ok']);
  return answer.body as Record<string, any>;
};

const MASKED = { name: 'Beskyttet person', cpr: '', birthDate: '', protected: true };
const HIDDEN = 'Skjult (beskyttet person)';
const ADDRESS_NOTE = 'Bor midlertidigt hos sin moster, Vestergade 12, 4800 Nykøbing F.';
const ADDRESS_REASON = 'Flytter til Vestergade 12 ved løsladelsen';
const UNKNOWN_CASE = '00000000-0000-4000-8000-000000000000';

interface Person {
  personRef: string;
  name: string;
  cpr: string;
}

async function registered(client: UserClient): Promise<Person> {
  const name = fakeName();
  const cpr = await fakeCpr();
  const { personRef } = ok(await client('POST', '/api/persons', { name, cpr }), 201);
  return { personRef, name, cpr: `${cpr.replace('-', '').slice(0, 6)}-${cpr.replace('-', '').slice(6)}` };
}

async function startedCourse(person: Person, expectedReleaseDate = danishDateInDays(400)): Promise<string> {
  const started = ok(
    await storstroem('POST', '/api/exit-courses', {
      personRef: person.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate,
      paroleLinked: false,
      referredAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
    }),
    201,
  );
  return started.id;
}

async function userId(username: string): Promise<string> {
  return (await sut.db.query(`SELECT id::text FROM users WHERE username = $1`, [username]))[0].id;
}

async function accessLog(action: string, personRef: string) {
  return sut.db.query(
    `SELECT u.username, a.role, a.case_id::text AS "caseId", a.details FROM access_log a
       JOIN users u ON u.id::text = a.user_id::text
      WHERE a.action = $1 AND a.person_ref = $2 ORDER BY a.id`,
    [action, personRef],
  );
}

const personOf = async (client: UserClient, caseId: string) =>
  ok(await client('GET', `/api/exit-courses/${caseId}`)).person;

describe('a protected person at Storstrøm, transferred to Enner Mark', () => {
  let person: Person;
  let caseId: string;

  beforeAll(async () => {
    person = await registered(storstroem);
    caseId = await startedCourse(person);
    ok(
      await storstroem('POST', `/api/cases/${caseId}/notes`, {
        kind: 'phone',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        text: ADDRESS_NOTE,
      }),
      201,
    );
    ok(
      await storstroem('POST', `/api/exit-courses/${caseId}/readiness`, {
        item: 'housing',
        ready: true,
        note: 'Vestergade 12',
      }),
    );
    ok(
      await storstroem('POST', `/api/exit-courses/${caseId}/expected-release-date`, {
        expectedReleaseDate: danishDateInDays(380),
        reason: ADDRESS_REASON,
      }),
    );
  });

  it('refuses a protection without its fields, with a reason that does not fit, and outside the scope; changes nothing', async () => {
    const empty = await storstroem('POST', `/api/persons/${person.personRef}/protection`, {});
    expect([empty.status, empty.body.code, empty.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [
        { field: 'protected', problems: ['Feltet »Udvidet adressebeskyttelse« skal udfyldes.'] },
        { field: 'reason', problems: ['Årsagen skal udfyldes.'] },
      ],
    ]);
    const wrong = await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
      protected: 'ja',
      reason: 'fordi',
    });
    expect([wrong.status, wrong.body.details]).toEqual([
      400,
      [
        { field: 'protected', problems: ['Feltet »Udvidet adressebeskyttelse« skal være ja eller nej.'] },
        {
          field: 'reason',
          problems: [
            'Årsagen skal være udvidet adressebeskyttelse registreret i CPR, trusselsvurdering fra politiet, personens egen anmodning eller beskyttelsen er ophørt.',
          ],
        },
      ],
    ]);
    const misfit = await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
      protected: true,
      reason: 'protection_ended',
    });
    expect([misfit.status, misfit.body.message]).toEqual([
      422,
      'Årsagen »beskyttelsen er ophørt« kan kun ophæve en beskyttelse.',
    ]);
    const notProtected = await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
      protected: false,
      reason: 'protection_ended',
    });
    expect([notProtected.status, notProtected.body.code, notProtected.body.message]).toEqual([
      409,
      'ILLEGAL_TRANSITION',
      'Personen er ikke beskyttet.',
    ]);
    // Enner Mark holds no case of the person yet; the national supervisor has no `person:protect`.
    const outside = await ennerMark('POST', `/api/persons/${person.personRef}/protection`, {
      protected: true,
      reason: 'threat_assessment',
    });
    expect([outside.status, outside.body.code]).toEqual([404, 'PERSON_NOT_FOUND']);
    const unknown = await storstroem('POST', `/api/persons/ikke-en-person/protection`, {
      protected: true,
      reason: 'threat_assessment',
    });
    expect(unknown.status).toBe(404);
    expect(
      (
        await national('POST', `/api/persons/${person.personRef}/protection`, {
          protected: true,
          reason: 'threat_assessment',
        })
      ).status,
    ).toBe(403);
    const [row] = await sut.db.query(`SELECT protected, protection_changed_by FROM persons WHERE id = $1`, [
      person.personRef,
    ]);
    expect(row).toEqual({ protected: false, protection_changed_by: null });
    expect(await accessLog('person_protection_change', person.personRef)).toEqual([]);
  });

  it('sets the flag (who and when, logged with the reason) and then masks the person for the unit itself', async () => {
    const before = Date.now();
    const set = ok(
      await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
        protected: true,
        reason: 'address_protection_registered',
      }),
    );
    const storstroemId = await userId('kf.storstroem');
    expect(set).toEqual({
      personRef: person.personRef,
      protected: true,
      changedBy: storstroemId,
      changedAt: expect.any(String),
    });
    expect(Date.parse(set.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await accessLog('person_protection_change', person.personRef)).toEqual([
      {
        username: 'kf.storstroem',
        role: 'kf_caseworker',
        caseId: null,
        details: { protected: true, reason: 'address_protection_registered' },
      },
    ]);
    const again = await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
      protected: true,
      reason: 'threat_assessment',
    });
    expect([again.status, again.body.message]).toEqual([409, 'Personen er allerede beskyttet.']);

    expect(await personOf(storstroem, caseId)).toEqual({
      personRef: person.personRef,
      ...MASKED,
      revealable: true,
      protectable: true,
    });
    const list = ok(await storstroem('GET', `/api/cases?pageSize=100`));
    expect(list.items.filter((item: { id: string }) => item.id === caseId).map((item: any) => item.personName)).toEqual(
      ['Beskyttet person'],
    );
    // The unit's own caseworker sees the free texts it wrote.
    const notes = ok(await storstroem('GET', `/api/cases/${caseId}/notes`));
    expect(notes.items.map((note: { text: string }) => note.text)).toEqual([ADDRESS_NOTE]);
  });

  it('is found by neither name search nor CPR lookup, nor by reference; the lookup finds them only with a reason', async () => {
    const search = ok(await storstroem('POST', '/api/persons/search', { name: person.name }));
    expect([search.total, search.items]).toEqual([0, []]);
    const lookup = await storstroem('POST', '/api/persons/lookup', { cpr: person.cpr });
    expect([lookup.status, lookup.body]).toEqual([
      404,
      { code: 'PERSON_NOT_FOUND', message: 'Personen findes ikke.', details: null },
    ]);
    const byRef = await storstroem('GET', `/api/persons/${person.personRef}`);
    expect([byRef.status, byRef.body.code]).toEqual([404, 'PERSON_NOT_FOUND']);
    // The supervisor of the same unit: the same answer as for a CPR number nobody registered, with a reason too.
    for (const body of [{ cpr: person.cpr }, { cpr: person.cpr, reason: 'case_work' }]) {
      const answer = await supervisor('POST', '/api/persons/lookup', body);
      expect([answer.status, answer.body.code]).toEqual([404, 'PERSON_NOT_FOUND']);
    }
    const badReason = await storstroem('POST', '/api/persons/lookup', { cpr: person.cpr, reason: 'nysgerrighed' });
    expect([badReason.status, badReason.body.details[0].field]).toEqual([400, 'reason']);

    const found = ok(await storstroem('POST', '/api/persons/lookup', { cpr: person.cpr, reason: 'correct_register' }));
    expect({ ...found, cases: found.cases.map((c: { id: string }) => c.id) }).toEqual({
      personRef: person.personRef,
      name: person.name,
      cpr: person.cpr,
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      protected: true,
      cases: [caseId],
    });
    expect(await accessLog('protected_person_read', person.personRef)).toEqual([
      {
        username: 'kf.storstroem',
        role: 'kf_caseworker',
        caseId: null,
        details: { reason: 'correct_register', via: 'lookup' },
      },
    ]);
  });

  it('reveals the name and CPR number to the responsible caseworker only with a reason, which is logged', async () => {
    const noReason = await storstroem('POST', `/api/cases/${caseId}/person/reveal`, {});
    expect([noReason.status, noReason.body.details]).toEqual([
      400,
      [{ field: 'reason', problems: ['Begrundelsen skal udfyldes.'] }],
    ]);
    const longNote = await storstroem('POST', `/api/cases/${caseId}/person/reveal`, {
      reason: 'case_work',
      note: 'x'.repeat(201),
    });
    expect([longNote.status, longNote.body.details]).toEqual([
      400,
      [{ field: 'note', problems: ['Uddybningen må højst være 200 tegn.'] }],
    ]);
    const revealed = ok(
      await storstroem('POST', `/api/cases/${caseId}/person/reveal`, {
        reason: 'contact_with_person',
        note: 'Aftale om samtale',
      }),
    );
    expect(revealed).toEqual({
      personRef: person.personRef,
      name: person.name,
      cpr: person.cpr,
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      protected: true,
    });
    const reads = await accessLog('protected_person_read', person.personRef);
    expect(reads.slice(1)).toEqual([
      {
        username: 'kf.storstroem',
        role: 'kf_caseworker',
        caseId,
        details: { reason: 'contact_with_person', note: 'Aftale om samtale' },
      },
    ]);
    // The supervisor of the unit holding the case: masked, and refused the reveal.
    expect(await personOf(supervisor, caseId)).toEqual({
      personRef: person.personRef,
      ...MASKED,
      revealable: false,
      protectable: true,
    });
    const refused = await supervisor('POST', `/api/cases/${caseId}/person/reveal`, { reason: 'case_work' });
    expect([refused.status, refused.body.message]).toEqual([
      403,
      'Kun sagsbehandlerne i den enhed, der har sagen, kan få vist en beskyttet persons navn og CPR-nummer.',
    ]);
    // Outside the scope, and an unknown case: 404, as for any case.
    for (const [client, id] of [
      [ennerMark, caseId],
      [policeExit, caseId],
      [storstroem, UNKNOWN_CASE],
      [storstroem, 'ikke-en-sag'],
    ] as const) {
      const answer = await client('POST', `/api/cases/${id}/person/reveal`, { reason: 'case_work' });
      expect([answer.status, answer.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    }
    expect(await accessLog('protected_person_read', person.personRef)).toHaveLength(2);
  });

  it('after the transfer: Enner Mark is responsible; Storstrøm (read access), its supervisor and the national supervisor see only the mask and no free text', async () => {
    ok(await storstroem('POST', `/api/exit-courses/${caseId}/transfer`, { toInstitutionCode: 'KF-ENNER-MARK' }));

    expect(await personOf(ennerMark, caseId)).toEqual({
      personRef: person.personRef,
      ...MASKED,
      revealable: true,
      protectable: true,
    });
    expect(ok(await ennerMark('GET', `/api/cases/${caseId}/notes`)).items[0].text).toBe(ADDRESS_NOTE);
    expect(ok(await ennerMark('POST', `/api/cases/${caseId}/person/reveal`, { reason: 'case_work' })).name).toBe(
      person.name,
    );

    for (const [username, client, rights] of [
      ['kf.storstroem', storstroem, { revealable: false, protectable: false }],
      ['kf.leder.storstroem', supervisor, { revealable: false, protectable: false }],
      ['kf.leder.national', national, { revealable: false, protectable: false }],
    ] as const) {
      const detail = ok(await client('GET', `/api/exit-courses/${caseId}`));
      expect([username, detail.person]).toEqual([username, { personRef: person.personRef, ...MASKED, ...rights }]);
      expect(JSON.stringify(detail)).not.toContain('Vestergade');
      // The readiness item's note and the changed date's reason: every free-text reason of the history.
      const reasons = detail.history.filter((entry: any) => entry.reason !== null).map((entry: any) => entry.reason);
      expect([username, reasons]).toEqual([username, [HIDDEN, HIDDEN]]);
      const changed = detail.history.find(
        (entry: { action: string }) => entry.action === 'expected_release_date_changed',
      );
      expect([username, changed.reason]).toEqual([username, HIDDEN]);
      const history = ok(await client('GET', `/api/exit-courses/${caseId}/history?pageSize=100`));
      expect(JSON.stringify(history)).not.toContain('Vestergade');
      const journal = ok(await client('GET', `/api/cases/${caseId}/notes`));
      expect([username, journal.items.map((note: { text: string }) => note.text)]).toEqual([username, [HIDDEN]]);
      const list = ok(await client('GET', `/api/cases?pageSize=100`));
      const names = list.items.filter((item: { id: string }) => item.id === caseId).map((item: any) => item.personName);
      expect([username, names]).toEqual([username, ['Beskyttet person']]);
      const reveal = await client('POST', `/api/cases/${caseId}/person/reveal`, { reason: 'case_work' });
      expect([username, reveal.status]).toEqual([username, 403]);
      const lookup = await client('POST', '/api/persons/lookup', { cpr: person.cpr, reason: 'case_work' });
      expect([username, lookup.status]).toEqual([username, 404]);
      const search = ok(await client('POST', '/api/persons/search', { name: person.name }));
      expect([username, search.total]).toEqual([username, 0]);
    }
    // Storstrøm no longer holds the case with write access: it can no longer lift the protection.
    const lift = await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
      protected: false,
      reason: 'protection_ended',
    });
    expect(lift.status).toBe(404);
    expect((await accessLog('protected_person_read', person.personRef)).map((row: any) => row.username)).toEqual([
      'kf.storstroem',
      'kf.storstroem',
      'kf.ennermark',
    ]);
  });

  it('Enner Mark lifts the protection: the name is shown again, and the change is logged', async () => {
    ok(
      await ennerMark('POST', `/api/persons/${person.personRef}/protection`, {
        protected: false,
        reason: 'protection_ended',
      }),
    );
    expect(await personOf(storstroem, caseId)).toMatchObject({ name: person.name, cpr: person.cpr, protected: false });
    const reveal = await ennerMark('POST', `/api/cases/${caseId}/person/reveal`, { reason: 'case_work' });
    expect([reveal.status, reveal.body.message]).toEqual([409, 'Personen er ikke beskyttet: navnet står på sagen.']);
    expect(ok(await storstroem('GET', `/api/cases/${caseId}/notes`)).items[0].text).toBe(ADDRESS_NOTE);
    expect((await accessLog('person_protection_change', person.personRef)).map((row: any) => row.details)).toEqual([
      { protected: true, reason: 'address_protection_registered' },
      { protected: false, reason: 'protection_ended' },
    ]);
  });
});

describe('a protected person whose release is notified to Københavns Politi and Københavns Kommune', () => {
  let person: Person;
  let caseId: string;
  const REPORT = {
    plan: 'Bolig i Vestergade 12 via kommunen, job i byggeriet.',
    planStatus: 'partly',
    housingOwner: 'municipality',
    incomeOwner: 'municipality',
    jobOrEducationPlanOwner: 'person',
    mentorContinuityOwner: 'police',
    riskAssessment: 'Undgå Vestergade-området om aftenen.',
    extendedAddressProtection: true,
    contactName: 'Kontaktperson Storstrøm',
    contactPhone: '72 55 00 00',
  };

  beforeAll(async () => {
    person = await registered(storstroem);
    caseId = await startedCourse(person, danishDateInDays(90));
    ok(await storstroem('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' }));
    ok(await storstroem('POST', `/api/exit-courses/${caseId}/agreement-signed`, {}));
    ok(
      await storstroem('POST', `/api/exit-courses/${caseId}/release-plan`, {
        municipalityCode: 'KOM-0101',
        policeDistrictCode: 'POL-KBH',
      }),
    );
    ok(
      await storstroem('POST', `/api/exit-courses/${caseId}/expected-release-date`, {
        expectedReleaseDate: danishDateInDays(20),
        reason: 'Prøveløsladelse bevilget',
      }),
    );
    ok(await storstroem('POST', `/api/exit-courses/${caseId}/handover-report`, REPORT));
    ok(
      await storstroem('POST', `/api/persons/${person.personRef}/protection`, {
        protected: true,
        reason: 'threat_assessment',
      }),
    );
  });

  it('shows the coming handover, the course and its handover report to the police and the municipality without name or free text', async () => {
    for (const [username, client] of [
      ['politi.kbh.exit', policeExit],
      ['kommune.kbh', municipality],
    ] as const) {
      const coming = ok(await client('GET', '/api/handovers/coming?pageSize=100'));
      const item = coming.items.find((candidate: { caseId: string }) => candidate.caseId === caseId);
      expect([username, item.personName]).toEqual([username, 'Beskyttet person']);
      const detail = ok(await client('GET', `/api/exit-courses/${caseId}`));
      expect([username, detail.person]).toEqual([
        username,
        { personRef: person.personRef, ...MASKED, revealable: false, protectable: false },
      ]);
      expect([username, detail.handoverPreparation.report]).toEqual([
        username,
        expect.objectContaining({
          plan: HIDDEN,
          riskAssessment: HIDDEN,
          planStatus: 'partly',
          extendedAddressProtection: true,
        }),
      ]);
      const text = JSON.stringify({ coming, detail });
      for (const secret of [person.name, person.cpr, 'Vestergade']) expect(text).not.toContain(secret);
    }
    // A decision the municipality takes with read access answers the course as it may see it.
    const viewed = ok(
      await municipality('POST', `/api/exit-courses/${caseId}/handover-view`, {
        recommendation: 'continue',
        view: 'Kommunen har en bolig klar i Vestergade 12.',
      }),
    );
    expect([viewed.person.name, viewed.handoverPreparation.report.plan]).toEqual(['Beskyttet person', HIDDEN]);
    expect(viewed.handoverPreparation.views.map((view: { view: string }) => view.view)).toEqual([HIDDEN]);
    expect(JSON.stringify(viewed)).not.toContain('Vestergade');
    const own = ok(await storstroem('GET', `/api/exit-courses/${caseId}`));
    expect([own.handoverPreparation.report.plan, own.handoverPreparation.report.riskAssessment]).toEqual([
      REPORT.plan,
      REPORT.riskAssessment,
    ]);
    expect(own.handoverPreparation.views.map((view: { view: string }) => view.view)).toEqual([
      'Kommunen har en bolig klar i Vestergade 12.',
    ]);
  });

  it('after the release the exit unit holds the course: its inbox names no one, it reads the free texts; Storstrøm no longer does', async () => {
    ok(await storstroem('POST', `/api/exit-courses/${caseId}/mentor`, { mentorRef: 'MENTOR-0042' }));
    ok(
      await storstroem('POST', `/api/exit-courses/${caseId}/release`, {
        policeDistrictCode: 'POL-KBH',
        municipalityCode: 'KOM-0101',
      }),
    );
    const inbox = ok(await policeExit('GET', '/api/handovers?pageSize=100'));
    const item = inbox.items.find((candidate: { caseId: string }) => candidate.caseId === caseId);
    expect([
      item.personName,
      item.handoverPreparation.report.plan,
      item.handoverPreparation.report.riskAssessment,
    ]).toEqual(['Beskyttet person', REPORT.plan, REPORT.riskAssessment]);
    expect(JSON.stringify(inbox)).not.toContain(person.name);
    expect(await personOf(policeExit, caseId)).toEqual({
      personRef: person.personRef,
      ...MASKED,
      revealable: true,
      protectable: true,
    });
    const prison = ok(await storstroem('GET', `/api/exit-courses/${caseId}`));
    expect([prison.person, prison.handoverPreparation.report.plan]).toEqual([
      { personRef: person.personRef, ...MASKED, revealable: false, protectable: false },
      HIDDEN,
    ]);
    const refused = await storstroem('POST', `/api/cases/${caseId}/person/reveal`, { reason: 'case_work' });
    expect(refused.status).toBe(403);
  });

  it('its notices hold no name or CPR number (they never did: ids, kinds and units only)', async () => {
    const rows: OutboxNotice[] = await sut.db.query(
      `SELECT n.id, n.case_id AS "caseId", c.case_type AS "caseType", n.recipient_unit AS "recipientUnit",
              CASE WHEN u.code IS NULL THEN NULL ELSE json_build_object('name', u.name, 'kind', u.kind) END AS recipient,
              n.kind, s.kind AS "stepKind", n.due_at AS "dueAt", n.attempts
         FROM notifications n JOIN cases c ON c.id = n.case_id LEFT JOIN steps s ON s.id = n.step_id
              LEFT JOIN organisation_units u ON u.code = n.recipient_unit
        WHERE n.case_id = $1`,
      [caseId],
    );
    expect(rows.map((row) => row.kind)).toContain('release_notice');
    const stored = JSON.stringify(await sut.db.query(`SELECT * FROM notifications WHERE case_id = $1`, [caseId]));
    const composed = JSON.stringify(rows.map((row) => composeNotice(row, 'https://exitflow.example')));
    for (const secret of [person.name, person.cpr, person.cpr.replace('-', ''), 'Beskyttet person']) {
      expect(stored).not.toContain(secret);
      expect(composed).not.toContain(secret);
    }
  });
});

describe('a protected youth of a DKS case with a planned home visit', () => {
  it('is masked in the social services’ home-visit view and on the DKS case; DKS reveals them with a reason', async () => {
    const dks = await sut.as('politi.kbh.dks');
    const social = await sut.as('social.kbh');
    const name = fakeName();
    const { personRef } = ok(await dks('POST', '/api/persons', { name, cpr: await fakeYouthCpr() }), 201);
    const { id } = ok(
      await dks('POST', '/api/dks-cases', {
        personRef,
        policeDistrictCode: 'POL-KBH',
        trigger: 'charged',
        triggeredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      }),
      201,
    );
    ok(await dks('POST', `/api/dks-cases/${id}/assessment`, { concernConversation: true, reason: ADDRESS_REASON }));
    ok(
      await dks('POST', `/api/dks-cases/${id}/home-visit-plan`, {
        plannedFor: new Date(Date.now() + 48 * 3600_000).toISOString(),
        municipalityCode: 'KOM-0101',
      }),
    );
    ok(await dks('POST', `/api/persons/${personRef}/protection`, { protected: true, reason: 'threat_assessment' }));

    const visits = ok(await social('GET', '/api/home-visits'));
    const visit = visits.items.find((item: { caseId: string }) => item.caseId === id);
    expect(visit.person).toEqual({ personRef, ...MASKED, revealable: false, protectable: false });
    expect(JSON.stringify(visits)).not.toContain(name);

    const detail = ok(await dks('GET', `/api/dks-cases/${id}`));
    expect(detail.person).toEqual({ personRef, ...MASKED, revealable: true, protectable: true });
    // DKS holds the case: its own assessment's reason is shown to it.
    expect(detail.history.map((entry: { reason: string | null }) => entry.reason)).toContain(ADDRESS_REASON);
    expect(ok(await dks('POST', `/api/cases/${id}/person/reveal`, { reason: 'case_work' })).name).toBe(name);
    const socialReveal = await social('POST', `/api/cases/${id}/person/reveal`, { reason: 'case_work' });
    expect(socialReveal.status).toBe(403);
    expect(
      (await accessLog('protected_person_read', personRef)).map((row: any) => [row.username, row.details]),
    ).toEqual([['politi.kbh.dks', { reason: 'case_work' }]]);
  });
});
