import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import type { CaseTransition } from '../../libs/domain/case/case-transition';
import { openReadModel } from '../support/read-model';

let db: DataSource;
let recorder: ReadModelRecorder;

beforeAll(async () => {
  db = await openReadModel();
  recorder = new ReadModelRecorder(db);
});

afterAll(() => db?.destroy());

function opening(caseId: string, stepId: string): CaseTransition {
  return {
    caseId,
    seq: 1,
    opened: {
      caseType: 'exit_course',
      workflowId: `exit-course-${caseId}`,
      personRef: 'P-TEST-0002',
      orgUnit: 'KF-NYBORG',
      status: 'awaiting_suitability_assessment',
      openedAt: '2026-11-02T09:00:00.000Z',
      exitCourse: { expectedReleaseDate: '2027-05-01', paroleLinked: true },
    },
    stepsOpened: [
      {
        stepId,
        kind: 'suitability_assessment',
        openedAt: '2026-11-02T09:00:00.000Z',
        dueAt: '2026-12-02T23:00:00.000Z',
      },
    ],
    events: [
      {
        eventId: randomUUID(),
        action: 'case_started',
        occurredAt: '2026-11-02T09:00:00.000Z',
        recordedAt: '2026-11-02T09:00:01.000Z',
        actorId: 'u1',
      },
      {
        eventId: randomUUID(),
        action: 'step_opened',
        occurredAt: '2026-11-02T09:00:00.000Z',
        recordedAt: '2026-11-02T09:00:01.000Z',
        actorId: 'u1',
        stepId,
      },
    ],
  };
}

async function counts(caseId: string) {
  const [row] = await db.query(
    `SELECT (SELECT count(*)::int FROM cases WHERE id = $1) AS cases,
            (SELECT count(*)::int FROM exit_courses WHERE case_id = $1) AS exit_courses,
            (SELECT count(*)::int FROM steps WHERE case_id = $1) AS steps,
            (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events`,
    [caseId],
  );
  return row;
}

describe('read-model activity', () => {
  it('adds nothing when a transition is retried (crash after commit, activity timeout)', async () => {
    const caseId = randomUUID();
    const transition = opening(caseId, randomUUID());

    await recorder.recordTransition(transition);
    await recorder.recordTransition(transition);
    await recorder.recordTransition(structuredClone(transition));

    expect(await counts(caseId)).toEqual({ cases: 1, exit_courses: 1, steps: 1, events: 2 });
  });

  it('never lets an older transition overwrite a newer status', async () => {
    const caseId = randomUUID();
    const stepId = randomUUID();
    await recorder.recordTransition(opening(caseId, stepId));
    const rejection: CaseTransition = {
      caseId,
      seq: 2,
      status: { status: 'rejected', closedAt: '2026-11-05T10:00:00.000Z' },
      stepsClosed: [
        {
          stepId,
          status: 'completed',
          completedAt: '2026-11-05T10:00:00.000Z',
          latenessSeconds: 0,
          outcome: 'rejection',
        },
      ],
      events: [
        {
          eventId: randomUUID(),
          action: 'suitability_rejection',
          occurredAt: '2026-11-05T10:00:00.000Z',
          recordedAt: '2026-11-05T10:00:00.000Z',
          actorId: 'u1',
          reason: 'Ikke egnet.',
        },
      ],
    };
    await recorder.recordTransition(rejection);
    await recorder.recordTransition(opening(caseId, stepId));
    await recorder.recordTransition(rejection);

    const [row] = await db.query(`SELECT status, closed_at, last_seq FROM cases WHERE id = $1`, [caseId]);
    expect(row).toEqual({ status: 'rejected', closed_at: new Date('2026-11-05T10:00:00.000Z'), last_seq: 2 });
    const [step] = await db.query(
      `SELECT status, lateness_seconds::integer AS lateness_seconds, outcome FROM steps WHERE id = $1`,
      [stepId],
    );
    expect(step).toEqual({ status: 'completed', lateness_seconds: 0, outcome: 'rejection' });
    expect(await counts(caseId)).toEqual({ cases: 1, exit_courses: 1, steps: 1, events: 3 });
  });

  it('refuses a transition for a case the read model does not have, so Temporal retries it', async () => {
    const caseId = randomUUID();
    await expect(
      recorder.recordTransition({ caseId, seq: 2, status: { status: 'rejected' }, events: [] }),
    ).rejects.toMatchObject({
      message: `Read model write failed for transition 2 of case ${caseId}: CaseNotInReadModelError`,
      type: 'ReadModelFailed',
      nonRetryable: false,
    });
    expect(await counts(caseId)).toEqual({ cases: 0, exit_courses: 0, steps: 0, events: 0 });
  });
});
