import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { TEMPORAL_SERVER_VERSION } from '../../apps/cluster/src/cluster-binaries';
import { CLUSTER_TOPOLOGY } from '../../apps/cluster/src/cluster';
import { GRPC_LOCATIONS } from '../../apps/cluster/src/nginx';
import { TEMPORAL_UI_PATH } from '../../libs/temporal/temporal-ui-path';
import { DYNAMIC_CONFIG, NUM_HISTORY_SHARDS } from '../../apps/cluster/src/temporal-node-config';

/**
 * docker-compose.yml cannot be run here (no container engine), so this reads it the way Compose does
 * (YAML with merge keys, then `${VAR:-default}` interpolation with nothing set) and checks that the
 * pieces fit together: names, credentials, addresses and the entry points the image is built with.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

type Env = Record<string, string>;
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Env | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number)[];
  volumes?: string[];
  healthcheck?: { test: string | string[] };
  deploy?: { replicas?: number };
  restart?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** Compose interpolation with an empty environment: `${VAR:-default}`/`${VAR-default}` → default, `$$` → `$`. */
const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
function interpolate(text: string, missing: string[]): string {
  return text.replace(INTERPOLATION, (match, braced?: string, operator?: string, fallback?: string, bare?: string) => {
    if (match === '$$') return '$';
    if (operator) return fallback ?? '';
    missing.push(braced ?? bare ?? match);
    return '';
  });
}
function interpolateAll<T>(value: T, missing: string[]): T {
  if (typeof value === 'string') return interpolate(value, missing) as T;
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, missing)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, missing)])) as T;
  }
  return value;
}

const raw = read('docker-compose.yml');
const variablesWithoutDefault: string[] = [];
const compose = interpolateAll(parse(raw, { merge: true }) as ComposeFile, variablesWithoutDefault);
const services = compose.services;

function env(name: string): Env {
  const environment = services[name].environment ?? {};
  if (!Array.isArray(environment))
    return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(
    environment.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
}
function dependencies(name: string): Record<string, string | undefined> {
  const dependsOn = services[name].depends_on ?? [];
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((dep) => [dep, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([dep, spec]) => [dep, spec?.condition]));
}
function commandOf(name: string): string[] {
  const command = services[name].command;
  if (command === undefined) throw new Error(`${name} has no command`);
  return Array.isArray(command) ? command : command.split(/\s+/);
}
/** `dist/<path>.js` (tsc output, rootDir `.`) → `<path>.ts`. */
function sourceOf(builtFile: string): string {
  const match = /^dist\/(.+)\.js$/.exec(builtFile);
  if (!match) throw new Error(`${builtFile} is not a file under dist/`);
  return `${match[1]}.ts`;
}

const APP_SERVICES = ['api', 'worker', 'migrate'];
const TEMPORAL_NODES = Object.keys(services).filter((name) => /^temporal-\d+$/.test(name));

describe('docker-compose.yml', () => {
  it('uses a default for every variable, so the stack starts without an .env file', () => {
    expect(variablesWithoutDefault).toEqual([]);
    expect(raw).toContain('${READ_MODEL_DB_PASSWORD:-exitflow}');
    expect(raw).toContain('${TEMPORAL_DB_PASSWORD:-temporal}');
  });

  it('has exactly the services of the production-like stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'api',
        'migrate',
        'nginx',
        'postgres',
        'temporal-1',
        'temporal-2',
        'temporal-namespace',
        'temporal-postgresql',
        'temporal-schema',
        'temporal-ui',
        'worker',
      ].sort(),
    );
  });

  it('builds API, worker and migration from one image of the Dockerfile at the repository root', () => {
    const { build, image } = services.api;
    expect(build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(image).toBe('exitflow:local');
    for (const name of ['worker', 'migrate']) {
      expect(services[name].build).toEqual(build);
      expect(services[name].image).toBe(image);
    }
    expect(fs.existsSync(path.join(ROOT, 'Dockerfile'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, '.dockerignore'))).toBe(true);
  });

  it('pins the tag of every image it pulls', () => {
    for (const [name, service] of Object.entries(services)) {
      if (APP_SERVICES.includes(name)) continue;
      expect(service.build).toBeUndefined();
      expect(service.image).toMatch(/^[a-z0-9./-]+:\d+(\.\d+)+(-[a-z0-9.]+)?$/);
    }
    // The version `npm run start:cluster` builds (apps/cluster/src/cluster-binaries.ts), in every Temporal image.
    for (const node of TEMPORAL_NODES)
      expect(services[node].image).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
    for (const name of ['temporal-schema', 'temporal-namespace'])
      expect(services[name].image).toBe(`temporalio/admin-tools:${TEMPORAL_SERVER_VERSION}`);
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
  });

  it('runs several worker replicas', () => {
    expect(services.worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
    // Replicas cannot share a fixed container name or a published port.
    expect(services.worker).not.toHaveProperty('container_name');
    expect(services.worker.ports).toBeUndefined();
    // Temporal's frontends are not published, nor its UI (the API serves it: see below).
    for (const node of TEMPORAL_NODES) expect(services[node].ports).toBeUndefined();
    expect(services['temporal-ui'].ports).toBeUndefined();
  });

  it('depends only on services that exist, with conditions Compose knows', () => {
    const conditions = ['service_started', 'service_healthy', 'service_completed_successfully', undefined];
    for (const name of Object.keys(services)) {
      for (const [dependency, condition] of Object.entries(dependencies(name))) {
        expect({ name, dependency, exists: dependency in services }).toEqual({ name, dependency, exists: true });
        expect(conditions).toContain(condition);
        if (condition === 'service_healthy') expect(services[dependency].healthcheck).toBeDefined();
      }
    }
  });

  it('starts API and worker only after a successful migration and the namespace registered on a healthy node', () => {
    for (const name of ['api', 'worker']) {
      expect(dependencies(name)).toEqual({
        migrate: 'service_completed_successfully',
        'temporal-namespace': 'service_completed_successfully',
      });
    }
    expect(dependencies('migrate')).toEqual({ postgres: 'service_healthy' });
    expect(dependencies('temporal-schema')).toEqual({ 'temporal-postgresql': 'service_healthy' });
    // Node 1 first (it writes the cluster metadata record), the others once it is healthy.
    expect(dependencies('temporal-1')).toEqual({ 'temporal-schema': 'service_completed_successfully' });
    expect(dependencies('temporal-2')).toEqual({ 'temporal-1': 'service_healthy' });
    expect(dependencies('temporal-namespace')).toEqual({ 'temporal-1': 'service_healthy' });
    expect(dependencies('nginx')).toEqual(Object.fromEntries(TEMPORAL_NODES.map((node) => [node, 'service_healthy'])));
    expect(Object.keys(dependencies('temporal-ui'))).toEqual(['nginx']);
    for (const name of ['migrate', 'temporal-schema', 'temporal-namespace']) expect(services[name].restart).toBe('no');
  });

  it("has start:cluster's topology: Temporal nodes, API replicas and workers", () => {
    expect({
      temporalNodes: TEMPORAL_NODES.length,
      apiReplicas: services.api.deploy?.replicas,
      workers: services.worker.deploy?.replicas,
    }).toEqual(CLUSTER_TOPOLOGY);
  });

  it("gives every Temporal node start:cluster's history shards and dynamic configuration", () => {
    const mounted = parse(read('deploy/temporal-dynamic-config.yaml'));
    expect(mounted).toEqual(DYNAMIC_CONFIG);
    for (const node of TEMPORAL_NODES) {
      expect(env(node)).toMatchObject({ NUM_HISTORY_SHARDS: String(NUM_HISTORY_SHARDS), BIND_ON_IP: '0.0.0.0' });
      expect(services[node].volumes).toEqual([
        `./deploy/temporal-dynamic-config.yaml:${env(node).DYNAMIC_CONFIG_FILE_PATH}:ro`,
      ]);
    }
  });

  it('balances HTTP over the API replicas and gRPC over every Temporal node in nginx, its only published port 3000', () => {
    const config = read('deploy/nginx.conf');
    const upstream = (name: string) =>
      [...(new RegExp(`upstream ${name} \\{([^}]*)\\}`).exec(config)?.[1] ?? '').matchAll(/server (\S+)/g)].map(
        (match) => match[1],
      );
    expect(upstream('exitflow_api')).toEqual(['api:3000']);
    expect(upstream('temporal_frontends')).toEqual(TEMPORAL_NODES.map((node) => `${node}:7233`));
    expect(config).toContain('listen 3000;');
    expect(config).toContain('listen 7233 http2;');
    // The same gRPC locations as the launcher's nginx, the UNAVAILABLE answer for a failed frontend included.
    const lines = config.split('\n').map((line) => line.trim());
    const start = lines.indexOf(GRPC_LOCATIONS[0], lines.indexOf('listen 7233 http2;'));
    expect(lines.slice(start, start + GRPC_LOCATIONS.length)).toEqual(GRPC_LOCATIONS.map((line) => line.trim()));
    expect(services.nginx.volumes).toEqual(['./deploy/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(services.nginx.ports).toEqual(['3000:3000']);
    expect(services.api.ports).toBeUndefined();
  });

  it('serves the Temporal UI through the API at its codec path, as npm start does, and publishes no port for it', () => {
    expect(services['temporal-ui'].environment).toMatchObject({
      TEMPORAL_UI_PUBLIC_PATH: TEMPORAL_UI_PATH,
      TEMPORAL_CODEC_ENDPOINT: '/api/codec',
    });
    expect(env('api').TEMPORAL_UI_UPSTREAM).toBe('http://temporal-ui:8080');
  });

  it('keeps the read model on a named volume, with a healthcheck', () => {
    const volume = services.postgres.volumes?.[0] ?? '';
    const [volumeName, mountPoint] = volume.split(':');
    expect(mountPoint).toBe('/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes ?? {})).toContain(volumeName);
    expect(services.postgres.healthcheck?.test).toEqual(['CMD-SHELL', 'pg_isready -U exitflow -d exitflow']);
  });

  it("migrates as the postgres service's owner and creates the runtime role with the password API and worker use", () => {
    const url = new URL(env('migrate').MIGRATION_DATABASE_URL);
    const database = env('postgres');
    expect(url.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url.hostname).toBe('postgres');
    expect(url.port === '' || url.port === '5432').toBe(true);
    expect(decodeURIComponent(url.username)).toBe(database.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(database.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${database.POSTGRES_DB}`);
    expect(database).toMatchObject({
      POSTGRES_USER: 'exitflow',
      POSTGRES_PASSWORD: 'exitflow',
      POSTGRES_DB: 'exitflow',
    });
    expect(env('migrate').RUNTIME_ROLE_PASSWORD).toBe(decodeURIComponent(new URL(env('api').DATABASE_URL).password));
  });

  it.each(['api', 'worker'])('connects %s to the read model as the runtime role, not the owner', (name) => {
    const url = new URL(env(name).DATABASE_URL);
    expect([url.hostname, url.port || '5432', decodeURIComponent(url.username), url.pathname]).toEqual([
      'postgres',
      '5432',
      'exitflow_app',
      `/${env('postgres').POSTGRES_DB}`,
    ]);
  });

  it.each(['api', 'worker'])('connects %s to Temporal through nginx:7233, namespace default', (name) => {
    expect(env(name)).toMatchObject({ TEMPORAL_ADDRESS: 'nginx:7233', TEMPORAL_NAMESPACE: 'default' });
    expect(services['temporal-namespace'].command).toEqual(
      expect.arrayContaining([expect.stringContaining('-n default')]),
    );
  });

  it('gives API and worker the same task queue and database', () => {
    const apiOnly = ['HOST', 'PORT', 'TEMPORAL_UI_UPSTREAM'];
    const apiEnv = Object.entries(env('api')).filter(([key]) => !apiOnly.includes(key));
    expect(Object.fromEntries(apiEnv)).toEqual(env('worker'));
  });

  it('serves the API on 0.0.0.0:3000, the port nginx passes to', () => {
    expect(env('api')).toMatchObject({ HOST: '0.0.0.0', PORT: '3000' });
  });

  it('points the Temporal UI at nginx:7233', () => {
    expect(env('temporal-ui').TEMPORAL_ADDRESS).toBe('nginx:7233');
  });

  it.each(TEMPORAL_NODES)("runs %s on the temporal-postgresql service's PostgreSQL with its credentials", (node) => {
    const temporal = env(node);
    const database = env('temporal-postgresql');
    expect(temporal.DB).toBe('postgres12');
    expect(temporal.POSTGRES_SEEDS).toBe('temporal-postgresql');
    expect(temporal.DB_PORT).toBe('5432');
    expect(temporal.POSTGRES_USER).toBe(database.POSTGRES_USER);
    expect(temporal.POSTGRES_PWD).toBe(database.POSTGRES_PASSWORD);
  });

  it('creates the schemas with temporal-sql-tool on the same server and credentials (postgres12)', () => {
    const schema = env('temporal-schema');
    const database = env('temporal-postgresql');
    expect(schema).toEqual({
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: 'temporal-postgresql',
      SQL_PORT: '5432',
      SQL_USER: database.POSTGRES_USER,
      SQL_PASSWORD: database.POSTGRES_PASSWORD,
    });
    const script = commandOf('temporal-schema').join(' ');
    expect(script).toContain('update-schema -d "$schema/temporal/versioned"');
    expect(script).toContain('update-schema -d "$schema/visibility/versioned"');
  });

  it('runs the built entry points of API, worker and migration, which exist as sources', () => {
    expect(commandOf('api')).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(commandOf('worker')).toEqual(['node', 'dist/apps/worker/src/main.js']);
    expect(commandOf('migrate')).toEqual(['node', 'dist/apps/migrate/src/main.js']);
    for (const name of APP_SERVICES) {
      const source = sourceOf(commandOf(name)[1]);
      expect({ source, exists: fs.existsSync(path.join(ROOT, source)) }).toEqual({ source, exists: true });
    }
    expect(['apps/api/src/main.ts', 'apps/worker/src/main.ts', 'apps/migrate/src/main.ts'].map(sourceExists)).toEqual([
      true,
      true,
      true,
    ]);
  });
});

function sourceExists(file: string): boolean {
  return fs.existsSync(path.join(ROOT, file));
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = instructions.filter((line) => /^FROM\s/i.test(line));
  const runs = instructions.filter((line) => /^RUN\s/i.test(line));

  it('builds in one node:20.20-bookworm-slim stage and runs in another', () => {
    expect(instructions).toContain('ARG NODE_IMAGE=node:20.20-bookworm-slim');
    expect(stages).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
  });

  it('compiles with all dependencies but no install scripts, and runs with production dependencies only', () => {
    const runtimeAt = instructions.indexOf('FROM ${NODE_IMAGE} AS runtime');
    const buildRuns = runs.filter((line) => instructions.indexOf(line) < runtimeAt);
    const runtimeRuns = runs.filter((line) => instructions.indexOf(line) > runtimeAt);
    expect(buildRuns).toEqual(['RUN npm ci --ignore-scripts', 'RUN npm run build']);
    expect(runtimeRuns).toEqual(['RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force']);
    expect(instructions).toContain('COPY --from=build /app/dist ./dist');
  });

  it('builds with the tsc config whose output layout the commands assume', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json');
    const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: { rootDir: string; outDir: string } };
    expect(tsconfig.compilerOptions).toMatchObject({ rootDir: '.', outDir: 'dist' });
    const build = JSON.parse(read('tsconfig.build.json')) as {
      extends: string;
      compilerOptions: Record<string, unknown>;
    };
    expect(build.extends).toBe('./tsconfig.json');
    expect(build.compilerOptions).not.toHaveProperty('outDir');
    expect(build.compilerOptions).not.toHaveProperty('rootDir');
  });

  it('copies every folder the compiled entry points come from', () => {
    for (const folder of ['apps', 'libs', 'workflows', 'activities']) {
      expect(instructions).toContain(`COPY ${folder} ./${folder}`);
    }
  });

  it('defaults to the API entry point, which exists as a source', () => {
    const cmd = instructions.filter((line) => /^CMD\s/.test(line));
    expect(cmd).toEqual(['CMD ["node", "dist/apps/api/src/main.js"]']);
    const entry = (JSON.parse(cmd[0].slice(4)) as string[])[1];
    expect(sourceExists(sourceOf(entry))).toBe(true);
  });

  it('keeps local data, builds and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data', '.temporal', '.git', '.env']));
    for (const folder of ['apps', 'libs', 'workflows', 'activities', 'scripts', 'package.json', 'package-lock.json']) {
      expect(ignored).not.toContain(folder);
    }
  });
});
