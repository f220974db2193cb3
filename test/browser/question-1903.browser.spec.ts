import type { Page } from 'playwright-core';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { logIn, screenshot } from '../support/browser';
import { checkView, tableRow as rowOfTable } from '../support/browser-pages';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { AS_OF, recordCohortHistory } from '../support/cohort-history';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * Kriminalforsorgen's national supervisor answers parliament: on Tal the cohort of 1 April 2015 – 28 October
 * 2020 (test/support/cohort-history.ts) with its definitions, then the question-1903 page for that period,
 * each part answered with the exact figures, printable. A database of its own: the figures are exactly the
 * history's.
 */
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: (system) => recordCohortHistory(new ReadModelRecorder(system.db)),
});
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});

async function showPeriod(): Promise<void> {
  const form = page.getByRole('form', { name: 'Periode' });
  await form.getByLabel('Fra og med').fill('2015-04-01');
  await form.getByLabel('Til og med').fill('2020-10-28');
  await form.getByLabel('Opgørelsesdato').fill(AS_OF);
  await form.getByRole('button', { name: 'Vis' }).click();
}

/** A row of a figures table: its head and its cells' text. */
const tableRow = (table: string, head: string) => rowOfTable(page, table, head);

it('shows the cohort on Tal: the activity and the cohort differ, the definitions beside them', async () => {
  await logIn(page, 'kf.leder.national');
  await page.getByRole('link', { name: 'Tal' }).click();
  await page.locator('h1', { hasText: 'Tal' }).waitFor();
  await showPeriod();
  await page.waitForFunction("location.hash.includes('asOf=2022-12-31')");
  await page.locator('#cohort-heading').waitFor();

  expect(await page.locator('#courses-heading').innerText()).toBe('Aktivitet i perioden');
  expect(await page.locator('#cohort-heading').innerText()).toBe('Forløb med aftale indgået i perioden (kohorte)');
  await page.locator('section[aria-labelledby="cohort-heading"] summary', { hasText: 'Vis tallene som tabel' }).click();
  const cohort = 'Kohorten i alt, pr. institution og pr. henvisning';
  expect(await page.getByRole('table', { name: cohort }).locator('thead th').allInnerTexts()).toEqual([
    'Tal',
    'I alt',
    'Anstalten ved Herstedvester',
    'Fængslet Vestjylland',
  ]);
  expect(await tableRow(cohort, 'Exit-aftaler indgået')).toEqual(['Exit-aftaler indgået', '368', '168', '200']);
  expect(await tableRow(cohort, 'Overdraget til politiets exitenhed')).toEqual([
    'Overdraget til politiets exitenhed',
    '158',
    '28',
    '130',
  ]);
  expect(await tableRow(cohort, 'Gennemført (succesfuldt)')).toEqual(['Gennemført (succesfuldt)', '45', '0', '45']);
  expect(await tableRow(cohort, 'Faldet fra')).toEqual(['Faldet fra', '145', '60', '85']);
  expect(await tableRow('Mentortimer pr. person', 'Mentortimer i alt')).toEqual([
    'Mentortimer i alt',
    '8,75',
    '0,02',
    '0',
    '4',
    '2,19',
    '1,88',
  ]);
  // The activity in the same period: 131 handed over in it, not 158.
  await page.locator('section[aria-labelledby="courses-heading"] summary').click();
  expect(await tableRow('Aktivitet i perioden pr. institution', 'Overdraget til politiet')).toEqual([
    'Overdraget til politiet',
    '18',
    '113',
    '131',
  ]);
  const definitions = page.locator('.definitions');
  expect(await definitions.locator('dt').first().innerText()).toBe('Exit-aftaler indgået');
  expect(await definitions.innerText()).toContain(
    'Deltagere, der selv har forladt forløbet: forløb afbrudt af den indsatte under afsoningen plus forløb hos politiet afsluttet med udfaldet »frafaldet (borgerens eget valg)«.',
  );
  // Each chart names its series in a legend; the status chart has one.
  expect(await page.locator('#chart-cohort-status-title').textContent()).toBe('Kohortens forløb efter status');
  expect(
    await page
      .locator('figure.chart')
      .filter({ has: page.locator('#chart-cohort-institutions-title') })
      .locator('.legend li')
      .allInnerTexts(),
  ).toEqual([
    'Exit-aftaler indgået',
    'Overdraget til politiets exitenhed',
    'Gennemført (succesfuldt)',
    'Faldet fra',
    'Afbrudt af Kriminalforsorgen',
  ]);
  await checkView(page, 'tal-kohorte');
});

it('opens the question-1903 page for 2015-04-01..2020-10-28 and reads every answer with its figures', async () => {
  await logIn(page, 'kf.leder.national');
  await page.goto(`${sut.baseUrl}/#/tal?from=2015-04-01&to=2020-10-28&asOf=${AS_OF}`);
  await page.getByRole('link', { name: 'Svar på spørgsmål 1903 for perioden' }).click();
  await page.locator('h1', { hasText: 'Spørgsmål 1903' }).waitFor();
  await page.locator('#answer-title').waitFor();

  expect(await page.locator('#answer-title').innerText()).toBe(
    'Svar på spørgsmål nr. 1903 (Alm. del) fra Folketingets Retsudvalg',
  );
  const part = (name: string) => page.locator(`[data-part="${name}"] .answer-text`).innerText();
  expect(await part('went_through')).toBe(
    'I perioden er der indgået 368 exit-aftaler med 360 personer; 8 personer har indgået mere end én exit-aftale i perioden. ' +
      'Pr. 31. december 2022 er 158 af forløbene overdraget til de lokale exitenheder ved politiet, 130 er afbrudt af den indsatte, ' +
      '80 er afbrudt af Kriminalforsorgen, og 0 er fortsat i Kriminalforsorgen.',
  );
  expect(await part('succeeded')).toContain(
    'Pr. 31. december 2022 er 45 forløb gennemført hos politiets exitenhed, og 47 er fortsat i gang.',
  );
  expect(await part('dropped_out')).toContain(
    'I 145 forløb er deltageren faldet fra: 130 har selv afbrudt exit-forløbet under afsoningen, og 15 er faldet fra efter eget valg i forløbet hos politiet.',
  );
  expect(await part('mentor_hours')).toContain(
    'For de 4 personer, der har haft mindst én mentorkontakt, er det gennemsnitligt 2,19 timer (median 1,88 timer).',
  );
  expect(await page.locator('[data-part="succeeded"] h3').innerText()).toBe('Hvor mange forløb har været succesfulde.');
  expect(await page.locator('[data-part="succeeded"] .answer-definition').innerText()).toMatch(
    /^Opgørelse: Gennemført \(succesfuldt\): Forløb, som politiets exitenhed har afsluttet med udfaldet »gennemført«\./,
  );
  await checkView(page, 'spoergsmaal-1903');

  // Printed: the answer alone, without the menu, the form and the buttons.
  await page.emulateMedia({ media: 'print' });
  expect(
    await page.evaluate(
      "['nav.mainnav', 'header.topbar', 'form.period', '[data-print]'].map((selector) => document.querySelector(selector).getClientRects().length)",
    ),
  ).toEqual([0, 0, 0, 0]);
  expect(await page.locator('#answer-title').isVisible()).toBe(true);
  await screenshot(page, 'spoergsmaal-1903-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Udskriv' }).isVisible()).resolves.toBe(true);
});

it('shows the API’s Danish problem when the day is before the period’s end', async () => {
  await logIn(page, 'kf.leder.national');
  await page.goto(`${sut.baseUrl}/#/spoergsmaal-1903?from=2015-04-01&to=2020-10-28&asOf=2020-10-27`);
  await page.locator('h1', { hasText: 'Spørgsmål 1903' }).waitFor();
  await expect(page.locator('.notice').innerText()).resolves.toContain(
    'Opgørelsesdatoen må ikke ligge før til-datoen.',
  );
});
