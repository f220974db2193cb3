import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { EncryptionCodec } from '../../libs/temporal/encryption-codec';
import { DAY_MS } from '../support/exit-course-fixtures';
import { refusedWrites } from '../support/refused-writes';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/**
 * Names and CPR numbers must never reach Temporal in readable form (workflow ids, search attributes,
 * memos, payloads), nor any log. A full run with demo persons — whose caseworkers, as people do, also
 * write a name into a free-text reason — is scanned afterwards, the way an auditor would.
 */
const PERSONS = [
  { name: 'Zacharias Særnavnsen', cpr: '120379-1234' },
  { name: 'Ibrahim Unikasen', cpr: '050601-4321' },
  { name: 'Bjørn Sjældensen', cpr: '311288-2468' },
];

/**
 * Persons whose cases' read-model writes fail while their reasons name them: one for a while (the
 * database refuses as if overloaded, so the activity is retried and each retry is logged), one for good
 * (the case is held for operations).
 */
const FAILING = [
  { name: 'Xerxes Forbigåendesen', cpr: '230485-1357' },
  { name: 'Yolanda Afvistesen', cpr: '140792-8642' },
];

/** What must not be found: each full name, each name part, each CPR number with and without its dash. */
const NEEDLES = [...PERSONS, ...FAILING].flatMap(({ name, cpr }) => [
  name,
  ...name.split(' '),
  cpr,
  cpr.replace('-', ''),
]);

const captured: string[] = [];
const originalWrites = {
  stdout: process.stdout.write.bind(process.stdout),
  stderr: process.stderr.write.bind(process.stderr),
};
const originalConsole = {
  log: console.log,
  info: console.info,
  warn: console.warn,
  error: console.error,
  debug: console.debug,
};

function capture(): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return (originalWrites[stream] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  for (const level of Object.keys(originalConsole) as (keyof typeof originalConsole)[]) {
    console[level] = (...args: unknown[]) => {
      captured.push(args.map(String).join(' '));
      originalConsole[level](...args);
    };
  }
}

function release(): void {
  process.stdout.write = originalWrites.stdout as typeof process.stdout.write;
  process.stderr.write = originalWrites.stderr as typeof process.stderr.write;
  Object.assign(console, originalConsole);
}

/** Every string in a JSON value, and the text of those that are base64 (payload data and metadata). */
function readableStrings(value: unknown): string[] {
  if (typeof value === 'string') {
    const decoded =
      /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0
        ? Buffer.from(value, 'base64').toString('utf8')
        : '';
    return [value, decoded];
  }
  if (Array.isArray(value)) return value.flatMap(readableStrings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => [key, ...readableStrings(inner)]);
  return [];
}

function findings(where: string, texts: string[]): string[] {
  const haystack = texts.join('\n').toLowerCase();
  return NEEDLES.filter((needle) => haystack.includes(needle.toLowerCase())).map((needle) => `${where}: "${needle}"`);
}

let sut: SystemUnderTest;
const workflowIds: string[] = [];

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 120 && !(await check()); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 500));
}

beforeAll(async () => {
  capture();
  sut = await startSystem(
    { API_COMMAND_TIMEOUT_SECONDS: '3' },
    { logLevels: ['log', 'error', 'warn', 'debug', 'verbose'] },
  );
  const caseworker = await sut.as('kf.storstroem');
  const supervisor = await sut.as('kf.leder.storstroem');
  for (const [index, person] of PERSONS.entries()) {
    const { body: registered } = await caseworker('POST', '/api/persons', person);
    await caseworker('POST', '/api/persons', { name: person.name, cpr: person.cpr.replace('-', '') });
    await caseworker('POST', '/api/persons/lookup', { cpr: person.cpr });
    await supervisor('GET', `/api/persons/${registered.personRef}`);
    const { body: course } = await caseworker(
      'POST',
      '/api/exit-courses',
      {
        personRef: registered.personRef,
        institutionCode: 'KF-STORSTROEM',
        expectedReleaseDate: '2028-06-01',
        paroleLinked: index === 0,
        referredAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
      },
      { 'idempotency-key': `scan-${index}-${Date.now()}` },
    );
    workflowIds.push(course.workflowId);
    const firstName = person.name.split(' ')[0];
    if (index === 0) {
      await caseworker('POST', `/api/exit-courses/${course.id}/suitability-assessment`, {
        outcome: 'rejection',
        reason: `${person.name} ønsker ikke at deltage.`,
      });
    } else {
      await caseworker('POST', `/api/exit-courses/${course.id}/suitability-assessment`, { outcome: 'offer' });
      await caseworker('POST', `/api/exit-courses/${course.id}/interruption`, {
        by: 'inmate',
        reason: `Samtale med ${firstName} om afbrydelse.`,
      });
    }
    // Unhappy paths that carry personal data in the request: nothing of it may be echoed into a log.
    await caseworker('POST', '/api/persons', { name: person.name, cpr: `${person.cpr}9` });
    await caseworker('POST', '/api/exit-courses', {
      personRef: person.cpr,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-06-01',
      paroleLinked: false,
    });
    await caseworker('POST', `/api/exit-courses/${course.id}/interruption`, { by: 'inmate', reason: person.name });
    await caseworker('POST', '/api/exit-courses', `{"name": "${person.name}", "cpr": "${person.cpr}"`);
  }

  // Failing read-model writes whose transitions carry the names: retried for a while, and refused for good.
  const writes = await refusedWrites();
  try {
    const [passing, refused] = await Promise.all(
      FAILING.map(async (person, index) => {
        const { body: registered } = await caseworker('POST', '/api/persons', person);
        const { body: course } = await caseworker(
          'POST',
          '/api/exit-courses',
          {
            personRef: registered.personRef,
            institutionCode: 'KF-STORSTROEM',
            expectedReleaseDate: '2028-06-01',
            paroleLinked: false,
          },
          { 'idempotency-key': `scan-failing-${index}-${Date.now()}` },
        );
        workflowIds.push(course.workflowId);
        return course.id as string;
      }),
    );
    const retried = await writes.refuse(passing, 'course_interrupted', '40001');
    const refusedForGood = await writes.refuse(refused, 'suitability_rejection', 'P0001');
    const [whileRetried, whileRefused] = await Promise.all([
      caseworker('POST', `/api/exit-courses/${passing}/interruption`, {
        by: 'inmate',
        reason: `${FAILING[0].name} (${FAILING[0].cpr}) vil ikke mere.`,
      }),
      caseworker('POST', `/api/exit-courses/${refused}/suitability-assessment`, {
        outcome: 'rejection',
        reason: `${FAILING[1].name}, ${FAILING[1].cpr}, er ikke motiveret.`,
      }),
    ]);
    failureAnswers.push(whileRetried.status, whileRefused.body.code);
    await retried.allow();
    await until(
      async () => (await caseworker('GET', `/api/exit-courses/${passing}`)).body.status === 'interrupted_by_inmate',
    );
    await refusedForGood.allow();
  } finally {
    await writes.close();
  }
});

/** What the two failing decisions answered while their writes failed. */
const failureAnswers: unknown[] = [];

afterAll(async () => {
  await sut?.stop();
  release();
});

describe('personal-data scan after a full run', () => {
  it('finds no name or CPR number in the raw Temporal histories, workflow ids, search attributes or memos', async () => {
    const found: string[] = [];
    for (const workflowId of workflowIds) {
      const handle = sut.temporal.workflow.getHandle(workflowId);
      const history = JSON.parse(historyToJSON(await handle.fetchHistory()));
      const description = await handle.describe();
      found.push(
        ...findings(`history of ${workflowId}`, readableStrings(history)),
        ...findings('workflow id', [workflowId]),
        ...findings(
          `search attributes of ${workflowId}`,
          readableStrings(description.raw.workflowExecutionInfo?.searchAttributes ?? {}),
        ),
        ...findings(`memo of ${workflowId}`, readableStrings(description.raw.workflowExecutionInfo?.memo ?? {})),
      );
    }
    expect(workflowIds).toHaveLength(5);
    expect(found).toEqual([]);
  });

  it('ran the failing writes it means to scan: retried while the database refused, held when it refused for good', () => {
    expect(failureAnswers).toEqual([503, 'CASE_NEEDS_ATTENTION']);
    const log = captured.join('\n');
    expect(log).toMatch(/Read model unavailable for transition \d+ of case [0-9a-f-]{36}: QueryFailedError 40001/);
    expect(log).toMatch(/Read model refused transition \d+ of case [0-9a-f-]{36}: QueryFailedError P0001/);
  });

  it('finds no name or CPR number in anything the API, the worker or Temporal logged, failing activities included', () => {
    expect(captured.length).toBeGreaterThan(10);
    expect(findings('log', captured)).toEqual([]);
  });

  it('does find the name typed into a reason once the payloads are decrypted (the scan can see it)', async () => {
    const codec = new EncryptionCodec(sut.config.temporalCodecKeyring);
    const history = await sut.temporal.workflow.getHandle(workflowIds[0]).fetchHistory();
    const payloads = history.events!.flatMap(
      (event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? [],
    );
    const decoded = await codec.decode(payloads);
    expect(
      findings(
        'decrypted update arguments',
        readableStrings(
          JSON.parse(JSON.stringify(decoded.map((p) => ({ data: Buffer.from(p.data!).toString('base64') })))),
        ),
      ),
    ).toEqual(expect.arrayContaining([`decrypted update arguments: "${PERSONS[0].name}"`]));
  });
});
