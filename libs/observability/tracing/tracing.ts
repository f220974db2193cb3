import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import http, { type IncomingMessage } from 'node:http';
import type { TracingSettings } from '../../config/exitflow-config';
import { API_PATH, matchedRouteTemplate } from '../api-requests';
import { ScrubbingSpanExporter } from './span-scrubbing';

/** The process's tracing, once started: the Temporal interceptors and the workflow sink use it. */
export interface StartedTracing {
  serviceName: string;
  resource: Resource;
  /** Every span of the process (the workflow sink's too) goes out through this processor, scrubbed. */
  spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

let started: StartedTracing | undefined;

/** The tracing this process started, if any: without it, nothing is intercepted and nothing exported. */
export function currentTracing(): StartedTracing | undefined {
  return started;
}

/**
 * Starts tracing for this process: a tracer provider exporting by OTLP/HTTP (JSON) to the configured
 * endpoint, and with `instrumentHttp` (the API) server spans for every `/api` request. Without settings
 * (no endpoint, or OTEL_SDK_DISABLED=true) it starts nothing: no provider, no patch, no export.
 */
export function startTracing(
  settings: TracingSettings | undefined,
  defaultServiceName: string,
  options: { instrumentHttp?: boolean } = {},
): StartedTracing | undefined {
  if (!settings) return undefined;
  if (started) throw new Error('Tracing is already started in this process.');
  const serviceName = settings.serviceName ?? defaultServiceName;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: serviceName });
  const spanProcessor = new BatchSpanProcessor(
    new ScrubbingSpanExporter(new OTLPTraceExporter({ url: settings.tracesUrl })),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  const instrumentations = options.instrumentHttp ? [apiHttpInstrumentation()] : [];
  const tracing: StartedTracing = {
    serviceName,
    resource,
    spanProcessor,
    shutdown: async () => {
      for (const instrumentation of instrumentations) instrumentation.disable();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      started = undefined;
    },
  };
  started = tracing;
  return tracing;
}

/**
 * Server spans for the API's requests, named by their route (`POST /api/exit-courses/:id/…`), never by the
 * path they were called with. The instrumentation's patch (on `http.Server.prototype.emit`) is applied here
 * to the `http` module itself rather than through a require hook: a hook patches only what is required after
 * it, and never sees jest's module registry. So the order of imports in main.ts does not matter. Express's
 * own instrumentation is not used, for the same reason and because it adds a span per middleware.
 */
function apiHttpInstrumentation(): { disable(): void } {
  const instrumentation = new HttpInstrumentation({
    enabled: false,
    disableOutgoingRequestInstrumentation: true,
    ignoreIncomingRequestHook: (request) => !API_PATH.test(request.url ?? ''),
    applyCustomAttributesOnSpan: (span, request) => {
      const template = matchedRouteTemplate(request as IncomingMessage);
      if (template === undefined) return;
      span.setAttribute('http.route', template);
      span.updateName(`${request.method} ${template}`);
    },
  });
  instrumentation.setTracerProvider(trace.getTracerProvider());
  const definition = instrumentation.getModuleDefinitions().find((module) => module.name === 'http');
  if (!definition?.patch || !definition.unpatch) throw new Error('The HTTP instrumentation has no patch for http.');
  const { patch, unpatch } = definition;
  patch(http, process.versions.node);
  return { disable: () => unpatch(http, process.versions.node) };
}
