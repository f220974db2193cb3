import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ScrubbingSpanExporter, scrubSpan, withoutQuery } from './span-scrubbing';

const context = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED };

function span(overrides: Partial<ReadableSpan>): ReadableSpan {
  return {
    name: 'GET /api/cases',
    kind: SpanKind.SERVER,
    spanContext: () => context,
    parentSpanId: 'c'.repeat(16),
    startTime: [1, 0],
    endTime: [2, 0],
    status: { code: SpanStatusCode.OK },
    attributes: {},
    links: [],
    events: [],
    duration: [1, 0],
    ended: true,
    resource: new Resource({ 'service.name': 'exitflow-api' }),
    instrumentationLibrary: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  };
}

describe('spans leave the process without personal data', () => {
  it('cuts query strings and fragments', () => {
    expect(withoutQuery('/api/cases?name=Jens%20Testesen&cpr=010190-1234')).toBe('/api/cases');
    expect(withoutQuery('http://h:1/api/persons#010190-1234')).toBe('http://h:1/api/persons');
    expect(withoutQuery('/api/cases')).toBe('/api/cases');
  });

  it('keeps the listed attributes, paths without their query, and drops every other', () => {
    const scrubbed = scrubSpan(
      span({
        name: 'GET /api/cases?cpr=010190-1234',
        attributes: {
          'http.method': 'GET',
          'http.target': '/api/cases?cpr=010190-1234',
          'http.url': 'http://127.0.0.1:3000/api/cases?name=Jens',
          'url.path': '/api/cases',
          'http.status_code': 400,
          'http.user_agent': 'Mozilla/5.0',
          'net.peer.ip': '10.0.0.7',
          'http.client_ip': '10.0.0.7',
          'url.query': 'cpr=010190-1234',
          workflowId: 'exit-course-1',
          memo: 'Jens Testesen',
          temporalTerminateReason: 'Jens Testesen bad om det',
        },
      }),
    );
    expect(scrubbed.name).toBe('GET /api/cases');
    expect(scrubbed.attributes).toEqual({
      'http.method': 'GET',
      'http.target': '/api/cases',
      'http.url': 'http://127.0.0.1:3000/api/cases',
      'url.path': '/api/cases',
      'http.status_code': 400,
      workflowId: 'exit-course-1',
    });
  });

  it('keeps of a failure its status code and exception type, never its message or stack', () => {
    const scrubbed = scrubSpan(
      span({
        status: { code: SpanStatusCode.ERROR, message: 'Jens Testesen er allerede i forløb' },
        events: [
          {
            name: 'exception',
            time: [1, 5],
            attributes: {
              'exception.type': 'ApplicationFailure',
              'exception.message': 'Jens Testesen er allerede i forløb',
              'exception.stacktrace': 'ApplicationFailure: Jens Testesen …',
            },
          },
          { name: 'note: 010190-1234', time: [1, 6], attributes: { text: 'fri tekst' } },
        ],
        links: [{ context, attributes: { reason: 'fri tekst' } }],
      }),
    );
    expect(scrubbed.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(scrubbed.events).toEqual([
      {
        name: 'exception',
        time: [1, 5],
        attributes: { 'exception.type': 'ApplicationFailure' },
        droppedAttributesCount: 0,
      },
      { name: 'event', time: [1, 6], attributes: {}, droppedAttributesCount: 0 },
    ]);
    expect(scrubbed.links).toEqual([{ context }]);
    expect([scrubbed.spanContext(), scrubbed.parentSpanId, scrubbed.kind]).toEqual([
      context,
      'c'.repeat(16),
      SpanKind.SERVER,
    ]);
  });

  it('hands the exporter scrubbed spans only', () => {
    const exported: ReadableSpan[] = [];
    const inner: SpanExporter = {
      export: (spans: ReadableSpan[], done: (result: ExportResult) => void) => {
        exported.push(...spans);
        done({ code: 0 });
      },
      shutdown: async () => undefined,
    };
    const results: ExportResult[] = [];
    new ScrubbingSpanExporter(inner).export([span({ attributes: { 'http.user_agent': 'x' } })], (result) =>
      results.push(result),
    );
    expect(exported.map((one) => one.attributes)).toEqual([{}]);
    expect(results).toEqual([{ code: 0 }]);
  });
});
