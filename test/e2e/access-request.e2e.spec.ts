import { seedDemoUsers } from '../../libs/access/demo-users';
import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import { fakeCpr, fakeName } from '../support/demo-people';
import { documentForm, pdfFile } from '../support/document-files';
import { eventually } from '../support/eventually';
import { DAY_MS } from '../support/exit-course-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * A person's right of access over HTTP: the data-protection officer registers the request by CPR number,
 * answers it within its month, and exports what its organisation's scope holds about the person — compared
 * exactly with everything this test put into the person's cases — while another organisation's case of the
 * same CPR number stays out. In a database of its own: the reads and notices are counted exactly.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let kf: UserClient;
let ennerMark: UserClient;
let kfSupervisor: UserClient;
let police: UserClient;
let kfOfficer: UserClient;
let policeOfficer: UserClient;
let municipalityOfficer: UserClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  [kf, ennerMark, kfSupervisor, police, kfOfficer, policeOfficer, municipalityOfficer] = await Promise.all(
    [
      'kf.storstroem',
      'kf.ennermark',
      'kf.leder.storstroem',
      'politi.kbh.exit',
      'kf.databeskyttelse',
      'politi.databeskyttelse',
      'kommune.kbh.databeskyttelse',
    ].map((username) => sut.as(username)),
  );
  for (const [name, client] of Object.entries({ kf, ennerMark, kfSupervisor, police, kfOfficer })) {
    ids[name] = (await client('GET', '/api/auth/me')).body.id;
  }
}, 120_000);

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

const ok = (answer: { status: number; body: unknown }, status = 200) => {
  if (answer.status !== status) throw new Error(`${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, any>;
};
const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** Everything the test puts into the person's Kriminalforsorgen course, and the police's course of the same CPR. */
async function personWithCases() {
  const name = fakeName();
  const cpr = await fakeCpr();
  const { personRef } = ok(await kf('POST', '/api/persons', { name, cpr }), 201);
  const course = ok(
    await kf('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-01-01',
      paroleLinked: false,
      referredAt: ago(10),
    }),
    201,
  );
  const id: string = course.id;
  ok(await kf('POST', `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer', decidedAt: ago(9) }));
  ok(await kf('POST', `/api/exit-courses/${id}/agreement-signed`, { signedAt: ago(8) }));
  ok(await kf('POST', `/api/exit-courses/${id}/mentor`, { mentorRef: 'MENTOR-0042', assignedAt: ago(7) }));
  ok(
    await kf('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: ago(6),
      form: 'meeting',
      durationMinutes: 45,
    }),
  );
  const note = ok(
    await kf('POST', `/api/cases/${id}/notes`, {
      kind: 'phone',
      occurredAt: ago(5),
      text: 'Samtale med mor om bolig i Ærøskøbing; hun støtter forløbet.',
    }),
    201,
  );
  const documentBytes = pdfFile('Exit-aftale underskrevet.');
  const document = ok(
    await kf(
      'POST',
      `/api/cases/${id}/documents`,
      documentForm(documentBytes, 'exit-aftale-søren.pdf', { type: 'exit_agreement' }),
    ),
    201,
  );
  ok(await kfSupervisor('GET', `/api/exit-courses/${id}`));
  ok(
    await kf('POST', `/api/exit-courses/${id}/release-plan`, {
      municipalityCode: 'KOM-0101',
      policeDistrictCode: 'POL-KBH',
    }),
  );
  ok(
    await kf('POST', `/api/exit-courses/${id}/transfer`, {
      toInstitutionCode: 'KF-ENNER-MARK',
      transferredAt: ago(3),
    }),
  );
  ok(await ennerMark('GET', `/api/exit-courses/${id}`));
  ok(
    await ennerMark('POST', `/api/exit-courses/${id}/interruption`, {
      by: 'kriminalforsorgen',
      reasonCode: 'new_crime',
      reason: 'Sigtet for vold den 3. marts.',
      interruptedAt: ago(1),
    }),
  );
  // The police register the same CPR number and run a course of their own, outside prison.
  const policePerson = ok(await police('POST', '/api/persons', { name, cpr }), 201);
  const policeCourse = ok(
    await police('POST', '/api/exit-courses/outside-prison', {
      personRef: policePerson.personRef,
      startingUnitCode: 'POL-KBH',
      referralSource: 'concern_letter',
      referredAt: ago(2),
    }),
    201,
  );
  return { name, cpr, personRef, id, note, document, documentBytes, policeCourseId: policeCourse.id as string };
}

describe('an access request', () => {
  it('is registered by CPR number, due a calendar month after receipt, and never holds the CPR in its workflow', async () => {
    const cpr = await fakeCpr();
    const receivedAt = ago(3);
    const started = await policeOfficer('POST', '/api/access-requests', { cpr, receivedAt, channel: 'letter' });
    expect(started.status).toBe(201);
    const requestId: string = started.body.id;
    expect(started.headers.get('location')).toBe(`/api/access-requests/${requestId}`);
    const dueAt = computeDueAt({ unit: 'calendar-months', months: 1 }, new Date(receivedAt)).toISOString();
    expect(started.body).toMatchObject({
      id: requestId,
      workflowId: `access-request-${requestId}`,
      cpr: `${cpr.slice(0, 6)}-${cpr.slice(-4)}`,
      maskedCpr: `${cpr.slice(0, 6)}-XXXX`,
      channel: 'letter',
      channelText: 'Brev',
      receivedAt: new Date(receivedAt).toISOString(),
      dueAt,
      overdue: false,
      status: 'received',
      statusText: 'modtaget og afventer svar',
      extensionMonths: 0,
      answer: null,
      closedAt: null,
    });
    expect(started.body.openSteps.map((step: { kind: string; dueAt: string }) => [step.kind, step.dueAt])).toEqual([
      ['access_request_answer', dueAt],
    ]);
    expect(started.body.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
      'access-request-decision',
      'access-request-extension',
    ]);

    // The workflow's input and history hold the request's id, never the CPR number (raw, without the codec).
    const history = await sut.temporal.workflow.getHandle(`access-request-${requestId}`).fetchHistory();
    const raw = JSON.stringify(history);
    expect(raw).not.toContain(cpr.replace('-', ''));
    expect(raw).not.toContain(cpr);
    const [row] = await sut.db.query(`SELECT person_ref, org_unit FROM cases WHERE id = $1`, [requestId]);
    expect(row).toEqual({ person_ref: requestId, org_unit: 'DPO-POLITI' });
    const [access] = await sut.db.query(`SELECT org_unit, organisation, access FROM case_access WHERE case_id = $1`, [
      requestId,
    ]);
    expect(access).toEqual({ org_unit: 'DPO-POLITI', organisation: 'politi', access: 'write' });

    // The list shows it with its deadline; another organisation's officer sees neither it nor its detail.
    const list = ok(await policeOfficer('GET', '/api/access-requests'));
    expect(list.items.map((item: { id: string }) => item.id)).toContain(requestId);
    expect(
      ok(await kfOfficer('GET', '/api/access-requests')).items.map((item: { id: string }) => item.id),
    ).not.toContain(requestId);
    expect((await kfOfficer('GET', `/api/access-requests/${requestId}`)).status).toBe(404);
    expect((await municipalityOfficer('GET', `/api/access-requests/${requestId}/export`)).status).toBe(404);
  });

  it('answers a bad CPR number 400 in Danish, naming the field, and registers nothing', async () => {
    const before = (await sut.db.query(`SELECT count(*)::int AS n FROM access_requests`))[0].n;
    for (const [cpr, message] of [
      ['12345', 'CPR-nummeret skal have formen DDMMÅÅ-XXXX.'],
      ['320190-1234', 'CPR-nummeret indeholder ikke en gyldig fødselsdato.'],
      [undefined, 'CPR-nummeret skal udfyldes.'],
    ]) {
      const answer = await kfOfficer('POST', '/api/access-requests', { cpr, channel: 'email' });
      expect([answer.status, answer.body.code, answer.body.details]).toEqual([
        400,
        'VALIDATION_FAILED',
        [{ field: 'cpr', problems: [message] }],
      ]);
    }
    const badChannel = await kfOfficer('POST', '/api/access-requests', { cpr: await fakeCpr(), channel: 'fax' });
    expect([badChannel.status, badChannel.body.details]).toEqual([
      400,
      [{ field: 'channel', problems: ['Kanalen skal være Brev, E-mail, Digital Post eller Personligt fremmøde.'] }],
    ]);
    const future = await kfOfficer('POST', '/api/access-requests', {
      cpr: await fakeCpr(),
      channel: 'email',
      receivedAt: new Date(Date.now() + DAY_MS).toISOString(),
    });
    expect([future.status, future.body.message]).toEqual([422, 'Tidspunktet for modtagelsen ligger i fremtiden.']);
    expect((await sut.db.query(`SELECT count(*)::int AS n FROM access_requests`))[0].n).toBe(before);
  });

  it('is refused 403 to every other role, on every route', async () => {
    const request = ok(
      await kfOfficer('POST', '/api/access-requests', { cpr: await fakeCpr(), channel: 'email' }),
      201,
    );
    for (const client of [kf, kfSupervisor, police]) {
      expect((await client('POST', '/api/access-requests', { cpr: await fakeCpr(), channel: 'email' })).status).toBe(
        403,
      );
      expect((await client('GET', '/api/access-requests')).status).toBe(403);
      expect((await client('GET', `/api/access-requests/${request.id}`)).status).toBe(403);
      expect((await client('GET', `/api/access-requests/${request.id}/export?format=pdf`)).status).toBe(403);
      expect(
        (await client('POST', `/api/access-requests/${request.id}/access-request-decision`, { outcome: 'answered' }))
          .status,
      ).toBe(403);
    }
  });

  it('records the answer once: a withholding needs its ground and reason, a second answer is 409', async () => {
    const request = ok(
      await kfOfficer('POST', '/api/access-requests', { cpr: await fakeCpr(), channel: 'in_person' }),
      201,
    );
    const noGround = await kfOfficer('POST', `/api/access-requests/${request.id}/access-request-decision`, {
      outcome: 'withheld',
    });
    expect([noGround.status, noGround.body.details]).toEqual([
      400,
      [
        { field: 'withholdingGround', problems: ['Den retlige grund skal udfyldes, når oplysninger undtages.'] },
        { field: 'reason', problems: ['Begrundelsen skal udfyldes, når oplysninger undtages.'] },
      ],
    ]);
    const groundOnFull = await kfOfficer('POST', `/api/access-requests/${request.id}/access-request-decision`, {
      outcome: 'answered',
      withholdingGround: 'third_parties',
    });
    expect([groundOnFull.status, groundOnFull.body.message]).toEqual([
      422,
      'Ved fuld indsigt angives ingen grund til at undtage oplysninger.',
    ]);
    const extended = ok(
      await kfOfficer('POST', `/api/access-requests/${request.id}/access-request-extension`, {
        months: 2,
        reason: 'Mange sager hos flere institutioner.',
      }),
    );
    expect(extended.extensionMonths).toBe(2);
    expect(extended.dueAt).toBe(
      computeDueAt({ unit: 'calendar-months', months: 3 }, new Date(request.receivedAt)).toISOString(),
    );
    expect(extended.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
      'access-request-decision',
    ]);
    const decided = ok(
      await kfOfficer('POST', `/api/access-requests/${request.id}/access-request-decision`, {
        outcome: 'partly_withheld',
        withholdingGround: 'third_parties',
        reason: 'Oplysninger om medindsatte er undtaget.',
      }),
    );
    expect(decided).toMatchObject({
      status: 'partly_withheld',
      statusText: 'besvaret med delvis indsigt',
      answer: {
        outcome: 'partly_withheld',
        outcomeText: 'Delvis indsigt (oplysninger undtaget)',
        withholdingGround: 'third_parties',
        withholdingGroundText: 'Hensyn til andres rettigheder (oplysninger om andre personer)',
        reason: 'Oplysninger om medindsatte er undtaget.',
      },
      availableDecisions: [],
    });
    const twice = await kfOfficer('POST', `/api/access-requests/${request.id}/access-request-decision`, {
      outcome: 'answered',
    });
    expect([twice.status, twice.body.code, twice.body.message]).toEqual([
      409,
      'CASE_CLOSED',
      'Anmodningen om indsigt er besvaret med delvis indsigt og kan ikke ændres.',
    ]);
    const outside = await policeOfficer('POST', `/api/access-requests/${request.id}/access-request-decision`, {
      outcome: 'answered',
    });
    expect(outside.status).toBe(404);
  });
});

describe('the export', () => {
  it('holds exactly what the test put into the person’s cases in the organisation’s scope, and is logged', async () => {
    const put = await personWithCases();
    // The outbox sends the transfer's notices in its own time: the export is compared once both are sent.
    const unsent = await eventually(
      async () =>
        (
          await sut.db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND sent_at IS NULL`, [
            put.id,
          ])
        )[0].n as number,
      (n) => n === 0,
      // Up to two of the outbox's 15-second rounds, on a loaded machine.
      400,
    );
    expect(unsent).toBe(0);
    const request = ok(await kfOfficer('POST', '/api/access-requests', { cpr: put.cpr, channel: 'digital_post' }), 201);
    const answer = await kfOfficer('GET', `/api/access-requests/${request.id}/export?format=json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const data = answer.body;
    const formatted = `${put.cpr.slice(0, 6)}-${put.cpr.slice(-4)}`;
    expect(data.requestId).toBe(request.id);
    expect(data.scope).toEqual({ organisation: 'kriminalforsorgen', units: [] });
    expect(data.cpr).toBe(formatted);
    expect(data.persons).toEqual([
      {
        personRef: put.personRef,
        name: put.name,
        cpr: formatted,
        birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        // Kriminalforsorgen's registration only: the police's of the same person is not in its scope.
        registrations: [
          { unit: { code: 'KF-STORSTROEM', name: 'Storstrøm Fængsel' }, registeredAt: expect.any(String) },
        ],
      },
    ]);
    // The police's course of the same CPR number is not Kriminalforsorgen's to hand out.
    expect(data.cases.map((item: { id: string }) => item.id)).toEqual([put.id]);
    const [exported] = data.cases;
    expect(exported).toMatchObject({
      id: put.id,
      caseType: 'exit_course',
      caseTypeText: 'Exit-forløb',
      status: 'interrupted_by_kriminalforsorgen',
      unit: { code: 'KF-ENNER-MARK' },
      openedAt: expect.any(String),
      closedAt: expect.any(String),
    });
    expect(exported.events.map((event: { action: string }) => event.action)).toEqual(EXPECTED_ACTIONS);
    expect(exported.endingReasons).toEqual([
      {
        action: 'course_interrupted',
        occurredAt: expect.any(String),
        reasonCode: 'new_crime',
        reason: 'Sigtet for vold den 3. marts.',
      },
    ]);
    expect(exported.notes).toEqual([
      {
        id: put.note.id,
        kind: 'phone',
        occurredAt: put.note.occurredAt,
        recordedAt: put.note.recordedAt,
        text: 'Samtale med mor om bolig i Ærøskøbing; hun støtter forløbet.',
        authorId: ids.kf,
        correctsNoteId: null,
      },
    ]);
    expect(exported.documents).toEqual([
      {
        id: put.document.id,
        documentType: 'exit_agreement',
        fileName: 'exit-aftale-søren.pdf',
        contentType: 'application/pdf',
        sizeBytes: put.documentBytes.length,
        uploadedAt: put.document.uploadedAt,
      },
    ]);
    expect(JSON.stringify(data)).not.toContain(put.documentBytes.toString('base64').slice(0, 40));
    expect(exported.mentorContacts).toEqual([
      { contactAt: expect.any(String), form: 'meeting', durationMinutes: 45, organisation: 'kriminalforsorgen' },
    ]);
    // The transfer's notices to the release plan's units, as the outbox sent them.
    const sent = await sut.db.query(
      `SELECT recipient_unit, created_at, sent_at FROM notifications WHERE case_id = $1 ORDER BY recipient_unit`,
      [put.id],
    );
    expect(exported.notices).toEqual(
      sent.map((row: { recipient_unit: string; created_at: Date; sent_at: Date | null }) => ({
        kind: 'prison_transfer',
        recipientUnit: row.recipient_unit,
        createdAt: row.created_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
      })),
    );
    expect(exported.notices.map((notice: { recipientUnit: string }) => notice.recipientUnit)).toEqual([
      'KOM-0101',
      'POL-KBH',
    ]);
    // Each decision answers with the course's detail, which logs the read of the case and of the person's name.
    const read = (userId: string, role: string) => [
      [userId, role, 'case_read'],
      [userId, role, 'person_name_read'],
    ];
    expect(
      exported.reads.map((entry: { userId: string; role: string; action: string }) => [
        entry.userId,
        entry.role,
        entry.action,
      ]),
    ).toEqual([
      // Started, offered, signed, mentor assigned, mentor contact: five answers to the caseworker.
      ...[1, 2, 3, 4, 5].flatMap(() => read(ids.kf, 'kf_caseworker')),
      ...read(ids.kfSupervisor, 'supervisor'),
      // The release plan and the transfer.
      ...read(ids.kf, 'kf_caseworker'),
      ...read(ids.kf, 'kf_caseworker'),
      // The receiving prison's read, and its interruption.
      ...read(ids.ennerMark, 'kf_caseworker'),
      ...read(ids.ennerMark, 'kf_caseworker'),
    ]);
    expect(exported.reads.map((entry: { userName: string }) => entry.userName)).toContain('Leder, Storstrøm Fængsel');
    // Reads of the person outside any case, by Kriminalforsorgen's users: the registration (not the police's).
    expect(
      data.personReads.map((entry: { userId: string; role: string; action: string }) => [
        entry.userId,
        entry.role,
        entry.action,
      ]),
    ).toEqual([[ids.kf, 'kf_caseworker', 'person_register']]);
    const [logged] = await sut.db.query(
      `SELECT user_id, role, case_id, person_ref, details FROM access_log WHERE action = 'access_export' AND case_id = $1`,
      [request.id],
    );
    expect(logged).toEqual({
      user_id: ids.kfOfficer,
      role: 'data_protection_officer',
      case_id: request.id,
      person_ref: null,
      details: { requestId: request.id, format: 'json' },
    });
    // And against each exported case and person, for "who read this case".
    const alsoLogged: { case_id: string | null; person_ref: string | null }[] = await sut.db.query(
      `SELECT case_id, person_ref FROM access_log WHERE action = 'access_export' AND user_id = $1
          AND case_id IS DISTINCT FROM $2`,
      [ids.kfOfficer, request.id],
    );
    expect(alsoLogged.map((row) => row.case_id ?? `person:${row.person_ref}`).sort()).toEqual(
      [
        ...data.cases.map((exported: { id: string }) => exported.id),
        ...data.persons.map((person: { personRef: string }) => `person:${person.personRef}`),
      ].sort(),
    );

    // The police's officer gets the police's course (and registration), never Kriminalforsorgen's.
    const policeRequest = ok(
      await policeOfficer('POST', '/api/access-requests', { cpr: put.cpr, channel: 'email' }),
      201,
    );
    const policeExport = ok(await policeOfficer('GET', `/api/access-requests/${policeRequest.id}/export`));
    expect(policeExport.cases.map((item: { id: string }) => item.id)).toEqual([put.policeCourseId]);
    expect(JSON.stringify(policeExport)).not.toContain('Ærøskøbing');

    // Københavns Kommune's officer answers for its unit's cases: the course only told the municipality of the
    // transfer (no case of the unit's), so its export has no case and no register row of the person.
    const municipalRequest = ok(
      await municipalityOfficer('POST', '/api/access-requests', { cpr: put.cpr, channel: 'letter' }),
      201,
    );
    const municipalExport = ok(await municipalityOfficer('GET', `/api/access-requests/${municipalRequest.id}/export`));
    expect([
      municipalExport.scope,
      municipalExport.persons,
      municipalExport.cases,
      municipalExport.personReads,
    ]).toEqual([{ organisation: 'kommune', units: ['KOM-0101'] }, [], [], []]);

    // The printable PDF carries the same, in Danish letters.
    const pdf = await kfOfficer('GET', `/api/access-requests/${request.id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    const text = (pdf.bytes ?? Buffer.alloc(0)).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    for (const shown of [
      put.name,
      formatted,
      'Samtale med mor om bolig i Ærøskøbing',
      'exit-aftale-søren.pdf',
      'Storstrøm Fængsel',
    ]) {
      expect(text).toContain(shown);
    }
    const formats = await sut.db.query(
      `SELECT details->>'format' AS format FROM access_log WHERE action = 'access_export' AND case_id = $1 ORDER BY id`,
      [request.id],
    );
    expect(formats).toEqual([{ format: 'json' }, { format: 'pdf' }]);
    const badFormat = await kfOfficer('GET', `/api/access-requests/${request.id}/export?format=docx`);
    expect([badFormat.status, badFormat.body.details]).toEqual([
      400,
      [{ field: 'format', problems: ['Formatet skal være json eller pdf.'] }],
    ]);
  });

  it('is registered once per Idempotency-Key, and its CPR number is nowhere in plain text', async () => {
    const cpr = await fakeCpr();
    ok(
      await kfOfficer(
        'POST',
        '/api/access-requests',
        { cpr, channel: 'email' },
        { 'idempotency-key': 'request-once-1' },
      ),
      201,
    );
    const again = await kfOfficer(
      'POST',
      '/api/access-requests',
      { cpr, channel: 'email' },
      { 'idempotency-key': 'request-once-1' },
    );
    expect(again.status).toBe(200);
    const requestId: string = again.body.id;
    const [{ claimed }] = await sut.db.query(
      `SELECT count(*)::int AS claimed FROM access_requests WHERE case_id = $1`,
      [requestId],
    );
    expect(claimed).toBe(1);
    // Neither the number nor its dashed form in the request's rows, its case, its events, the access log or the key.
    const digits = cpr.replace('-', '');
    const [found] = await sut.db.query(
      `SELECT
         (SELECT count(*) FROM access_requests r WHERE row_to_json(r)::text LIKE ANY($1)) AS requests,
         (SELECT count(*) FROM cases c WHERE row_to_json(c)::text LIKE ANY($1)) AS cases,
         (SELECT count(*) FROM case_events e WHERE row_to_json(e)::text LIKE ANY($1)) AS events,
         (SELECT count(*) FROM access_log l WHERE row_to_json(l)::text LIKE ANY($1)) AS log,
         (SELECT count(*) FROM idempotency_keys k WHERE row_to_json(k)::text LIKE ANY($1)) AS keys`,
      [[`%${digits}%`, `%${cpr}%`]],
    );
    expect(found).toEqual({ requests: '0', cases: '0', events: '0', log: '0', keys: '0' });
  });
});

/** The course's audit trail as the export lists it, in order (step events beside each decision). */
const EXPECTED_ACTIONS: string[] = [
  'case_started',
  'step_opened',
  'suitability_offer',
  'step_completed',
  'step_opened',
  'agreement_signed',
  'step_completed',
  'step_opened',
  'mentor_assigned',
  'step_completed',
  'step_opened',
  'mentor_contact_logged',
  'step_completed',
  'step_opened',
  'release_plan_set',
  'prison_transfer',
  'course_interrupted',
  'step_cancelled',
];
