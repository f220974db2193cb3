import { createPublicKey } from 'node:crypto';
import type { DeadlinePolicySnapshot } from '../domain/deadlines/deadline-policy';
import { deadlinePolicyFromEnvironment } from '../domain/deadlines/deadline-policy';
import {
  retentionPolicyFromEnvironment,
  retentionScheduleFromEnvironment,
  type RetentionPolicySnapshot,
  type RetentionScheduleSettings,
} from '../domain/retention/retention-policy';
import { type Keyring, parseKeyring, parseSecret } from '../personal-data/keyring';
import { ROLES } from '../domain/organisations/roles';
import { LOG_FORMATS, LOG_LEVELS, type LogSettings, TEMPORAL_LOG_LEVELS } from '../observability/logging/log-settings';
import { DEMO_SECRETS } from './demo-secrets';
import { codeBuildId } from '../temporal/code-build-id';

/** Everything the API and worker read from the environment. docs/configuration.md documents every variable (test/docs checks it). */
export interface ExitflowConfig {
  /** NODE_ENV=production: demo secrets and demo users are refused. */
  production: boolean;
  databaseUrl: string;
  temporal: TemporalSettings;
  /** The worker's deployment version and how a new one becomes current (docs/operations.md, Deploying). */
  workerDeployment: WorkerDeploymentSettings;
  /** `commandTimeoutMs`: how long a request waits for Temporal before answering 503. */
  api: { host: string; port: number; commandTimeoutMs: number };
  deadlines: DeadlinePolicySnapshot;
  auth: AuthSettings;
  /** Browser origins allowed to call the API (CORS); empty = closed. */
  corsOrigins: string[];
  /** Origins allowed to call the payload codec endpoint (a Temporal UI on another origin). */
  codecCorsOrigins: string[];
  /** A Temporal UI server the API serves at /api/codec/temporal-ui to the operations role, if any. */
  temporalUiUpstream?: URL;
  personalData: { keyring: Keyring; hmacKey: Buffer };
  /** Keys of the Temporal payload codec (client and worker must share them). */
  temporalCodecKeyring: Keyring;
  notices: NoticeSettings;
  documents: DocumentSettings;
  concernLetters: ConcernLetterSettings;
  /** Retention periods per case type (days after the end) and the nightly deletion-list run. */
  retention: { periods: RetentionPolicySnapshot; schedule: RetentionScheduleSettings };
  metrics: MetricsSettings;
  /** LOG_FORMAT, LOG_LEVEL and the Temporal SDK's TEMPORAL_WORKER_LOG_LEVEL. */
  logging: LogSettings;
  /** OpenTelemetry traces by OTLP/HTTP; undefined (no endpoint, or OTEL_SDK_DISABLED=true): none at all. */
  tracing?: TracingSettings;
}

/** Where the API and the worker serve their Prometheus metrics: a listen address of their own (docs/metrics.md). */
export interface MetricsSettings {
  /** METRICS_HOST: loopback unless set; never the public port, which a load balancer spreads over replicas. */
  host: string;
  /** API_METRICS_PORT, WORKER_METRICS_PORT; 0 = a free port the OS picks (tests). */
  apiPort: number;
  workerPort: number;
  /** METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

export interface TracingSettings {
  /** Where spans are sent: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`. */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; unset, each process names itself (`exitflow-api`, `exitflow-worker`). */
  serviceName?: string;
}

/** Concern letters' coordination rounds (002, appendix 2: about every 8 weeks, about 10 candidates): defaults. */
export interface ConcernLetterSettings {
  /** CONCERN_LETTER_ROUND_INTERVAL_WEEKS: a new round's meeting date, when none is given, after the district's last. */
  roundIntervalWeeks: number;
  /** CONCERN_LETTER_ROUND_CAPACITY: a new round's number of candidates, when none is given. */
  roundCapacity: number;
}

/** A case's documents: how large one may be, and whether a decision needs one on the case first. */
export interface DocumentSettings {
  /** DOCUMENT_MAX_MEGABYTES, in bytes: a larger upload is refused (413) and nothing is stored. */
  maxBytes: number;
  /** REQUIRE_SIGNED_EXIT_AGREEMENT: the exit course's agreement-signed decision needs an `exit_agreement` document. */
  requireSignedExitAgreement: boolean;
}

/** How the worker delivers the outbox's notices (deadline warnings, overdue steps, releases, handovers). */
export interface NoticeSettings {
  /** `log`: one log line per notice (the default); `smtp`: an e-mail to the recipient unit's address. */
  sender: 'log' | 'smtp';
  /** How often the worker looks for notices to send. */
  pollIntervalMs: number;
  /** The web page's address, for links in notices. */
  webUrl: string;
  smtp?: { url: string; from: string; unitAddresses: Record<string, string> };
}

export interface AuthSettings {
  issuer: string;
  audience: string;
  tokenTtlSeconds: number;
  /** External OIDC provider's key set; when set, tokens are verified against it and local login is off. */
  jwksUrl?: string;
  /** ES256 private key (PKCS#8 PEM) of the local login; its public key verifies local tokens. */
  signingKeyPem?: string;
  loginAttemptsPerMinute: number;
  loginAttemptsPerAddressPerMinute: number;
}

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { serverRootCaPath?: string; clientCertPath?: string; clientKeyPath?: string };
}

/** Temporal Worker Deployment Versions: which version this worker is, and whether it may make itself current. */
export interface WorkerDeploymentSettings {
  /** TEMPORAL_WORKER_VERSIONING=false: an unversioned worker (for a server without worker deployments). */
  versioning: boolean;
  deploymentName: string;
  /** The same for every worker built from the same code, different when the code changes. */
  buildId: string;
  /**
   * `auto`: the worker makes its version current once it polls. `manual`: only when the deployment has no
   * current version yet (the very first deploy); later versions are promoted with `npm run deploy:promote`.
   */
  promote: 'auto' | 'manual';
}

export const DEFAULTS = Object.freeze({
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

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || value > 65535) throw new Error(`${name} must be a port number, got '${raw}'.`);
  return value;
}

function positiveInteger(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got '${raw}'.`);
  }
  return Number(raw);
}

function origins(env: Env, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(`${name}: '${origin}' is not an origin like https://host:port.`);
  }
  return list;
}

/** The Temporal UI server beside the API: one plain-HTTP origin (TLS ends at the API's own front). */
function temporalUiUpstream(env: Env): URL | undefined {
  const [origin, ...more] = origins(env, 'TEMPORAL_UI_UPSTREAM');
  if (more.length || (origin && !origin.startsWith('http://')))
    throw new Error(`TEMPORAL_UI_UPSTREAM: one http:// origin, like http://127.0.0.1:8233.`);
  return origin ? new URL(origin) : undefined;
}

function authSettings(env: Env): AuthSettings {
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  return {
    issuer: env.AUTH_ISSUER || DEFAULTS.authIssuer,
    audience: env.AUTH_AUDIENCE || DEFAULTS.authAudience,
    tokenTtlSeconds: positiveInteger(env, 'AUTH_TOKEN_TTL_MINUTES', DEFAULTS.tokenTtlMinutes, 24 * 60) * 60,
    jwksUrl,
    signingKeyPem: jwksUrl ? undefined : env.AUTH_SIGNING_KEY ? pem(env.AUTH_SIGNING_KEY) : DEMO_SECRETS.authSigningKey,
    loginAttemptsPerMinute: positiveInteger(env, 'LOGIN_ATTEMPTS_PER_MINUTE', DEFAULTS.loginAttemptsPerMinute, 10_000),
    loginAttemptsPerAddressPerMinute: positiveInteger(
      env,
      'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE',
      DEFAULTS.loginAttemptsPerAddressPerMinute,
      100_000,
    ),
  };
}

/** The PEM as configured (`\n` escapes allowed, so a key fits on one line of an environment file). */
function pem(value: string): string {
  return value.replace(/\\n/g, '\n');
}

function publicKeyOf(privateKeyPem: string): string | undefined {
  try {
    return createPublicKey(pem(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return undefined;
  }
}

/** Whether a configured key ring holds any demo key, compared by key bytes (not by spelling). */
function holdsDemoKey(setting: string, demoSetting: string): boolean {
  const demoKey = Buffer.from(demoSetting.split(':')[1], 'base64');
  return setting.split(',').some((entry) => {
    const encoded = entry.slice(entry.indexOf(':') + 1).trim();
    return Buffer.from(encoded, 'base64').equals(demoKey);
  });
}

/**
 * With NODE_ENV=production, every secret must come from configuration: a demo secret stops start-up.
 * Keys are compared by value, so another spelling of a demo key (escapes, padding, whitespace) is caught.
 */
export function assertNoDemoSecretsInProduction(env: Env): void {
  if (env.NODE_ENV !== 'production') return;
  const demoPublicKey = publicKeyOf(DEMO_SECRETS.authSigningKey);
  const demo: [string, boolean][] = [
    [
      'AUTH_SIGNING_KEY (or AUTH_JWKS_URL)',
      !env.AUTH_JWKS_URL && (!env.AUTH_SIGNING_KEY || publicKeyOf(env.AUTH_SIGNING_KEY) === demoPublicKey),
    ],
    [
      'PERSONAL_DATA_KEYS',
      !env.PERSONAL_DATA_KEYS || holdsDemoKey(env.PERSONAL_DATA_KEYS, DEMO_SECRETS.personalDataKeys),
    ],
    [
      'PERSONAL_DATA_HMAC_KEY',
      !env.PERSONAL_DATA_HMAC_KEY ||
        Buffer.from(env.PERSONAL_DATA_HMAC_KEY.trim(), 'base64').equals(
          Buffer.from(DEMO_SECRETS.personalDataHmacKey, 'base64'),
        ),
    ],
    [
      'TEMPORAL_CODEC_KEYS',
      !env.TEMPORAL_CODEC_KEYS || holdsDemoKey(env.TEMPORAL_CODEC_KEYS, DEMO_SECRETS.temporalCodecKeys),
    ],
  ];
  const missing = demo.filter(([, isDemo]) => isDemo).map(([name]) => name);
  if (missing.length) {
    throw new Error(`NODE_ENV=production refuses demo secrets: set ${missing.join(', ')}.`);
  }
  if (env.AUTH_JWKS_URL && !env.AUTH_JWKS_URL.startsWith('https://')) {
    throw new Error('NODE_ENV=production requires AUTH_JWKS_URL to use https.');
  }
}

export function temporalSettingsFromEnvironment(env: Env = process.env): TemporalSettings {
  const tlsEnabled = env.TEMPORAL_TLS === 'true' || Boolean(env.TEMPORAL_TLS_CERT_PATH);
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    throw new Error('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together.');
  }
  return {
    address: env.TEMPORAL_ADDRESS || DEFAULTS.temporalAddress,
    namespace: env.TEMPORAL_NAMESPACE || DEFAULTS.temporalNamespace,
    taskQueue: env.TEMPORAL_TASK_QUEUE || DEFAULTS.taskQueue,
    ...(tlsEnabled
      ? {
          tls: {
            serverRootCaPath: env.TEMPORAL_TLS_CA_PATH || undefined,
            clientCertPath: env.TEMPORAL_TLS_CERT_PATH || undefined,
            clientKeyPath: env.TEMPORAL_TLS_KEY_PATH || undefined,
          },
        }
      : {}),
  };
}

/** A deployment name or build id as Temporal takes them: no dot in the name, nothing that would need quoting. */
const DEPLOYMENT_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const BUILD_ID = /^[A-Za-z0-9_+.-]{1,200}$/;

export function workerDeploymentFromEnvironment(env: Env = process.env): WorkerDeploymentSettings {
  const deploymentName = env.TEMPORAL_WORKER_DEPLOYMENT_NAME || DEFAULTS.workerDeploymentName;
  if (!DEPLOYMENT_NAME.test(deploymentName)) {
    throw new Error(
      `TEMPORAL_WORKER_DEPLOYMENT_NAME must be letters, digits, '-' or '_' (no '.'), got '${deploymentName}'.`,
    );
  }
  const configuredBuildId = env.TEMPORAL_WORKER_BUILD_ID;
  if (configuredBuildId && !BUILD_ID.test(configuredBuildId)) {
    throw new Error(
      `TEMPORAL_WORKER_BUILD_ID must be letters, digits, '-', '_', '+' or '.', got '${configuredBuildId}'.`,
    );
  }
  const promote = env.TEMPORAL_WORKER_PROMOTE || (env.NODE_ENV === 'production' ? 'manual' : 'auto');
  if (promote !== 'auto' && promote !== 'manual') {
    throw new Error(`TEMPORAL_WORKER_PROMOTE must be 'auto' or 'manual', got '${promote}'.`);
  }
  const versioning =
    env.TEMPORAL_WORKER_VERSIONING === undefined ||
    env.TEMPORAL_WORKER_VERSIONING === '' ||
    flag(env, 'TEMPORAL_WORKER_VERSIONING');
  return { versioning, deploymentName, buildId: configuredBuildId || codeBuildId(), promote };
}

/**
 * `KF-STORSTROEM=exit@example.dk,POL-KBH/dks_officer=dks@…,POL-KBH=…`: each unit's mailbox for notices,
 * and optionally a role's own in the unit (a police district holds both DKS and the exit unit).
 */
function unitAddresses(raw: string | undefined): Record<string, string> {
  const addresses: Record<string, string> = {};
  for (const entry of (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Z0-9-]+(?:\/([a-z_]+))?)=([^\s@=,]+@[^\s@=,]+)$/.exec(entry);
    if (!match || (match[2] && !(ROLES as readonly string[]).includes(match[2]))) {
      throw new Error(
        `NOTICE_UNIT_ADDRESSES: '${entry}' is not UNIT-CODE=address@domain or UNIT-CODE/role=address@domain.`,
      );
    }
    addresses[match[1]] = match[3];
  }
  return addresses;
}

function noticeSettings(env: Env, apiPort: number): NoticeSettings {
  const sender = env.NOTICE_SENDER || 'log';
  if (sender !== 'log' && sender !== 'smtp') throw new Error(`NOTICE_SENDER must be 'log' or 'smtp', got '${sender}'.`);
  const settings: NoticeSettings = {
    sender,
    pollIntervalMs: positiveInteger(env, 'NOTICE_POLL_SECONDS', DEFAULTS.noticePollSeconds, 3600) * 1000,
    webUrl: env.PUBLIC_WEB_URL || `http://localhost:${apiPort}`,
  };
  if (sender === 'log') return settings;
  const url = env.NOTICE_SMTP_URL;
  if (!url || !/^smtps?:\/\/[^\s]+$/.test(url)) {
    // Never print a password the URL may hold.
    const shown = (url ?? '').replace(/\/\/[^/@\s]*@/, '//…@');
    throw new Error(`NOTICE_SENDER=smtp needs NOTICE_SMTP_URL like smtp://mail.example.dk:587, got '${shown}'.`);
  }
  return {
    ...settings,
    smtp: {
      url,
      from: env.NOTICE_FROM || DEFAULTS.noticeFrom,
      unitAddresses: unitAddresses(env.NOTICE_UNIT_ADDRESSES),
    },
  };
}

function flag(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new Error(`${name} must be 'true' or 'false', got '${raw}'.`);
}

function documentSettings(env: Env): DocumentSettings {
  return {
    maxBytes: positiveInteger(env, 'DOCUMENT_MAX_MEGABYTES', DEFAULTS.documentMaxMegabytes, 100) * 1024 * 1024,
    requireSignedExitAgreement: flag(env, 'REQUIRE_SIGNED_EXIT_AGREEMENT'),
  };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

function metricsSettings(env: Env): MetricsSettings {
  const host = env.METRICS_HOST || DEFAULTS.metricsHost;
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && !/^[\x21-\x7e]{16,}$/.test(token)) {
    throw new Error('METRICS_TOKEN must be at least 16 visible ASCII characters without spaces.');
  }
  // Metrics name units and step kinds and show the load: beyond this machine only for a scraper that knows the token.
  if (env.NODE_ENV === 'production' && !LOOPBACK.test(host) && !token) {
    throw new Error(
      `METRICS_HOST=${host} is reachable from other machines: NODE_ENV=production requires METRICS_TOKEN.`,
    );
  }
  return {
    host,
    apiPort: port(env, 'API_METRICS_PORT', DEFAULTS.apiMetricsPort),
    workerPort: port(env, 'WORKER_METRICS_PORT', DEFAULTS.workerMetricsPort),
    token,
  };
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new Error(`${name} must be one of ${allowed.join(', ')}, got '${raw}'.`);
  }
  return raw as T;
}

function logSettings(env: Env): LogSettings {
  return {
    format: oneOf(env, 'LOG_FORMAT', LOG_FORMATS, DEFAULTS.logFormat),
    level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, DEFAULTS.logLevel),
    temporalLevel: oneOf(env, 'TEMPORAL_WORKER_LOG_LEVEL', TEMPORAL_LOG_LEVELS, DEFAULTS.temporalWorkerLogLevel),
  };
}

/** The OpenTelemetry SDK's own variables, read as the SDK's specification says. */
export function tracingSettingsFromEnvironment(env: Env = process.env): TracingSettings | undefined {
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || undefined;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
  const serviceName = env.OTEL_SERVICE_NAME || undefined;
  if (flag(env, 'OTEL_SDK_DISABLED')) return undefined;
  for (const [name, value] of [
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', tracesEndpoint],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', endpoint],
  ]) {
    if (value !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(value))
      throw new Error(`${name} must be an http(s) URL like http://collector:4318, got '${value}'.`);
  }
  const tracesUrl = tracesEndpoint ?? (endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!tracesUrl) return undefined;
  return { tracesUrl, ...(serviceName ? { serviceName } : {}) };
}

function tracingConfig(env: Env): Pick<ExitflowConfig, 'tracing'> {
  const tracing = tracingSettingsFromEnvironment(env);
  return tracing ? { tracing } : {};
}

/** Reads and checks the configuration; a missing or malformed setting stops start-up with its name. */
export function loadConfig(env: Env = process.env): ExitflowConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_URL is not set. Use `npm start` for the embedded defaults, or set DATABASE_URL=postgres://…',
    );
  }
  assertNoDemoSecretsInProduction(env);
  const apiPort = port(env, 'PORT', DEFAULTS.apiPort);
  return {
    production: env.NODE_ENV === 'production',
    databaseUrl,
    temporal: temporalSettingsFromEnvironment(env),
    workerDeployment: workerDeploymentFromEnvironment(env),
    api: {
      host: env.HOST || DEFAULTS.apiHost,
      port: apiPort,
      commandTimeoutMs: positiveInteger(env, 'API_COMMAND_TIMEOUT_SECONDS', DEFAULTS.commandTimeoutSeconds, 300) * 1000,
    },
    deadlines: deadlinePolicyFromEnvironment(env),
    auth: authSettings(env),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    codecCorsOrigins: origins(env, 'TEMPORAL_CODEC_CORS_ORIGINS'),
    temporalUiUpstream: temporalUiUpstream(env),
    personalData: {
      keyring: parseKeyring(
        env.PERSONAL_DATA_KEYS || DEMO_SECRETS.personalDataKeys,
        env.PERSONAL_DATA_ACTIVE_KEY_ID || DEMO_SECRETS.personalDataActiveKeyId,
        'PERSONAL_DATA_KEYS',
      ),
      hmacKey: parseSecret(env.PERSONAL_DATA_HMAC_KEY || DEMO_SECRETS.personalDataHmacKey, 'PERSONAL_DATA_HMAC_KEY'),
    },
    temporalCodecKeyring: parseKeyring(
      env.TEMPORAL_CODEC_KEYS || DEMO_SECRETS.temporalCodecKeys,
      env.TEMPORAL_CODEC_ACTIVE_KEY_ID || DEMO_SECRETS.temporalCodecActiveKeyId,
      'TEMPORAL_CODEC_KEYS',
    ),
    notices: noticeSettings(env, apiPort),
    documents: documentSettings(env),
    concernLetters: {
      roundIntervalWeeks: positiveInteger(
        env,
        'CONCERN_LETTER_ROUND_INTERVAL_WEEKS',
        DEFAULTS.concernLetterRoundIntervalWeeks,
        52,
      ),
      roundCapacity: positiveInteger(env, 'CONCERN_LETTER_ROUND_CAPACITY', DEFAULTS.concernLetterRoundCapacity, 1000),
    },
    retention: { periods: retentionPolicyFromEnvironment(env), schedule: retentionScheduleFromEnvironment(env) },
    metrics: metricsSettings(env),
    logging: logSettings(env),
    ...tracingConfig(env),
  };
}
