import { WorkflowNotFoundError } from '@temporalio/client';
import { createHash, randomUUID } from 'node:crypto';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import { formatDanishDateTime } from '../../libs/domain/time/copenhagen-calendar';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/** A moment as the API's refusals show it: Danish local time. */
const danishTime = (iso: string) => formatDanishDateTime(new Date(iso));

let sut: SystemUnderTest;
/** A Kriminalforsorgen caseworker at Storstrøm Fængsel. */
let api: UserClient;
/** Persons registered up front; each start takes the next one. */
const persons: string[] = [];

beforeAll(async () => {
  sut = await startSystem();
  api = await sut.as('kf.storstroem');
  for (let i = 0; i < 50; i++) {
    const registered = await api('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    persons.push(registered.body.personRef);
  }
});

afterAll(() => sut?.stop());

function validStart(overrides: Record<string, unknown> = {}) {
  const personRef = persons.shift();
  if (!personRef) throw new Error('Register more persons in beforeAll');
  return {
    personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-08-31',
    paroleLinked: false,
    ...overrides,
  };
}

/** Cases of one person: other suites share the database, so counts are per person. */
async function caseCount(personRef: unknown): Promise<number> {
  const [{ count }] = await sut.db.query(`SELECT count(*)::int AS count FROM cases WHERE person_ref = $1`, [personRef]);
  return count;
}

describe('exit courses over HTTP (API + worker + Temporal dev server + PostgreSQL)', () => {
  it('starts a course, records an offer, interrupts it, and reads every step back', async () => {
    const referredAt = new Date(Date.now() - 2 * DAY_MS);
    const started = await api(
      'POST',
      '/api/exit-courses',
      validStart({ referredAt: referredAt.toISOString(), paroleLinked: true }),
    );
    expect(started.status).toBe(201);
    const caseId: string = started.body.id;
    expect(started.headers.get('location')).toBe(`/api/exit-courses/${caseId}`);
    expect(started.body).toMatchObject({
      status: 'awaiting_suitability_assessment',
      statusText: 'afventer egnethedsvurdering',
      institution: { code: 'KF-STORSTROEM', name: 'Storstrøm Fængsel' },
      paroleLinked: true,
      referredAt: referredAt.toISOString(),
      closedAt: null,
    });
    const assessmentDue = computeDueAt({ unit: 'calendar-days', days: 30 }, referredAt).toISOString();
    expect(started.body.openSteps).toEqual([
      expect.objectContaining({
        kind: 'suitability_assessment',
        label: 'Egnethedsvurdering',
        dueAt: assessmentDue,
        overdue: false,
        escalatedAt: null,
      }),
    ]);
    expect(started.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'case_started',
      'step_opened',
    ]);

    // Parole-linked: the offer needs the joint assessment of Kriminalforsorgen, police and municipality.
    const early = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    for (const party of ['kriminalforsorgen', 'police', 'municipality']) {
      const recorded = await api('POST', `/api/exit-courses/${caseId}/assessment-inputs`, {
        party,
        summary: `Udtalelse fra ${party}.`,
        recordedAt: new Date(Date.now() - 1.5 * DAY_MS).toISOString(),
      });
      expect(recorded.status).toBe(200);
    }
    const inputs = await api('GET', `/api/exit-courses/${caseId}`);
    expect(inputs.body.jointAssessment).toEqual({
      required: true,
      received: ['kriminalforsorgen', 'police', 'municipality'],
    });
    const decidedAt = new Date(Date.now() - DAY_MS).toISOString();
    const offered = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'offer',
      decidedAt,
    });
    expect(offered.status).toBe(200);
    expect(offered.body.status).toBe('awaiting_agreement_signature');
    expect(offered.body.openSteps).toEqual([
      expect.objectContaining({
        kind: 'agreement_signing',
        dueAt: computeDueAt({ unit: 'calendar-days', days: 14 }, new Date(decidedAt)).toISOString(),
        overdue: false,
      }),
    ]);
    expect(offered.body.steps[0]).toMatchObject({
      kind: 'suitability_assessment',
      status: 'completed',
      completedAt: decidedAt,
      latenessSeconds: 0,
      outcome: 'offer',
    });

    const interrupted = await api('POST', `/api/exit-courses/${caseId}/interruption`, {
      by: 'inmate',
      reason: 'Ønsker ikke at fortsætte.',
    });
    expect(interrupted.status).toBe(200);
    expect(interrupted.body).toMatchObject({
      status: 'interrupted_by_inmate',
      statusText: 'afbrudt af den indsatte',
      openSteps: [],
    });
    expect(interrupted.body.closedAt).not.toBeNull();

    const read = await api('GET', `/api/exit-courses/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('interrupted_by_inmate');
    expect(read.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'case_started',
      'step_opened',
      'assessment_input_recorded',
      'assessment_input_recorded',
      'assessment_input_recorded',
      'suitability_offer',
      'step_completed',
      'step_opened',
      'course_interrupted',
      'step_cancelled',
    ]);
    const interruption = read.body.history.find((entry: { action: string }) => entry.action === 'course_interrupted');
    const [caseworker] = await sut.db.query(`SELECT id FROM users WHERE username = 'kf.storstroem'`);
    expect(interruption).toMatchObject({
      actorId: caseworker.id,
      reason: 'Ønsker ikke at fortsætte.',
      details: { by: 'inmate' },
    });

    const again = await api('POST', `/api/exit-courses/${caseId}/interruption`, {
      by: 'kriminalforsorgen',
      reason: 'Igen',
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      code: 'CASE_CLOSED',
      message: 'Forløbet er afbrudt af den indsatte og kan ikke ændres.',
      details: null,
    });

    const history = await api('GET', `/api/exit-courses/${caseId}/history?page=2&pageSize=3`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ page: 2, pageSize: 3, total: 10 });
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'assessment_input_recorded',
      'assessment_input_recorded',
      'suitability_offer',
    ]);
  });

  it('ends a course on a rejection and answers 409 with the reason to a second assessment', async () => {
    const started = await api('POST', '/api/exit-courses', validStart());
    const caseId = started.body.id;
    const rejected = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'rejection',
      reason: 'Ikke motiveret.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', openSteps: [] });

    const second = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      code: 'CASE_CLOSED',
      message: 'Forløbet er afsluttet med afslag og kan ikke ændres.',
      details: null,
    });
  });

  it('answers 409 with the validator’s reason for an illegal transition on a running course', async () => {
    const started = await api('POST', '/api/exit-courses', validStart());
    const caseId = started.body.id;
    expect((await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' })).status).toBe(
      200,
    );

    const illegal = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'rejection',
      reason: 'For sent',
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'Egnethedsvurderingen kan ikke registreres: forløbet afventer underskrift af exit-aftale.',
      details: null,
    });
    const read = await api('GET', `/api/exit-courses/${caseId}`);
    expect(read.body.status).toBe('awaiting_agreement_signature');
    expect(read.body.historyTotal).toBe(5);
  });

  it('answers 422 for facts the workflow refuses (an assessment before the referral) and changes nothing', async () => {
    const referredAt = new Date(Date.now() - DAY_MS);
    const started = await api('POST', '/api/exit-courses', validStart({ referredAt: referredAt.toISOString() }));
    const answer = await api('POST', `/api/exit-courses/${started.body.id}/suitability-assessment`, {
      outcome: 'offer',
      decidedAt: new Date(referredAt.getTime() - DAY_MS).toISOString(),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      code: 'INVALID_DOMAIN_DATA',
      message: `Vurderingstidspunktet ligger før forløbet blev henvist (${formatDanishDateTime(referredAt)}).`,
      details: null,
    });
    expect((await api('GET', `/api/exit-courses/${started.body.id}`)).body.historyTotal).toBe(2);
  });

  it('marks a course registered after its deadline overdue at once', async () => {
    const started = await api(
      'POST',
      '/api/exit-courses',
      validStart({ referredAt: new Date(Date.now() - 40 * DAY_MS).toISOString() }),
    );
    expect(started.status).toBe(201);
    expect(started.body.openSteps).toEqual([
      expect.objectContaining({ kind: 'suitability_assessment', overdue: true }),
    ]);
    expect(started.body.openSteps[0].escalatedAt).not.toBeNull();
    expect(started.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'case_started',
      'step_opened',
      'step_overdue',
    ]);
    const listed = await api('GET', `/api/exit-courses?status=awaiting_suitability_assessment&pageSize=100`);
    expect(listed.body.items.find((item: { id: string }) => item.id === started.body.id)).toMatchObject({
      overdueSteps: 1,
    });
  });

  describe('malformed or invalid start requests create nothing', () => {
    /** Bodies are made when the test runs, after beforeAll has registered the persons. */
    type Case = [string, () => Record<string, unknown> | string, number, string, unknown?];
    const cases: Case[] = [
      [
        'a missing field',
        () => ({ institutionCode: 'KF-STORSTROEM', expectedReleaseDate: '2027-08-31', paroleLinked: false }),
        400,
        'VALIDATION_FAILED',
        [{ field: 'personRef', problems: ['Personreferencen skal udfyldes.'] }],
      ],
      [
        'a person reference with spaces',
        () => validStart({ personRef: 'Hans Hansen' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'personRef',
            problems: ['Personreferencen skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.'],
          },
        ],
      ],
      [
        'an unknown field',
        () => ({ ...validStart(), name: 'Navn Navnesen' }),
        400,
        'VALIDATION_FAILED',
        [{ field: 'name', problems: ["Feltet 'name' er ukendt og må ikke sendes."] }],
      ],
      [
        'a wrong type',
        () => validStart({ paroleLinked: 'ja' }),
        400,
        'VALIDATION_FAILED',
        [{ field: 'paroleLinked', problems: ['Feltet »Knyttet til prøveløsladelse« skal være ja eller nej.'] }],
      ],
      [
        'a malformed date',
        () => validStart({ expectedReleaseDate: '31-08-2027' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'expectedReleaseDate',
            problems: ['Den forventede løsladelsesdato skal være en gyldig dato (ÅÅÅÅ-MM-DD).'],
          },
        ],
      ],
      [
        'a malformed moment',
        () => validStart({ referredAt: 'i går' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'referredAt',
            problems: ['Tidspunktet for henvisningen skal være et gyldigt tidspunkt med dato, klokkeslæt og tidszone.'],
          },
        ],
      ],
      [
        'an ISO week date (no exact instant)',
        () => validStart({ referredAt: '2026-W47-2' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'referredAt',
            problems: ['Tidspunktet for henvisningen skal være et gyldigt tidspunkt med dato, klokkeslæt og tidszone.'],
          },
        ],
      ],
      [
        'a local time without offset',
        () => validStart({ referredAt: '2026-11-20T09:00:00' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'referredAt',
            problems: ['Tidspunktet for henvisningen skal være et gyldigt tidspunkt med dato, klokkeslæt og tidszone.'],
          },
        ],
      ],
      ['malformed JSON', () => '{"personRef": ', 400, 'MALFORMED_JSON', null],
      [
        'a date that does not exist',
        () => validStart({ expectedReleaseDate: '2027-02-30' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'expectedReleaseDate',
            problems: ['Den forventede løsladelsesdato skal være en gyldig dato (ÅÅÅÅ-MM-DD).'],
          },
        ],
      ],
      [
        'a moment that does not exist',
        () => validStart({ referredAt: '2026-02-30T09:00:00+01:00' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'referredAt',
            problems: ['Tidspunktet for henvisningen skal være et gyldigt tidspunkt med dato, klokkeslæt og tidszone.'],
          },
        ],
      ],
      // Once accepted, such a referral overflowed the next decision's lateness and stopped the case for good.
      ...['1950-01-01T00:00:00+01:00', '1901-06-01T12:00:00Z', '0001-01-01T00:00:00+01:00'].map(
        (referredAt) =>
          [
            `a referral in ${referredAt.slice(0, 4)} (before the moment range)`,
            () => validStart({ referredAt }),
            400,
            'VALIDATION_FAILED',
            [
              {
                field: 'referredAt',
                problems: ['Tidspunktet for henvisningen skal ligge mellem 01.01.2000 og 31.12.2099.'],
              },
            ],
          ] satisfies Case,
      ),
      [
        'a release date after 2099',
        () => validStart({ expectedReleaseDate: '2100-01-01' }),
        400,
        'VALIDATION_FAILED',
        [
          {
            field: 'expectedReleaseDate',
            problems: ['Den forventede løsladelsesdato skal ligge mellem 01.01.2000 og 31.12.2099.'],
          },
        ],
      ],
      ['an unknown institution', () => validStart({ institutionCode: 'KF-UKENDT' }), 422, 'INVALID_DOMAIN_DATA', null],
      [
        'a CPR number as person reference',
        () => validStart({ personRef: '010190-1234' }),
        422,
        'INVALID_DOMAIN_DATA',
        null,
      ],
      [
        'a referral in the future',
        () => validStart({ referredAt: new Date(Date.now() + 2 * DAY_MS).toISOString() }),
        422,
        'INVALID_DOMAIN_DATA',
        null,
      ],
      [
        'a person who is not registered',
        () => validStart({ personRef: randomUUID() }),
        422,
        'INVALID_DOMAIN_DATA',
        null,
      ],
    ];

    it.each(cases)('%s', async (_name, makeBody, status, code, details) => {
      const body = makeBody();
      const personRef = typeof body === 'string' ? undefined : body.personRef;
      const before = await caseCount(personRef);
      const answer = await api('POST', '/api/exit-courses', body, { 'idempotency-key': `bad-${randomUUID()}` });
      expect(answer.status).toBe(status);
      expect(answer.body.code).toBe(code);
      expect(typeof answer.body.message).toBe('string');
      if (details !== undefined) expect(answer.body.details).toEqual(details);
      expect(await caseCount(personRef)).toBe(before);
    });

    it('an oversized body', async () => {
      const body = validStart({ referredAt: undefined, padding: 'x'.repeat(200_000) });
      const answer = await api('POST', '/api/exit-courses', body);
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Forespørgslen er for stor.', details: null });
      expect(await caseCount(body.personRef)).toBe(0);
    });

    it('a malformed Idempotency-Key', async () => {
      const body = validStart();
      const answer = await api('POST', '/api/exit-courses', body, { 'idempotency-key': 'kort' });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([
        { field: 'Idempotency-Key', problems: ['Idempotency-Key skal være 8-200 tegn: bogstaver, tal og . _ : -'] },
      ]);
      expect(await caseCount(body.personRef)).toBe(0);
    });
  });

  it('refuses an interruption dated before the offer it follows (422) and changes nothing', async () => {
    const referredAt = new Date(Date.now() - 5 * DAY_MS);
    const started = await api('POST', '/api/exit-courses', validStart({ referredAt: referredAt.toISOString() }));
    const offeredAt = new Date(Date.now() - 2 * DAY_MS).toISOString();
    await api('POST', `/api/exit-courses/${started.body.id}/suitability-assessment`, {
      outcome: 'offer',
      decidedAt: offeredAt,
    });
    const answer = await api('POST', `/api/exit-courses/${started.body.id}/interruption`, {
      by: 'inmate',
      reason: 'Stop',
      interruptedAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
    });
    expect([answer.status, answer.body]).toEqual([
      422,
      {
        code: 'INVALID_DOMAIN_DATA',
        message: `Afbrydelsestidspunktet ligger før forløbets seneste registrering (${danishTime(offeredAt)}).`,
        details: null,
      },
    ]);
    const read = await api('GET', `/api/exit-courses/${started.body.id}`);
    expect(read.body).toMatchObject({ status: 'awaiting_agreement_signature', historyTotal: 5 });
  });

  it.each([
    ['suitability-assessment', '{"outcome": "offer",'],
    ['interruption', '{"by": '],
  ])('answers malformed JSON and unknown fields on %s with 400 and changes nothing', async (decision, malformed) => {
    const started = await api('POST', '/api/exit-courses', validStart());
    const broken = await api('POST', `/api/exit-courses/${started.body.id}/${decision}`, malformed);
    expect([broken.status, broken.body.code]).toEqual([400, 'MALFORMED_JSON']);
    const unknown = await api('POST', `/api/exit-courses/${started.body.id}/${decision}`, {
      outcome: 'offer',
      by: 'inmate',
      reason: 'x',
      cpr: '010190-1234',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toContainEqual({
      field: 'cpr',
      problems: ["Feltet 'cpr' er ukendt og må ikke sendes."],
    });
    expect((await api('GET', `/api/exit-courses/${started.body.id}`)).body).toMatchObject({
      status: 'awaiting_suitability_assessment',
      historyTotal: 2,
    });
  });

  it('refuses bad paging of the history with 400', async () => {
    const started = await api('POST', '/api/exit-courses', validStart());
    for (const query of ['page=0', 'pageSize=101', 'page=1e20', 'page=100001']) {
      const answer = await api('GET', `/api/exit-courses/${started.body.id}/history?${query}`);
      expect([query, answer.status, answer.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });

  it('starts one case when the same Idempotency-Key arrives twice at once', async () => {
    const key = `e2e-concurrent-${randomUUID()}`;
    const body = validStart();
    const answers = await Promise.all(
      [1, 2, 3].map(() => api('POST', '/api/exit-courses', body, { 'idempotency-key': key })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await caseCount(body.personRef)).toBe(1);
  });

  it('moves a course to the receiving prison: it decides there, the sending prison keeps read-only history', async () => {
    const { body: started } = await api(
      'POST',
      '/api/exit-courses',
      validStart({ referredAt: new Date(Date.now() - 3 * DAY_MS).toISOString() }),
    );
    const planned = await api('POST', `/api/exit-courses/${started.id}/release-plan`, {
      municipalityCode: 'KOM-0101',
      policeDistrictCode: 'POL-KBH',
    });
    expect(planned.body.releasePlan).toEqual({
      municipality: { code: 'KOM-0101', name: 'Københavns Kommune' },
      policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' },
    });
    const moved = await api('POST', `/api/exit-courses/${started.id}/transfer`, { toInstitutionCode: 'KF-ENNER-MARK' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      institution: { code: 'KF-ENNER-MARK', name: 'Enner Mark Fængsel' },
      status: 'awaiting_suitability_assessment',
    });

    const refused = await api('POST', `/api/exit-courses/${started.id}/suitability-assessment`, { outcome: 'offer' });
    expect([refused.status, refused.body.message]).toEqual([403, 'Din enhed har kun læseadgang til denne sag.']);
    const ennermark = await sut.as('kf.ennermark');
    const offered = await ennermark('POST', `/api/exit-courses/${started.id}/suitability-assessment`, {
      outcome: 'offer',
    });
    expect([offered.status, offered.body.status]).toEqual([200, 'awaiting_agreement_signature']);
    expect((await api('GET', `/api/exit-courses/${started.id}`)).body.status).toBe('awaiting_agreement_signature');
    const notices = await sut.db.query(
      `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 ORDER BY recipient_unit`,
      [started.id],
    );
    expect(notices).toEqual([
      { recipient_unit: 'KOM-0101', kind: 'prison_transfer' },
      { recipient_unit: 'POL-KBH', kind: 'prison_transfer' },
    ]);
    const unknown = await ennermark('POST', `/api/exit-courses/${started.id}/transfer`, {
      toInstitutionCode: 'KF-UKENDT',
    });
    expect([unknown.status, unknown.body.message]).toEqual([422, "Institutionen 'KF-UKENDT' kendes ikke."]);
  });

  it('prepares the release: a date inside the notice period notifies at once, the checklist shows what is missing', async () => {
    const { body: started } = await api(
      'POST',
      '/api/exit-courses',
      validStart({ expectedReleaseDate: danishDateInDays(200) }),
    );
    expect(started.releaseNoticeSentAt).toBeNull();
    await api('POST', `/api/exit-courses/${started.id}/release-plan`, {
      municipalityCode: 'KOM-0461',
      policeDistrictCode: 'POL-FYN',
    });
    const past = await api('POST', `/api/exit-courses/${started.id}/expected-release-date`, {
      expectedReleaseDate: '2020-01-01',
      reason: 'Fejl',
    });
    expect([past.status, past.body.message]).toEqual([422, 'Den forventede løsladelsesdato ligger i fortiden.']);
    const noReason = await api('POST', `/api/exit-courses/${started.id}/expected-release-date`, {
      expectedReleaseDate: danishDateInDays(20),
    });
    expect(noReason.body.details).toEqual([
      { field: 'reason', problems: ['En ændret løsladelsesdato skal have en begrundelse.'] },
    ]);

    const moved = await api('POST', `/api/exit-courses/${started.id}/expected-release-date`, {
      expectedReleaseDate: danishDateInDays(20),
      reason: 'Prøveløsladelse',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.expectedReleaseDate).toBe(danishDateInDays(20));
    expect(moved.body.releaseNoticeSentAt).not.toBeNull();
    expect(moved.body.openSteps.map((step: { kind: string; label: string }) => [step.kind, step.label])).toEqual([
      ['suitability_assessment', 'Egnethedsvurdering'],
      ['release_preparation', 'Klar til løsladelse'],
      ['handover_report', 'Overdragelsesrapport til politiets exitenhed og kommunen'],
    ]);
    expect(moved.body.readiness.missing).toEqual([
      'bolig',
      'forsørgelse',
      'job- eller uddannelsesplan',
      'mentorkontinuitet',
    ]);
    const housing = await api('POST', `/api/exit-courses/${started.id}/readiness`, {
      item: 'housing',
      ready: true,
      note: 'Lejlighed anvist',
    });
    expect(housing.body.readiness).toEqual({
      items: { housing: true, income: false, job_or_education_plan: false, mentor_continuity: false },
      missing: ['forsørgelse', 'job- eller uddannelsesplan', 'mentorkontinuitet'],
    });
    const notices = await sut.db.query(
      `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 ORDER BY recipient_unit`,
      [started.id],
    );
    expect(notices).toEqual([
      { recipient_unit: 'KOM-0461', kind: 'release_notice' },
      { recipient_unit: 'POL-FYN', kind: 'release_notice' },
    ]);
  });

  it('allows one open course per person: a second answers 409 until the first has ended', async () => {
    const body = validStart();
    const first = await api('POST', '/api/exit-courses', body);
    expect(first.status).toBe(201);
    const second = await api('POST', '/api/exit-courses', body);
    expect([second.status, second.body]).toEqual([
      409,
      {
        code: 'COURSE_ALREADY_OPEN',
        message: 'Personen har allerede et åbent exit-forløb. Et nyt kan startes, når det er afsluttet.',
        details: null,
      },
    ]);
    expect(await caseCount(body.personRef)).toBe(1);
    await api('POST', `/api/exit-courses/${first.body.id}/interruption`, { by: 'inmate', reason: 'Stop' });
    const again = await api('POST', '/api/exit-courses', body);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('answers a replayed key from the read model, so a course whose run Temporal no longer keeps is not revived', async () => {
    // What remains after the namespace's retention has removed a closed run: the read model and the key.
    const body = validStart();
    const key = `e2e-retention-${randomUUID()}`;
    const caseId = randomUUID();
    const [caseworker] = await sut.db.query(`SELECT id FROM users WHERE username = 'kf.storstroem'`);
    const requestHash = createHash('sha256')
      .update(JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)))))
      .digest('hex');
    await sut.db.query(`INSERT INTO idempotency_keys (key, request_hash, case_id) VALUES ($1, $2, $3)`, [
      `exit-course-start:${createHash('sha256').update(caseworker.id).digest('hex')}:${key}`,
      requestHash,
      caseId,
    ]);
    await new ReadModelRecorder(sut.db).recordTransition({
      caseId,
      seq: 1,
      opened: {
        caseType: 'exit_course',
        workflowId: `exit-course-${caseId}`,
        personRef: body.personRef,
        orgUnit: 'KF-STORSTROEM',
        status: 'interrupted_by_inmate',
        openedAt: new Date(Date.now() - 100 * DAY_MS).toISOString(),
        exitCourse: { expectedReleaseDate: body.expectedReleaseDate, paroleLinked: false },
      },
      events: [],
    });

    const replay = await api('POST', '/api/exit-courses', body, { 'idempotency-key': key });

    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: caseId, status: 'interrupted_by_inmate' });
    await expect(sut.temporal.workflow.getHandle(`exit-course-${caseId}`).describe()).rejects.toThrow(
      WorkflowNotFoundError,
    );
  });

  it('runs the agreement: signed, mentor, contacts with minutes, psychologist course, all read back', async () => {
    const base = Date.now();
    const referredAt = new Date(base - 20 * DAY_MS);
    const moment = (daysAgo: number) => new Date(base - daysAgo * DAY_MS).toISOString();
    const { body: started } = await api(
      'POST',
      '/api/exit-courses',
      validStart({ referredAt: referredAt.toISOString() }),
    );
    const id = started.id;
    await api('POST', `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer', decidedAt: moment(18) });
    const signed = await api('POST', `/api/exit-courses/${id}/agreement-signed`, { signedAt: moment(15) });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'agreement_active', statusText: 'exit-aftale indgået' });
    expect(signed.body.openSteps.map((step: { kind: string; label: string }) => [step.kind, step.label])).toEqual([
      ['mentor_assignment', 'Tildeling af mentor'],
    ]);

    await api('POST', `/api/exit-courses/${id}/mentor`, { mentorRef: 'MENTOR-0042', assignedAt: moment(14) });
    await api('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: moment(10),
      form: 'meeting',
      durationMinutes: 75,
    });
    const contact = await api('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: moment(3),
      form: 'phone',
      durationMinutes: 20,
    });
    expect(contact.body.mentor).toEqual({
      mentorRef: 'MENTOR-0042',
      contactCount: 2,
      contactMinutes: 95,
      lastContactAt: moment(3),
    });
    expect(contact.body.openSteps.map((step: { kind: string }) => step.kind)).toEqual(['mentor_contact']);
    const psychologist = await api('POST', `/api/exit-courses/${id}/psychologist-course`, {
      event: 'started',
      at: moment(2),
    });
    expect(psychologist.body.psychologistCourse).toBe('ongoing');

    const contacts = await api('GET', `/api/exit-courses/${id}/mentor-contacts?pageSize=1`);
    expect(contacts.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(contacts.body.items).toEqual([
      {
        id: expect.any(String),
        contactAt: moment(3),
        form: 'phone',
        durationMinutes: 20,
        mentorRef: 'MENTOR-0042',
        organisation: 'kriminalforsorgen',
      },
    ]);

    const badContact = await api('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: moment(1),
      form: 'letter',
      durationMinutes: 0.5,
    });
    expect(badContact.status).toBe(400);
    expect(badContact.body.details).toEqual([
      { field: 'form', problems: ['Kontaktens form skal være møde eller telefon.'] },
      { field: 'durationMinutes', problems: ['Varigheden skal være et helt antal minutter.'] },
    ]);
    const tooLong = await api('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: moment(1),
      form: 'meeting',
      durationMinutes: 900,
    });
    expect([tooLong.status, tooLong.body.message]).toEqual([
      422,
      'Varigheden skal være et helt antal minutter fra 1 til 600.',
    ]);
    const beforeMentor = await api('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: moment(16),
      form: 'meeting',
      durationMinutes: 30,
    });
    expect([beforeMentor.status, beforeMentor.body.message]).toEqual([
      422,
      `Kontakttidspunktet ligger før mentorens tildeling (${danishTime(moment(14))}).`,
    ]);
  });

  it('validates decision bodies with 400 and changes nothing', async () => {
    const started = await api('POST', '/api/exit-courses', validStart());
    const caseId = started.body.id;
    const noReason = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'rejection' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', problems: ['Et afslag skal have en begrundelse.'] }]);
    const reasonOnOffer = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'offer',
      reason: 'Fordi',
    });
    expect(reasonOnOffer.status).toBe(400);
    expect(reasonOnOffer.body.details).toEqual([
      { field: 'reason', problems: ['Et tilbud har ingen begrundelse: lad begrundelsen være tom.'] },
    ]);
    const badOutcome = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'maybe' });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.details).toEqual([
      { field: 'outcome', problems: ['Resultatet skal være tilbud om exit-aftale eller afslag.'] },
    ]);
    const tooLong = await api('POST', `/api/exit-courses/${caseId}/interruption`, {
      by: 'inmate',
      reason: 'x'.repeat(2001),
    });
    expect(tooLong.body.details).toEqual([{ field: 'reason', problems: ['Begrundelsen må højst være 2000 tegn.'] }]);
    const badInterruption = await api('POST', `/api/exit-courses/${caseId}/interruption`, {
      by: 'police',
      reason: 'x',
    });
    expect(badInterruption.status).toBe(400);
    expect(badInterruption.body.details).toEqual([
      { field: 'by', problems: ['Hvem der afbryder skal være den indsatte eller Kriminalforsorgen.'] },
    ]);
    const read = await api('GET', `/api/exit-courses/${caseId}`);
    expect(read.body).toMatchObject({ status: 'awaiting_suitability_assessment', historyTotal: 2 });
  });

  it.each([
    ['GET', (id: string) => `/api/exit-courses/${id}`, undefined],
    ['GET', (id: string) => `/api/exit-courses/${id}/history`, undefined],
    ['POST', (id: string) => `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer' }],
    ['POST', (id: string) => `/api/exit-courses/${id}/interruption`, { by: 'inmate', reason: 'x' }],
  ] as const)('%s %s answers 404 for an unknown case', async (method, url, body) => {
    for (const id of [randomUUID(), 'ikke-et-id']) {
      const answer = await api(method, url(id), body);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ code: 'CASE_NOT_FOUND', message: 'Sagen findes ikke.', details: { caseId: id } });
    }
  });

  it('starts one case for the same Idempotency-Key twice, and refuses the key with another body', async () => {
    const key = `e2e-${randomUUID()}`;
    const body = validStart();
    const before = await caseCount(body.personRef);
    const first = await api('POST', '/api/exit-courses', body, { 'idempotency-key': key });
    const second = await api('POST', '/api/exit-courses', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(await caseCount(body.personRef)).toBe(before + 1);

    const other = await api('POST', '/api/exit-courses', { ...body, paroleLinked: true }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'Idempotency-Key er allerede brugt til en anden forespørgsel.',
      details: null,
    });

    // A replay after the course has ended still answers with the same case.
    await api('POST', `/api/exit-courses/${first.body.id}/interruption`, { by: 'inmate', reason: 'Stop' });
    const afterEnd = await api('POST', '/api/exit-courses', body, { 'idempotency-key': key });
    expect(afterEnd.status).toBe(200);
    expect(afterEnd.body).toMatchObject({ id: first.body.id, status: 'interrupted_by_inmate' });
    expect(await caseCount(body.personRef)).toBe(before + 1);
  });

  it('lists courses newest first, paginated and filtered, and refuses bad paging', async () => {
    // Three agreements of one person over time, each interrupted before the next.
    const { personRef } = validStart();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = await api('POST', '/api/exit-courses', { ...validStart(), personRef });
      ids.push(started.body.id);
      await api('POST', `/api/exit-courses/${started.body.id}/interruption`, { by: 'inmate', reason: 'Stop' });
    }

    const first = await api('GET', `/api/exit-courses?personRef=${personRef}&institutionCode=KF-STORSTROEM&pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    const second = await api('GET', `/api/exit-courses?personRef=${personRef}&pageSize=2&page=2`);
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);

    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    for (const query of ['pageSize=0', 'pageSize=101', 'page=0', 'page=abc', 'status=finished', 'sort=name']) {
      const answer = await api('GET', `/api/exit-courses?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is visible in Temporal under an opaque workflow id', async () => {
    const body = validStart();
    const started = await api('POST', '/api/exit-courses', body);
    const workflowId = `exit-course-${started.body.id}`;
    const description = await sut.temporal.workflow.getHandle(workflowId).describe();
    expect(description.type).toBe('exitCourseWorkflow');
    expect(description.status.name).toBe('RUNNING');
    expect(workflowId).not.toContain(body.personRef);
  });

  it('reports health of PostgreSQL and Temporal, and serves the OpenAPI document', async () => {
    const health = await api('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } });

    const docs = await api('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    const spec = await api('GET', '/api/docs-json');
    expect(Object.keys(spec.body.paths).sort()).toEqual(
      [
        '/api/absences',
        '/api/absences/{id}/cancellation',
        '/api/admin/attention',
        '/api/admin/attention/{caseId}/redrive',
        '/api/admin/notices',
        '/api/admin/units',
        '/api/admin/units/{code}',
        '/api/admin/users',
        '/api/admin/users/{id}',
        '/api/auth/login',
        '/api/auth/me',
        '/api/cases',
        '/api/cases/assignments',
        '/api/cases/{id}/assignee',
        '/api/cases/{id}/assignment',
        '/api/cases/{id}/documents',
        '/api/cases/{id}/documents/{documentId}',
        '/api/cases/{id}/notes',
        '/api/cases/{id}/take',
        '/api/cases/{caseId}/steps/{stepId}/extend',
        '/api/cases/{caseId}/steps/{stepId}/missed-reason',
        '/api/cases/{caseId}/steps/{stepId}/resume',
        '/api/cases/{caseId}/steps/{stepId}/suspend',
        '/api/codec/credential',
        '/api/codec/decode',
        '/api/dks-cases',
        '/api/dks-cases/{id}',
        '/api/dks-cases/{id}/assessment',
        '/api/dks-cases/{id}/follow-up',
        '/api/dks-cases/{id}/home-visit',
        '/api/dks-cases/{id}/home-visit-plan',
        '/api/exit-courses',
        '/api/exit-courses/outside-prison',
        '/api/exit-courses/{id}',
        '/api/exit-courses/{id}/agreement-signed',
        '/api/exit-courses/{id}/expected-release-date',
        '/api/exit-courses/{id}/handover-decision',
        '/api/exit-courses/{id}/handover-redirect',
        '/api/exit-courses/{id}/handover-report',
        '/api/exit-courses/{id}/handover-view',
        '/api/exit-courses/{id}/release',
        '/api/exit-courses/{id}/assessment-inputs',
        '/api/exit-courses/{id}/history',
        '/api/exit-courses/{id}/interruption',
        '/api/exit-courses/{id}/mentor',
        '/api/exit-courses/{id}/mentor-contacts',
        '/api/exit-courses/{id}/police-course-end',
        '/api/exit-courses/{id}/police-plan',
        '/api/exit-courses/{id}/police-review',
        '/api/exit-courses/{id}/psychologist-course',
        '/api/exit-courses/{id}/readiness',
        '/api/exit-courses/{id}/release-plan',
        '/api/exit-courses/{id}/reoffending-check',
        '/api/exit-courses/{id}/suitability-assessment',
        '/api/exit-courses/{id}/transfer',
        '/api/handovers',
        '/api/handovers/coming',
        '/api/network-councils',
        '/api/network-councils/{id}',
        '/api/network-councils/{id}/family-letter',
        '/api/network-councils/{id}/agreements',
        '/api/network-councils/{id}/invitations',
        '/api/network-councils/{id}/meeting',
        '/api/health',
        '/api/health/live',
        '/api/health/ready',
        '/api/persons',
        '/api/persons/lookup',
        '/api/persons/search',
        '/api/persons/{personRef}',
        '/api/reference-data',
        '/api/reports/ending-reasons',
        '/api/reports/exit-courses',
        '/api/reports/exit-courses/cohort',
        '/api/reports/exit-courses/question-1903',
        '/api/reports/sla',
        '/api/reports/youth',
        '/api/staff',
        '/api/steps/due-soon',
        '/api/steps/mine',
        '/api/steps/overdue',
        '/api/workload',
        '/api/dks-cases/{id}/case-end',
        '/api/dks-cases/{id}/move',
        '/api/dks-cases/{id}/social-services',
        '/api/home-visits',
        '/api/concern-letter-rounds',
        '/api/concern-letter-rounds/{id}',
        '/api/concern-letter-rounds/{id}/candidates',
        '/api/concern-letters',
        '/api/concern-letters/{id}',
        '/api/concern-letters/{id}/committee-decision',
        '/api/concern-letters/{id}/delivery-attempt',
        '/api/concern-letters/{id}/follow-up',
        '/api/concern-letters/{id}/outcome',
        '/api/concern-letters/{id}/parents-contact',
        '/api/dks-cases/{id}/case-level',
        '/api/dks-cases/{id}/adult-handover',
        '/api/network-councils/{id}/case-level',
        '/api/network-councils/{id}/adult-handover',
        '/api/level-one-reviews',
        '/api/police-documentation',
        '/api/police-documentation/{id}',
        '/api/network-councils/{id}/meeting-plan',
        '/api/network-councils/{id}/initiative-follow-up',
        '/api/network-councils/{id}/expected-release',
        '/api/network-councils/{id}/release',
        '/api/cases/{id}/access-log',
        '/api/persons/{personRef}/access-log',
        '/api/course-coordinations',
        '/api/course-coordinations/{id}/resolve',
        '/api/persons/{personRef}/protection',
        '/api/cases/{id}/person/reveal',
        '/api/access-requests',
        '/api/access-requests/{id}',
        '/api/access-requests/{id}/export',
        '/api/access-requests/{id}/access-request-decision',
        '/api/access-requests/{id}/access-request-extension',
        '/api/retention-lists',
        '/api/retention-lists/{id}/approval',
        '/api/cases/{id}/legal-hold',
      ].sort(),
    );

    const unknownRoute = await api('GET', '/api/nowhere');
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body).toEqual({ code: 'NOT_FOUND', message: 'Adressen findes ikke.', details: null });
  });
});
