import { randomUUID } from 'node:crypto';
import { ACCESS_LOG_ACTION_LABELS } from '../../apps/api/src/access-log/access-log-actions';
import { fakeCpr, fakeName } from '../support/demo-people';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * Who read a case or a person (`GET /api/cases/:id/access-log`, `GET /api/persons/:personRef/access-log`):
 * exactly the log's rows, newest first, for the supervisors and the data-protection officer within their
 * scope; 404 outside it, 403 without the permission, 400 for filters that cannot be read; every read logged.
 */
let sut: SystemUnderTest;
let caseworker: UserClient;
let supervisor: UserClient;
let ids: Record<string, string>;

const STORSTROEM = { code: 'KF-STORSTROEM', name: 'Storstrøm Fængsel' };

beforeAll(async () => {
  sut = await startSystem();
  caseworker = await sut.as('kf.storstroem');
  supervisor = await sut.as('kf.leder.storstroem');
  const users: { username: string; id: string }[] = await sut.db.query(
    `SELECT username, id::text AS id FROM users
      WHERE username IN ('kf.storstroem', 'kf.ennermark', 'kf.leder.storstroem', 'politi.kbh.exit', 'kf.databeskyttelse')`,
  );
  ids = Object.fromEntries(users.map((user) => [user.username, user.id]));
});

afterAll(() => sut?.stop());

/** A person registered at Storstrøm with an exit course there; answers both references. */
async function storstroemCourse(client = caseworker, institutionCode = 'KF-STORSTROEM') {
  const person = await client('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const course = await client('POST', '/api/exit-courses', {
    personRef: person.body.personRef,
    institutionCode,
    expectedReleaseDate: '2028-01-01',
    paroleLinked: false,
  });
  expect(course.status).toBe(201);
  return { caseId: course.body.id as string, personRef: person.body.personRef as string };
}

/** The rows as the tests compare them: what, by whom, about which case. */
const rows = (items: { action: string; user: { id: string }; case: { id: string } | null }[]) =>
  items.map((item) => [item.action, item.user.id, item.case?.id ?? null]);

const logged = async (userId: string, action: string, subject: { caseId?: string; personRef?: string }) =>
  (
    await sut.db.query(
      `SELECT details FROM access_log WHERE user_id = $1 AND action = $2
          AND case_id IS NOT DISTINCT FROM $3 AND person_ref IS NOT DISTINCT FROM $4 ORDER BY id`,
      [userId, action, subject.caseId ?? null, subject.personRef ?? null],
    )
  ).map((row: { details: unknown }) => row.details);

describe('who read this case', () => {
  it('shows the supervisor who opened the case, newest first, with name, role, unit and the action in Danish', async () => {
    const { caseId } = await storstroemCourse();
    await caseworker('GET', `/api/exit-courses/${caseId}`);
    await caseworker('GET', `/api/cases/${caseId}/notes`);

    const answer = await supervisor('GET', `/api/cases/${caseId}/access-log`);

    expect(answer.status).toBe(200);
    // The start answers the case's detail too: a read of the case and of the person's name, as the opening is.
    expect(rows(answer.body.items)).toEqual([
      ['case_notes_read', ids['kf.storstroem'], caseId],
      ['person_name_read', ids['kf.storstroem'], caseId],
      ['case_read', ids['kf.storstroem'], caseId],
      ['person_name_read', ids['kf.storstroem'], caseId],
      ['case_read', ids['kf.storstroem'], caseId],
    ]);
    expect([answer.body.page, answer.body.pageSize, answer.body.total]).toEqual([1, 20, 5]);
    const [newest] = answer.body.items;
    expect(newest).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: expect.any(String),
      user: {
        id: ids['kf.storstroem'],
        displayName: 'Sagsbehandler, Storstrøm Fængsel',
        role: 'kf_caseworker',
        roleLabel: 'Sagsbehandler, Kriminalforsorgen',
        units: [STORSTROEM],
      },
      action: 'case_notes_read',
      actionLabel: 'Læste sagens journal',
      case: { id: caseId, caseType: 'exit_course', caseTypeLabel: 'Exit-forløb' },
    });
    expect(new Date(newest.at).toISOString()).toBe(newest.at);
    expect(await logged(ids['kf.leder.storstroem'], 'access_log_read', { caseId })).toEqual([null]);
  });

  it('includes its own earlier reads, pages, and filters by period and user (the filters logged)', async () => {
    const { caseId } = await storstroemCourse();
    await caseworker('GET', `/api/exit-courses/${caseId}`);
    await supervisor('GET', `/api/cases/${caseId}/access-log`);

    const second = await supervisor('GET', `/api/cases/${caseId}/access-log?pageSize=1&page=2`);
    expect([second.status, rows(second.body.items), second.body.total]).toEqual([
      200,
      [['person_name_read', ids['kf.storstroem'], caseId]],
      5,
    ]);
    const first = await supervisor('GET', `/api/cases/${caseId}/access-log?pageSize=1`);
    expect([rows(first.body.items), first.body.total]).toEqual([
      [['access_log_read', ids['kf.leder.storstroem'], caseId]],
      6,
    ]);
    const mine = await supervisor('GET', `/api/cases/${caseId}/access-log?userId=${ids['kf.storstroem']}`);
    expect(rows(mine.body.items)).toEqual([
      ['person_name_read', ids['kf.storstroem'], caseId],
      ['case_read', ids['kf.storstroem'], caseId],
      ['person_name_read', ids['kf.storstroem'], caseId],
      ['case_read', ids['kf.storstroem'], caseId],
    ]);
    const today = danishDateInDays(0);
    const todays = await supervisor('GET', `/api/cases/${caseId}/access-log?from=${today}&to=${today}`);
    expect(todays.body.total).toBe(8);
    const tomorrow = await supervisor('GET', `/api/cases/${caseId}/access-log?from=${danishDateInDays(1)}`);
    const yesterday = await supervisor('GET', `/api/cases/${caseId}/access-log?to=${danishDateInDays(-1)}`);
    expect([tomorrow.body.total, yesterday.body.total]).toEqual([0, 0]);
    expect(await logged(ids['kf.leder.storstroem'], 'access_log_read', { caseId })).toEqual([
      null,
      null,
      null,
      { userId: ids['kf.storstroem'] },
      { from: today, to: today },
      { from: danishDateInDays(1) },
      { to: danishDateInDays(-1) },
    ]);
  });

  it('is Kriminalforsorgen’s data protection’s to read too, for both prisons’ cases', async () => {
    const { caseId } = await storstroemCourse();
    const officer = await sut.as('kf.databeskyttelse');
    const answer = await officer('GET', `/api/cases/${caseId}/access-log`);
    expect([answer.status, answer.body.total]).toEqual([200, 2]);
    expect(await logged(ids['kf.databeskyttelse'], 'access_log_read', { caseId })).toEqual([null]);
  });

  it('answers 404 outside the scope, 403 without the permission, and logs neither', async () => {
    const { caseId } = await storstroemCourse();
    const notFound = { code: 'CASE_NOT_FOUND', message: 'Sagen findes ikke.', details: { caseId } };
    for (const username of ['politi.leder.kbh', 'politi.leder.national', 'kommune.kbh.databeskyttelse']) {
      const client = await sut.as(username);
      const answer = await client('GET', `/api/cases/${caseId}/access-log`);
      expect([username, answer.status, answer.body]).toEqual([username, 404, notFound]);
    }
    const unknown = randomUUID();
    expect((await supervisor('GET', `/api/cases/${unknown}/access-log`)).body).toEqual({
      ...notFound,
      details: { caseId: unknown },
    });
    expect((await supervisor('GET', '/api/cases/ikke-et-id/access-log')).status).toBe(404);
    const refused = await caseworker('GET', `/api/cases/${caseId}/access-log`);
    expect(refused.status).toBe(403);
    const [{ n }] = await sut.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'access_log_read' AND case_id = $1`,
      [caseId],
    );
    expect(n).toBe(0);
  });

  it('refuses filters it cannot read with the field named in Danish', async () => {
    const { caseId } = await storstroemCourse();
    const problems = async (query: string) => {
      const answer = await supervisor('GET', `/api/cases/${caseId}/access-log?${query}`);
      return [answer.status, answer.body.details];
    };
    expect(await problems('from=2026-02-30')).toEqual([
      400,
      [{ field: 'from', problems: ['Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'] }],
    ]);
    expect(await problems('from=2026-03-02&to=2026-03-01')).toEqual([
      400,
      [{ field: 'to', problems: ['Til-datoen må ikke ligge før fra-datoen.'] }],
    ]);
    expect(await problems('userId=kf.storstroem')).toEqual([
      400,
      [{ field: 'userId', problems: ['Brugeren skal angives med sit id.'] }],
    ]);
    expect(await problems('page=0')).toEqual([400, [{ field: 'page', problems: ['Sidetallet skal være mindst 1.'] }]]);
  });
});

describe('who read the information about this person', () => {
  it('shows the rows about the person by the own organisation and about each of their cases the reader may see', async () => {
    const { caseId, personRef } = await storstroemCourse();
    const other = await storstroemCourse(await sut.as('kf.ennermark'), 'KF-ENNER-MARK');
    await caseworker('GET', `/api/persons/${personRef}`);
    await caseworker('GET', `/api/exit-courses/${caseId}`);
    // Reads as the API records them: the police reading the person, another prison's reads naming a case that is
    // not the person's.
    await sut.db.query(
      `INSERT INTO access_log (user_id, role, action, case_id, person_ref) VALUES
         ($1, 'police_exit_officer', 'person_read', NULL, $2),
         ($3, 'kf_caseworker', 'person_name_read', $4, $2),
         ($3, 'kf_caseworker', 'case_read', $4, NULL)`,
      [ids['politi.kbh.exit'], personRef, ids['kf.ennermark'], other.caseId],
    );

    const answer = await supervisor('GET', `/api/persons/${personRef}/access-log`);

    expect(answer.status).toBe(200);
    // Not the police's read of the person, nor the read of the other prison's case; the other prison's read
    // of the person's name is there, without its case.
    const expected = [
      ['person_name_read', ids['kf.ennermark'], null],
      ['person_name_read', ids['kf.storstroem'], caseId],
      ['case_read', ids['kf.storstroem'], caseId],
      ['person_read', ids['kf.storstroem'], null],
      ['person_name_read', ids['kf.storstroem'], caseId],
      ['case_read', ids['kf.storstroem'], caseId],
      ['person_register', ids['kf.storstroem'], null],
    ];
    expect(rows(answer.body.items)).toEqual(expected);
    expect(answer.body.items[3].actionLabel).toBe('Læste personens navn og CPR-nummer');
    expect(await logged(ids['kf.leder.storstroem'], 'access_log_read', { personRef })).toEqual([null]);
    const national = await sut.as('kf.leder.national');
    const all = await national('GET', `/api/persons/${personRef}/access-log`);
    // The same, and the local supervisor's read of the log (by the own organisation, about the person).
    expect(rows(all.body.items)).toEqual([['access_log_read', ids['kf.leder.storstroem'], null], ...expected]);
  });

  it('answers 404 for a person outside the scope or unknown, 403 without the permission', async () => {
    const { personRef } = await storstroemCourse(await sut.as('kf.ennermark'), 'KF-ENNER-MARK');
    const notFound = { code: 'PERSON_NOT_FOUND', message: 'Personen findes ikke.', details: null };
    for (const ref of [personRef, randomUUID(), 'ikke-en-person']) {
      const answer = await supervisor('GET', `/api/persons/${ref}/access-log`);
      expect([answer.status, answer.body]).toEqual([404, notFound]);
    }
    expect((await (await sut.as('politi.databeskyttelse'))('GET', `/api/persons/${personRef}/access-log`)).status).toBe(
      404,
    );
    expect((await caseworker('GET', `/api/persons/${personRef}/access-log`)).status).toBe(403);
    expect(await logged(ids['kf.leder.storstroem'], 'access_log_read', { personRef })).toEqual([]);
  });
});

describe('the action labels', () => {
  it('name every action in Danish, each differently', () => {
    const labels = Object.values(ACCESS_LOG_ACTION_LABELS);
    expect(labels.every((label) => /^[A-ZÆØÅ]/.test(label))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
