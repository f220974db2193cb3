import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { DAY_MS } from '../support/exit-course-fixtures';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';
const { installHint, locateSchemathesis } = require('../tools/schemathesis-tool') as {
  installHint(): string;
  locateSchemathesis(): string | undefined;
};

/**
 * The OpenAPI document tells the truth: schemathesis generates requests from it — valid ones, and ones
 * that break each constraint it states — against the whole system, as every role (and anonymously), and
 * checks that no answer is a 5xx, every status code and Content-Type is documented, every body matches
 * its schema, and every request the schema forbids is refused. Each role works on real cases of its own
 * (their ids are given to schemathesis), so decisions reach the workflows, not only 404s.
 * Bounded: SCHEMATHESIS_MAX_EXAMPLES per operation and phase (default 12). Zero failures allowed.
 */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 12);
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'response_schema_conformance',
  'content_type_conformance',
  'negative_data_rejection',
];

/** One user per role, and no user at all. */
const ROLES: { role: string; username?: string }[] = [
  { role: 'kf_caseworker', username: 'kf.storstroem' },
  { role: 'police_exit_officer', username: 'politi.kbh.exit' },
  { role: 'dks_officer', username: 'politi.kbh.dks' },
  { role: 'municipality_caseworker', username: 'kommune.kbh' },
  { role: 'supervisor', username: 'kf.leder.storstroem' },
  { role: 'national_supervisor', username: 'politi.leder.national' },
  { role: 'administrator', username: 'admin' },
  { role: 'operations', username: 'drift' },
  { role: 'anonymous' },
];

interface Seeded {
  exitCourseId: string;
  dksCaseId: string;
  councilId: string;
  kfPersonRef: string;
}

let sut: SystemUnderTest;
let seeded: Seeded;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-schemathesis-'));
/** Each role's whole schemathesis output, for reading after a run. */
const REPORT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'schemathesis');

/** Real cases of every type: a course released to Københavns Politi (its exit unit decides), a DKS case, a council. */
async function seed(): Promise<Seeded> {
  const kf = await sut.as('kf.storstroem');
  const dks = await sut.as('politi.kbh.dks');
  const municipality = await sut.as('kommune.kbh');
  const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
  const kfPersonRef = (await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() })).body.personRef;
  const course = await kf('POST', '/api/exit-courses', {
    personRef: kfPersonRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-06-30',
    paroleLinked: false,
    referredAt: ago(10),
  });
  const released = await startReleased(kf, ago);
  const youth = (await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() })).body.personRef;
  const dksCase = await dks('POST', '/api/dks-cases', {
    personRef: youth,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: ago(0.5),
  });
  const councilYouth = (await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() }))
    .body.personRef;
  const council = await municipality('POST', '/api/network-councils', {
    personRef: councilYouth,
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: ago(1),
  });
  for (const answer of [course, dksCase, council]) expect(answer.status).toBe(201);
  return {
    exitCourseId: released ?? course.body.id,
    dksCaseId: dksCase.body.id,
    councilId: council.body.id,
    kfPersonRef,
  };
}

async function startReleased(kf: UserClient, ago: (days: number) => string): Promise<string | undefined> {
  const personRef = (await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() })).body.personRef;
  const { body } = await kf('POST', '/api/exit-courses', {
    personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-06-30',
    paroleLinked: false,
    referredAt: ago(60),
  });
  for (const [step, request] of [
    ['suitability-assessment', { outcome: 'offer', decidedAt: ago(50) }],
    ['agreement-signed', { signedAt: ago(45) }],
    ['release-plan', { municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' }],
    ['release', { releasedAt: ago(1) }],
  ] as const) {
    expect([step, (await kf('POST', `/api/exit-courses/${body.id}/${step}`, request)).status]).toEqual([step, 200]);
  }
  return body.id;
}

/** schemathesis.toml for one role: its token, and the ids of the real cases for each resource's path. */
function configFor(token: string | undefined): string {
  const operations = [
    ['^/api/exit-courses/', { 'path.id': seeded.exitCourseId }],
    ['^/api/dks-cases/', { 'path.id': seeded.dksCaseId }],
    ['^/api/network-councils/', { 'path.id': seeded.councilId }],
    ['^/api/persons/', { 'path.personRef': seeded.kfPersonRef }],
    ['^/api/admin/attention/', { 'path.caseId': seeded.dksCaseId }],
  ] as const;
  return [
    `base-url = "${sut.baseUrl}"`,
    'workers = 1',
    `request-timeout = 30`,
    `generation.max-examples = ${MAX_EXAMPLES}`,
    'generation.database = "none"',
    ...(token ? [`headers = { Authorization = "Bearer ${token}" }`] : []),
    ...operations.flatMap(([regex, parameters]) => [
      '',
      '[[operations]]',
      `include-path-regex = "${regex}"`,
      `parameters = { ${Object.entries(parameters)
        .map(([key, value]) => `"${key}" = "${value}"`)
        .join(', ')} }`,
    ]),
  ].join('\n');
}

/**
 * One role's run takes about a minute on an idle 2-core machine and several on a loaded one; jest's default
 * of 2 minutes cut runs short while other suites shared the cores.
 */
const ROLE_RUN_TIMEOUT_MS = 600_000;

const PYTEST_CLOSING_LINE = /^=+ .* in [\d.]+s =+$/;

interface RunResult {
  role: string;
  code: number | null;
  summary: string;
  output: string;
}

function runSchemathesis(role: string, token: string | undefined): Promise<RunResult> {
  const st = locateSchemathesis();
  if (!st) throw new Error(installHint());
  const configFile = path.join(workDir, `${role}.toml`);
  fs.writeFileSync(configFile, configFor(token));
  return new Promise((resolve, reject) => {
    const child = spawn(
      st,
      [
        '--config-file',
        configFile,
        'run',
        `${sut.baseUrl}/api/docs-json`,
        '--checks',
        CHECKS.join(','),
        '--phases',
        'examples,coverage,fuzzing',
        '--no-color',
        '--seed',
        '1',
      ],
      { cwd: workDir, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false', NO_COLOR: '1' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      fs.mkdirSync(REPORT_DIR, { recursive: true });
      fs.writeFileSync(path.join(REPORT_DIR, `${role}.log`), output);
      const summary = output.includes('SUMMARY') ? output.slice(output.lastIndexOf('SUMMARY')) : output.slice(-2000);
      resolve({ role, code, summary, output });
    });
  });
}

let database: TestDatabase;

beforeAll(async () => {
  // A database of its own: the lists it reads hold only what the API and workflows wrote (other suites
  // insert rows straight into the shared one, with statuses no workflow has).
  database = await createSiblingDatabase();
  sut = await startSystem(
    { LOGIN_ATTEMPTS_PER_MINUTE: '10000', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '10000' },
    { databaseUrl: database.databaseUrl },
  );
  await seedDemoUsers(sut.db);
  seeded = await seed();
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the OpenAPI document against the running system (schemathesis)', () => {
  it.each(ROLES)(
    'holds for every operation as $role',
    async ({ role, username }) => {
      const token = username ? await tokenOf(username) : undefined;
      const result = await runSchemathesis(role, token);
      const failures =
        /(\d+) failures?/.exec(
          result.summary
            .split('\n')
            .reverse()
            .find((line) => /=+ .* in [\d.]+s/.test(line)) ?? '',
        )?.[1] ?? '0';
      const errors = /(\d+) errors?/.exec(result.summary)?.[1] ?? '0';
      // The summary for the log: operations, phases, test cases, failures. Its closing "=== N warnings in Ns ==="
      // line is left out: CI reads a line of that form as a pytest run that executed no test (the whole log
      // stays in the report directory).
      const summary = result.summary
        .trim()
        .split('\n')
        .filter((line) => !PYTEST_CLOSING_LINE.test(line))
        .join('\n');
      process.stdout.write(`\nschemathesis as ${role}:\n${summary}\n`);
      if (result.code !== 0)
        process.stdout.write(result.output.slice(result.output.indexOf('FAILURES'), result.output.indexOf('SUMMARY')));
      expect({ role, failures: Number(failures), errors: Number(errors), exitCode: result.code }).toEqual({
        role,
        failures: 0,
        errors: 0,
        exitCode: 0,
      });
    },
    ROLE_RUN_TIMEOUT_MS,
  );
});

async function tokenOf(username: string): Promise<string> {
  const login = await fetch(`${sut.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_SECRETS.demoUserPassword }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}
