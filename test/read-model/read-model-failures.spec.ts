import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import type { CaseTransition } from '../../libs/domain/case/case-transition';
import { classifyDatabaseError } from '../../libs/persistence/database-errors';
import { readModelDataSourceOptions } from '../../libs/persistence/data-source-options';
import { openReadModel, testDatabaseUrl } from '../support/read-model';
import { startTcpProxy } from '../support/tcp-proxy';

/**
 * How the read-model activity fails, against a real PostgreSQL: what the database refuses is
 * non-retryable (the workflow then holds the case for operations), an unreachable database is retryable,
 * and neither failure carries the data — no text, no parameters — only the error's class and SQLSTATE.
 */
let db: DataSource;
let recorder: ReadModelRecorder;

beforeAll(async () => {
  db = await openReadModel();
  recorder = new ReadModelRecorder(db);
});

afterAll(() => db?.destroy());

function opening(caseId: string, seq = 1): CaseTransition {
  return {
    caseId,
    seq,
    opened: {
      caseType: 'network_council',
      workflowId: `network-council-${caseId}`,
      personRef: randomUUID(),
      orgUnit: 'KOM-0101',
      status: 'awaiting_convening',
      openedAt: new Date().toISOString(),
    },
    events: [],
  };
}

function withReason(caseId: string, seq: number, reason: string): CaseTransition {
  return {
    caseId,
    seq,
    events: [
      {
        eventId: randomUUID(),
        action: 'council_convened',
        occurredAt: new Date().toISOString(),
        recordedAt: new Date().toISOString(),
        actorId: 'u',
        reason,
      },
    ],
  };
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('a transition the database refuses', () => {
  it('fails non-retryable as ReadModelRejected, naming class and SQLSTATE only, and writes nothing', async () => {
    const caseId = randomUUID();
    await recorder.recordTransition(opening(caseId));
    const secret = 'Hemmelig Særnavnsen \u0000 fortalte';
    const failure = await failureOf(recorder.recordTransition(withReason(caseId, 2, secret)));
    expect(failure).toMatchObject({ type: 'ReadModelRejected', nonRetryable: true });
    expect(failure.message).toBe(`Read model refused transition 2 of case ${caseId}: QueryFailedError 22021`);
    expect(failure.details).toEqual([{ errorClass: 'QueryFailedError', errorCode: '22021', schemaObject: null }]);
    expect(JSON.stringify({ message: failure.message, details: failure.details, stack: failure.stack })).not.toContain(
      'Særnavnsen',
    );
    expect(failure.cause).toBeUndefined();
    const [row] = await db.query(`SELECT last_seq FROM cases WHERE id = $1`, [caseId]);
    expect(row.last_seq).toBe(1);
  });

  it('names the constraint a value broke', async () => {
    const caseId = randomUUID();
    await recorder.recordTransition(opening(caseId));
    const stepId = randomUUID();
    await recorder.recordTransition({
      caseId,
      seq: 2,
      stepsOpened: [
        {
          stepId,
          kind: 'network_council_convening',
          openedAt: new Date().toISOString(),
          dueAt: new Date().toISOString(),
        },
      ],
      events: [],
    });
    const failure = await failureOf(
      recorder.recordTransition({
        caseId,
        seq: 3,
        stepsClosed: [{ stepId, status: 'completed', completedAt: new Date().toISOString(), latenessSeconds: -1 }],
        events: [],
      }),
    );
    expect([failure.type, failure.nonRetryable, failure.details]).toEqual([
      'ReadModelRejected',
      true,
      [{ errorClass: 'QueryFailedError', errorCode: '23514', schemaObject: 'steps_lateness_seconds_check' }],
    ]);
  });

  it('stores a lateness of decades (a bigint since the moment range was set)', async () => {
    const caseId = randomUUID();
    await recorder.recordTransition(opening(caseId));
    const stepId = randomUUID();
    await recorder.recordTransition({
      caseId,
      seq: 2,
      stepsOpened: [
        { stepId, kind: 'network_council_convening', openedAt: '2000-01-01T00:00:00Z', dueAt: '2000-01-08T00:00:00Z' },
      ],
      events: [],
    });
    const lateness = 99 * 365 * 86400;
    await recorder.recordTransition({
      caseId,
      seq: 3,
      stepsClosed: [{ stepId, status: 'completed', completedAt: '2099-01-01T00:00:00Z', latenessSeconds: lateness }],
      events: [],
    });
    const [step] = await db.query(`SELECT lateness_seconds FROM steps WHERE id = $1`, [stepId]);
    expect(Number(step.lateness_seconds)).toBe(lateness);
  });
});

describe('a database that went away', () => {
  it('fails retryable as ReadModelUnavailable, and writes once it is back', async () => {
    const url = new URL(testDatabaseUrl());
    const proxy = await startTcpProxy(url.hostname, Number(url.port));
    const viaProxy = await new DataSource({
      ...readModelDataSourceOptions(Object.assign(new URL(url.toString()), { port: String(proxy.port) }).toString()),
      extra: { max: 2, connectionTimeoutMillis: 2000 },
    }).initialize();
    try {
      const recorderAway = new ReadModelRecorder(viaProxy);
      await proxy.cut();
      const caseId = randomUUID();
      const failure = await failureOf(recorderAway.recordTransition(opening(caseId)));
      expect([failure.type, failure.nonRetryable]).toEqual(['ReadModelUnavailable', false]);
      expect(failure.message).toMatch(new RegExp(`^Read model unavailable for transition 1 of case ${caseId}: \\w+`));
      await proxy.restore();
      await recorderAway.recordTransition(opening(caseId));
      expect((await db.query(`SELECT last_seq FROM cases WHERE id = $1`, [caseId]))[0]).toEqual({ last_seq: 1 });
    } finally {
      await viaProxy.destroy();
      await proxy.close();
    }
  });
});

describe('the attention list', () => {
  it('records a held transition once per failure count, with one notice to operations, and resolves it', async () => {
    const caseId = randomUUID();
    const attention = {
      caseId,
      caseType: 'dks_assessment' as const,
      workflowId: `dks-case-${caseId}`,
      seq: 4,
      errorClass: 'QueryFailedError',
      errorCode: '22021',
      failures: 1,
    };
    await recorder.recordAttention(attention);
    await recorder.recordAttention(attention); // a retried activity
    await recorder.recordAttention({ ...attention, failures: 2 }); // refused again after a re-drive
    const rows = await db.query(
      `SELECT transition_seq, failures, error_code, resolved_at FROM read_model_failures WHERE case_id = $1`,
      [caseId],
    );
    expect(rows).toEqual([{ transition_seq: 4, failures: 2, error_code: '22021', resolved_at: null }]);
    const notices = await db.query(`SELECT recipient_unit, kind, step_id FROM notifications WHERE case_id = $1`, [
      caseId,
    ]);
    expect(notices).toEqual([{ recipient_unit: 'DRIFT', kind: 'case_needs_attention', step_id: null }]);
    await recorder.resolveAttention({ caseId, seq: 4 });
    const [resolved] = await db.query(`SELECT resolved_at FROM read_model_failures WHERE case_id = $1`, [caseId]);
    expect(resolved.resolved_at).toBeInstanceOf(Date);
  });
});

describe('classifyDatabaseError', () => {
  it.each([
    ['a NUL in text', 'rejected', { code: '22021' }],
    ['an integer out of range', 'rejected', { code: '22003' }],
    ['a unique violation', 'rejected', { code: '23505' }],
    ['a trigger that raises', 'rejected', { code: 'P0001' }],
    ['an undefined table (a missing migration)', 'rejected', { code: '42P01' }],
    ['an administrator shutdown', 'unavailable', { code: '57P01' }],
    ['the server starting up', 'unavailable', { code: '57P03' }],
    ['a deadlock', 'unavailable', { code: '40P01' }],
    ['too many connections', 'unavailable', { code: '53300' }],
    ['a broken pipe', 'unavailable', { code: 'EPIPE' }],
    ['a refused connection', 'unavailable', { code: 'ECONNREFUSED' }],
    ['a terminated connection', 'unavailable', new Error('Connection terminated unexpectedly')],
    ['a pool that waited in vain', 'unavailable', new Error('timeout exceeded when trying to connect')],
    ['a bug in our code', 'unknown', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ])('%s is %s', (_what, kind, error) => {
    expect(classifyDatabaseError(error).kind).toBe(kind);
  });

  it('reads the SQLSTATE from a TypeORM QueryFailedError’s driver error', () => {
    const wrapped = Object.assign(new Error('x'), {
      driverError: { code: '22021', table: 'case_events', column: 'reason' },
    });
    expect(classifyDatabaseError(wrapped)).toEqual({
      kind: 'rejected',
      errorClass: 'Error',
      code: '22021',
      schemaObject: 'case_events.reason',
    });
  });
});
