/**
 * Where the test run's PostgreSQL comes from. An explicit `TEST_DATABASE` wins; without it, `DATABASE_URL`'s
 * server if set (as before `TEST_DATABASE` existed), else an embedded server started for the run.
 */
export type TestDatabaseChoice =
  { source: 'server'; serverUrl: string } | { source: 'embedded' } | { source: 'testcontainers' };

export const TEST_DATABASE_SOURCES = ['embedded', 'testcontainers'] as const;

export function chooseTestDatabase(env: Record<string, string | undefined>): TestDatabaseChoice {
  const asked = env.TEST_DATABASE ?? '';
  if (asked === 'testcontainers') return { source: 'testcontainers' };
  if (asked === 'embedded') return { source: 'embedded' };
  if (asked !== '') {
    throw new Error(
      `TEST_DATABASE must be ${TEST_DATABASE_SOURCES.map((source) => `'${source}'`).join(' or ')} ` +
        `(or unset: DATABASE_URL's server if set, else embedded), got '${asked}'.`,
    );
  }
  return env.DATABASE_URL ? { source: 'server', serverUrl: env.DATABASE_URL } : { source: 'embedded' };
}
