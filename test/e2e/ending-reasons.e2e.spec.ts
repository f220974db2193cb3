import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Reason codes for every ending (libs/domain/case/ending-reasons.ts) over HTTP: a decision records its code
 * and note in the case's history, an unknown code or `other` without a note is refused and changes nothing,
 * and the figures count the period's endings per code exactly. A database of its own: the exit-course figures of
 * other suites count every ending at Storstrøm in their periods, May 2019 included.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
/** A Kriminalforsorgen caseworker at Storstrøm Fængsel. */
let api: UserClient;
/** Storstrøm's supervisor: the figures of the prison's cases. */
let supervisor: UserClient;

const PERIOD = 'from=2019-05-01&to=2019-05-31';

beforeAll(async () => {
  database = await createSiblingDatabase();
  sut = await startSystem({}, { databaseUrl: database.databaseUrl });
  await seedDemoUsers(sut.db);
  api = await sut.as('kf.storstroem');
  supervisor = await sut.as('kf.leder.storstroem');
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
});

/** A course referred on 2 May 2019, awaiting its suitability assessment. */
async function startCourse(): Promise<string> {
  const person = await api('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  expect(person.status).toBe(201);
  const started = await api('POST', '/api/exit-courses', {
    personRef: person.body.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-08-31',
    paroleLinked: false,
    referredAt: '2019-05-02T09:00:00+02:00',
  });
  expect(started.status).toBe(201);
  return started.body.id;
}

interface HistoryEntry {
  action: string;
  reason: string | null;
  reasonCode: string | null;
  reasonLabel: string | null;
}

async function detail(caseId: string) {
  const answer = await api('GET', `/api/exit-courses/${caseId}`);
  expect(answer.status).toBe(200);
  return answer.body as { status: string; history: HistoryEntry[] };
}

const entry = (history: HistoryEntry[], action: string) => history.find((candidate) => candidate.action === action);

async function endingReasons() {
  const answer = await supervisor('GET', `/api/reports/ending-reasons?${PERIOD}`);
  expect(answer.status).toBe(200);
  return answer.body as {
    endings: { ending: string; label: string; total: number; reasons: { reasonCode: string; count: number }[] }[];
  };
}

/** The counts of one ending, by code, leaving out the codes none gave. */
function countsOf(report: Awaited<ReturnType<typeof endingReasons>>, ending: string): Record<string, number> {
  const found = report.endings.find((candidate) => candidate.ending === ending)!;
  return Object.fromEntries(found.reasons.filter((reason) => reason.count > 0).map((r) => [r.reasonCode, r.count]));
}

describe('reason codes for every ending (API + worker + Temporal dev server + PostgreSQL)', () => {
  // The decisions the figures below count: two interruptions and a rejection, all in May 2019.
  it.each([
    {
      what: 'an interruption’s code with its label and note',
      decision: 'interruption',
      body: {
        by: 'kriminalforsorgen',
        reasonCode: 'new_crime',
        reason: 'Sigtet for vold under udgang.',
        interruptedAt: '2019-05-10T10:00:00+02:00',
      },
      action: 'course_interrupted',
      status: 'interrupted_by_kriminalforsorgen',
      recorded: { reasonCode: 'new_crime', reasonLabel: 'ny kriminalitet', reason: 'Sigtet for vold under udgang.' },
    },
    {
      what: 'a rejection’s code without a note',
      decision: 'suitability-assessment',
      body: { outcome: 'rejection', reasonCode: 'parole_only', decidedAt: '2019-05-12T10:00:00+02:00' },
      action: 'suitability_rejection',
      status: 'rejected',
      recorded: {
        reasonCode: 'parole_only',
        reasonLabel: 'søger exit alene for at opnå prøveløsladelse',
        reason: null,
      },
    },
    {
      what: 'a note alone as `other` (a client from before codes)',
      decision: 'interruption',
      body: { by: 'inmate', reason: 'Ønsker ikke at fortsætte.', interruptedAt: '2019-05-13T10:00:00+02:00' },
      action: 'course_interrupted',
      status: 'interrupted_by_inmate',
      recorded: { reasonCode: 'other', reasonLabel: 'andet', reason: 'Ønsker ikke at fortsætte.' },
    },
  ])('records $what in the case’s history', async ({ decision, body, action, status, recorded }) => {
    const caseId = await startCourse();
    const answer = await api('POST', `/api/exit-courses/${caseId}/${decision}`, body);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe(status);
    expect(entry((await detail(caseId)).history, action)).toMatchObject(recorded);
  });

  it('refuses an unknown code, a code of another ending and `other` without a note, in Danish, changing nothing', async () => {
    const caseId = await startCourse();
    const before = await detail(caseId);
    const refusals = [
      [{ by: 'inmate', reasonCode: 'bored', reason: 'Keder sig.' }, 400, /^Årsagen skal være »den indsatte ønsker/],
      [{ by: 'inmate', reasonCode: 'completed' }, 400, /^Årsagen skal være /],
      [{ by: 'inmate', reasonCode: 'other' }, 400, /^En afbrydelse skal have en begrundelse\.$/],
      [{ by: 'inmate', reasonCode: 'other', reason: '   ' }, 400, /^En afbrydelse skal have en begrundelse\.$/],
    ] as const;
    for (const [body, status, message] of refusals) {
      const refused = await api('POST', `/api/exit-courses/${caseId}/interruption`, {
        ...body,
        interruptedAt: '2019-05-14T10:00:00+02:00',
      });
      expect({ body, status: refused.status }).toEqual({ body, status });
      const problems = refused.body.details.flatMap((detail: { problems: string[] }) => detail.problems);
      expect(problems).toEqual([expect.stringMatching(message)]);
    }
    // A decision that ends nothing takes no code.
    const offer = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, {
      outcome: 'offer',
      reasonCode: 'parole_only',
    });
    expect(offer.status).toBe(400);
    expect(offer.body.details).toEqual([
      { field: 'reasonCode', problems: ['Et tilbud har ingen årsag: lad årsagen være tom.'] },
    ]);
    const after = await detail(caseId);
    expect(after.status).toBe('awaiting_suitability_assessment');
    expect(after.history).toEqual(before.history);
  });

  it('counts the period’s endings per reason code, every code of each list, within the supervisor’s scope', async () => {
    const report = await endingReasons();
    expect(report.endings.map((ending) => ending.ending)).toEqual([
      'suitability_rejection',
      'interruption',
      'handover_decline',
      'handover_closure',
      'police_course_end',
      'no_concern_conversation',
      'dks_case_end',
    ]);
    expect(countsOf(report, 'interruption')).toEqual({ new_crime: 1, other: 1 });
    expect(countsOf(report, 'suitability_rejection')).toEqual({ parole_only: 1 });
    expect(report.endings.find((ending) => ending.ending === 'interruption')).toMatchObject({
      label: 'Afbrudt forløb',
      total: 2,
    });
    const interruption = report.endings.find((ending) => ending.ending === 'interruption')!;
    expect(interruption.reasons).toHaveLength(7);
    expect(interruption.reasons[0]).toEqual({
      reasonCode: 'own_wish',
      label: 'den indsatte ønsker ikke at fortsætte',
      count: 0,
    });
    for (const ending of [
      'handover_decline',
      'handover_closure',
      'police_course_end',
      'no_concern_conversation',
      'dks_case_end',
    ]) {
      expect(countsOf(report, ending)).toEqual({});
    }

    // The police's supervisor sees none of them: the courses were never handed over to the district.
    const police = await sut.as('politi.leder.kbh');
    const elsewhere = await police('GET', `/api/reports/ending-reasons?${PERIOD}`);
    expect(elsewhere.status).toBe(200);
    expect(countsOf(elsewhere.body, 'interruption')).toEqual({});

    const csv = await supervisor('GET', `/api/reports/ending-reasons?${PERIOD}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="aarsager-2019-05-01-2019-05-31.csv"');
    expect(csv.body).toContain('Afbrudt forløb;new_crime;ny kriminalitet;1\r\n');
  });

  it('records why a DKS case ends without a concern conversation, and counts it for the district', async () => {
    const dks = await sut.as('politi.kbh.dks');
    const districtSupervisor = await sut.as('politi.leder.kbh');
    const year = new Date().toISOString().slice(0, 4);
    const period = `from=${year}-01-01&to=${year}-12-31`;
    // Only this suite gives DKS closures a code: the count moves by this case alone, though other suites close cases today.
    const movedAway = async () => {
      const report = await districtSupervisor('GET', `/api/reports/ending-reasons?${period}`);
      expect(report.status).toBe(200);
      return countsOf(report.body, 'no_concern_conversation').moved_away ?? 0;
    };
    const before = await movedAway();
    const youth = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
    const started = await dks('POST', '/api/dks-cases', {
      personRef: youth.body.personRef,
      policeDistrictCode: 'POL-KBH',
      trigger: 'concerning_behaviour',
      triggeredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(started.status).toBe(201);
    const path = `/api/dks-cases/${started.body.id}`;
    const withConversation = await dks('POST', `${path}/assessment`, {
      concernConversation: true,
      reasonCode: 'moved_away',
      reason: 'Set med bandemedlemmer.',
    });
    expect(withConversation.status).toBe(400);
    expect(withConversation.body.details).toEqual([
      {
        field: 'reasonCode',
        problems: ['Kun en sag, der afsluttes uden bekymringssamtale, har en årsag: lad årsagen være tom.'],
      },
    ]);
    const closed = await dks('POST', `${path}/assessment`, { concernConversation: false, reasonCode: 'moved_away' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed_no_concern_conversation');
    const detail = await dks('GET', path);
    expect(entry(detail.body.history, 'dks_assessed')).toMatchObject({
      reasonCode: 'moved_away',
      reasonLabel: 'fraflyttet',
      reason: null,
    });
    expect(await movedAway()).toBe(before + 1);
  });
});
