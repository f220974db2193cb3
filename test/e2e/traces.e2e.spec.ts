import { Worker } from '@temporalio/worker';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { tracingReplayOptions } from '../../libs/observability/tracing/temporal-tracing';
import { encryptedDataConverter } from '../../libs/temporal/temporal-connection';
import { fakeCpr, fakeName } from '../support/demo-people';
import { eventually } from '../support/eventually';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';
import { WORKFLOWS_PATH } from '../support/temporal-test-env';

/** One span as the OTLP/HTTP exporter sent it (JSON: ids in hex, attributes as key/value lists). */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** A real OTLP/HTTP receiver: stores every export request's body as it came, and the spans in it. */
async function startOtlpReceiver() {
  const bodies: string[] = [];
  const spans: ReceivedSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (request.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
      paths.push(`${request.method} ${request.url} ${request.headers['content-type']}`);
      bodies.push(text);
      for (const resourceSpans of JSON.parse(text).resourceSpans ?? []) {
        const resource = attributesOf(resourceSpans.resource?.attributes);
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            spans.push({
              service: String(resource['service.name']),
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bodies,
    spans,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function attributesOf(list: { key: string; value: Record<string, unknown> }[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));
}

const SERVER = 2;

describe('traces: from the HTTP request through the Temporal client and workflow to the activity', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let sut: SystemUnderTest;
  const name = fakeName();
  let cpr = '';

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    cpr = await fakeCpr();
    sut = await startSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
  });

  afterAll(async () => {
    await sut?.stop();
    await receiver?.close();
  });

  it('puts a decision in one trace with its parents, and never a name or CPR number in a span', async () => {
    const api = await sut.as('kf.storstroem');
    const person = await api('POST', '/api/persons', { name, cpr });
    expect(person.status).toBe(201);
    // A query string that carries personal data: its span keeps the path only.
    const searched = await api('GET', `/api/cases?name=${encodeURIComponent(name)}&cpr=${cpr}`);
    expect(searched.status).toBe(400);
    const started = await api('POST', '/api/exit-courses', {
      personRef: person.body.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-01-01',
      paroleLinked: false,
    });
    expect(started.status).toBe(201);
    const caseId: string = started.body.id;
    const decided = await api('POST', `/api/exit-courses/${caseId}/suitability-assessment`, { outcome: 'offer' });
    expect(decided.status).toBe(200);

    const route = 'POST /api/exit-courses/:id/suitability-assessment';
    const decisionTrace = () => {
      const server = receiver.spans.find((span) => span.name === route);
      return server ? receiver.spans.filter((span) => span.traceId === server.traceId) : [];
    };
    // The request, the client's update, its validation and handling, and the two transitions it writes.
    const spans = await eventually(
      async () => decisionTrace(),
      (found) => found.length >= 8,
      300,
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const tree = spans
      .map((span) => [span.name, span.parentSpanId ? (byId.get(span.parentSpanId)?.name ?? 'elsewhere') : null])
      .sort((a, b) => `${a}`.localeCompare(`${b}`));
    const update = 'recordSuitabilityAssessment';
    expect(tree).toEqual(
      [
        [route, null],
        [`StartWorkflowUpdate:${update}`, route],
        [`ValidateUpdate:${update}`, `StartWorkflowUpdate:${update}`],
        [`HandleUpdate:${update}`, `StartWorkflowUpdate:${update}`],
        ['StartActivity:recordTransition', `HandleUpdate:${update}`],
        ['StartActivity:recordTransition', `HandleUpdate:${update}`],
        ['RunActivity:recordTransition', 'StartActivity:recordTransition'],
        ['RunActivity:recordTransition', 'StartActivity:recordTransition'],
      ].sort((a, b) => `${a}`.localeCompare(`${b}`)),
    );
    const server = spans.find((span) => span.name === route)!;
    expect(server).toMatchObject({ kind: SERVER, service: 'exitflow-e2e' });
    expect(server.attributes).toEqual({
      'http.method': 'POST',
      'http.route': '/api/exit-courses/:id/suitability-assessment',
      'http.target': `/api/exit-courses/${caseId}/suitability-assessment`,
      'http.url': `${sut.baseUrl}/api/exit-courses/${caseId}/suitability-assessment`,
      'http.scheme': 'http',
      'http.flavor': '1.1',
      'http.status_code': 200,
    });
    const workflowId = `exit-course-${caseId}`;
    for (const span of spans.filter((span) => span.kind !== SERVER)) {
      expect([span.name, span.attributes.temporalWorkflowId ?? span.attributes.workflowId]).toEqual([
        span.name,
        workflowId,
      ]);
    }

    // The search's span names its path, never its query; no export anywhere holds the person's name or CPR.
    const search = receiver.spans.find((span) => span.name === 'GET /api/cases')!;
    expect([search.attributes['http.target'], search.attributes['http.url']]).toEqual([
      '/api/cases',
      `${sut.baseUrl}/api/cases`,
    ]);
    expect(receiver.paths.every((path) => path === 'POST /v1/traces application/json')).toBe(true);
    const exported = receiver.bodies.join('\n');
    for (const personal of [name, encodeURIComponent(name), name.replace(/ /g, '+'), cpr, cpr.replace('-', '')]) {
      expect({ personal, exported: exported.includes(personal) }).toEqual({ personal, exported: false });
    }

    // The interceptors add headers, never commands: the traced history replays with and without them.
    const history = await sut.temporal.workflow.getHandle(workflowId).fetchHistory();
    expect(JSON.stringify(history).includes('_tracer-data')).toBe(true);
    const dataConverter = encryptedDataConverter(sut.config.temporalCodecKeyring, 'mark');
    for (const traced of [false, true]) {
      const options = traced ? tracingReplayOptions() : {};
      await expect(
        Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, dataConverter, ...options }, history, workflowId),
      ).resolves.toBeUndefined();
    }
  });
});

describe('traces switched off (OTEL_SDK_DISABLED=true beside an endpoint)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let sut: SystemUnderTest;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    sut = await startSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SDK_DISABLED: 'true' });
  });

  afterAll(async () => {
    await sut?.stop();
    await receiver?.close();
  });

  it('exports nothing and puts no trace context into Temporal', async () => {
    expect(sut.config.tracing).toBeUndefined();
    const api = await sut.as('kf.storstroem');
    const person = await api('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    const started = await api('POST', '/api/exit-courses', {
      personRef: person.body.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-01-01',
      paroleLinked: false,
    });
    expect(started.status).toBe(201);
    const decided = await api('POST', `/api/exit-courses/${started.body.id}/suitability-assessment`, {
      outcome: 'offer',
    });
    expect(decided.status).toBe(200);
    // Longer than the batch processor's 5 s between exports, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(receiver.paths).toEqual([]);
    const history = await sut.temporal.workflow.getHandle(`exit-course-${started.body.id}`).fetchHistory();
    expect(JSON.stringify(history).includes('_tracer-data')).toBe(false);
  });
});
