import type { Page } from 'playwright-core';
import { logIn, logOut } from '../support/browser';
import { checkView, decideOnPage } from '../support/browser-pages';
import { fakeCpr, fakeName } from '../support/demo-people';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';

/**
 * A concern letter on the page alone: police intelligence creates a round and proposes a candidate found by
 * CPR number; the committee decides jointly to send; the exit unit finds the parents after an attempt that
 * did not reach the person, follows up, and records the outcome that starts an exit course — linked both
 * ways. Each view passes axe-core and fits 1280 px and 375 px.
 */
let cpr: string;
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: async (sut) => {
    cpr = await fakeCpr();
    const eas = await sut.as('politi.kbh.eas');
    expect((await eas('POST', '/api/persons', { name: fakeName(), cpr })).status).toBe(201);
  },
});
let page: Page;
beforeEach(() => {
  ({ page } = suite);
});

it('runs a round from a proposed candidate to a letter delivered through the parents and an exit course', async () => {
  await logIn(page, 'politi.kbh.eas');
  await page.getByRole('navigation').getByRole('link', { name: 'Bekymringsbreve' }).click();
  await page.locator('h1', { hasText: 'Bekymringsbreve' }).waitFor();
  await page.getByText('Ingen runder endnu.').waitFor();
  await checkView(page, '95-concern-letter-rounds');
  const roundForm = page.locator('form#concern-letter-round');
  await roundForm.getByLabel('Antal pladser').fill('0');
  await roundForm.getByRole('button', { name: 'Opret runden' }).click();
  await roundForm
    .locator('[data-error-for="capacity"]', { hasText: 'Antallet af pladser skal være mindst 1.' })
    .waitFor();
  await roundForm.getByLabel('Antal pladser').fill('');
  await roundForm.getByRole('button', { name: 'Opret runden' }).click();
  await page.locator('h1', { hasText: 'Københavns Politi' }).waitFor();
  await page.getByText('0 af 10 pladser er taget.').waitFor();

  await page.locator('form#find-cpr').getByLabel('CPR-nummer').fill(cpr);
  await page.locator('form#find-cpr').getByRole('button', { name: 'Find på CPR-nummer' }).click();
  const propose = page.locator('form#concern-letter-candidate');
  await page.locator('.notice.success', { hasText: 'Valgt som kandidat:' }).waitFor();
  expect(await propose.getByLabel('Personreference').inputValue()).toMatch(/\S/);
  await checkView(page, '96-concern-letter-round');
  await propose.getByRole('button', { name: 'Indstil kandidaten' }).click();
  await page.locator('h1', { hasText: 'Bekymringsbrev: afventer koordinationsudvalgets beslutning' }).waitFor();
  await page.locator('.open-step', { hasText: 'Koordinationsudvalgets beslutning om bekymringsbrev' }).waitFor();
  const letterUrl = page.url();
  // Police intelligence proposes; it takes no decision on the case.
  expect(await page.locator('#decisions-heading').count()).toBe(0);

  await logOut(page);
  await logIn(page, 'politi.kbh.udvalg');
  await page.goto(letterUrl);
  await page.locator('h1', { hasText: 'Bekymringsbrev: afventer koordinationsudvalgets beslutning' }).waitFor();
  const committee = {
    form: 'committee-decision',
    title: 'Koordinationsudvalgets beslutning',
    submit: 'Registrér beslutningen',
  };
  // Police alone is no joint decision: the API's refusal is shown, nothing changes.
  const form = page.locator('form#committee-decision');
  await form.getByLabel('Der sendes bekymringsbrev', { exact: true }).check();
  await form.getByLabel('EAS').check();
  await form.getByLabel('Begrundelse').fill('Ny i miljøet.');
  await form.getByRole('button', { name: 'Registrér beslutningen' }).click();
  await page.getByText('Beslutningen træffes i fællesskab').waitFor();
  await checkView(page, '97-concern-letter-committee');
  await decideOnPage(page, committee, async (decision) => {
    await decision.getByLabel('SSP').check();
  });
  await page.locator('h1', { hasText: 'Bekymringsbrev: afventer aflevering af bekymringsbrevet' }).waitFor();

  await logOut(page);
  await logIn(page, 'politi.kbh.exit');
  await page.goto(letterUrl);
  await page.locator('h1', { hasText: 'afventer aflevering af bekymringsbrevet' }).waitFor();
  await decideOnPage(
    page,
    { form: 'delivery-attempt', title: 'Afleveringsforsøg', submit: 'Registrér forsøget' },
    (f) => f.getByLabel('Ikke truffet').check(),
  );
  await page.locator('h1', { hasText: 'Bekymringsbrev: afventer kontakt til forældrene' }).waitFor();
  await page.locator('.open-step', { hasText: 'Kontakt til forældrene (retsplejelovens § 115a)' }).waitFor();
  await decideOnPage(
    page,
    {
      form: 'parents-contact',
      title: 'Kontakt til forældrene (retsplejelovens § 115a)',
      submit: 'Registrér kontakten',
    },
    async (f) => {
      await f.getByLabel('Ja').check();
      await f.getByLabel('Referat af kontakten').fill('Mor træffes hjemme; brevet givet videre.');
    },
  );
  await decideOnPage(page, { form: 'follow-up', title: 'Opfølgning', submit: 'Registrér opfølgningen' }, (f) =>
    f.getByLabel('Hvad viste opfølgningen').fill('Ønsker et exit-forløb.'),
  );
  await page.locator('h1', { hasText: 'Bekymringsbrev: afventer udfald' }).waitFor();
  await checkView(page, '98-concern-letter-outcome');
  await decideOnPage(
    page,
    { form: 'outcome', title: 'Udfald', submit: 'Registrér udfaldet' },
    (f) => f.getByLabel('Exit-forløb startet').check(),
    'Jeg bekræfter, at sagen afsluttes',
  );
  await page.locator('h1', { hasText: 'Bekymringsbrev: afsluttet med udfald' }).waitFor();
  await page.getByRole('link', { name: 'Se exit-forløbet' }).click();
  await page.locator('h1', { hasText: 'Exit-forløb: afventer egnethedsvurdering' }).waitFor();
  const facts = page.locator('dl.facts').first();
  await facts.getByText('Bekymringsbrev', { exact: true }).waitFor();
  await checkView(page, '99-exit-course-from-concern-letter');
  await page.getByRole('link', { name: 'Se bekymringsbrevet' }).click();
  await page.locator('h1', { hasText: 'Bekymringsbrev: afsluttet med udfald' }).waitFor();
});
