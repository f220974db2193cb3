import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { openReadModel } from '../support/read-model';

let db: DataSource;
let caseId: string;

beforeAll(async () => {
  db = await openReadModel();
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
    events: [{ eventId: randomUUID(), action: 'case_started', occurredAt: '2026-11-02T09:00:00.000Z', recordedAt: '2026-11-02T09:00:00.000Z', actorId: 'u1', reason: 'original' }],
  });
  await db.query(`INSERT INTO access_log (user_id, role, action, case_id) VALUES ('u1', 'kf_caseworker', 'case_read', $1)`, [caseId]);
});

afterAll(() => db?.destroy());

describe('the audit tables are append-only in the database itself', () => {
  it.each([
    ['UPDATE case_events', `UPDATE case_events SET reason = 'rewritten' WHERE case_id = $1`, 'case_events'],
    ['DELETE FROM case_events', `DELETE FROM case_events WHERE case_id = $1`, 'case_events'],
    ['UPDATE access_log', `UPDATE access_log SET user_id = 'someone-else' WHERE case_id = $1`, 'access_log'],
    ['DELETE FROM access_log', `DELETE FROM access_log WHERE case_id = $1`, 'access_log'],
  ])('refuses %s', async (_name, sql, table) => {
    await expect(db.query(sql, [caseId])).rejects.toThrow(`the audit table ${table} is append-only`);
  });

  it.each(['case_events', 'access_log'])('refuses TRUNCATE %s', async (table) => {
    await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(`the audit table ${table} is append-only`);
  });

  it('keeps the rows exactly as written', async () => {
    const events = await db.query(`SELECT reason FROM case_events WHERE case_id = $1`, [caseId]);
    expect(events).toEqual([{ reason: 'original' }]);
    const reads = await db.query(`SELECT user_id, action FROM access_log WHERE case_id = $1`, [caseId]);
    expect(reads).toEqual([{ user_id: 'u1', action: 'case_read' }]);
  });
});
