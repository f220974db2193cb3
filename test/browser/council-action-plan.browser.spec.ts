import type { Page } from 'playwright-core';
import { logIn, logOut } from '../support/browser';
import { checkView, decideOnPage, openNewCase, registerOnPage } from '../support/browser-pages';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { fakeCpr, fakeYouthCpr } from '../support/demo-people';
import { danishDateInDays } from '../support/exit-course-fixtures';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * From police to municipality on the page: the investigating unit sends the documentation about a youth, the
 * municipality finds it in its inbox and takes the network council through its action plan — the meeting
 * planned, initiatives with owners and due dates, the youth's expected release and release, a follow-up per
 * initiative — to its end; the police exit unit, an initiative's owner, follows up its own. Each view passes
 * axe-core's WCAG 2.1 A/AA checks and fits 1280 px and 375 px.
 */
const UNIQUE = `Samraad${Date.now().toString(36)}`;
const suite = useBrowserSuiteWithOwnDatabase();
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});

const heading = (text: string) => page.locator('h1', { hasText: text }).waitFor();

it('the investigating unit sends the documentation; an adult is refused as the API words it', async () => {
  await logIn(page, 'politi.kbh.efterforskning');
  await openNewCase(page);
  await registerOnPage(page, `Voksen Berg ${UNIQUE}`, await fakeCpr());
  const tooOld = page.locator('form#send-police-documentation');
  await tooOld.getByLabel('Kommune').selectOption('KOM-0101');
  await tooOld.getByLabel('Sigtet').check();
  await tooOld.getByLabel('Lovovertrædelse').fill('Røveri.');
  await tooOld.getByRole('button', { name: 'Send dokumentationen' }).click();
  await tooOld.locator('.form-problem', { hasText: /Personen var \d+ år da dokumentationen blev sendt/ }).waitFor();

  await page.getByRole('button', { name: 'Vælg en anden person' }).click();
  await registerOnPage(page, `Ung Krag ${UNIQUE}`, await fakeYouthCpr());
  const send = page.locator('form#send-police-documentation');
  await page.getByText('Kommunen modtager den, når den sendes', { exact: false }).waitFor();
  expect(await send.getByLabel('Politikreds').inputValue()).toBe('POL-KBH');
  await send.getByRole('button', { name: 'Send dokumentationen' }).click();
  await send.locator('[data-error-for="municipalityCode"]', { hasText: 'Kommunen skal udfyldes.' }).waitFor();
  await checkView(page, '70-police-send-documentation');
  await send.getByLabel('Kommune').selectOption('KOM-0101');
  await send.getByLabel('Sigtet').check();
  await send.getByLabel('Lovovertrædelse').fill('Grov vold, straffelovens § 245.');
  await send.getByRole('button', { name: 'Send dokumentationen' }).click();
  await heading('Dokumentation fra politiet');
  await page.getByText('Grov vold, straffelovens § 245.').waitFor();
  await page
    .getByText('Afventer indkaldelse', { exact: false })
    .or(page.getByText('afventer indkaldelse'))
    .first()
    .waitFor();
  await checkView(page, '71-police-documentation-sent');
  await page.getByRole('link', { name: 'Tilbage til listen' }).click();
  await heading('Sendt dokumentation');
  await logOut(page);
});

it('the municipality finds it in its inbox and runs the council’s action plan to its end', async () => {
  await logIn(page, 'kommune.kbh');
  await page.getByRole('navigation').getByRole('link', { name: 'Dokumentation fra politiet' }).click();
  await heading('Indbakke: dokumentation fra politiet');
  const item = page.locator('article.documentation').first();
  await item.getByText('Københavns Politi (den efterforskende enhed)').waitFor();
  await checkView(page, '72-municipality-inbox');
  await item.getByRole('link', { name: 'Åbn netværkssamrådet' }).click();
  await heading('Netværkssamråd: afventer indkaldelse');
  await page.getByText('i systemet fra Københavns Politi', { exact: false }).waitFor();

  await decideOnPage(page, { form: 'meeting-plan', title: 'Planlæg mødet', submit: 'Gem planen' }, async (form) => {
    await form.getByLabel('Planlagt mødetidspunkt').fill(`${danishDateInDays(3)}T10:00`);
  });
  await page.locator('.facts', { hasText: 'Møde planlagt' }).waitFor();
  await decideOnPage(
    page,
    { form: 'invitations', title: 'Indkaldelse', submit: 'Registrér indkaldelsen' },
    async (form) => {
      await form.getByLabel('Den unge').check();
      await form.getByLabel('Politiet').check();
    },
  );
  await decideOnPage(
    page,
    { form: 'expected-release', title: 'Forventet løsladelse', submit: 'Gem datoen' },
    async (form) => {
      await form.getByLabel('Forventet løsladelsesdato').fill(danishDateInDays(20));
    },
  );
  await decideOnPage(page, { form: 'meeting', title: 'Samrådet er holdt', submit: 'Registrér mødet' }, async () => {});
  await decideOnPage(
    page,
    { form: 'agreements', title: 'Handleplan: aftaler med ejer og frist', submit: 'Registrér handleplanen' },
    async (form) => {
      await form.getByLabel('Aftale 1: type').selectOption('support_at_release');
      await form.getByLabel('Aftale 1: indhold').fill('Exitenheden tager imod ved løsladelsen.');
      await form.getByLabel('Aftale 1: ejer').selectOption('POL-KBH');
      await form.getByLabel('Aftale 1: følger løsladelsen').check();
      await form.getByLabel('Aftale 2: type').selectOption('mentor_support');
      await form.getByLabel('Aftale 2: indhold').fill('Mentor fra kommunen.');
      await form.getByLabel('Aftale 2: ejer').selectOption('KOM-0101');
      await form.getByLabel('Aftale 2: frist').fill(danishDateInDays(14));
    },
  );
  await heading('Netværkssamråd: handleplanen følges');
  const plan = page.locator('section.action-plan');
  expect(await plan.locator('li.initiative').count()).toBe(2);
  await plan.locator('li.initiative', { hasText: 'Københavns Politi' }).getByText('(følger løsladelsen)').waitFor();
  await checkView(page, '73-council-action-plan');

  await decideOnPage(
    page,
    { form: 'initiative-follow-up', title: 'Opfølgning på initiativ', submit: 'Registrér opfølgningen' },
    async (form) => {
      await form.getByLabel('Initiativ').selectOption({ label: 'Mentorstøtte – Københavns Kommune' });
      await form.getByLabel('Gennemført', { exact: true }).check();
      await form.getByLabel('Bemærkning').fill('Mentoren er på plads.');
    },
  );
  await plan.locator('li.initiative.is-done', { hasText: 'Mentoren er på plads.' }).waitFor();
  await decideOnPage(
    page,
    { form: 'release', title: 'Den unge er løsladt', submit: 'Registrér løsladelsen' },
    async () => {},
    'Jeg bekræfter, at den unge er løsladt',
  );
  await page.locator('.facts', { hasText: 'Løsladt' }).waitFor();
  await checkView(page, '74-council-released');
  await logOut(page);
});

it('the police exit unit follows up its own initiative, which ends the council', async () => {
  await logIn(page, 'politi.kbh.exit');
  // The suite's own database holds this one council.
  const [council] = await sut.db.query(`SELECT id FROM cases WHERE case_type = 'network_council'`);
  await page.goto(`${sut.baseUrl}/#/sag/network-councils/${council.id}`);
  await heading('Netværkssamråd: handleplanen følges');
  await decideOnPage(
    page,
    { form: 'initiative-follow-up', title: 'Opfølgning på initiativ', submit: 'Registrér opfølgningen' },
    async (form) => {
      await form.getByLabel('Initiativ').selectOption({ label: 'Støtte ved løsladelse – Københavns Politi' });
      await form.getByLabel('Gennemført', { exact: true }).check();
      await form.getByLabel('Bemærkning').fill('Modtaget ved løsladelsen.');
    },
  );
  await heading('Netværkssamråd: handleplanen er fulgt op');
  await checkView(page, '75-council-followed-up');
  await logOut(page);
});
