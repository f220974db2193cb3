import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { defaultDeadlinePolicy } from '../domain/deadlines/deadline-policy';
import { parseKeyring, parseSecret } from '../personal-data/keyring';
import { codeBuildId } from '../temporal/code-build-id';
import { DEMO_SECRETS } from './demo-secrets';
import {
  assertNoDemoSecretsInProduction,
  DEFAULTS,
  loadConfig,
  temporalSettingsFromEnvironment,
  workerDeploymentFromEnvironment,
} from './exitflow-config';

/** What every config holds besides the settings a test is about (all defaults). */
function defaultSecuritySettings() {
  return {
    production: false,
    auth: {
      issuer: 'exitflow-local',
      audience: 'exitflow-api',
      tokenTtlSeconds: 480 * 60,
      jwksUrl: undefined,
      signingKeyPem: DEMO_SECRETS.authSigningKey,
      loginAttemptsPerMinute: 10,
      loginAttemptsPerAddressPerMinute: 100,
    },
    corsOrigins: [],
    codecCorsOrigins: [],
    temporalUiUpstream: undefined,
    personalData: {
      keyring: parseKeyring(DEMO_SECRETS.personalDataKeys, 'demo1', 'PERSONAL_DATA_KEYS'),
      hmacKey: parseSecret(DEMO_SECRETS.personalDataHmacKey, 'PERSONAL_DATA_HMAC_KEY'),
    },
    temporalCodecKeyring: parseKeyring(DEMO_SECRETS.temporalCodecKeys, 'demo1', 'TEMPORAL_CODEC_KEYS'),
    notices: { sender: 'log', pollIntervalMs: 15_000, webUrl: 'http://localhost:3000' },
    documents: { maxBytes: 10 * 1024 * 1024, requireSignedExitAgreement: false },
    concernLetters: { roundIntervalWeeks: 8, roundCapacity: 10 },
    workerDeployment: { versioning: true, deploymentName: 'exitflow', buildId: codeBuildId(), promote: 'auto' },
    retention: {
      periods: {
        exit_course: 1825,
        dks_assessment: 730,
        network_council: 730,
        concern_letter: 365,
        access_request: 730,
      },
      schedule: { cron: '0 2 * * *', timeZone: 'Europe/Copenhagen' },
    },
    metrics: { host: '127.0.0.1', apiPort: 9469, workerPort: 9470, token: undefined },
    logging: { format: 'json', level: 'info', temporalLevel: 'WARN' },
  };
}

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
      ...defaultSecuritySettings(),
      databaseUrl: DATABASE_URL,
      temporal: { address: 'localhost:7233', namespace: 'default', taskQueue: 'exitflow' },
      api: { host: '127.0.0.1', port: 3000, commandTimeoutMs: 10_000 },
      deadlines: defaultDeadlinePolicy(),
    });
  });

  it("reads the concern-letter rounds' interval and capacity, refusing values out of range", () => {
    expect(
      loadConfig({ DATABASE_URL, CONCERN_LETTER_ROUND_INTERVAL_WEEKS: '6', CONCERN_LETTER_ROUND_CAPACITY: '12' })
        .concernLetters,
    ).toEqual({ roundIntervalWeeks: 6, roundCapacity: 12 });
    expect(() => loadConfig({ DATABASE_URL, CONCERN_LETTER_ROUND_INTERVAL_WEEKS: '53' })).toThrow(
      new Error("CONCERN_LETTER_ROUND_INTERVAL_WEEKS must be a whole number from 1 to 52, got '53'."),
    );
    expect(() => loadConfig({ DATABASE_URL, CONCERN_LETTER_ROUND_CAPACITY: '0' })).toThrow(
      new Error("CONCERN_LETTER_ROUND_CAPACITY must be a whole number from 1 to 1000, got '0'."),
    );
  });

  it('has the documented defaults', () => {
    expect(DEFAULTS).toEqual({
      temporalAddress: 'localhost:7233',
      temporalNamespace: 'default',
      taskQueue: 'exitflow',
      workerDeploymentName: 'exitflow',
      apiHost: '127.0.0.1',
      apiPort: 3000,
      commandTimeoutSeconds: 10,
      authIssuer: 'exitflow-local',
      authAudience: 'exitflow-api',
      tokenTtlMinutes: 480,
      loginAttemptsPerMinute: 10,
      loginAttemptsPerAddressPerMinute: 100,
      noticePollSeconds: 15,
      noticeFrom: 'exitflow <ingen-svar@exitflow.local>',
      documentMaxMegabytes: 10,
      concernLetterRoundIntervalWeeks: 8,
      concernLetterRoundCapacity: 10,
      metricsHost: '127.0.0.1',
      apiMetricsPort: 9469,
      workerMetricsPort: 9470,
      logFormat: 'json',
      logLevel: 'info',
      temporalWorkerLogLevel: 'WARN',
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
      ...defaultSecuritySettings(),
      databaseUrl: DATABASE_URL,
      temporal: { address: 'temporal:7233', namespace: 'exit', taskQueue: 'exitflow-eu' },
      api: { host: '0.0.0.0', port: 8080, commandTimeoutMs: 10_000 },
      deadlines: { ...defaultDeadlinePolicy(), handoverDecision: { unit: 'calendar-days', days: 10 } },
      notices: { sender: 'log', pollIntervalMs: 15_000, webUrl: 'http://localhost:8080' },
    });
  });

  it('reads the document settings: the size limit in MB, and whether signing needs the exit agreement', () => {
    expect(
      loadConfig({ DATABASE_URL, DOCUMENT_MAX_MEGABYTES: '2', REQUIRE_SIGNED_EXIT_AGREEMENT: 'true' }).documents,
    ).toEqual({ maxBytes: 2 * 1024 * 1024, requireSignedExitAgreement: true });
    expect(
      loadConfig({ DATABASE_URL, REQUIRE_SIGNED_EXIT_AGREEMENT: 'false' }).documents.requireSignedExitAgreement,
    ).toBe(false);
    expect(() => loadConfig({ DATABASE_URL, REQUIRE_SIGNED_EXIT_AGREEMENT: 'yes' })).toThrow(
      new Error("REQUIRE_SIGNED_EXIT_AGREEMENT must be 'true' or 'false', got 'yes'."),
    );
    expect(() => loadConfig({ DATABASE_URL, DOCUMENT_MAX_MEGABYTES: '101' })).toThrow(
      new Error("DOCUMENT_MAX_MEGABYTES must be a whole number from 1 to 100, got '101'."),
    );
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL, TEMPORAL_ADDRESS: '', TEMPORAL_NAMESPACE: '', HOST: '', PORT: '' });
    expect(config.temporal.address).toBe('localhost:7233');
    expect(config.temporal.namespace).toBe('default');
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, commandTimeoutMs: 10_000 });
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['65535', 65535],
  ])('accepts PORT=%s', (raw, expected) => {
    expect(loadConfig({ DATABASE_URL, PORT: raw }).api.port).toBe(expected);
  });

  it.each(['65536', '-1', '80.5', 'abc', 'NaN'])('refuses PORT=%s naming the variable', (raw) => {
    expect(() => loadConfig({ DATABASE_URL, PORT: raw })).toThrow(
      new Error(`PORT must be a port number, got '${raw}'.`),
    );
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

describe('workerDeploymentFromEnvironment', () => {
  it('is versioned under the code build id, promoting itself in development and only the first version in production', () => {
    expect(workerDeploymentFromEnvironment({})).toEqual({
      versioning: true,
      deploymentName: 'exitflow',
      buildId: codeBuildId(),
      promote: 'auto',
    });
    expect(workerDeploymentFromEnvironment({ NODE_ENV: 'production' }).promote).toBe('manual');
  });

  it('reads every setting', () => {
    expect(
      workerDeploymentFromEnvironment({
        NODE_ENV: 'production',
        TEMPORAL_WORKER_VERSIONING: 'false',
        TEMPORAL_WORKER_DEPLOYMENT_NAME: 'exitflow-eu',
        TEMPORAL_WORKER_BUILD_ID: '2026.12.02+git-1a6b87e',
        TEMPORAL_WORKER_PROMOTE: 'auto',
      }),
    ).toEqual({ versioning: false, deploymentName: 'exitflow-eu', buildId: '2026.12.02+git-1a6b87e', promote: 'auto' });
  });

  it('refuses malformed settings, naming them', () => {
    expect(() => workerDeploymentFromEnvironment({ TEMPORAL_WORKER_DEPLOYMENT_NAME: 'exit.flow' })).toThrow(
      "TEMPORAL_WORKER_DEPLOYMENT_NAME must be letters, digits, '-' or '_' (no '.'), got 'exit.flow'.",
    );
    expect(() => workerDeploymentFromEnvironment({ TEMPORAL_WORKER_BUILD_ID: 'v 2' })).toThrow(
      "TEMPORAL_WORKER_BUILD_ID must be letters, digits, '-', '_', '+' or '.', got 'v 2'.",
    );
    expect(() => workerDeploymentFromEnvironment({ TEMPORAL_WORKER_PROMOTE: 'always' })).toThrow(
      "TEMPORAL_WORKER_PROMOTE must be 'auto' or 'manual', got 'always'.",
    );
    expect(() => workerDeploymentFromEnvironment({ TEMPORAL_WORKER_VERSIONING: 'off' })).toThrow(
      "TEMPORAL_WORKER_VERSIONING must be 'true' or 'false', got 'off'.",
    );
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
    expect(() => loadConfig({ DATABASE_URL, TEMPORAL_TLS: 'true', TEMPORAL_TLS_KEY_PATH: '/tls/client.key' })).toThrow(
      pairingError,
    );
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

/** A key of the length the keyrings take. */
const key = () => randomBytes(32).toString('base64');

/** What production needs at the least: a JWKS over https and secrets of its own. */
const production = () => ({
  DATABASE_URL,
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://login.example.dk/jwks',
  PERSONAL_DATA_KEYS: `k1:${key()}`,
  PERSONAL_DATA_ACTIVE_KEY_ID: 'k1',
  PERSONAL_DATA_HMAC_KEY: key(),
  TEMPORAL_CODEC_KEYS: `c1:${key()}`,
  TEMPORAL_CODEC_ACTIVE_KEY_ID: 'c1',
});

describe('security settings', () => {
  it('reads issuer, audience, token lifetime, login limit and CORS origins', () => {
    const config = loadConfig({
      DATABASE_URL,
      AUTH_ISSUER: 'https://login.example.dk',
      AUTH_AUDIENCE: 'exitflow',
      AUTH_TOKEN_TTL_MINUTES: '60',
      LOGIN_ATTEMPTS_PER_MINUTE: '5',
      CORS_ORIGINS: 'https://exitflow.example.dk, http://localhost:5173',
      TEMPORAL_CODEC_CORS_ORIGINS: 'http://localhost:8233',
    });
    expect(config.auth).toMatchObject({
      issuer: 'https://login.example.dk',
      audience: 'exitflow',
      tokenTtlSeconds: 3600,
      loginAttemptsPerMinute: 5,
    });
    expect(config.corsOrigins).toEqual(['https://exitflow.example.dk', 'http://localhost:5173']);
    expect(config.codecCorsOrigins).toEqual(['http://localhost:8233']);
  });

  it('serves a Temporal UI from one plain-HTTP origin beside the API, or none', () => {
    expect(loadConfig({ DATABASE_URL }).temporalUiUpstream).toBeUndefined();
    expect(loadConfig({ DATABASE_URL, TEMPORAL_UI_UPSTREAM: 'http://127.0.0.1:8233' }).temporalUiUpstream?.href).toBe(
      'http://127.0.0.1:8233/',
    );
    for (const value of ['https://ui.example.dk', 'http://a:1,http://b:2', 'http://127.0.0.1:8233/ui']) {
      expect(() => loadConfig({ DATABASE_URL, TEMPORAL_UI_UPSTREAM: value })).toThrow(/^TEMPORAL_UI_UPSTREAM: /);
    }
  });

  it('verifies against an OIDC key set and turns local login off when AUTH_JWKS_URL is set', () => {
    const config = loadConfig({ DATABASE_URL, AUTH_JWKS_URL: 'https://login.example.dk/jwks' });
    expect(config.auth.jwksUrl).toBe('https://login.example.dk/jwks');
    expect(config.auth.signingKeyPem).toBeUndefined();
  });

  it.each([
    [
      'CORS_ORIGINS',
      'exitflow.example.dk',
      "CORS_ORIGINS: 'exitflow.example.dk' is not an origin like https://host:port.",
    ],
    ['CORS_ORIGINS', 'https://x.dk/path', "CORS_ORIGINS: 'https://x.dk/path' is not an origin like https://host:port."],
    ['AUTH_TOKEN_TTL_MINUTES', '0', "AUTH_TOKEN_TTL_MINUTES must be a whole number from 1 to 1440, got '0'."],
    [
      'LOGIN_ATTEMPTS_PER_MINUTE',
      'many',
      "LOGIN_ATTEMPTS_PER_MINUTE must be a whole number from 1 to 10000, got 'many'.",
    ],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ DATABASE_URL, [name]: value })).toThrow(new Error(message));
  });

  it('refuses to start in production with any demo secret, naming each', () => {
    expect(() => loadConfig({ DATABASE_URL, NODE_ENV: 'production' })).toThrow(
      new Error(
        'NODE_ENV=production refuses demo secrets: set AUTH_SIGNING_KEY (or AUTH_JWKS_URL), PERSONAL_DATA_KEYS, PERSONAL_DATA_HMAC_KEY, TEMPORAL_CODEC_KEYS.',
      ),
    );
    expect(() =>
      assertNoDemoSecretsInProduction({
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'https://login.example.dk/jwks',
        PERSONAL_DATA_KEYS: DEMO_SECRETS.personalDataKeys,
        PERSONAL_DATA_HMAC_KEY: key(),
        TEMPORAL_CODEC_KEYS: `k1:${key()}`,
      }),
    ).toThrow(new Error('NODE_ENV=production refuses demo secrets: set PERSONAL_DATA_KEYS.'));
  });

  it.each([
    [
      'AUTH_SIGNING_KEY with \\n escapes',
      { AUTH_SIGNING_KEY: DEMO_SECRETS.authSigningKey.replace(/\n/g, '\\n') },
      'AUTH_SIGNING_KEY (or AUTH_JWKS_URL)',
    ],
    [
      'PERSONAL_DATA_KEYS without padding',
      { PERSONAL_DATA_KEYS: DEMO_SECRETS.personalDataKeys.replace(/=+$/, '') },
      'PERSONAL_DATA_KEYS',
    ],
    [
      'PERSONAL_DATA_HMAC_KEY with a trailing newline',
      { PERSONAL_DATA_HMAC_KEY: `${DEMO_SECRETS.personalDataHmacKey}\n` },
      'PERSONAL_DATA_HMAC_KEY',
    ],
    [
      'TEMPORAL_CODEC_KEYS under another id',
      { TEMPORAL_CODEC_KEYS: `prod1:${DEMO_SECRETS.temporalCodecKeys.split(':')[1]}` },
      'TEMPORAL_CODEC_KEYS',
    ],
  ])('recognises a demo key spelt differently: %s', (_name, override, refused) => {
    const own = {
      AUTH_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      PERSONAL_DATA_KEYS: `k1:${key()}`,
      PERSONAL_DATA_HMAC_KEY: key(),
      TEMPORAL_CODEC_KEYS: `c1:${key()}`,
    };
    expect(() => assertNoDemoSecretsInProduction({ NODE_ENV: 'production', ...own, ...override })).toThrow(
      new Error(`NODE_ENV=production refuses demo secrets: set ${refused}.`),
    );
  });

  it('requires an https key set in production', () => {
    expect(() =>
      assertNoDemoSecretsInProduction({
        NODE_ENV: 'production',
        AUTH_JWKS_URL: 'http://login.example.dk/jwks',
        PERSONAL_DATA_KEYS: `k1:${key()}`,
        PERSONAL_DATA_HMAC_KEY: key(),
        TEMPORAL_CODEC_KEYS: `c1:${key()}`,
      }),
    ).toThrow(new Error('NODE_ENV=production requires AUTH_JWKS_URL to use https.'));
  });

  it('starts in production with secrets of its own', () => {
    const config = loadConfig(production());
    expect(config.production).toBe(true);
    expect(config.personalData.keyring.activeKeyId).toBe('k1');
    expect(config.temporalCodecKeyring.activeKeyId).toBe('c1');
  });
});

describe('metrics settings', () => {
  const token = 'a-scrape-token-of-24-chars';

  it('reads the listen address, the ports (0: a free one) and the token', () => {
    expect(
      loadConfig({
        DATABASE_URL,
        METRICS_HOST: '0.0.0.0',
        API_METRICS_PORT: '0',
        WORKER_METRICS_PORT: '9471',
        METRICS_TOKEN: token,
      }).metrics,
    ).toEqual({ host: '0.0.0.0', apiPort: 0, workerPort: 9471, token });
    expect(() => loadConfig({ DATABASE_URL, WORKER_METRICS_PORT: '70000' })).toThrow(
      new Error("WORKER_METRICS_PORT must be a port number, got '70000'."),
    );
    expect(() => loadConfig({ DATABASE_URL, METRICS_TOKEN: 'short' })).toThrow(
      new Error('METRICS_TOKEN must be at least 16 visible ASCII characters without spaces.'),
    );
  });

  it('refuses, in production, metrics reachable from other machines without a token', () => {
    expect(() => loadConfig({ ...production(), METRICS_HOST: '0.0.0.0' })).toThrow(
      new Error('METRICS_HOST=0.0.0.0 is reachable from other machines: NODE_ENV=production requires METRICS_TOKEN.'),
    );
    expect(loadConfig({ ...production(), METRICS_HOST: '0.0.0.0', METRICS_TOKEN: token }).metrics.token).toBe(token);
    expect(loadConfig({ ...production(), METRICS_HOST: '127.0.0.2' }).metrics.host).toBe('127.0.0.2');
    expect(loadConfig({ DATABASE_URL, METRICS_HOST: '0.0.0.0' }).metrics.token).toBeUndefined();
  });
});

describe('notice settings', () => {
  const load = (env: Record<string, string>) => loadConfig({ DATABASE_URL, ...env }).notices;

  it('logs notices by default, links to the API port, and reads the SMTP settings when asked to mail', () => {
    expect(load({ PORT: '8080' })).toEqual({ sender: 'log', pollIntervalMs: 15_000, webUrl: 'http://localhost:8080' });
    expect(
      load({
        NOTICE_SENDER: 'smtp',
        NOTICE_SMTP_URL: 'smtp://mail.example.dk:587',
        NOTICE_UNIT_ADDRESSES:
          'KF-STORSTROEM=exit@kriminalforsorgen.example.dk, POL-KBH/dks_officer=dks@politi.example.dk, POL-KBH=exit@politi.example.dk',
        NOTICE_POLL_SECONDS: '60',
        PUBLIC_WEB_URL: 'https://exitflow.example.dk',
      }),
    ).toEqual({
      sender: 'smtp',
      pollIntervalMs: 60_000,
      webUrl: 'https://exitflow.example.dk',
      smtp: {
        url: 'smtp://mail.example.dk:587',
        from: 'exitflow <ingen-svar@exitflow.local>',
        unitAddresses: {
          'KF-STORSTROEM': 'exit@kriminalforsorgen.example.dk',
          'POL-KBH/dks_officer': 'dks@politi.example.dk',
          'POL-KBH': 'exit@politi.example.dk',
        },
      },
    });
  });

  it.each([
    [{ NOTICE_SENDER: 'fax' }, "NOTICE_SENDER must be 'log' or 'smtp', got 'fax'."],
    [{ NOTICE_SENDER: 'smtp' }, "NOTICE_SENDER=smtp needs NOTICE_SMTP_URL like smtp://mail.example.dk:587, got ''."],
    [
      { NOTICE_SENDER: 'smtp', NOTICE_SMTP_URL: 'http://mail' },
      "NOTICE_SENDER=smtp needs NOTICE_SMTP_URL like smtp://mail.example.dk:587, got 'http://mail'.",
    ],
    // The password in a mistyped URL is not repeated.
    [
      { NOTICE_SENDER: 'smtp', NOTICE_SMTP_URL: 'http://exitflow:hemmelig@mail' },
      "NOTICE_SENDER=smtp needs NOTICE_SMTP_URL like smtp://mail.example.dk:587, got 'http://…@mail'.",
    ],
    [
      { NOTICE_SENDER: 'smtp', NOTICE_SMTP_URL: 'smtp://mail', NOTICE_UNIT_ADDRESSES: 'POL-KBH:dks@politi.dk' },
      "NOTICE_UNIT_ADDRESSES: 'POL-KBH:dks@politi.dk' is not UNIT-CODE=address@domain or UNIT-CODE/role=address@domain.",
    ],
    [
      { NOTICE_SENDER: 'smtp', NOTICE_SMTP_URL: 'smtp://mail', NOTICE_UNIT_ADDRESSES: 'POL-KBH/detective=d@politi.dk' },
      "NOTICE_UNIT_ADDRESSES: 'POL-KBH/detective=d@politi.dk' is not UNIT-CODE=address@domain or UNIT-CODE/role=address@domain.",
    ],
    [{ NOTICE_POLL_SECONDS: '0' }, "NOTICE_POLL_SECONDS must be a whole number from 1 to 3600, got '0'."],
  ])('refuses %j', (env, message) => {
    expect(() => load(env as Record<string, string>)).toThrow(message);
  });
});
