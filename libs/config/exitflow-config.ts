import type { DeadlinePolicySnapshot } from '../domain/deadlines/deadline-policy';
import { deadlinePolicyFromEnvironment } from '../domain/deadlines/deadline-policy';

/** Everything the API and worker read from the environment. README.md documents every variable. */
export interface ExitflowConfig {
  databaseUrl: string;
  temporal: TemporalSettings;
  api: { host: string; port: number };
  deadlines: DeadlinePolicySnapshot;
}

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { serverRootCaPath?: string; clientCertPath?: string; clientKeyPath?: string };
}

export const DEFAULTS = Object.freeze({
  temporalAddress: 'localhost:7233',
  temporalNamespace: 'default',
  taskQueue: 'exitflow',
  apiHost: '127.0.0.1',
  apiPort: 3000,
});

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || value > 65535) throw new Error(`${name} must be a port number, got '${raw}'.`);
  return value;
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

/** Reads and checks the configuration; a missing or malformed setting stops start-up with its name. */
export function loadConfig(env: Env = process.env): ExitflowConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set. Use `npm start` for the embedded defaults, or set DATABASE_URL=postgres://…');
  }
  return {
    databaseUrl,
    temporal: temporalSettingsFromEnvironment(env),
    api: { host: env.HOST || DEFAULTS.apiHost, port: port(env, 'PORT', DEFAULTS.apiPort) },
    deadlines: deadlinePolicyFromEnvironment(env),
  };
}
