import type { Page } from 'playwright-core';
import { logIn, logOut } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView } from '../support/browser-pages';
import { fakeCpr, fakeName } from '../support/demo-people';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * The handover prepared before release on the page: the Storstrøm caseworker submits the handover report,
 * Københavns Kommune adds its view, and Københavns Politi's exit officer finds the course under "Kommende
 * overdragelser", reads the report and the view, and accepts before the release.
 *
 * A database of its own: the coming handovers list holds this suite's course alone.
 */
let caseId: string;
let name: string;
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: async (system) => {
    const kf = await system.as('kf.storstroem');
    name = fakeName();
    const person = await kf('POST', '/api/persons', { name, cpr: await fakeCpr() });
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    const started = await kf('POST', '/api/exit-courses', {
      personRef: person.body.personRef,
      institutionCode: 'KF-STORSTROEM',
      // Inside the notice period: the release is notified as the course starts.
      expectedReleaseDate: danishDateInDays(21),
      paroleLinked: false,
      referredAt: ago(60),
    });
    caseId = started.body.id;
    for (const [path, body] of [
      ['suitability-assessment', { outcome: 'offer', decidedAt: ago(50) }],
      ['agreement-signed', { signedAt: ago(45) }],
      ['mentor', { mentorRef: 'MENTOR-0042', assignedAt: ago(40) }],
      ['mentor-contacts', { contactAt: ago(10), form: 'meeting', durationMinutes: 90 }],
      ['release-plan', { municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' }],
    ] as const) {
      const answer = await kf('POST', `/api/exit-courses/${caseId}/${path}`, body);
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
    }
  },
});
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});

async function openCase(username: string): Promise<void> {
  await logIn(page, username);
  await page.goto(`${sut.baseUrl}/#/sag/exit-courses/${caseId}`);
  await page.locator('h1', { hasText: 'Exit-forløb: exit-aftale indgået' }).waitFor();
  // The journal comes last: once it is in, the page is drawn for good.
  await page.locator('form#journal-note').waitFor();
}

/** A decision's folded form, unfolded (the page opens the one it offers first). */
async function decision(title: string) {
  const form = page.locator('details.decision', { has: page.locator('summary', { hasText: title }) });
  const isOpen = (await form.getAttribute('open')) !== null;
  if (!isOpen) await form.locator('summary').click();
  await form.locator('form').waitFor();
  return form;
}

it('is prepared by Kriminalforsorgen and the municipality, and accepted by the exit unit before the release', async () => {
  await openCase('kf.storstroem');
  const report = await decision('Overdragelsesrapport');
  await report.getByLabel('Planen', { exact: true }).fill('Bolig via kommunen, job i byggeriet.');
  await report.getByLabel('Følges delvist').check();
  await report.getByLabel('Ansvarlig for bolig').selectOption('municipality');
  await report.getByLabel('Ansvarlig for forsørgelse').selectOption('municipality');
  await report.getByLabel('Ansvarlig for job- eller uddannelsesplan').selectOption('person');
  await report.getByLabel('Ansvarlig for mentorkontinuitet').selectOption('police');
  await report.getByLabel('Risiko og sikkerhed').fill('Konflikt med tidligere gruppering.');
  await report.getByRole('radio', { name: 'Ja' }).check();
  await report.getByLabel('Kontaktperson', { exact: true }).fill('Kontaktperson Storstrøm');
  await report.getByLabel('Kontaktpersonens telefon').fill('72 55 00 00');
  await report.getByRole('button', { name: 'Indsend rapporten' }).click();
  await page.locator('.notice.success').waitFor();
  const prepared = page.locator('section.handover-preparation');
  await prepared.getByText('Bolig via kommunen, job i byggeriet.').waitFor();
  expect(await prepared.innerText()).toContain('ja – adressen oplyses kun efter behov, gennem kontaktpersonen');
  await logOut(page);

  await openCase('kommune.kbh');
  const view = await decision('Udtalelse til afgørelsen om overdragelsen');
  await view.getByLabel('Forløbet videreføres', { exact: true }).check();
  await view.getByLabel('Udtalelse', { exact: true }).fill('Kommunen har bolig klar og støtter videreførelse.');
  await view.getByRole('button', { name: 'Giv udtalelsen' }).click();
  await page.locator('.notice.success').waitFor();
  await page.locator('section.handover-preparation', { hasText: 'Kommunen har bolig klar' }).waitFor();
  await logOut(page);

  await logIn(page, 'politi.kbh.exit');
  await page.getByRole('link', { name: 'Kommende overdragelser' }).click();
  const card = page.locator('article.handover', { has: page.locator('h2', { hasText: name }) });
  await card.waitFor();
  expect(await card.innerText()).toContain('21 dage til løsladelsen');
  expect(await card.innerText()).toContain('Storstrøm Fængsel');
  await checkView(page, '70-coming-handovers');
  await card.getByRole('link', { name: 'Åbn sagen' }).click();
  await page.locator('h1', { hasText: 'Exit-forløb: exit-aftale indgået' }).waitFor();
  await page.locator('form#journal-note').waitFor();
  const section = page.locator('section.handover-preparation');
  await section.getByText('Bolig via kommunen, job i byggeriet.').waitFor();
  await section.getByText('Kommunen har bolig klar og støtter videreførelse.').waitFor();
  const accept = await decision('Afgørelse om overdragelsen');
  await accept.getByLabel('Overtag sagen').check();
  await accept.getByLabel('Ved overtagelse: videre forløb').selectOption('with_municipality');
  await accept.getByLabel('Jeg bekræfter afgørelsen').check();
  await accept.getByRole('button', { name: 'Registrér afgørelsen' }).click();
  await page.locator('.notice.success').waitFor();
  await section.getByText('Københavns Politi har overtaget overdragelsen før løsladelsen', { exact: false }).waitFor();
  await checkView(page, '71-handover-accepted-before-release');
});
