import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { axeViolations, danishContext, danishPage, launchChromium, logIn, screenshot } from '../support/browser';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/**
 * The administrator's job on the page "Enheder": add a unit (a refusal first, said in Danish), find it with
 * the filter, rename it, close it and open it again — through the page only. Then the page's fit on a
 * phone (375 px) and on a desktop (1280 px), with axe-core's WCAG 2.1 A and AA checks.
 */
let sut: SystemUnderTest;
let browser: Browser;
let page: Page;

const CODE = `KF-WEB-${randomBytes(3).toString('hex').toUpperCase()}`;

beforeAll(async () => {
  sut = await startSystem();
  browser = await launchChromium();
  page = await danishPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

it('lets the administrator add a unit and rename, close and reopen it on the page', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(sut.baseUrl);
  await logIn(page, 'admin');
  expect(await page.locator('nav.mainnav a').allInnerTexts()).toEqual(['Brugere', 'Enheder']);
  await page.getByRole('navigation').getByRole('link', { name: 'Enheder' }).click();
  await page.locator('h1', { hasText: 'Enheder' }).waitFor();

  // A Kriminalforsorgen unit without its kind is refused, in Danish, and what was typed stays.
  await page.getByLabel('Kode', { exact: true }).fill(CODE);
  await page.getByLabel('Navn', { exact: true }).fill('Webfængslet');
  await page.locator('#unit-kind').selectOption('institution');
  await page.getByRole('button', { name: 'Tilføj enheden' }).click();
  await page.locator('.notice.error', { hasText: 'Angiv, hvilken type enhed i Kriminalforsorgen det er' }).waitFor();
  expect(await page.getByLabel('Kode', { exact: true }).inputValue()).toBe(CODE);

  await page.locator('#unit-type').selectOption('open_prison');
  await page.getByRole('button', { name: 'Tilføj enheden' }).click();
  await page
    .locator('.notice.success', { hasText: `Webfængslet (${CODE}) er tilføjet og kan bruges med det samme.` })
    .waitFor();

  await page.getByLabel('Søg (kode eller navn)').fill(CODE);
  await page.locator('#units-kind').selectOption('institution');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await page.waitForURL(/#\/enheder\?soeg=KF-WEB-[0-9A-F]+&slags=institution/);
  const card = () => page.locator('article.unit-card', { hasText: CODE });
  await card().waitFor();
  expect(await page.locator('article.unit-card').count()).toBe(1);
  expect(await card().innerText()).toContain('Kriminalforsorgens enhed · Åbent fængsel');
  expect(await card().innerText()).toContain('Åben');
  await screenshot(page, '20-units-added');

  await card().getByLabel('Nyt navn').fill('Webfængslet Øst');
  await card().getByRole('button', { name: 'Omdøb' }).click();
  await page.locator('.notice.success', { hasText: `Enheden ${CODE} hedder nu Webfængslet Øst.` }).waitFor();
  expect(await card().locator('h3').innerText()).toBe('Webfængslet Øst');

  await card().getByRole('button', { name: 'Luk enheden' }).click();
  await page.locator('.notice.success', { hasText: 'Webfængslet Øst er lukket for nye sager.' }).waitFor();
  expect(await card().innerText()).toMatch(/Lukket \d/);
  await screenshot(page, '21-units-closed');
  await card().getByRole('button', { name: 'Genåbn' }).click();
  await page.locator('.notice.success', { hasText: 'Webfængslet Øst er åbnet igen.' }).waitFor();

  const [row] = await sut.db.query(`SELECT name, closed_at FROM organisation_units WHERE code = $1`, [CODE]);
  expect(row).toEqual({ name: 'Webfængslet Øst', closed_at: null });
});

it.each([1280, 375])(
  'fits the units page at %i px without scrolling sideways, and passes axe-core’s WCAG 2.1 A and AA checks',
  async (width) => {
    const context = await danishContext(browser, width, 800);
    const phone = await context.newPage();
    try {
      await phone.goto(sut.baseUrl);
      await phone.getByLabel('Brugernavn').fill('admin');
      await phone.getByLabel('Adgangskode').fill(DEMO_SECRETS.demoUserPassword);
      await phone.getByRole('button', { name: 'Log ind' }).click();
      await phone.getByRole('navigation').getByRole('link', { name: 'Enheder' }).click();
      await phone.locator('article.unit-card').first().waitFor();
      const tooWide = await phone.evaluate<string[]>(
        "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10)",
      );
      expect(tooWide).toEqual([]);
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await screenshot(phone, `22-units-${width}px`);
      expect(await axeViolations(phone)).toEqual([]);
    } finally {
      await context.close();
    }
  },
);
