import type { ClientInterceptors } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, ReplayWorkerOptions, WorkerOptions } from '@temporalio/worker';
import { currentTracing } from './tracing';

/**
 * The workflow side: `RunWorkflow`, `HandleUpdate`/`ValidateUpdate`/`HandleSignal` and `StartActivity` spans,
 * parented by the trace context the client put in the headers; command-neutral (see the module), which the
 * replay suite proves on every recorded history.
 */
export const WORKFLOW_TRACING_INTERCEPTORS = require.resolve('./workflow-interceptors');

/** The API's Temporal client: starts, updates and signals carry the request's trace in their headers. */
export function tracingClientInterceptors(): ClientInterceptors | undefined {
  if (!currentTracing()) return undefined;
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/**
 * What Worker.create adds when this process traces: the workflow interceptors, activity spans
 * (`RunActivity:recordTransition` …), and the sink through which workflow spans leave the isolate.
 * Nothing at all otherwise.
 */
export function tracingWorkerOptions(): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const tracing = currentTracing();
  if (!tracing) return {};
  const sinks: InjectedSinks<OpenTelemetrySinks> = {
    exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource),
  };
  return {
    interceptors: {
      workflowModules: [WORKFLOW_TRACING_INTERCEPTORS],
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks,
  };
}

/**
 * A replay worker with the traced workers' workflow interceptors (the replay suite proves they change no
 * command). Its sink drops the spans: a replay's are not new.
 */
export function tracingReplayOptions(): Pick<ReplayWorkerOptions, 'interceptors' | 'sinks'> {
  const sinks: InjectedSinks<OpenTelemetrySinks> = { exporter: { export: { fn: () => undefined } } };
  return { interceptors: { workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] }, sinks };
}
