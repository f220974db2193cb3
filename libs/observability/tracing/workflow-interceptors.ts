/**
 * Workflow code (bundled by the worker): the OpenTelemetry workflow interceptors, made command-neutral.
 *
 * `@temporalio/interceptors-opentelemetry`'s own interceptors await inside their wrappers, so a handler's or
 * an activity's result reaches the workflow some microtasks later than without them. That reorders what the
 * workflow does within one activation: 3 of the recorded histories (an update racing an activity result, a
 * network council's follow-up) fail to replay under them. These wrappers call `next` synchronously inside
 * the span's context and hand back the very promise it returned; the span ends on a reaction of its own. So
 * the workflow sees the same promises at the same moments, with or without tracing, and the trace context
 * still travels: activities get it in their headers, and the workflow's async continuations keep it.
 *
 * And their span ids come from `Math.random`, which in a workflow is the workflow's own seeded sequence: each
 * span moved every random id the workflow drew after it (a network council's initiative ids — 3 of the
 * recorded histories failed to replay). Here ids are derived from the run id and a count instead, drawing
 * nothing from the workflow's sequence.
 */
// First: gives the sandbox the `performance` and `window` OpenTelemetry's modules expect when they load.
import '@temporalio/interceptors-opentelemetry/lib/workflow/runtime';
import * as otel from '@opentelemetry/api';
import {
  extractContextFromHeaders,
  headersWithContext,
} from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { SpanExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/span-exporter';
import { BasicTracerProvider, type IdGenerator, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import {
  type ActivityInput,
  type ContinueAsNewInput,
  type LocalActivityInput,
  type Next,
  type QueryInput,
  type SignalInput,
  type SignalWorkflowInput,
  type StartChildWorkflowExecutionInput,
  type StartNexusOperationInput,
  type StartNexusOperationOutput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor,
  workflowInfo,
} from '@temporalio/workflow';

/** 32 bits of FNV-1a over `text`, from `seed`, as 8 hex digits. */
function hash32(text: string, seed: number): string {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Ids unique per run and span, the same on every replay of the run, and no draw on `Math.random`. */
class RunScopedIds implements IdGenerator {
  private count = 0;

  private next(words: number): string {
    const key = `${workflowInfo().runId}:${(this.count += 1)}`;
    return Array.from({ length: words }, (_, word) => hash32(key, word)).join('');
  }

  generateTraceId(): string {
    return this.next(4);
  }

  generateSpanId(): string {
    return this.next(2);
  }
}

/** Like the package's workflow tracer (spans leave through its sink), with {@link RunScopedIds}. */
function workflowTracer(): otel.Tracer {
  const provider = new BasicTracerProvider({ idGenerator: new RunScopedIds() });
  provider.addSpanProcessor(new SimpleSpanProcessor(new SpanExporter()));
  return provider.getTracer('@temporalio/interceptor-workflow');
}

function ended(span: otel.Span, error?: unknown): void {
  if (error === undefined) span.setStatus({ code: otel.SpanStatusCode.OK });
  else {
    span.setStatus({ code: otel.SpanStatusCode.ERROR });
    span.recordException(error instanceof Error ? error : String(error));
  }
  span.end();
}

/** `run()`'s own promise, run inside a new span; the span ends when it settles. */
function withSpan<T>(
  tracer: otel.Tracer,
  name: string,
  parent: otel.Context | undefined,
  run: () => Promise<T>,
  attributes: otel.Attributes = {},
): Promise<T> {
  const base = parent ?? otel.context.active();
  const span = tracer.startSpan(name, { attributes }, base);
  let result: Promise<T>;
  try {
    result = otel.context.with(otel.trace.setSpan(base, span), run);
  } catch (error) {
    ended(span, error);
    throw error;
  }
  result.then(
    () => ended(span),
    (error: unknown) => ended(span, error),
  );
  return result;
}

class InboundTracing extends OpenTelemetryInboundInterceptor {
  protected override readonly tracer: otel.Tracer;

  constructor(tracer: otel.Tracer) {
    super();
    this.tracer = tracer;
  }

  public override execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
    const name = `RunWorkflow:${workflowInfo().workflowType}`;
    return withSpan(this.tracer, name, extractContextFromHeaders(input.headers), () => next(input));
  }

  public override handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>) {
    const name = `HandleSignal:${input.signalName}`;
    return withSpan(this.tracer, name, extractContextFromHeaders(input.headers), () => next(input));
  }

  public override handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>) {
    return withSpan(
      this.tracer,
      `HandleUpdate:${input.name}`,
      extractContextFromHeaders(input.headers),
      () => next(input),
      { temporalUpdateId: input.updateId },
    );
  }

  public override validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>) {
    const base = extractContextFromHeaders(input.headers) ?? otel.context.active();
    const span = this.tracer.startSpan(
      `ValidateUpdate:${input.name}`,
      { attributes: { temporalUpdateId: input.updateId } },
      base,
    );
    try {
      otel.context.with(otel.trace.setSpan(base, span), () => next(input));
    } catch (error) {
      ended(span, error);
      throw error;
    }
    ended(span);
  }

  /** Queries change nothing and are answered as they come: no span. */
  public override handleQuery(input: QueryInput, next: Next<WorkflowInboundCallsInterceptor, 'handleQuery'>) {
    return next(input);
  }
}

class OutboundTracing extends OpenTelemetryOutboundInterceptor {
  protected override readonly tracer: otel.Tracer;

  constructor(tracer: otel.Tracer) {
    super();
    this.tracer = tracer;
  }

  public override scheduleActivity(
    input: ActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>,
  ) {
    return withSpan(this.tracer, `StartActivity:${input.activityType}`, undefined, () =>
      next({ ...input, headers: headersWithContext(input.headers) }),
    );
  }

  public override scheduleLocalActivity(
    input: LocalActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>,
  ) {
    return withSpan(this.tracer, `StartActivity:${input.activityType}`, undefined, () =>
      next({ ...input, headers: headersWithContext(input.headers) }),
    );
  }

  // The rest pass the trace on in their headers, synchronously, without a span of their own.
  public override startChildWorkflowExecution(
    input: StartChildWorkflowExecutionInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
  ) {
    return next({ ...input, headers: headersWithContext(input.headers) });
  }

  public override continueAsNew(
    input: ContinueAsNewInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'continueAsNew'>,
  ): Promise<never> {
    return next({ ...input, headers: headersWithContext(input.headers) });
  }

  public override signalWorkflow(
    input: SignalWorkflowInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'signalWorkflow'>,
  ) {
    return next({ ...input, headers: headersWithContext(input.headers) });
  }

  public override startNexusOperation(
    input: StartNexusOperationInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'startNexusOperation'>,
  ): Promise<StartNexusOperationOutput> {
    return next(input);
  }
}

/** Once per workflow run: its own tracer, so its ids count from the run's start on every replay. */
export const interceptors = (): WorkflowInterceptors => {
  const tracer = workflowTracer();
  return {
    inbound: [new InboundTracing(tracer)],
    outbound: [new OutboundTracing(tracer)],
    internals: [new OpenTelemetryInternalsInterceptor()],
  };
};
