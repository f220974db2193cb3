import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';

/**
 * Headless Chromium for the browser tests: Debian's `chromium` (or CHROMIUM_PATH), driven by
 * playwright-core; Playwright's own browser downloads are never used. The flags keep Chromium from
 * calling home, which this machine's closed network refuses.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=da-DK',
];
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's: apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A page 1280 px wide in Danish, on Danish time. */
export async function danishPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  return context.newPage();
}

/** A browser context `width` px wide in Danish, on Danish time; bypassCSP lets axe-core be added as a script. */
export function danishContext(browser: Browser, width = 1280, height = 900): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    bypassCSP: true,
  });
}

/** axe-core's WCAG 2.1 A and AA violations on the page, each as "rule at selector, selector" (needs bypassCSP). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof window.axe !== 'undefined'"))) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  return page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))",
  );
}

/** Saves `test-output/screenshots/<name>.png` of the whole page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Logs in through the form, as a person would (the page must show the login). */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(DEMO_SECRETS.demoUserPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.locator('h1', { hasText: 'Log ind' }).waitFor();
}
