import { ReadModelRecorder } from '../../activities/read-model.activities';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { NO_COHORT_FIGURES } from '../support/cohort-expected';
import { NO_EXIT_COURSE_FIGURES, recordExitCourse, recordStep, type CourseSpec } from '../support/report-history';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * The figures over HTTP: shape, CSV download, scoping by role and unit, and every refused query, on a
 * database of the suite's own: "still open" counts every course not closed by the period's end, so a
 * course another suite is writing at that moment (signed, not yet closed) would count here too. The
 * read-model suite has the exact definitions.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let national: UserClient;
let storstroemSupervisor: UserClient;

const PERIOD = 'from=2022-01-01&to=2022-12-31';

const course = (unit: string, person: string, agreementAt: string, end?: CourseSpec['end']): CourseSpec => ({
  unit,
  personRef: `P-REPORT-E2E-${person}`,
  referredAt: '2021-12-01T10:00:00Z',
  agreementAt,
  end,
});

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { worker: false, databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  const recorder = new ReadModelRecorder(sut.db);
  const courses: CourseSpec[] = [
    {
      ...course('KF-STORSTROEM', 'A', '2022-01-10T10:00:00Z', { kind: 'handed_over', at: '2022-05-01T10:00:00Z' }),
      mentorContacts: [{ at: '2022-02-01T10:00:00Z', minutes: 90 }],
    },
    course('KF-STORSTROEM', 'B', '2022-02-10T10:00:00Z', { kind: 'handed_over', at: '2022-06-01T10:00:00Z' }),
    course('KF-STORSTROEM', 'C', '2022-03-10T10:00:00Z', { kind: 'inmate', at: '2022-04-01T10:00:00Z' }),
    course('KF-ENNER-MARK', 'D', '2022-01-15T10:00:00Z', { kind: 'kriminalforsorgen', at: '2022-03-01T10:00:00Z' }),
    course('KF-ENNER-MARK', 'E', '2022-04-15T10:00:00Z', { kind: 'inmate', at: '2023-03-01T10:00:00Z' }),
  ];
  for (const spec of courses) await recordExitCourse(recorder, spec);
  await recordStep(recorder, {
    caseType: 'dks_assessment',
    unit: 'POL-KBH',
    kind: 'dks_assessment',
    dueAt: '2022-02-03T10:00:00Z',
    outcome: { latenessSeconds: 0 },
  });
  await recordStep(recorder, {
    caseType: 'dks_assessment',
    unit: 'POL-KBH',
    kind: 'dks_assessment',
    dueAt: '2022-02-04T10:00:00Z',
    outcome: { latenessSeconds: 7200 },
  });
  await recordStep(recorder, {
    caseType: 'dks_assessment',
    unit: 'POL-FYN',
    kind: 'dks_assessment',
    dueAt: '2022-02-05T10:00:00Z',
    outcome: { latenessSeconds: 0 },
  });
  // The institution's own deadlines: one suitability assessment kept at Storstrøm, one agreement signed late at Enner Mark.
  await recordStep(recorder, {
    caseType: 'exit_course',
    unit: 'KF-STORSTROEM',
    kind: 'suitability_assessment',
    dueAt: '2022-03-01T23:00:00Z',
    outcome: { latenessSeconds: 0 },
  });
  await recordStep(recorder, {
    caseType: 'exit_course',
    unit: 'KF-ENNER-MARK',
    kind: 'agreement_signing',
    dueAt: '2022-03-02T23:00:00Z',
    outcome: { latenessSeconds: 3600 },
  });
  national = await sut.as('kf.leder.national');
  storstroemSupervisor = await sut.as('kf.leder.storstroem');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

const STORSTROEM = {
  ...NO_EXIT_COURSE_FIGURES,
  unit: 'KF-STORSTROEM',
  unitName: 'Storstrøm Fængsel',
  agreementsEntered: 3,
  personsWithAgreement: 3,
  handedOver: 2,
  continuedByPolice: 2,
  interruptedByInmate: 1,
  mentorMinutesTotal: 90,
  mentorHoursTotal: 1.5,
  mentorPersons: 1,
  mentorHoursMeanPerPerson: 1.5,
  mentorHoursMedianPerPerson: 1.5,
};

const ENNER_MARK = {
  ...NO_EXIT_COURSE_FIGURES,
  unit: 'KF-ENNER-MARK',
  unitName: 'Enner Mark Fængsel',
  agreementsEntered: 2,
  personsWithAgreement: 2,
  interruptedByKriminalforsorgen: 1,
  stillOpen: 1,
};

describe('GET /api/reports/exit-courses', () => {
  it('answers a national supervisor with every institution of the organisation and the total', async () => {
    const answer = await national('GET', `/api/reports/exit-courses?${PERIOD}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      from: '2022-01-01',
      to: '2022-12-31',
      institutions: [ENNER_MARK, STORSTROEM],
      total: {
        ...STORSTROEM,
        unit: null,
        unitName: 'I alt',
        agreementsEntered: 5,
        personsWithAgreement: 5,
        interruptedByKriminalforsorgen: 1,
        stillOpen: 1,
      },
    });
  });

  it('answers a local supervisor with its own unit only', async () => {
    const answer = await storstroemSupervisor('GET', `/api/reports/exit-courses?${PERIOD}`);

    expect(answer.body).toEqual({
      from: '2022-01-01',
      to: '2022-12-31',
      institutions: [STORSTROEM],
      total: { ...STORSTROEM, unit: null, unitName: 'I alt' },
    });
  });

  it('downloads CSV with ?format=csv and with Accept: text/csv', async () => {
    const token = await tokenOf('kf.leder.storstroem');
    for (const [query, headers] of [
      [`${PERIOD}&format=csv`, {}],
      [PERIOD, { accept: 'text/csv' }],
    ] as const) {
      const response = await fetch(`${sut.baseUrl}/api/reports/exit-courses?${query}`, {
        headers: { authorization: `Bearer ${token}`, ...headers },
      });
      const bytes = Buffer.from(await response.arrayBuffer());

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="aktivitet-i-perioden-2022-01-01-2022-12-31.csv"',
      );
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
        'Enhedskode;Institution;Aftaler indgået;Personer med aftale;Overdraget til politiets exitenhed;Videreført af politiets exitenhed;' +
          'Afbrudt af den indsatte;Afbrudt af Kriminalforsorgen;Afslag;Stadig åbne ved periodens slutning;Personer med mere end én aftale;' +
          'Mentorminutter i alt;Mentortimer i alt;Personer med mentorkontakt;Mentortimer pr. person, gennemsnit;Mentortimer pr. person, median',
        'KF-STORSTROEM;Storstrøm Fængsel;3;3;2;2;1;0;0;0;0;90;1,50;1;1,50;1,50',
        ';I alt;3;3;2;2;1;0;0;0;0;90;1,50;1;1,50;1,50',
        '',
      ]);
    }
  });

  it('answers JSON when ?format=json, whatever Accept says', async () => {
    const answer = await storstroemSupervisor('GET', `/api/reports/exit-courses?${PERIOD}&format=json`, undefined, {
      accept: 'text/csv',
    });

    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
  });

  it('refuses roles without figures (403) and anonymous callers (401)', async () => {
    const caseworker = await sut.as('kf.storstroem');
    expect(await caseworker('GET', `/api/reports/exit-courses?${PERIOD}`)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await http(sut.baseUrl, 'GET', `/api/reports/exit-courses?${PERIOD}`)).status).toBe(401);
  });
});

describe('GET /api/reports/exit-courses/cohort', () => {
  const COHORT = `${PERIOD}&asOf=2022-12-31`;

  it('answers the cohort of the period’s agreements in their state as of the day, with the definitions', async () => {
    const answer = await national('GET', `/api/reports/exit-courses/cohort?${COHORT}`);

    expect(answer.status).toBe(200);
    expect(answer.body.total).toEqual({
      ...NO_COHORT_FIGURES,
      group: null,
      groupName: 'I alt',
      agreementsEntered: 5,
      persons: 5,
      // E is interrupted only in 2023.
      stillAtKriminalforsorgen: 1,
      interruptedByInmate: 1,
      interruptedByKriminalforsorgen: 1,
      handedOver: 2,
      continuedByPolice: 2,
      runningWithPolice: 2,
      droppedOut: 1,
    });
    expect(answer.body.byInstitution.map((row: { group: string }) => row.group)).toEqual([
      'KF-ENNER-MARK',
      'KF-STORSTROEM',
    ]);
    expect(answer.body.mentorHours[0]).toEqual({
      part: 'all',
      label: 'Mentortimer i alt',
      minutesTotal: 90,
      hoursTotal: 1.5,
      agreementHolders: 5,
      personsWithContact: 1,
      meanHoursPerAgreementHolder: 0.3,
      medianHoursPerAgreementHolder: 0,
      meanHoursPerPersonWithContact: 1.5,
      medianHoursPerPersonWithContact: 1.5,
    });
    expect(answer.body.definitions.find((row: { figure: string }) => row.figure === 'completed')).toEqual({
      figure: 'completed',
      label: 'Gennemført (succesfuldt)',
      definition:
        'Forløb, som politiets exitenhed har afsluttet med udfaldet »gennemført«. Det er systemets svar på, hvor mange forløb der har været succesfulde.',
    });
    // As of the period's last day E is still at Kriminalforsorgen too; without asOf, today (E interrupted).
    expect((await national('GET', `/api/reports/exit-courses/cohort?${PERIOD}`)).body).toMatchObject({
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      total: { stillAtKriminalforsorgen: 0, interruptedByInmate: 2 },
    });
  });

  it('counts for a local supervisor its own institution only', async () => {
    const answer = await storstroemSupervisor('GET', `/api/reports/exit-courses/cohort?${COHORT}`);

    expect(answer.body.total).toMatchObject({ agreementsEntered: 3, handedOver: 2, interruptedByInmate: 1 });
    expect(answer.body.byInstitution.map((row: { group: string }) => row.group)).toEqual(['KF-STORSTROEM']);
  });

  it('downloads CSV', async () => {
    const answer = await storstroemSupervisor('GET', `/api/reports/exit-courses/cohort?${COHORT}&format=csv`);

    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="kohorte-2022-01-01-2022-12-31-pr-2022-12-31.csv"',
    );
    const lines = String(answer.body).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Afsnit;Gruppe;Tal;Værdi',
      'Kohorte;I alt;Exit-aftaler indgået;3',
      'Kohorte;I alt;Personer med exit-aftale;3',
    ]);
    expect(lines).toContain('Mentortimer;Mentortimer i alt;Mentortimer i alt;1,50');
  });

  it('refuses roles without figures (403) and anonymous callers (401)', async () => {
    const caseworker = await sut.as('kf.storstroem');
    for (const report of ['cohort', 'question-1903']) {
      expect(await caseworker('GET', `/api/reports/exit-courses/${report}?${COHORT}`)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
      expect((await http(sut.baseUrl, 'GET', `/api/reports/exit-courses/${report}?${COHORT}`)).status).toBe(401);
    }
  });

  it.each([
    ['asOf=2022-12-30', ['Opgørelsesdatoen må ikke ligge før til-datoen.']],
    ['asOf=2022-02-30', ['Opgørelsesdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).']],
    ['asOf=31-12-2022', ['Opgørelsesdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).']],
    ['asOf=2023-01-01&asOf=2023-01-02', ['Opgørelsesdatoen skal angives én gang, som tekst.']],
  ])('refuses ?%s (400) on both cohort reports', async (asOf, problems) => {
    for (const report of ['cohort', 'question-1903']) {
      const answer = await national('GET', `/api/reports/exit-courses/${report}?${PERIOD}&${asOf}`);
      expect([answer.status, answer.body]).toEqual([
        400,
        { code: 'VALIDATION_FAILED', message: 'Forespørgslen er ugyldig.', details: [{ field: 'asOf', problems }] },
      ]);
    }
  });
});

describe('GET /api/reports/exit-courses/question-1903', () => {
  it('answers each part of the question in Danish sentences', async () => {
    const answer = await national('GET', `/api/reports/exit-courses/question-1903?${PERIOD}&asOf=2022-12-31`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      from: '2022-01-01',
      to: '2022-12-31',
      asOf: '2022-12-31',
      title: 'Svar på spørgsmål nr. 1903 (Alm. del) fra Folketingets Retsudvalg',
    });
    expect(answer.body.answers.map((part: { part: string }) => part.part)).toEqual([
      'went_through',
      'succeeded',
      'dropped_out',
      'mentor_hours',
    ]);
    expect(answer.body.answers[0].answer).toBe(
      'I perioden er der indgået 5 exit-aftaler med 5 personer; 0 personer har indgået mere end én exit-aftale i perioden. ' +
        'Pr. 31. december 2022 er 2 af forløbene overdraget til de lokale exitenheder ved politiet, 1 er afbrudt af den indsatte, ' +
        '1 er afbrudt af Kriminalforsorgen, og 1 er fortsat i Kriminalforsorgen.',
    );
  });

  it('downloads the answer as CSV, one line per part', async () => {
    const answer = await national(
      'GET',
      `/api/reports/exit-courses/question-1903?${PERIOD}&asOf=2022-12-31`,
      undefined,
      {
        accept: 'text/csv',
      },
    );

    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="spoergsmaal-1903-2022-01-01-2022-12-31-pr-2022-12-31.csv"',
    );
    const lines = String(answer.body).split('\r\n');
    expect(lines[0]).toBe('Spørgsmål;Svar;Opgørelse');
    expect(lines.length).toBe(6);
  });
});

describe('GET /api/reports/sla', () => {
  const dks = (unit: string, unitName: string, withinDeadline: number) => ({
    measure: 'dks_assessment_24h',
    label: 'DKS-vurdering inden for 24 timer',
    unit,
    unitName,
    month: '2022-02',
    total: unit === 'POL-KBH' ? 2 : 1,
    withinDeadline,
    share: unit === 'POL-KBH' ? 0.5 : 1,
  });

  it('answers each unit and month in the scope', async () => {
    const police = await sut.as('politi.leder.national');
    expect((await police('GET', `/api/reports/sla?${PERIOD}`)).body).toEqual({
      from: '2022-01-01',
      to: '2022-12-31',
      rows: [dks('POL-FYN', 'Fyns Politi', 1), dks('POL-KBH', 'Københavns Politi', 1)],
      missedReasons: [],
    });
    const kbh = await sut.as('politi.leder.kbh');
    expect((await kbh('GET', `/api/reports/sla?${PERIOD}`)).body.rows).toEqual([
      dks('POL-KBH', 'Københavns Politi', 1),
    ]);
  });

  it('answers Kriminalforsorgen’s supervisors the institutions’ exit-course deadlines, and only them', async () => {
    const kf = (measure: string, label: string, unit: string, unitName: string, withinDeadline: number) => ({
      measure,
      label,
      unit,
      unitName,
      month: '2022-03',
      total: 1,
      withinDeadline,
      share: withinDeadline,
    });
    const suitability = kf(
      'suitability_assessment_30d',
      'Egnethedsvurdering inden for 30 dage',
      'KF-STORSTROEM',
      'Storstrøm Fængsel',
      1,
    );
    const signing = kf(
      'agreement_signing_14d',
      'Exit-aftale underskrevet inden for 14 dage',
      'KF-ENNER-MARK',
      'Enner Mark Fængsel',
      0,
    );
    // Kriminalforsorgen holds no youth cases; its deadlines are its institutions'.
    expect((await national('GET', `/api/reports/sla?${PERIOD}`)).body.rows).toEqual([signing, suitability]);
    expect((await storstroemSupervisor('GET', `/api/reports/sla?${PERIOD}`)).body.rows).toEqual([suitability]);
  });

  it('downloads CSV', async () => {
    const kbh = await sut.as('politi.leder.kbh');
    const answer = await kbh('GET', `/api/reports/sla?${PERIOD}&format=csv`);

    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="frister-2022-01-01-2022-12-31.csv"');
    // fetch's text() drops the byte-order mark.
    expect(answer.body).toBe(
      'Frist;Enhedskode;Enhed;Måned;Trin i alt;Inden for fristen;Andel inden for fristen\r\n' +
        'DKS-vurdering inden for 24 timer;POL-KBH;Københavns Politi;2022-02;2;1;0,5000\r\n',
    );
  });

  it('refuses roles without figures', async () => {
    const dksOfficer = await sut.as('politi.kbh.dks');
    expect((await dksOfficer('GET', `/api/reports/sla?${PERIOD}`)).status).toBe(403);
  });
});

describe('refused queries (400)', () => {
  const refusals: [string, { field: string; problems: string[] }[]][] = [
    ['to=2022-12-31', [{ field: 'from', problems: ['Fra-datoen skal angives.'] }]],
    ['from=2022-01-01', [{ field: 'to', problems: ['Til-datoen skal angives.'] }]],
    [
      '',
      [
        { field: 'from', problems: ['Fra-datoen skal angives.'] },
        { field: 'to', problems: ['Til-datoen skal angives.'] },
      ],
    ],
    [
      'from=2026-02-30&to=2026-12-31',
      [{ field: 'from', problems: ['Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'] }],
    ],
    [
      'from=2026-01-01&to=31-12-2026',
      [{ field: 'to', problems: ['Til-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'] }],
    ],
    [
      'from=2026-01-01T00:00:00Z&to=2026-12-31',
      [{ field: 'from', problems: ['Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'] }],
    ],
    [
      'from=2022-01-01&from=2022-02-01&to=2022-12-31',
      [{ field: 'from', problems: ['Fra-datoen skal angives én gang, som tekst.'] }],
    ],
    ['from=2022-12-31&to=2022-01-01', [{ field: 'to', problems: ['Til-datoen må ikke ligge før fra-datoen.'] }]],
    ['from=2012-01-01&to=2022-01-01', [{ field: 'to', problems: ['Perioden må højst være 10 år.'] }]],
    [`${PERIOD}&format=xml`, [{ field: 'format', problems: ['Formatet skal være JSON eller CSV.'] }]],
    [
      `${PERIOD}&institution=KF-STORSTROEM`,
      [{ field: 'institution', problems: ["Feltet 'institution' er ukendt og må ikke sendes."] }],
    ],
  ];

  it.each(refusals)('?%s', async (query, details) => {
    for (const report of ['exit-courses', 'exit-courses/cohort', 'exit-courses/question-1903', 'sla']) {
      const answer = await national('GET', `/api/reports/${report}?${query}`);
      expect([answer.status, answer.body]).toEqual([
        400,
        { code: 'VALIDATION_FAILED', message: 'Forespørgslen er ugyldig.', details },
      ]);
    }
  });

  it('accepts a period of one day and one of ten years less a day', async () => {
    expect((await national('GET', '/api/reports/exit-courses?from=2022-06-01&to=2022-06-01')).status).toBe(200);
    expect((await national('GET', '/api/reports/sla?from=2012-01-01&to=2021-12-31')).status).toBe(200);
  });
});

async function tokenOf(username: string): Promise<string> {
  const login = await http(sut.baseUrl, 'POST', '/api/auth/login', {
    username,
    password: DEMO_SECRETS.demoUserPassword,
  });
  return login.body.accessToken;
}
