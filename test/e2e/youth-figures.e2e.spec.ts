import { ReadModelRecorder } from '../../activities/read-model.activities';
import { YOUTH_MEASURES, youthMeasureLabel, type YouthMeasure } from '../../apps/api/src/reports/youth-measures';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';
import { FYN, KBH, KOM, recordYouthCase, YOUTH_HISTORY } from '../support/youth-history';

/**
 * The youth figures (GET /api/reports/youth) from a known history (YOUTH_HISTORY, test/support/youth-history.ts)
 * on a database of the suite's own, every figure exact, for each supervisor's scope; and every refused query.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let nationalPolice: UserClient;
let kbhPolice: UserClient;
let kbhMunicipality: UserClient;

const PERIOD = 'from=2026-01&to=2026-03';

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { worker: false, databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  const recorder = new ReadModelRecorder(sut.db);
  for (const spec of YOUTH_HISTORY) await recordYouthCase(recorder, spec);
  nationalPolice = await sut.as('politi.leder.national');
  kbhPolice = await sut.as('politi.leder.kbh');
  kbhMunicipality = await sut.as('kommune.leder.kbh');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

const MEASURES = YOUTH_MEASURES.map((measure) => ({ measure, label: youthMeasureLabel(measure) }));
const NOTHING = Object.fromEntries(YOUTH_MEASURES.map((measure) => [measure, 0])) as Record<YouthMeasure, number>;
const UNIT_NAMES: Record<string, string> = {
  [KBH]: 'Københavns Politi',
  [FYN]: 'Fyns Politi',
  [KOM]: 'Københavns Kommune',
};
const figures = (unit: string | null, month: string | null, values: Partial<Record<YouthMeasure, number>> = {}) => ({
  unit,
  unitName: unit ? UNIT_NAMES[unit] : 'I alt',
  month,
  ...NOTHING,
  ...values,
});

const KBH_MONTHS = {
  '2026-01': {
    youthsRegistered: 2,
    dksCasesRegistered: 3,
    concernConversationsDecided: 3,
    concernConversationsHeld: 1,
    homeVisitsWithSocialServices: 1,
    concernConversationsDeclined: 1,
    dksCasesMoved: 1,
    followUpsInTime: 1,
    casesAtLevel2: 1,
    concernLettersScreened: 3,
    concernLettersDecidedSend: 2,
    concernLettersDecidedNotSend: 1,
  },
  '2026-02': {
    youthsRegistered: 2,
    dksCasesRegistered: 2,
    concernConversationsDecided: 1,
    concernConversationsNotReached: 1,
    dksCasesEndedNoConcernConversation: 1,
    concernConversationsHeld: 1,
    casesAtLevel3: 1,
    concernLettersDelivered: 2,
    concernLettersWithDialogue: 2,
  },
  '2026-03': {
    youthsRegistered: 1,
    dksCasesRegistered: 1,
    dksCasesEndedExistingActionPlan: 1,
    followUpsInTime: 1,
    followUpsOpenPastDue: 1,
    concernLettersLeadingToExitCourse: 1,
  },
};
const KBH_TOTAL = {
  youthsRegistered: 5,
  dksCasesRegistered: 6,
  concernConversationsDecided: 4,
  concernConversationsHeld: 2,
  homeVisitsWithSocialServices: 1,
  concernConversationsDeclined: 1,
  concernConversationsNotReached: 1,
  dksCasesEndedExistingActionPlan: 1,
  dksCasesEndedNoConcernConversation: 1,
  dksCasesMoved: 1,
  followUpsInTime: 2,
  followUpsOpenPastDue: 1,
  // The latest level of the period: 3 (set in February).
  casesAtLevel3: 1,
  concernLettersScreened: 3,
  concernLettersDecidedSend: 2,
  concernLettersDecidedNotSend: 1,
  concernLettersDelivered: 2,
  concernLettersWithDialogue: 2,
  concernLettersLeadingToExitCourse: 1,
};
const FYN_MONTHS = {
  '2026-01': {
    youthsRegistered: 1,
    dksCasesRegistered: 1,
    concernConversationsDecided: 1,
    casesAtLevel1: 1,
    casesAtLevel2: 1,
  },
  '2026-02': { concernConversationsHeld: 1, followUpsLate: 1, casesAtLevel3: 1 },
  '2026-03': { adultHandovers: 1 },
};
const FYN_TOTAL = {
  youthsRegistered: 1,
  dksCasesRegistered: 1,
  concernConversationsDecided: 1,
  concernConversationsHeld: 1,
  followUpsLate: 1,
  casesAtLevel1: 1,
  casesAtLevel3: 1,
  adultHandovers: 1,
};
const rowsOf = (unit: string, months: Record<string, Partial<Record<YouthMeasure, number>>>) =>
  Object.entries(months).map(([month, values]) => figures(unit, month, values));

type Values = Partial<Record<YouthMeasure, number>>;

/** January–March as a user whose scope is one unit sees it: the unit's rows are the months' totals too. */
const oneUnitReport = (unit: string, months: Record<string, Values>, total: Values) => ({
  from: '2026-01',
  to: '2026-03',
  unit: null,
  rows: rowsOf(unit, months),
  unitTotals: [figures(unit, null, total)],
  monthTotals: Object.entries(months).map(([month, values]) => figures(null, month, values)),
  total: figures(null, null, total),
  measures: MEASURES,
});

describe('GET /api/reports/youth', () => {
  it("answers the national police supervisor every district's figures per month, per district, per month and in all", async () => {
    const answer = await nationalPolice('GET', `/api/reports/youth?${PERIOD}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      from: '2026-01',
      to: '2026-03',
      unit: null,
      rows: [...rowsOf(FYN, FYN_MONTHS), ...rowsOf(KBH, KBH_MONTHS)],
      unitTotals: [figures(FYN, null, FYN_TOTAL), figures(KBH, null, KBH_TOTAL)],
      monthTotals: [
        figures(null, '2026-01', {
          // P-YOUTH-1 and -5 at Københavns Politi, P-YOUTH-12 at Fyns Politi.
          youthsRegistered: 3,
          dksCasesRegistered: 4,
          concernConversationsDecided: 4,
          concernConversationsHeld: 1,
          homeVisitsWithSocialServices: 1,
          concernConversationsDeclined: 1,
          dksCasesMoved: 1,
          followUpsInTime: 1,
          casesAtLevel1: 1,
          casesAtLevel2: 2,
          concernLettersScreened: 3,
          concernLettersDecidedSend: 2,
          concernLettersDecidedNotSend: 1,
        }),
        figures(null, '2026-02', {
          youthsRegistered: 2,
          dksCasesRegistered: 2,
          concernConversationsDecided: 1,
          concernConversationsNotReached: 1,
          dksCasesEndedNoConcernConversation: 1,
          concernConversationsHeld: 2,
          followUpsLate: 1,
          casesAtLevel3: 2,
          concernLettersDelivered: 2,
          concernLettersWithDialogue: 2,
        }),
        figures(null, '2026-03', {
          youthsRegistered: 1,
          dksCasesRegistered: 1,
          dksCasesEndedExistingActionPlan: 1,
          followUpsInTime: 1,
          followUpsOpenPastDue: 1,
          adultHandovers: 1,
          concernLettersLeadingToExitCourse: 1,
        }),
      ],
      measures: MEASURES,
      total: figures(null, null, {
        // P-YOUTH-1 counts once though registered twice at Københavns Politi.
        youthsRegistered: 6,
        dksCasesRegistered: 7,
        concernConversationsDecided: 5,
        concernConversationsHeld: 3,
        homeVisitsWithSocialServices: 1,
        concernConversationsDeclined: 1,
        concernConversationsNotReached: 1,
        dksCasesEndedExistingActionPlan: 1,
        dksCasesEndedNoConcernConversation: 1,
        dksCasesMoved: 1,
        followUpsInTime: 2,
        followUpsLate: 1,
        followUpsOpenPastDue: 1,
        casesAtLevel1: 1,
        casesAtLevel3: 2,
        adultHandovers: 1,
        concernLettersScreened: 3,
        concernLettersDecidedSend: 2,
        concernLettersDecidedNotSend: 1,
        concernLettersDelivered: 2,
        concernLettersWithDialogue: 2,
        concernLettersLeadingToExitCourse: 1,
      }),
    });
  });

  it("answers a district's supervisor its own district only, also of a case that moved away", async () => {
    const answer = await kbhPolice('GET', `/api/reports/youth?${PERIOD}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(oneUnitReport(KBH, KBH_MONTHS, KBH_TOTAL));
  });

  it("answers the municipality's supervisor its network councils, none of the police's cases", async () => {
    const answer = await kbhMunicipality('GET', `/api/reports/youth?${PERIOD}`);
    const months = {
      '2026-01': {
        youthsRegistered: 1,
        councilsRegistered: 1,
        councilsRegisteredViaSystem: 1,
        councilsConvenedInTime: 1,
        casesAtLevel2: 1,
        councilInitiativesAgreed: 2,
      },
      '2026-02': {
        youthsRegistered: 1,
        councilsRegistered: 1,
        councilsRegisteredOutsideSystem: 1,
        councilsConvenedLate: 1,
        councilInitiativesFollowedUp: 2,
        councilInitiativesFollowedUpInTime: 1,
      },
      '2026-03': { adultHandovers: 1 },
    };
    const total = {
      youthsRegistered: 2,
      councilsRegistered: 2,
      councilsRegisteredViaSystem: 1,
      councilsRegisteredOutsideSystem: 1,
      councilsConvenedInTime: 1,
      councilsConvenedLate: 1,
      casesAtLevel2: 1,
      councilInitiativesAgreed: 2,
      councilInitiativesFollowedUp: 2,
      councilInitiativesFollowedUpInTime: 1,
      adultHandovers: 1,
    };

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(oneUnitReport(KOM, months, total));
  });

  it('answers one unit when asked for it, and a month no case touched with zeros', async () => {
    const answer = await nationalPolice('GET', `/api/reports/youth?from=2026-02&to=2026-04&unit=${FYN}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      from: '2026-02',
      to: '2026-04',
      unit: FYN,
      rows: rowsOf(FYN, { '2026-02': FYN_MONTHS['2026-02'], '2026-03': FYN_MONTHS['2026-03'] }),
      unitTotals: [
        figures(FYN, null, { concernConversationsHeld: 1, followUpsLate: 1, casesAtLevel3: 1, adultHandovers: 1 }),
      ],
      monthTotals: [
        figures(null, '2026-02', FYN_MONTHS['2026-02']),
        figures(null, '2026-03', FYN_MONTHS['2026-03']),
        figures(null, '2026-04'),
      ],
      total: figures(null, null, {
        concernConversationsHeld: 1,
        followUpsLate: 1,
        casesAtLevel3: 1,
        adultHandovers: 1,
      }),
      measures: MEASURES,
    });
  });

  it("counts April's events in April: 00:00 on 1 April in summer time and the step due after it", async () => {
    const answer = await kbhPolice('GET', `/api/reports/youth?from=2026-04&to=2026-04`);

    expect(answer.body.total).toEqual(
      figures(null, null, {
        youthsRegistered: 1,
        dksCasesRegistered: 1,
        concernConversationsDecided: 1,
        followUpsLate: 1,
      }),
    );
  });

  it('answers Kriminalforsorgen, which holds no youth cases, with zeros for every month', async () => {
    const national = await sut.as('kf.leder.national');
    const answer = await national('GET', `/api/reports/youth?${PERIOD}`);

    expect(answer.body).toEqual({
      from: '2026-01',
      to: '2026-03',
      unit: null,
      rows: [],
      unitTotals: [],
      monthTotals: ['2026-01', '2026-02', '2026-03'].map((month) => figures(null, month)),
      total: figures(null, null),
      measures: MEASURES,
    });
  });

  it('downloads the figures as CSV with Danish headers: the rows, the units, the months and the total', async () => {
    const answer = await kbhPolice('GET', `/api/reports/youth?${PERIOD}&format=csv`);
    const lines = (answer.body as string).split('\r\n');

    expect([...answer.bytes!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([answer.status, answer.headers.get('content-type'), answer.headers.get('content-disposition')]).toEqual([
      200,
      'text/csv; charset=utf-8',
      'attachment; filename="ungeomraadet-2026-01-2026-03.csv"',
    ]);
    expect(lines[0].split(';').slice(0, 6)).toEqual([
      'Enhedskode',
      'Enhed',
      'Måned',
      'Unge registreret',
      'DKS-sager registreret',
      'Bekymringssamtaler besluttet',
    ]);
    expect(lines[0].split(';')).toHaveLength(3 + YOUTH_MEASURES.length);
    expect(lines.slice(1).map((line) => line.split(';').slice(0, 5))).toEqual([
      ['POL-KBH', 'Københavns Politi', '2026-01', '2', '3'],
      ['POL-KBH', 'Københavns Politi', '2026-02', '2', '2'],
      ['POL-KBH', 'Københavns Politi', '2026-03', '1', '1'],
      ['POL-KBH', 'Københavns Politi', 'I alt', '5', '6'],
      ['', 'I alt', '2026-01', '2', '3'],
      ['', 'I alt', '2026-02', '2', '2'],
      ['', 'I alt', '2026-03', '1', '1'],
      ['', 'I alt', 'I alt', '5', '6'],
      [''],
    ]);
  });
});

describe('GET /api/reports/youth refused', () => {
  const refusals: [string, { field: string; problems: string[] }[]][] = [
    ['to=2026-03', [{ field: 'from', problems: ['Fra-måneden skal angives.'] }]],
    ['from=2026-01', [{ field: 'to', problems: ['Til-måneden skal angives.'] }]],
    ['from=2026-13&to=2026-12', [{ field: 'from', problems: ['Fra-måneden skal være en gyldig måned (ÅÅÅÅ-MM).'] }]],
    ['from=2026-01&to=2026-03-31', [{ field: 'to', problems: ['Til-måneden skal være en gyldig måned (ÅÅÅÅ-MM).'] }]],
    [
      'from=2026-01&from=2026-02&to=2026-03',
      [{ field: 'from', problems: ['Fra-måneden skal angives én gang, som tekst.'] }],
    ],
    ['from=2026-03&to=2026-01', [{ field: 'to', problems: ['Til-måneden må ikke ligge før fra-måneden.'] }]],
    ['from=2016-01&to=2026-01', [{ field: 'to', problems: ['Perioden må højst være 10 år.'] }]],
    [`${PERIOD}&format=pdf`, [{ field: 'format', problems: ['Formatet skal være JSON eller CSV.'] }]],
    [`${PERIOD}&unit=${KBH}&unit=${FYN}`, [{ field: 'unit', problems: ['Enheden skal angives én gang, som tekst.'] }]],
  ];

  it.each(refusals)('?%s (400)', async (query, details) => {
    const answer = await nationalPolice('GET', `/api/reports/youth?${query}`);
    expect([answer.status, answer.body]).toEqual([
      400,
      { code: 'VALIDATION_FAILED', message: 'Forespørgslen er ugyldig.', details },
    ]);
  });

  it('accepts ten years less a month, and the last month there is', async () => {
    expect((await nationalPolice('GET', '/api/reports/youth?from=2016-01&to=2025-12')).status).toBe(200);
    // The last month there is: its end is in the year 10000.
    expect((await nationalPolice('GET', '/api/reports/youth?from=9999-12&to=9999-12')).body.monthTotals).toEqual([
      figures(null, '9999-12'),
    ]);
  });

  it('refuses a unit outside the own units (403) and a unit nobody knows (422)', async () => {
    expect(await kbhPolice('GET', `/api/reports/youth?${PERIOD}&unit=${FYN}`)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'Tallene for Fyns Politi ligger uden for dine enheder.' },
    });
    expect(await kbhMunicipality('GET', `/api/reports/youth?${PERIOD}&unit=${KBH}`)).toMatchObject({ status: 403 });
    // The national police supervisor's scope is the police: a municipality is outside it.
    expect(await nationalPolice('GET', `/api/reports/youth?${PERIOD}&unit=${KOM}`)).toMatchObject({ status: 403 });
    expect(await nationalPolice('GET', `/api/reports/youth?${PERIOD}&unit=POL-ATLANTIS`)).toMatchObject({
      status: 422,
      body: { code: 'INVALID_DOMAIN_DATA', message: "Enheden 'POL-ATLANTIS' kendes ikke." },
    });
  });

  it('refuses roles without figures (403)', async () => {
    const dksOfficer = await sut.as('politi.kbh.dks');
    expect(await dksOfficer('GET', `/api/reports/youth?${PERIOD}`)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
  });
});
