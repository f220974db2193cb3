import fs from 'node:fs';
import path from 'node:path';
import {
  assertNoDemoSecretsInProduction,
  DEFAULTS,
  loadConfig,
  temporalSettingsFromEnvironment,
} from '../../libs/config/exitflow-config';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { DEADLINE_POLICY } from '../../libs/domain/deadlines/deadline-policy';
import { codeSpans, ROOT, readRepoFile, tableStartingWith, where } from './markdown';

/**
 * docs/configuration.md's table against the environment variables the code reads: everything the
 * configuration module reads has a row, every row names a variable some code reads, and the defaults
 * the table states are the code's.
 */
const FILE = 'docs/configuration.md';
const CONFIG_SOURCE = 'libs/config/exitflow-config.ts';
const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

interface DocumentedVariable {
  name: string;
  line: number;
  defaultCell: string;
}

function documentedVariables(): DocumentedVariable[] {
  const table = tableStartingWith(FILE, 'variable');
  expect(table.header).toEqual(['variable', 'default', 'meaning']);
  return table.rows.flatMap(({ line, cells }) => {
    const names = codeSpans(cells[0] ?? '').filter((span) => VARIABLE.test(span));
    if (!names.length) throw new Error(`${where(FILE, line)}: the row names no variable in \`code\`.`);
    return names.map((name) => ({ name, line, defaultCell: cells[1] ?? '' }));
  });
}

/**
 * What the source text of the configuration module reads: `env.X` / `process.env.X`, `env['X']`, and the
 * helpers' `(env, 'X', …)` (port, positiveInteger, origins).
 */
function variablesInSource(source: string): Set<string> {
  const patterns = [
    /\benv\.([A-Z][A-Z0-9_]*)\b/g,
    /\benv\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g,
    /\(\s*env\s*,\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
  ];
  return new Set(patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1])));
}

/**
 * What the configuration reads when it runs: every key looked up on the environment it is given, over
 * settings that take each branch (SMTP, TLS, production). This also catches reads through other modules,
 * e.g. the deadline policy's `env[definition.setting]`.
 */
function variablesReadAtRuntime(): Set<string> {
  const read = new Set<string>();
  const recording = (values: Record<string, string>) =>
    new Proxy(values, {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
      has(target, key) {
        if (typeof key === 'string') read.add(key);
        return key in target;
      },
    }) as Record<string, string | undefined>;
  const scenarios: Record<string, string>[] = [
    { DATABASE_URL: 'postgres://docs@localhost/docs' },
    {
      DATABASE_URL: 'postgres://docs@localhost/docs',
      NOTICE_SENDER: 'smtp',
      NOTICE_SMTP_URL: 'smtp://mail.example:587',
      TEMPORAL_TLS: 'true',
    },
    { NODE_ENV: 'production', DATABASE_URL: 'postgres://docs@localhost/docs', AUTH_JWKS_URL: 'http://keys' },
  ];
  for (const values of scenarios) {
    for (const run of [loadConfig, temporalSettingsFromEnvironment, assertNoDemoSecretsInProduction]) {
      try {
        run(recording(values));
      } catch {
        // A refused setting still shows what was read on the way.
      }
    }
  }
  return read;
}

/** Source files that may read a setting; unit tests beside the code test readers, they are none. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const skip = new Set(['node_modules', 'dist', '.tools', '.temporal', '.data', 'test-output', 'coverage']);
  const walk = (relative: string) => {
    const absolute = path.join(ROOT, relative);
    if (!fs.existsSync(absolute)) return;
    if (fs.statSync(absolute).isFile()) {
      files.push(relative);
      return;
    }
    for (const entry of fs.readdirSync(absolute)) {
      if (skip.has(entry)) continue;
      const child = path.posix.join(relative, entry);
      if (child === 'test/docs') continue;
      const isUnitTest = entry.endsWith('.spec.ts') && !child.startsWith('test/');
      if (fs.statSync(path.join(ROOT, child)).isDirectory()) walk(child);
      else if (/\.(ts|js|mjs|cjs)$/.test(entry) && !isUnitTest) files.push(child);
    }
  };
  for (const top of ['apps', 'libs', 'activities', 'workflows', 'test', '.ci/run']) walk(top);
  return files;
}

/** Whether a source reads the variable: `env.X`, `env['X']`, `'X'` (a name handed to a helper), or `${X` (shell). */
function reads(source: string, name: string): boolean {
  return [new RegExp(`\\benv\\.${name}\\b`), new RegExp(`['"\`]${name}['"\`]`), new RegExp(`\\$\\{?${name}\\b`)].some(
    (pattern) => pattern.test(source),
  );
}

describe(`${FILE} mirrors the environment variables the code reads`, () => {
  const documented = documentedVariables();
  const documentedNames = new Set(documented.map((variable) => variable.name));
  const inSource = variablesInSource(readRepoFile(CONFIG_SOURCE));
  const atRuntime = variablesReadAtRuntime();
  const configReads = new Set([...inSource, ...atRuntime]);

  it(`finds what ${CONFIG_SOURCE} reads (else this check's patterns no longer fit the file)`, () => {
    for (const name of ['DATABASE_URL', 'NODE_ENV', 'PORT', 'TEMPORAL_ADDRESS', 'NOTICE_SMTP_URL']) {
      expect({ name, inSource: inSource.has(name) }).toEqual({ name, inSource: true });
    }
    const deadlineSettings = Object.values(DEADLINE_POLICY).flatMap((definition) =>
      definition.setting ? [definition.setting] : [],
    );
    expect(deadlineSettings.filter((setting) => !atRuntime.has(setting))).toEqual([]);
  });

  it(`has a row for every variable ${CONFIG_SOURCE} reads`, () => {
    const missing = [...configReads]
      .filter((name) => !documentedNames.has(name))
      .sort()
      .map((name) => {
        const how = inSource.has(name) ? 'in its source' : 'when it runs (through a module it calls)';
        return `${FILE}: no row for \`${name}\`, which ${CONFIG_SOURCE} reads ${how}`;
      });
    expect(missing).toEqual([]);
  });

  it('names in every row a variable some code reads', () => {
    const sources = sourceFiles().map((file) => ({ file, text: readRepoFile(file) }));
    const stale = documented
      .filter(({ name }) => !configReads.has(name))
      .filter(({ name }) => !sources.some(({ text }) => reads(text, name)))
      .map(
        ({ name, line }) =>
          `${where(FILE, line)}: \`${name}\` is read by no code (looked for env.${name}, '${name}' and ` +
          `\${${name}} in apps/, libs/, activities/, workflows/, test/ and .ci/run) — stale row?`,
      );
    expect(stale).toEqual([]);
  });

  it('has one row per variable', () => {
    const seen = new Map<string, number>();
    const repeated: string[] = [];
    for (const { name, line } of documented) {
      if (seen.has(name)) repeated.push(`${where(FILE, line)}: \`${name}\` repeats line ${seen.get(name)}`);
      seen.set(name, line);
    }
    expect(repeated).toEqual([]);
  });

  it("states the code's defaults", () => {
    // Each variable whose default is a value in the code, and that value.
    const codeDefaults = new Map<string, string>();
    for (const definition of Object.values(DEADLINE_POLICY)) {
      if (definition.setting && definition.rule.unit === 'calendar-days') {
        codeDefaults.set(definition.setting, String(definition.rule.days));
      }
    }
    const fromDefaults: Record<keyof typeof DEFAULTS, string> = {
      temporalAddress: 'TEMPORAL_ADDRESS',
      temporalNamespace: 'TEMPORAL_NAMESPACE',
      taskQueue: 'TEMPORAL_TASK_QUEUE',
      workerDeploymentName: 'TEMPORAL_WORKER_DEPLOYMENT_NAME',
      apiHost: 'HOST',
      apiPort: 'PORT',
      commandTimeoutSeconds: 'API_COMMAND_TIMEOUT_SECONDS',
      authIssuer: 'AUTH_ISSUER',
      authAudience: 'AUTH_AUDIENCE',
      tokenTtlMinutes: 'AUTH_TOKEN_TTL_MINUTES',
      loginAttemptsPerMinute: 'LOGIN_ATTEMPTS_PER_MINUTE',
      loginAttemptsPerAddressPerMinute: 'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE',
      noticePollSeconds: 'NOTICE_POLL_SECONDS',
      noticeFrom: 'NOTICE_FROM',
      documentMaxMegabytes: 'DOCUMENT_MAX_MEGABYTES',
      concernLetterRoundIntervalWeeks: 'CONCERN_LETTER_ROUND_INTERVAL_WEEKS',
      concernLetterRoundCapacity: 'CONCERN_LETTER_ROUND_CAPACITY',
      metricsHost: 'METRICS_HOST',
      apiMetricsPort: 'API_METRICS_PORT',
      workerMetricsPort: 'WORKER_METRICS_PORT',
      logFormat: 'LOG_FORMAT',
      logLevel: 'LOG_LEVEL',
      temporalWorkerLogLevel: 'TEMPORAL_WORKER_LOG_LEVEL',
    };
    for (const [key, variable] of Object.entries(fromDefaults)) {
      codeDefaults.set(variable, String(DEFAULTS[key as keyof typeof DEFAULTS]));
    }
    codeDefaults.set('PERSONAL_DATA_ACTIVE_KEY_ID', DEMO_SECRETS.personalDataActiveKeyId);
    codeDefaults.set('TEMPORAL_CODEC_ACTIVE_KEY_ID', DEMO_SECRETS.temporalCodecActiveKeyId);

    const problems: string[] = [];
    // A new entry in DEFAULTS needs its variable here, so that its row is checked too.
    for (const key of Object.keys(DEFAULTS)) {
      if (!(key in fromDefaults)) problems.push(`DEFAULTS.${key} has no variable in this check's fromDefaults`);
    }
    for (const [name, value] of codeDefaults) {
      const row = documented.find((variable) => variable.name === name);
      if (!row) continue; // reported by the row check above
      if (!codeSpans(row.defaultCell).includes(value)) {
        problems.push(
          `${where(FILE, row.line)}: \`${name}\`'s default says "${row.defaultCell}", the code's default is \`${value}\``,
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
