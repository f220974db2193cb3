import { defaultDeadlinePolicy } from '../domain/deadlines/deadline-policy';
import { DEFAULTS, loadConfig, temporalSettingsFromEnvironment } from './exitflow-config';

const DATABASE_URL = 'postgres://exitflow:secret@db.example:5432/exitflow';

describe('loadConfig', () => {
  it('refuses to start without DATABASE_URL, saying how to get the embedded defaults', () => {
    const message =
      'DATABASE_URL is not set. Use `npm start` for the embedded defaults, or set DATABASE_URL=postgres://…';
    expect(() => loadConfig({})).toThrow(new Error(message));
    expect(() => loadConfig({ DATABASE_URL: '' })).toThrow(new Error(message));
  });

  it('fills every other setting with its default', () => {
    expect(loadConfig({ DATABASE_URL })).toStrictEqual({
      databaseUrl: DATABASE_URL,
      temporal: { address: 'localhost:7233', namespace: 'default', taskQueue: 'exitflow' },
      api: { host: '127.0.0.1', port: 3000 },
      deadlines: defaultDeadlinePolicy(),
    });
  });

  it('has the documented defaults', () => {
    expect(DEFAULTS).toEqual({
      temporalAddress: 'localhost:7233',
      temporalNamespace: 'default',
      taskQueue: 'exitflow',
      apiHost: '127.0.0.1',
      apiPort: 3000,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      DATABASE_URL,
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'exit',
      TEMPORAL_TASK_QUEUE: 'exitflow-eu',
      HOST: '0.0.0.0',
      PORT: '8080',
      DEADLINE_HANDOVER_DECISION_DAYS: '10',
    });
    expect(config).toStrictEqual({
      databaseUrl: DATABASE_URL,
      temporal: { address: 'temporal:7233', namespace: 'exit', taskQueue: 'exitflow-eu' },
      api: { host: '0.0.0.0', port: 8080 },
      deadlines: { ...defaultDeadlinePolicy(), handoverDecision: { unit: 'calendar-days', days: 10 } },
    });
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL, TEMPORAL_ADDRESS: '', TEMPORAL_NAMESPACE: '', HOST: '', PORT: '' });
    expect(config.temporal.address).toBe('localhost:7233');
    expect(config.temporal.namespace).toBe('default');
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['65535', 65535],
  ])('accepts PORT=%s', (raw, expected) => {
    expect(loadConfig({ DATABASE_URL, PORT: raw }).api.port).toBe(expected);
  });

  it.each(['65536', '-1', '80.5', 'abc', 'NaN'])('refuses PORT=%s naming the variable', (raw) => {
    expect(() => loadConfig({ DATABASE_URL, PORT: raw })).toThrow(new Error(`PORT must be a port number, got '${raw}'.`));
  });

  it('stops on a malformed deadline override', () => {
    expect(() => loadConfig({ DATABASE_URL, DEADLINE_RELEASE_NOTICE_DAYS: '0' })).toThrow(
      new Error("DEADLINE_RELEASE_NOTICE_DAYS must be a whole number of days from 1 to 365, got '0'."),
    );
  });

  it('reads process.env when given no environment', () => {
    const saved = { ...process.env };
    try {
      process.env.DATABASE_URL = DATABASE_URL;
      process.env.PORT = '4321';
      expect(loadConfig().api.port).toBe(4321);
      expect(loadConfig().databaseUrl).toBe(DATABASE_URL);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

describe('temporalSettingsFromEnvironment — TLS', () => {
  const pairingError = new Error('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together.');

  it('has no TLS by default', () => {
    expect(temporalSettingsFromEnvironment({})).toStrictEqual({
      address: 'localhost:7233',
      namespace: 'default',
      taskQueue: 'exitflow',
    });
    expect(temporalSettingsFromEnvironment({ TEMPORAL_TLS: 'false' })).not.toHaveProperty('tls');
  });

  it('refuses a client certificate without its key, and a key without its certificate', () => {
    expect(() => temporalSettingsFromEnvironment({ TEMPORAL_TLS_CERT_PATH: '/tls/client.pem' })).toThrow(pairingError);
    expect(() => temporalSettingsFromEnvironment({ TEMPORAL_TLS_KEY_PATH: '/tls/client.key' })).toThrow(pairingError);
    expect(() =>
      loadConfig({ DATABASE_URL, TEMPORAL_TLS: 'true', TEMPORAL_TLS_KEY_PATH: '/tls/client.key' }),
    ).toThrow(pairingError);
  });

  it('enables mutual TLS when certificate and key are both set', () => {
    expect(
      temporalSettingsFromEnvironment({
        TEMPORAL_ADDRESS: 'exit.tmprl.cloud:7233',
        TEMPORAL_TLS_CERT_PATH: '/tls/client.pem',
        TEMPORAL_TLS_KEY_PATH: '/tls/client.key',
        TEMPORAL_TLS_CA_PATH: '/tls/ca.pem',
      }),
    ).toStrictEqual({
      address: 'exit.tmprl.cloud:7233',
      namespace: 'default',
      taskQueue: 'exitflow',
      tls: { serverRootCaPath: '/tls/ca.pem', clientCertPath: '/tls/client.pem', clientKeyPath: '/tls/client.key' },
    });
  });

  it('enables server-only TLS with TEMPORAL_TLS=true', () => {
    expect(temporalSettingsFromEnvironment({ TEMPORAL_TLS: 'true' }).tls).toStrictEqual({
      serverRootCaPath: undefined,
      clientCertPath: undefined,
      clientKeyPath: undefined,
    });
  });
});
