import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * The only span attributes that leave the process. Everything else is dropped at export, whoever set it:
 * the HTTP instrumentation's client address and user agent, the Temporal sink's copy of the whole
 * WorkflowInfo onto every workflow span (memo, last failure, search attributes), and any attribute a
 * future library adds. Workflow and run ids are case ids, never personal.
 */
const KEPT_ATTRIBUTES = new Set([
  // HTTP (the instrumentation's old and stable semantic conventions)
  'http.method',
  'http.request.method',
  'http.route',
  'http.status_code',
  'http.response.status_code',
  'http.scheme',
  'url.scheme',
  'http.flavor',
  'network.protocol.version',
  'http.target',
  'http.url',
  'url.path',
  // Temporal (@temporalio/interceptors-opentelemetry, and the WorkflowInfo fields that are ids)
  'temporalWorkflowId',
  'temporalActivityId',
  'temporalUpdateId',
  'run_id',
  'workflowId',
  'runId',
  'workflowType',
  'taskQueue',
  'namespace',
  'attempt',
]);

/** Attributes that hold a URL or a path: their query string (a name or CPR number searched for) is cut. */
const URL_ATTRIBUTES = new Set(['http.target', 'http.url', 'url.path']);

/** `/api/persons?cpr=…#x` → `/api/persons`. */
export function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

export function scrubAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!KEPT_ATTRIBUTES.has(key) || value === undefined) continue;
    kept[key] = URL_ATTRIBUTES.has(key) && typeof value === 'string' ? withoutQuery(value) : (value as AttributeValue);
  }
  return kept;
}

/**
 * The span as exported: kept attributes only; a status without its message and exceptions with their type
 * only (a refusal's or a driver's message may quote what was typed); links without attributes.
 */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  const exceptionType = (attributes: Attributes | undefined) =>
    typeof attributes?.['exception.type'] === 'string' ? { 'exception.type': attributes['exception.type'] } : {};
  return {
    name: withoutQuery(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanId: span.parentSpanId,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes: scrubAttributes(span.attributes),
    links: span.links.map((link) => ({ context: link.context })),
    events: span.events.map((event) => ({
      name: event.name === 'exception' ? 'exception' : 'event',
      time: event.time,
      attributes: exceptionType(event.attributes),
      droppedAttributesCount: 0,
    })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationLibrary: span.instrumentationLibrary,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Hands spans to `exporter` only after {@link scrubSpan}: the one way spans leave the process. */
export class ScrubbingSpanExporter implements SpanExporter {
  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.exporter.export(spans.map(scrubSpan), done);
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}
