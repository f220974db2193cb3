import { randomUUID } from 'node:crypto';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { DataSource } from 'typeorm';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { openReadModel } from '../support/read-model';

/** The API's and worker's connection (the runtime role). */
let db: DataSource;
/** The tables' owner (migrations only). */
let owner: DataSource;
let caseId: string;

beforeAll(async () => {
  db = await openReadModel();
  owner = await new DataSource(readModelDataSourceOptions(process.env.EXITFLOW_TEST_OWNER_DATABASE_URL!)).initialize();
  caseId = randomUUID();
  await new ReadModelRecorder(db).recordTransition({
    caseId,
    seq: 1,
    opened: {
      caseType: 'exit_course',
      workflowId: `exit-course-${caseId}`,
      personRef: randomUUID(),
      orgUnit: 'KF-NYBORG',
      status: 'awaiting_suitability_assessment',
      openedAt: '2026-11-02T09:00:00.000Z',
      exitCourse: { expectedReleaseDate: '2027-05-01', paroleLinked: false },
    },
    events: [
      {
        eventId: randomUUID(),
        action: 'case_started',
        occurredAt: '2026-11-02T09:00:00.000Z',
        recordedAt: '2026-11-02T09:00:00.000Z',
        actorId: 'u1',
        reason: 'original',
      },
    ],
  });
  await db.query(
    `INSERT INTO access_log (user_id, role, action, case_id) VALUES ('u1', 'kf_caseworker', 'case_read', $1)`,
    [caseId],
  );
});

afterAll(async () => {
  await db?.destroy();
  await owner?.destroy();
});

describe('the runtime role the API and worker connect as may only read and add audit rows', () => {
  it.each([
    [`UPDATE case_events SET reason = 'rewritten' WHERE case_id = $1`, 'permission denied for table case_events'],
    [`DELETE FROM case_events WHERE case_id = $1`, 'permission denied for table case_events'],
    [`UPDATE access_log SET user_id = 'someone-else' WHERE case_id = $1`, 'permission denied for table access_log'],
    [`DELETE FROM access_log WHERE case_id = $1`, 'permission denied for table access_log'],
  ])('refuses %s', async (sql, message) => {
    await expect(db.query(sql, [caseId])).rejects.toThrow(message);
  });

  it.each(['case_events', 'access_log', 'organisation_unit_changes', 'case_notes', 'case_documents'])(
    'cannot truncate %s, nor switch its triggers off',
    async (table) => {
      await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(`permission denied for table ${table}`);
      await expect(db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`)).rejects.toThrow(
        `must be owner of table ${table}`,
      );
    },
  );
});

describe('the audit tables are append-only even for their owner (triggers)', () => {
  it.each([
    ['UPDATE case_events', `UPDATE case_events SET reason = 'rewritten' WHERE case_id = $1`, 'case_events'],
    ['DELETE FROM case_events', `DELETE FROM case_events WHERE case_id = $1`, 'case_events'],
    ['UPDATE access_log', `UPDATE access_log SET user_id = 'someone-else' WHERE case_id = $1`, 'access_log'],
    ['DELETE FROM access_log', `DELETE FROM access_log WHERE case_id = $1`, 'access_log'],
  ])('refuses %s', async (_name, sql, table) => {
    await expect(owner.query(sql, [caseId])).rejects.toThrow(`the audit table ${table} is append-only`);
  });

  it.each(['case_events', 'access_log', 'organisation_unit_changes', 'case_notes', 'case_documents'])(
    'refuses TRUNCATE %s',
    async (table) => {
      await expect(owner.query(`TRUNCATE ${table}`)).rejects.toThrow(`the audit table ${table} is append-only`);
    },
  );

  it('keeps the rows exactly as written', async () => {
    const events = await db.query(`SELECT reason FROM case_events WHERE case_id = $1`, [caseId]);
    expect(events).toEqual([{ reason: 'original' }]);
    const reads = await db.query(`SELECT user_id, action FROM access_log WHERE case_id = $1`, [caseId]);
    expect(reads).toEqual([{ user_id: 'u1', action: 'case_read' }]);
  });
});
