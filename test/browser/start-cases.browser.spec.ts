import type { Page } from 'playwright-core';
import { logIn, logOut, screenshot } from '../support/browser';
import { checkView, danishLocal, openNewCase, registerOnPage } from '../support/browser-pages';
import { fakeCpr, fakeYouthCpr } from '../support/demo-people';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * Starting and finding cases on the page alone: a KF caseworker registers a person and starts an exit
 * course (a double click makes one), a DKS officer registers a youth's DKS case, a municipal caseworker a
 * network council, and a supervisor finds a closed case by the person's name. Each new view passes
 * axe-core's WCAG 2.1 A/AA checks and fits 1280 px and 375 px without horizontal scrolling.
 */
/** A word in every name here that no other suite's names have: a name search finds exactly these persons. */
const UNIQUE = `Sidetest${Date.now().toString(36)}`;

// A database of the suite's own: the case list shows the cases made here, not other suites' older ones first.
const suite = useBrowserSuiteWithOwnDatabase();
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});

it('(a) a KF caseworker registers a person and starts an exit course; a double click makes one', async () => {
  await logIn(page, 'kf.storstroem');
  await openNewCase(page);
  await checkView(page, '30-new-case');

  // The form checks what it can before sending, next to the fields.
  const register = page.locator('form#register-person');
  await register.getByLabel('CPR-nummer').fill('311399-1234');
  await register.getByRole('button', { name: 'Registrér personen' }).click();
  await register.locator('[data-error-for="name"]', { hasText: 'Skriv personens fulde navn.' }).waitFor();
  await register
    .locator('[data-error-for="cpr"]', { hasText: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.' })
    .waitFor();
  await screenshot(page, '31-register-validation');

  const name = `Jens Åkjær ${UNIQUE}a`;
  await registerOnPage(page, name, await fakeCpr());
  const start = page.locator('form#start-exit_course');
  await page.getByText('En person kan kun have ét åbent exit-forløb ad gangen.', { exact: false }).waitFor();
  expect(await start.getByLabel('Institution').inputValue()).toBe('KF-STORSTROEM');
  // The API's refusals are shown next to the fields.
  await start.getByRole('button', { name: 'Start exit-forløbet' }).click();
  await start.locator('[data-error-for="expectedReleaseDate"]').filter({ hasText: /\S/ }).waitFor();
  await start.getByLabel('Forventet løsladelsesdato').fill('2028-06-30');
  await start.getByLabel('Nej').check();
  await checkView(page, '32-start-exit-course');
  await start.getByRole('button', { name: 'Start exit-forløbet' }).dblclick();
  await page.locator('h1', { hasText: 'Exit-forløb: afventer egnethedsvurdering' }).waitFor();
  await page.locator('.case-meta', { hasText: name }).waitFor();
  await screenshot(page, '33-exit-course-started');

  // The person's page lists one course, and a second one is refused as the API words it.
  await page.locator('.case-meta').getByRole('link', { name }).click();
  await page.locator('h1', { hasText: name }).waitFor();
  expect(await page.locator('table.person-cases tbody tr').count()).toBe(1);
  await checkView(page, '34-person');
  await page.getByRole('link', { name: 'Start en sag for personen' }).click();
  const again = page.locator('form#start-exit_course');
  await again.getByLabel('Forventet løsladelsesdato').fill('2028-06-30');
  await again.getByLabel('Nej').check();
  await again.getByRole('button', { name: 'Start exit-forløbet' }).click();
  await again
    .locator('.form-problem', {
      hasText: 'Personen har allerede et åbent exit-forløb. Et nyt kan startes, når det er afsluttet.',
    })
    .waitFor();
  await page.goto(`${sut.baseUrl}/#/sager`);
  await page.locator('table.case-list tbody tr', { hasText: name }).waitFor();
  expect(await page.locator('table.case-list tbody tr', { hasText: name }).count()).toBe(1);
  await logOut(page);
});

it('(b) a DKS officer registers a youth and registers a DKS case', async () => {
  await logIn(page, 'politi.kbh.dks');
  await openNewCase(page);
  const name = `Ung Holm ${UNIQUE}b`;
  await registerOnPage(page, name, await fakeYouthCpr());
  const start = page.locator('form#start-dks_assessment');
  await page.getByText('En DKS-sag gælder en ung under 18 år', { exact: false }).waitFor();
  expect(await start.getByLabel('Politikreds').inputValue()).toBe('POL-KBH');
  await start.getByLabel('Bekymrende adfærd').check();
  await start.getByLabel('Tidspunkt for sigtelsen eller observationen').fill(danishLocal(2));
  await checkView(page, '35-start-dks-case');
  await start.getByRole('button', { name: 'Registrér DKS-sagen' }).click();
  await page.locator('h1', { hasText: 'DKS-sag: afventer DKS-vurdering' }).waitFor();
  await page.locator('.case-meta', { hasText: name }).waitFor();
  await screenshot(page, '36-dks-case-started');
  await logOut(page);
});

it('(c) a municipal caseworker registers a youth and a network council', async () => {
  await logIn(page, 'kommune.kbh');
  await openNewCase(page);
  const name = `Ung Madsen ${UNIQUE}c`;
  await registerOnPage(page, name, await fakeYouthCpr());
  const start = page.locator('form#start-network_council');
  await page.getByText('Et netværkssamråd gælder en ung under 18 år', { exact: false }).waitFor();
  expect(await start.getByLabel('Kommune').inputValue()).toBe('KOM-0101');
  await start.getByLabel('Sigtet').check();
  await start.getByLabel('Dokumentationen fra politiet modtaget').fill(danishLocal(5));
  await checkView(page, '37-start-network-council');
  await start.getByRole('button', { name: 'Registrér netværkssamrådet' }).click();
  await page.locator('h1', { hasText: 'Netværkssamråd: afventer indkaldelse' }).waitFor();
  await page.locator('.case-meta', { hasText: name }).waitFor();
  await logOut(page);
});

it('(d) a supervisor finds a closed case by the person’s name and opens it', async () => {
  // The caseworker starts a course and rejects it, on the page: the case is closed.
  await logIn(page, 'kf.storstroem');
  await openNewCase(page);
  const name = `Mikkel Prøvemand ${UNIQUE}d`;
  await registerOnPage(page, name, await fakeCpr());
  const start = page.locator('form#start-exit_course');
  await start.getByLabel('Forventet løsladelsesdato').fill('2028-09-30');
  await start.getByLabel('Nej').check();
  await start.getByRole('button', { name: 'Start exit-forløbet' }).click();
  await page.locator('h1', { hasText: 'Exit-forløb: afventer egnethedsvurdering' }).waitFor();
  const assessment = page.locator('form#suitability-assessment');
  await assessment.getByRole('radio', { name: 'Afslag' }).check();
  await assessment.getByLabel('Begrundelse for afslag').fill('Ikke motiveret for et exit-forløb.');
  await assessment.getByLabel('Jeg bekræfter afslaget').check();
  await assessment.getByRole('button', { name: 'Registrér vurderingen' }).click();
  await page.locator('h1', { hasText: 'Exit-forløb: afsluttet med afslag' }).waitFor();
  await logOut(page);

  await logIn(page, 'kf.leder.storstroem');
  expect(await page.getByRole('navigation').getByRole('link', { name: 'Ny sag' }).count()).toBe(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).click();
  await page.locator('h1', { hasText: 'Sager' }).waitFor();
  await checkView(page, '38-cases');

  // The closed cases list the person by name; the address holds codes only.
  await page.locator('#cases-state').selectOption('closed');
  await page.locator('#case-filters').getByRole('button', { name: 'Vis' }).click();
  await page.locator('table.case-list tbody tr', { hasText: name }).waitFor();
  expect(page.url()).not.toContain('Mikkel');

  const finder = page.locator('form#find-name');
  await finder.getByLabel('Navn', { exact: true }).fill(`prøvemand ${UNIQUE}D`);
  await finder.getByRole('button', { name: 'Søg på navn' }).click();
  await page.locator('.person-results').getByRole('link', { name }).click();
  await page.locator('h1', { hasText: name }).waitFor();
  await page.locator('table.person-cases').getByRole('link', { name: 'Exit-forløb' }).click();
  await page.locator('h1', { hasText: 'Exit-forløb: afsluttet med afslag' }).waitFor();
  await page.locator('.case-meta', { hasText: name }).waitFor();
  expect(page.url()).not.toContain('Mikkel');
  await screenshot(page, '39-closed-case-found');
  await logOut(page);
});
