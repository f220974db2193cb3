import type { Page } from 'playwright-core';
import { logIn, logOut } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView, danishLocal, decideOnPage, openNewCase, registerOnPage } from '../support/browser-pages';
import { danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeYouthCpr } from '../support/demo-people';

/**
 * Each persona's whole job, on the page alone (no API call in the test): the KF caseworker takes a new
 * person from registration to release, the police exit unit accepts the course, the DKS officer takes a
 * youth's case to its follow-up, the municipal caseworker takes a network council to its agreements, and
 * the supervisor finds the released person's closed course by name. Every view on the way passes axe-core's
 * WCAG 2.1 A/AA checks and fits 1280 px and 375 px; screenshots of both widths are saved.
 *
 * A database of its own: the handover inbox and the case lists hold exactly what these personas made.
 */
const suite = useBrowserSuiteWithOwnDatabase();
let page: Page;
const UNIQUE = `Persona${Date.now().toString(36)}`;
const released = `Karsten Løve ${UNIQUE}`;

beforeEach(() => {
  ({ page } = suite);
});

const heading = (text: string) => page.locator('h1', { hasText: text }).waitFor();

it('the KF caseworker takes a new person from registration to release, and the police exit unit accepts', async () => {
  await logIn(page, 'kf.storstroem');
  await openNewCase(page);
  await registerOnPage(page, released, await fakeCpr());
  const start = page.locator('form#start-exit_course');
  await start.getByLabel('Forventet løsladelsesdato').fill('2027-06-30');
  await start.getByLabel('Nej').check();
  await start.getByLabel('Tidspunkt for henvisningen').fill(danishLocal(6));
  await start.getByRole('button', { name: 'Start exit-forløbet' }).click();
  await heading('Exit-forløb: afventer egnethedsvurdering');
  await checkView(page, '40-kf-course-started');

  await decideOnPage(
    page,
    { form: 'suitability-assessment', title: 'Egnethedsvurdering', submit: 'Registrér vurderingen' },
    async (form) => {
      await form.getByLabel('Tilbud om exit-aftale').check();
      await form.getByLabel('Tidspunkt for vurderingen').fill(danishLocal(5));
    },
  );
  await decideOnPage(
    page,
    { form: 'agreement-signed', title: 'Exit-aftalen er underskrevet', submit: 'Registrér underskriften' },
    (form) => form.getByLabel('Tidspunkt for underskriften').fill(danishLocal(4)),
  );
  await heading('Exit-forløb: exit-aftale indgået');
  await decideOnPage(page, { form: 'mentor', title: 'Mentor', submit: 'Tildel mentor' }, async (form) => {
    await form.getByLabel('Mentorens reference').fill('MENTOR-0042');
    await form.getByLabel('Tidspunkt for tildelingen').fill(danishLocal(3));
  });
  await decideOnPage(
    page,
    { form: 'mentor-contacts', title: 'Mentorkontakt', submit: 'Registrér kontakten' },
    async (form) => {
      await form.getByLabel('Hvornår fandt kontakten sted').fill(danishLocal(2));
      await form.getByLabel('Møde').check();
      await form.getByLabel('Varighed i minutter').fill('45');
    },
  );
  await decideOnPage(page, { form: 'release-plan', title: 'Løsladelsesplan', submit: 'Gem planen' }, async (form) => {
    await form.getByLabel('Kommune').selectOption('KOM-0101');
    await form.getByLabel('Politikreds').selectOption('POL-KBH');
  });
  for (const item of ['housing', 'income', 'job_or_education_plan', 'mentor_continuity']) {
    await decideOnPage(
      page,
      { form: 'readiness', title: 'Tjekliste for løsladelse', submit: 'Opdatér tjeklisten' },
      async (form) => {
        await form.getByLabel('Punkt').selectOption(item);
        await form.getByLabel('Ja').check();
      },
    );
  }
  await checkView(page, '41-kf-course-ready-for-release');
  // Every readiness item is in place: the confirmation names only the next mentor contact, which the release ends.
  expect((await page.locator('form#release .confirm-text').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
    '⚠ En registreret løsladelse kan ikke fortrydes. Åbne trin, der lukkes uden at være udført: Mentorkontakt.',
  );
  await decideOnPage(
    page,
    { form: 'release', title: 'Løsladelse', submit: 'Registrér løsladelsen' },
    async () => {},
    'Jeg bekræfter, at personen er løsladt',
  );
  await heading('Exit-forløb: løsladt og overdraget; afventer politiets exitenhed');
  await checkView(page, '42-kf-course-released');
  await logOut(page);

  await logIn(page, 'politi.kbh.exit');
  await page.getByRole('navigation').getByRole('link', { name: 'Overdragelser', exact: true }).click();
  const card = page.locator('article.handover');
  await card.waitFor();
  expect(await card.count()).toBe(1);
  expect(await card.innerText()).toContain('Storstrøm Fængsel');
  await card.getByText('Træf afgørelse').click();
  await checkView(page, '43-police-handover-inbox');
  await card.getByLabel('Overtag sagen').check();
  await card.getByLabel('Ved overtagelse: videre forløb').selectOption('with_municipality');
  await card.getByLabel('Jeg bekræfter afgørelsen').check();
  await card.getByRole('button', { name: 'Registrér afgørelsen' }).click();
  await page.locator('.notice.success', { hasText: 'Afgørelsen er registreret' }).waitFor();
  expect(await page.locator('article.handover').count()).toBe(0);
  await logOut(page);
});

it('the DKS officer registers a youth and takes the case to its follow-up', async () => {
  await logIn(page, 'politi.kbh.dks');
  await openNewCase(page);
  await registerOnPage(page, `Ung Bech ${UNIQUE}`, await fakeYouthCpr());
  const start = page.locator('form#start-dks_assessment');
  await start.getByLabel('Bekymrende adfærd').check();
  await start.getByLabel('Tidspunkt for sigtelsen eller observationen').fill(danishLocal(3));
  await start.getByRole('button', { name: 'Registrér DKS-sagen' }).click();
  await heading('DKS-sag: afventer DKS-vurdering');
  await checkView(page, '44-dks-case-started');

  await decideOnPage(
    page,
    { form: 'dks-assessment', title: 'DKS-vurdering', submit: 'Registrér vurderingen' },
    async (form) => {
      await form.getByLabel('Ja').check();
      await form.getByLabel('Begrundelse').fill('Set sammen med bandemedlemmer; samtale med forældrene.');
    },
  );
  await decideOnPage(page, { form: 'home-visit-plan', title: 'Planlæg hjemmebesøget', submit: 'Gem planen' }, (form) =>
    form.getByLabel('Planlagt tidspunkt').fill(danishLocal(-24)),
  );
  await decideOnPage(
    page,
    { form: 'home-visit', title: 'Hjemmebesøget er holdt', submit: 'Registrér besøget' },
    (form) => form.getByLabel('Iværksatte initiativer').fill('Fritidsjob og kontakt til SSP.'),
  );
  await heading('DKS-sag: afventer opfølgningstjek');
  await decideOnPage(
    page,
    { form: 'follow-up', title: 'Opfølgningstjek', submit: 'Registrér opfølgningen' },
    (form) => form.getByLabel('Hvad viste opfølgningen').fill('Fritidsjobbet er i gang; ingen ny bekymring.'),
    'Jeg bekræfter, at sagen afsluttes',
  );
  await heading('DKS-sag: fulgt op');
  await checkView(page, '45-dks-case-followed-up');
  await logOut(page);
});

it('the municipal caseworker registers a network council and records invitations, meeting and agreements', async () => {
  await logIn(page, 'kommune.kbh');
  await openNewCase(page);
  await registerOnPage(page, `Ung Dahl ${UNIQUE}`, await fakeYouthCpr());
  const start = page.locator('form#start-network_council');
  await start.getByLabel('Sigtet').check();
  await start.getByLabel('Dokumentationen fra politiet modtaget').fill(danishLocal(30));
  await start.getByRole('button', { name: 'Registrér netværkssamrådet' }).click();
  await heading('Netværkssamråd: afventer indkaldelse');
  await checkView(page, '46-council-started');

  await decideOnPage(
    page,
    { form: 'invitations', title: 'Indkaldelse', submit: 'Registrér indkaldelsen' },
    async (form) => {
      await form.getByLabel('Den unge').check();
      await form.getByLabel('Forældre').check();
      await form.getByLabel('Skole').check();
    },
  );
  await decideOnPage(page, { form: 'meeting', title: 'Samrådet er holdt', submit: 'Registrér mødet' }, async () => {});
  await decideOnPage(
    page,
    { form: 'agreements', title: 'Handleplan: aftaler med ejer og frist', submit: 'Registrér handleplanen' },
    async (form) => {
      await form.getByLabel('Aftale 1: type').selectOption('mentor_support');
      await form.getByLabel('Aftale 1: indhold').fill('Mentor fra SSP hver uge i tre måneder.');
      await form.getByLabel('Aftale 1: ejer').selectOption('KOM-0101');
      await form.getByLabel('Aftale 1: frist').fill(danishDateInDays(30));
    },
  );
  await heading('Netværkssamråd: handleplanen følges');
  await checkView(page, '47-council-agreements');
  await logOut(page);
});

it('the supervisor finds the released person’s course, now run by the police exit unit, by name', async () => {
  await logIn(page, 'kf.leder.storstroem');
  await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).click();
  await heading('Sager');
  const finder = page.locator('form#find-name');
  await finder.getByLabel('Navn', { exact: true }).fill(`løve ${UNIQUE}`);
  await finder.getByRole('button', { name: 'Søg på navn' }).click();
  await page.locator('.person-results').getByRole('link', { name: released }).click();
  await heading(released);
  await checkView(page, '48-supervisor-person');
  await page.locator('table.person-cases').getByRole('link', { name: 'Exit-forløb' }).click();
  await heading('Exit-forløb: videreført hos politiets exitenhed');
  await page.locator('.case-meta', { hasText: released }).waitFor();
  expect(page.url()).not.toContain('Karsten');
  await checkView(page, '49-supervisor-closed-course');
  await logOut(page);
});
