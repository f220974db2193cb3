import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemoUsers } from '../../libs/access/demo-users';
import { danishContext, launchChromium } from './browser';
import { startSystem, type SystemUnderTest } from './system-under-test';
import { createSiblingDatabase, type TestDatabase } from './test-database';

/** What a browser suite works with: the running system, and a fresh Danish page on it for each test. */
export interface BrowserSuite {
  readonly sut: SystemUnderTest;
  readonly page: Page;
}

/**
 * Sets a browser suite up: the whole system on a database of the suite's own (its lists and figures hold
 * exactly what the suite made) with the demo users, Chromium, and for each test a new context 1280 px wide
 * with the page open at the system's address; torn down after the tests.
 */
export function useBrowserSuiteWithOwnDatabase(
  options: {
    /** Settings of the system, read when it starts (after the suite's own earlier `beforeAll`s). */
    settings?: () => Record<string, string>;
    /** What the suite makes before its tests, once the system runs with the demo users. */
    prepare?: (sut: SystemUnderTest) => Promise<void>;
  } = {},
): BrowserSuite {
  let database: TestDatabase;
  let sut: SystemUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    database = await createSiblingDatabase();
    sut = await startSystem(options.settings?.() ?? {}, { databaseUrl: database.databaseUrl });
    await seedDemoUsers(sut.db);
    await options.prepare?.(sut);
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await danishContext(browser);
    page = await context.newPage();
    await page.goto(sut.baseUrl);
  });

  afterEach(() => context?.close());

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
    await database?.dispose();
  });

  return {
    get sut() {
      return sut;
    },
    get page() {
      return page;
    },
  };
}
