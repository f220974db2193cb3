import type { Page } from 'playwright-core';
import { logIn } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView, decideOnPage, danishLocal } from '../support/browser-pages';
import { courseInPolicePhase } from '../support/exit-course-fixtures';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * The continued course on the case page, as Københavns Politi's exit unit runs it after the release: it
 * records the plan, a mentor contact and a review, and ends the course with its outcome (confirmed, as
 * every irreversible decision). The page passes axe-core and fits 1280 px and 375 px, the form included.
 *
 * A database of its own: nothing else writes to this suite's cases.
 */
let caseId: string;
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: async (system) => {
    caseId = (await courseInPolicePhase(await system.as('kf.storstroem'), await system.as('politi.kbh.exit'))).id;
  },
});
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});

const facts = () => page.locator('dl.facts');

it('runs the continued course: plan, contact, review and outcome', async () => {
  await logIn(page, 'politi.kbh.exit');
  await page.goto(`${sut.baseUrl}/#/sag/exit-courses/${caseId}`);
  await page.locator('h1', { hasText: 'Exit-forløb: videreført hos politiets exitenhed' }).waitFor();
  await facts().getByText('ikke registreret endnu').waitFor();

  await decideOnPage(
    page,
    { form: 'police-plan', title: 'Plan for forløbet hos politiets exitenhed', submit: 'Registrér planen' },
    async (form) => {
      await form.getByLabel('Planen', { exact: true }).fill('Job via jobcentret; mentor ugentligt.');
      await form.getByLabel('Politiets exitenhed i samarbejde med kommunen').check();
    },
  );
  await facts()
    .getByText(/Job via jobcentret; mentor ugentligt\. \(politiets exitenhed i samarbejde med kommunen/)
    .waitFor();

  await decideOnPage(
    page,
    { form: 'mentor-contacts', title: 'Mentorkontakt', submit: 'Registrér kontakten' },
    async (form) => {
      await form.getByLabel('Hvornår fandt kontakten sted').fill(danishLocal(2));
      await form.getByLabel('Møde').check();
      await form.getByLabel('Varighed i minutter').fill('40');
    },
  );
  await facts().getByText('MENTOR-0042 · 1 kontakt, 0,7 timer').waitFor();

  await decideOnPage(
    page,
    { form: 'police-review', title: 'Opfølgning på forløbet', submit: 'Registrér opfølgningen' },
    async (form) => {
      await form.getByLabel('Opfølgningen', { exact: true }).fill('I job; bor stabilt.');
    },
  );
  await facts()
    .getByText(/: I job; bor stabilt\.$/)
    .waitFor();

  // The end's form at a phone's width, before it is sent.
  const endDetails = page.locator('details.decision', { has: page.locator('form#police-course-end') });
  await endDetails.locator('summary').click();
  await checkView(page, '70-police-course-end-form');

  const form = page.locator('form#police-course-end');
  await form.getByLabel('Gennemført', { exact: true }).check();
  await form.getByLabel('Årsag', { exact: true }).selectOption({ label: 'Målene i planen er nået' });
  // Not confirmed: nothing is sent, the form says why.
  await form.getByRole('button', { name: 'Afslut forløbet' }).click();
  await form
    .locator('#police-course-end-confirm-error', { hasText: 'Bekræft afslutningen, før den registreres.' })
    .waitFor();
  await decideOnPage(
    page,
    { form: 'police-course-end', title: 'Afslut forløbet med et udfald', submit: 'Afslut forløbet' },
    async () => {},
    'Jeg bekræfter afslutningen',
  );
  await page
    .locator('h1', { hasText: 'Exit-forløb: afsluttet hos politiets exitenhed og afventer tilbagefaldskontrol' })
    .waitFor();
  await facts()
    .getByText(/^Gennemført, /)
    .waitFor();
  await facts().locator('div', { hasText: 'Tilbagefaldskontrol' }).getByText('afventer', { exact: true }).waitFor();
  expect(await page.locator('form#police-course-end').count()).toBe(0);

  const [row] = await sut.db.query(
    `SELECT c.status, c.closed_at IS NOT NULL AS closed, e.police_outcome FROM cases c JOIN exit_courses e ON e.case_id = c.id WHERE c.id = $1`,
    [caseId],
  );
  expect(row).toEqual({ status: 'police_course_ended', closed: true, police_outcome: 'completed' });
  await checkView(page, '71-police-course-ended');
});
