import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { logIn } from '../support/browser';
import { checkView, tableRow as rowOfTable } from '../support/browser-pages';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { recordYouthCase, YOUTH_HISTORY } from '../support/youth-history';

/**
 * The police's national supervisor opens "Ungeområdet i tal" for January–March 2026 (the history of
 * test/support/youth-history.ts, on a database of the suite's own): the charts per month and per district,
 * a table per district with every figure per month, one district chosen, and the CSV downloaded.
 */
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: async (system) => {
    const recorder = new ReadModelRecorder(system.db);
    for (const spec of YOUTH_HISTORY) await recordYouthCase(recorder, spec);
  },
});
let page: Page;
beforeEach(() => {
  ({ page } = suite);
});

async function showPeriod(unit?: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Periode og enhed' });
  await form.getByLabel('Fra og med måned').fill('2026-01');
  await form.getByLabel('Til og med måned').fill('2026-03');
  if (unit) await form.getByLabel('Enhed').selectOption({ label: unit });
  await form.getByRole('button', { name: 'Vis' }).click();
}

/** A row of a figures table: its head and its cells' text. */
const tableRow = (table: string, head: string) => rowOfTable(page, table, head);

it('shows the months as charts and a table per district, and downloads the CSV', async () => {
  await logIn(page, 'politi.leder.national');
  await page.getByRole('link', { name: 'Ungeområdet i tal' }).click();
  await page.locator('h1', { hasText: 'Ungeområdet i tal' }).waitFor();
  await showPeriod();
  await page.waitForFunction("location.hash.includes('from=2026-01') && location.hash.includes('to=2026-03')");
  await page.getByRole('table', { name: 'Københavns Politi' }).waitFor();

  expect(await page.locator('#chart-youth-months-title').textContent()).toBe(
    'Unge, bekymringssamtaler, netværkssamråd og bekymringsbreve pr. måned',
  );
  const monthsChart = page.locator('figure.chart').filter({ has: page.locator('#chart-youth-months-title') });
  expect(await monthsChart.locator('.legend li').allInnerTexts()).toEqual([
    'Unge registreret',
    'Bekymringssamtaler besluttet',
    'Bekymringssamtaler holdt',
    'Netværkssamråd registreret',
    'Bekymringsbreve afleveret',
  ]);
  expect(
    await monthsChart
      .locator('svg.chart-wide .chart-label')
      .evaluateAll((labels) => labels.map((label) => label.textContent!.trim())),
  ).toEqual(['januar 2026', 'februar 2026', 'marts 2026']);
  expect(await page.locator('#chart-youth-units-title').textContent()).toBe(
    'Unge, bekymringssamtaler, netværkssamråd og bekymringsbreve pr. enhed',
  );
  expect(
    await page
      .getByRole('table')
      .evaluateAll((tables) => tables.map((t) => t.querySelector('caption')!.textContent!.trim())),
  ).toEqual(['Alle enheder', 'Fyns Politi', 'Københavns Politi']);
  expect(await page.getByRole('table', { name: 'Københavns Politi' }).locator('thead th').allInnerTexts()).toEqual([
    'Tal',
    'januar 2026',
    'februar 2026',
    'marts 2026',
    'Hele perioden',
  ]);
  expect(await tableRow('Københavns Politi', 'Unge registreret')).toEqual(['Unge registreret', '2', '2', '1', '5']);
  expect(await tableRow('Københavns Politi', 'Bekymringsbreve afleveret med dialog')).toEqual([
    'Bekymringsbreve afleveret med dialog',
    '0',
    '2',
    '0',
    '2',
  ]);
  expect(await tableRow('Fyns Politi', 'Opfølgningstjek efter fristen')).toEqual([
    'Opfølgningstjek efter fristen',
    '0',
    '1',
    '0',
    '1',
  ]);
  // Nothing of the municipalities' councils in the police's scope: those rows are left out.
  expect(await page.getByRole('rowheader', { name: 'Netværkssamråd registreret', exact: true }).count()).toBe(0);
  // The total counts a youth once: 3 in January, not the districts' 2 + 1 summed differently.
  expect(await tableRow('Alle enheder', 'Unge registreret')).toEqual(['Unge registreret', '3', '2', '1', '6']);
  await checkView(page, 'ungeomraadet-i-tal');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ungeomraadet-2026-01-2026-03.csv');
  const lines = fs
    .readFileSync((await download.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(lines[0].split(';').slice(0, 4)).toEqual(['Enhedskode', 'Enhed', 'Måned', 'Unge registreret']);
  expect(lines.slice(1, 4).map((line) => line.split(';').slice(0, 4))).toEqual([
    ['POL-FYN', 'Fyns Politi', '2026-01', '1'],
    ['POL-FYN', 'Fyns Politi', '2026-02', '0'],
    ['POL-FYN', 'Fyns Politi', '2026-03', '0'],
  ]);
});

it('shows one district when it is chosen, and a whole year of months', async () => {
  await logIn(page, 'politi.leder.national');
  await page.goto(`${suite.sut.baseUrl}/#/ungeomraadet`);
  await page.locator('h1', { hasText: 'Ungeområdet i tal' }).waitFor();
  await showPeriod('Fyns Politi');
  await page.waitForFunction("location.hash.includes('unit=POL-FYN')");
  await page.getByRole('table', { name: 'Fyns Politi' }).waitFor();

  expect(await page.getByRole('table').count()).toBe(1);
  expect(await tableRow('Fyns Politi', 'Sager på niveau 3')).toEqual(['Sager på niveau 3', '0', '1', '0', '1']);
  expect(await page.locator('#chart-youth-units-title').count()).toBe(0);

  // A whole year: the tables are wider than the page and scroll in a region the keyboard reaches.
  await page.goto(`${suite.sut.baseUrl}/#/ungeomraadet?from=2026-01&to=2026-12`);
  await page.getByRole('region', { name: 'Københavns Politi' }).waitFor();
  expect(await page.getByRole('table', { name: 'Københavns Politi' }).locator('thead th').count()).toBe(14);
  await checkView(page, 'ungeomraadet-i-tal-aar');
});

it('shows the API’s Danish problem for a period that ends before it starts', async () => {
  await logIn(page, 'politi.leder.kbh');
  await page.goto(`${suite.sut.baseUrl}/#/ungeomraadet?from=2026-03&to=2026-01`);
  await page.locator('h1', { hasText: 'Ungeområdet i tal' }).waitFor();
  await expect(page.locator('.notice').innerText()).resolves.toContain('Til-måneden må ikke ligge før fra-måneden.');
});
