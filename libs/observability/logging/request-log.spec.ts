import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import express from 'express';
import { createExitflowLogger } from './exitflow-logger';
import { nestLoggerOver } from './nest-logger';
import { bindRequestLogger, noteRequestCaseId, noteRequestError, requestLogging } from './request-log';

const CASE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** The request middleware on a real HTTP server (Express, as the API): what its lines hold, and what never. */
describe('the request lines', () => {
  const chunks: string[] = [];
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  let baseUrl: string;
  let close: () => void;

  beforeAll(async () => {
    const root = createExitflowLogger(
      { format: 'json', level: 'info' },
      'api',
      new Writable({
        write(chunk, _encoding, done) {
          chunks.push(String(chunk));
          done();
        },
      }),
    );
    Logger.overrideLogger(nestLoggerOver(root));
    const app = express();
    app.use(requestLogging(root));
    app.use(express.json());
    app.use(bindRequestLogger);
    app.post('/api/cases/:id/notes', (request, response) => {
      noteRequestCaseId(request.params.id);
      new Logger('Notes').log('Noten er gemt');
      response.status(201).json({ ok: true });
    });
    app.get('/api/failing', (_request, response) => {
      noteRequestError(response, { errorClass: 'QueryFailedError', errorCode: 'INTERNAL_ERROR' });
      response.status(500).json({ code: 'INTERNAL_ERROR' });
    });
    app.get('/page.js', (_request, response) => {
      response.type('js').send('');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });

  afterAll(() => {
    close();
    Logger.overrideLogger(false);
  });

  async function until(count: number): Promise<Record<string, unknown>[]> {
    for (let attempt = 0; attempt < 50 && lines().length < count; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return lines();
  }

  it("give a Nest Logger line inside a request the request's id and case id, and log the request once", async () => {
    const answer = await fetch(`${baseUrl}/api/cases/${CASE_ID}/notes?cpr=1203791234&navn=Jens`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.secret',
        cookie: 'session=hemmelig',
        'x-request-id': 'proxy-req-00042',
      },
      body: JSON.stringify({ note: 'Jens Hansen 120379-1234 har det svært' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-request-id')).toBe('proxy-req-00042');
    const [inside, requestLine] = await until(2);
    expect(inside).toMatchObject({
      level: 'info',
      requestId: 'proxy-req-00042',
      caseId: CASE_ID,
      context: 'Notes',
      msg: 'Noten er gemt',
    });
    expect(requestLine).toEqual({
      level: 'info',
      time: expect.any(String),
      pid: process.pid,
      hostname: expect.any(String),
      service: 'api',
      requestId: 'proxy-req-00042',
      caseId: CASE_ID,
      method: 'POST',
      route: '/api/cases/:id/notes',
      status: 201,
      durationMs: expect.any(Number),
      msg: 'POST /api/cases/:id/notes 201',
    });
    const text = chunks.join('');
    for (const secret of ['eyJ', 'hemmelig', 'Jens', '1203791234', '120379-1234', 'svært', 'navn']) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('log a failure at error level with the noted class and code, and skip the web page', async () => {
    chunks.length = 0;
    await fetch(`${baseUrl}/page.js`);
    expect((await fetch(`${baseUrl}/api/failing`)).status).toBe(500);
    const [line, ...more] = await until(1);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 'error',
      route: '/api/failing',
      status: 500,
      errorClass: 'QueryFailedError',
      errorCode: 'INTERNAL_ERROR',
      msg: 'GET /api/failing 500',
    });
    expect(line).not.toHaveProperty('err');
  });
});
