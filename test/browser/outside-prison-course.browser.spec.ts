import type { Page } from 'playwright-core';
import { logIn } from '../support/browser';
import { checkView, openNewCase, registerOnPage } from '../support/browser-pages';
import { fakeCpr } from '../support/demo-people';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';

/**
 * A course started outside prison on the page alone: a police exit officer registers a person, starts a
 * course referred by a concern letter, records the suitability assessment and the agreement, and sees it
 * continued with the police exit unit. The new views pass axe-core and fit 1280 px and 375 px.
 */
const suite = useBrowserSuiteWithOwnDatabase();
let page: Page;
beforeEach(() => {
  ({ page } = suite);
});

it('a police exit officer starts a course from a concern letter, assesses it and signs the agreement', async () => {
  await logIn(page, 'politi.kbh.exit');
  await openNewCase(page);
  const name = `Bent Bekymring ${Date.now().toString(36)}`;
  await registerOnPage(page, name, await fakeCpr());

  const start = page.locator('form#start-exit-course-outside-prison');
  await page.locator('h3', { hasText: 'Start et exit-forløb uden for fængslet' }).waitFor();
  expect(await start.getByLabel('Enhed').inputValue()).toBe('POL-KBH');
  // No release date, parole or institution outside prison; the police's own district runs the course.
  expect(await start.getByLabel('Forventet løsladelsesdato').count()).toBe(0);
  expect(await start.getByLabel('Politikreds').count()).toBe(0);
  expect(
    await start
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent?.trim())),
  ).toEqual(['Politiet', 'Kommunen', 'Selvhenvendelse', 'Bekymringsbrev']);
  // The API's refusal is shown next to the field it names.
  await start.getByRole('button', { name: 'Start exit-forløbet' }).click();
  await start.locator('[data-error-for="referralSource"]', { hasText: '»Henvist af« skal udfyldes.' }).waitFor();
  await start.getByLabel('Bekymringsbrev').check();
  await checkView(page, '90-start-outside-prison');
  await start.getByRole('button', { name: 'Start exit-forløbet' }).click();

  await page.locator('h1', { hasText: 'Exit-forløb: afventer egnethedsvurdering' }).waitFor();
  const facts = page.locator('dl.facts').first();
  await facts.getByText('Bekymringsbrev', { exact: true }).waitFor();
  expect(await facts.getByText('Forventet løsladelse').count()).toBe(0);

  const assessment = page.locator('form#suitability-assessment');
  await assessment.getByLabel('Tilbud om exit-aftale').check();
  await assessment.getByRole('button', { name: 'Registrér vurderingen' }).click();
  await page.locator('.notice.success', { hasText: 'Egnethedsvurdering: gemt.' }).waitFor();

  await page.locator('form#agreement-signed').getByRole('button', { name: 'Registrér underskriften' }).click();
  await page.locator('.notice.success', { hasText: 'Exit-aftalen er underskrevet: gemt.' }).waitFor();
  await page.locator('h1', { hasText: 'Exit-forløb: videreført hos politiets exitenhed' }).waitFor();
  await checkView(page, '91-outside-prison-police-phase');

  // The case list says who referred it.
  await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).click();
  await page.locator('td', { hasText: 'Henvist af: bekymringsbrev' }).first().waitFor();
});
