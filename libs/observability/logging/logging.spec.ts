import { stripVTControlCharacters } from 'node:util';
import { Writable } from 'node:stream';
import { ApplicationFailure } from '@temporalio/common';
import { createExitflowLogger, REDACTED } from './exitflow-logger';
import { levelOfNestLevels } from './nest-logger';
import { isSaneRequestId, requestIdFrom } from './request-id';
import { caseIdOfWorkflow, PinoTemporalLogger, temporalLogFields } from './temporal-logger';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CASE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('the JSON logger', () => {
  it('writes one JSON object a line with the service, an ISO time and the level as a word', () => {
    const { stream, lines } = capture();
    createExitflowLogger({ format: 'json', level: 'info' }, 'api', stream).info(
      { caseId: CASE_ID },
      'Sagen er startet',
    );
    const [line] = lines();
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      hostname: expect.any(String),
      service: 'api',
      caseId: CASE_ID,
      msg: 'Sagen er startet',
    });
  });

  it('redacts credentials, personal data and free text wherever a log object names them', () => {
    const { stream, lines } = capture();
    createExitflowLogger({ format: 'json', level: 'info' }, 'api', stream).warn(
      {
        authorization: 'Bearer eyJhbGciOi',
        cookie: 'session=1',
        cpr: '120379-1234',
        name: 'Zacharias Særnavnsen',
        reason: 'Zacharias vil ikke',
        body: { cpr: '1203791234' },
        query: 'cpr=1203791234',
        headers: { authorization: 'Bearer x', cookie: 'y' },
        person: { name: 'Zacharias Særnavnsen', cpr: '120379-1234', displayName: 'Z S' },
        login: { password: 'exitflow-demo', accessToken: 'eyJ' },
        status: 201,
      },
      'noget',
    );
    const [line] = lines();
    expect(line).toMatchObject({
      authorization: REDACTED,
      cookie: REDACTED,
      cpr: REDACTED,
      name: REDACTED,
      reason: REDACTED,
      body: REDACTED,
      query: REDACTED,
      headers: REDACTED,
      person: { name: REDACTED, cpr: REDACTED, displayName: REDACTED },
      login: { password: REDACTED, accessToken: REDACTED },
      status: 201,
    });
  });

  it('masks a CPR number in a message, with or without its dash, and leaves ids and times alone', () => {
    const { stream, lines } = capture();
    const logger = createExitflowLogger({ format: 'json', level: 'info' }, 'worker', stream);
    logger.info(`Opslag på 120379-1234 og 1203791234 for sag ${CASE_ID} kl. 2026-12-02T13:47:46.123Z`);
    logger.info('Nummer %s', '050601-4321');
    expect(lines().map((line) => line.msg)).toEqual([
      `Opslag på [cpr] og [cpr] for sag ${CASE_ID} kl. 2026-12-02T13:47:46.123Z`,
      'Nummer [cpr]',
    ]);
  });

  it("shows an error's class and code, never its message or stack", () => {
    const { stream, lines, text } = capture();
    const driverError = Object.assign(new TypeError('null value in column "reason" violates: Zacharias Særnavnsen'), {
      code: '23502',
    });
    const logger = createExitflowLogger({ format: 'json', level: 'info' }, 'api', stream);
    logger.error({ err: driverError }, 'Unhandled');
    logger.error({ error: ApplicationFailure.nonRetryable('Zacharias', 'ReadModelRejected') }, 'Activity failed');
    expect(lines().map((line) => [line.err, line.error])).toEqual([
      [{ type: 'TypeError', code: '23502' }, undefined],
      [undefined, { type: 'ReadModelRejected' }],
    ]);
    expect(text()).not.toContain('Zacharias');
  });

  it('never writes a terminal colour code in JSON, and honours the level', () => {
    const { stream, lines, text } = capture();
    const logger = createExitflowLogger({ format: 'json', level: 'warn' }, 'api', stream);
    logger.info('ikke med');
    logger.warn('\u001b[31mrød\u001b[39m besked');
    expect(lines().map((line) => line.msg)).toEqual(['rød besked']);
    expect(text()).not.toContain('\u001b');
  });

  it('writes readable single lines in pretty mode, with the service and context', () => {
    const { stream, text } = capture();
    createExitflowLogger({ format: 'pretty', level: 'info' }, 'worker', stream).info(
      { context: 'Notices', caseId: CASE_ID },
      'Besked sendt',
    );
    const plain = stripVTControlCharacters(text());
    expect(plain).toMatch(
      new RegExp(
        `^\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] INFO: worker \\[Notices\\] Besked sendt \\{"caseId":"${CASE_ID}"\\}\\n$`,
      ),
    );
  });
});

describe('the request id', () => {
  it.each([CASE_ID, '01HZX3J8K9QW2E5R7T9Y1U3I5O', 'abcd1234', 'a1b2c3d4e5f60718.span:01', 'x'.repeat(128)])(
    'keeps a sane incoming X-Request-Id: %s',
    (id) => {
      expect(isSaneRequestId(id)).toBe(true);
      expect(requestIdFrom(id)).toBe(id);
    },
  );

  it.each([
    ['too short', 'abc1234'],
    ['too long', 'x'.repeat(129)],
    ['a space', 'Jens Hansen 1'],
    ['a line break', 'abcd1234\n{"level":"fatal"}'],
    ['a quote', 'abcd"1234'],
    ['letters outside ASCII', 'Særnavnsen1'],
    ['a CPR number', '120379-1234'],
    ['a CPR number without its dash', '1203791234'],
    ['empty', ''],
  ])('replaces one with %s by a new UUID', (_why, id) => {
    expect(isSaneRequestId(id)).toBe(false);
    expect(requestIdFrom(id)).toMatch(UUID);
  });

  it('replaces a missing header and one sent twice by a new UUID each time', () => {
    const first = requestIdFrom(undefined);
    expect(first).toMatch(UUID);
    expect(requestIdFrom(['abcd1234', 'efgh5678'])).toMatch(UUID);
    expect(requestIdFrom(undefined)).not.toBe(first);
  });
});

describe('the Temporal SDK lines', () => {
  it('keep ids, types and counters, rename the run id, add the case id, and drop everything else', () => {
    expect(
      temporalLogFields({
        sdkComponent: 'activity',
        workflowId: `exit-course-${CASE_ID}`,
        workflowRunId: 'run-1',
        workflowType: 'exitCourseWorkflow',
        activityType: 'recordTransition',
        activityId: '3',
        attempt: 2,
        isLocal: false,
        taskToken: 'CiQ2ZmE0',
        durationMs: 12,
        options: { dataConverter: { payloadCodecs: [{ keys: 'secret' }] } },
        error: new Error('Zacharias Særnavnsen'),
      }),
    ).toEqual({
      sdkComponent: 'activity',
      workflowId: `exit-course-${CASE_ID}`,
      runId: 'run-1',
      workflowType: 'exitCourseWorkflow',
      activityType: 'recordTransition',
      activityId: '3',
      attempt: 2,
      isLocal: false,
      durationMs: 12,
      error: { type: 'Error' },
      caseId: CASE_ID,
    });
  });

  it('know the case id of every case type, and of nothing else', () => {
    expect(caseIdOfWorkflow(`dks-case-${CASE_ID}`)).toBe(CASE_ID);
    expect(caseIdOfWorkflow(`access-request-${CASE_ID}`)).toBe(CASE_ID);
    expect(caseIdOfWorkflow('retention-schedule')).toBeUndefined();
    expect(caseIdOfWorkflow('exit-course-not-a-uuid')).toBeUndefined();
  });

  it('are written at their own level (TEMPORAL_WORKER_LOG_LEVEL), below the root logger', () => {
    const { stream, lines } = capture();
    const root = createExitflowLogger({ format: 'json', level: 'warn' }, 'worker', stream);
    const sdk = new PinoTemporalLogger(root, 'DEBUG');
    sdk.trace('ikke med');
    sdk.debug('Activity completed', { workflowId: `exit-course-${CASE_ID}`, durationMs: 3 });
    root.info('heller ikke med');
    expect(lines().map(({ level, context, msg, caseId }) => ({ level, context, msg, caseId }))).toEqual([
      { level: 'debug', context: 'Temporal', msg: 'Activity completed', caseId: CASE_ID },
    ]);
  });
});

describe("Nest's log levels as pino's", () => {
  it('takes the most verbose level listed, else the setting', () => {
    expect(levelOfNestLevels(['error', 'warn'], 'info')).toBe('warn');
    expect(levelOfNestLevels(['log', 'error', 'warn', 'debug', 'verbose'], 'info')).toBe('trace');
    expect(levelOfNestLevels(['error'], 'debug')).toBe('error');
    expect(levelOfNestLevels(undefined, 'debug')).toBe('debug');
  });
});
