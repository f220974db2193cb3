import { loadConfig, tracingSettingsFromEnvironment } from '../../config/exitflow-config';

describe('tracing settings (the OpenTelemetry SDK variables)', () => {
  it.each([
    [{}, undefined],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, { tracesUrl: 'http://collector:4318/v1/traces' }],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, { tracesUrl: 'http://collector:4318/v1/traces' }],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces' },
      { tracesUrl: 'https://b/otlp/traces' },
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/v1/traces', OTEL_SERVICE_NAME: 'exitflow-api-blue' },
      { tracesUrl: 'http://b:4318/v1/traces', serviceName: 'exitflow-api-blue' },
    ],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' }, undefined],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'false' },
      { tracesUrl: 'http://a:4318/v1/traces' },
    ],
    [{ OTEL_SERVICE_NAME: 'exitflow-api' }, undefined],
  ])('%j → %j', (env, settings) => {
    expect(tracingSettingsFromEnvironment(env)).toEqual(settings);
  });

  it.each([
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
      "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL like http://collector:4318, got 'collector:4318'.",
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://c:4317' },
      "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL like http://collector:4318, got 'grpc://c:4317'.",
    ],
    [{ OTEL_SDK_DISABLED: 'yes' }, "OTEL_SDK_DISABLED must be 'true' or 'false', got 'yes'."],
  ])('refuses %j by name', (env, message) => {
    expect(() => tracingSettingsFromEnvironment(env)).toThrow(message);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/x', ...env })).toThrow(message);
  });
});
