import { logIn, logOut } from '../support/browser';
import { checkView, danishLocal, decideOnPage } from '../support/browser-pages';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { fakeName, fakeYouthCpr } from '../support/demo-people';
import type { UserClient } from '../support/system-under-test';

/**
 * The DKS case's outcomes on the page, at desk and phone width: a DKS officer ends a case as declined and
 * moves another to the district the youth moved to; the municipality's social services see the visit
 * planned with them and record their participation — and see nothing else of the case.
 */
const suite = useBrowserSuiteWithOwnDatabase();
let dks: UserClient;

beforeAll(async () => {
  dks = await suite.sut.as('politi.kbh.dks');
});

async function registered(name: string, yes: boolean): Promise<string> {
  const { body: youth } = await dks('POST', '/api/persons', { name, cpr: await fakeYouthCpr() });
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  });
  if (yes) {
    await dks('POST', `/api/dks-cases/${started.body.id}/assessment`, {
      concernConversation: true,
      reason: 'Set sammen med bandemedlemmer.',
    });
  }
  return started.body.id;
}

async function openCase(id: string, heading: string): Promise<void> {
  const { page, sut } = suite;
  await page.goto(`${sut.baseUrl}/#/sag/dks-cases/${id}`);
  await page.locator('h1', { hasText: heading }).waitFor();
}

it('a DKS officer ends a case as declined, with the reason, at phone width', async () => {
  const { page } = suite;
  const id = await registered(fakeName(), true);
  await page.setViewportSize({ width: 375, height: 900 });
  await logIn(page, 'politi.kbh.dks');
  await openCase(id, 'DKS-sag: afventer planlægning af hjemmebesøg');
  await decideOnPage(
    page,
    { form: 'dks-case-end', title: 'Afslut sagen uden hjemmebesøg', submit: 'Afslut sagen' },
    async (form) => {
      await form.getByLabel('Familien takker nej til bekymringssamtalen').check();
      await form.getByLabel('Årsag').selectOption({ label: 'Familien ønsker ikke kontakt med politiet' });
      await form.getByLabel('Begrundelse').fill('Forældrene takker nej til besøget.');
    },
    'Jeg bekræfter, at sagen afsluttes',
  );
  await page.locator('h1', { hasText: 'DKS-sag: afsluttet: familien takkede nej' }).waitFor();
  expect(await page.locator('details.decision').count()).toBe(0);
  await checkView(page, '60-dks-case-declined');
  const [event] = await suite.sut.db.query(
    `SELECT reason_code, details FROM case_events WHERE case_id = $1 AND action = 'dks_case_ended'`,
    [id],
  );
  expect(event).toEqual({ reason_code: 'no_wish_for_contact', details: { outcome: 'declined' } });
  await logOut(page);
});

it('a DKS officer moves a case to the district the youth moved to, and keeps reading it', async () => {
  const { page } = suite;
  const id = await registered(fakeName(), false);
  await logIn(page, 'politi.kbh.dks');
  await openCase(id, 'DKS-sag: afventer DKS-vurdering');
  await checkView(page, '61-dks-case-before-move');
  await decideOnPage(
    page,
    { form: 'dks-move', title: 'Den unge er flyttet til en anden politikreds', submit: 'Flyt sagen' },
    async (form) => {
      await form.getByLabel('Den nye politikreds').selectOption({ label: 'Fyns Politi' });
      await form.getByLabel('Hvornår flyttede den unge').fill(danishLocal(1));
    },
  );
  await page.locator('text=Fyns Politi').first().waitFor();
  // Read-only now: the new district decides.
  expect(await page.locator('details.decision').count()).toBe(0);
  const [row] = await suite.sut.db.query(`SELECT org_unit FROM cases WHERE id = $1`, [id]);
  expect(row).toEqual({ org_unit: 'POL-FYN' });
  await logOut(page);
});

it('social services see the visit planned with them and record their participation, at both widths', async () => {
  const { page } = suite;
  const name = fakeName();
  const id = await registered(name, true);
  await dks('POST', `/api/dks-cases/${id}/home-visit-plan`, {
    plannedFor: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    municipalityCode: 'KOM-0101',
  });
  await logIn(page, 'social.kbh');
  await page.locator('h1', { hasText: 'Hjemmebesøg' }).waitFor();
  // Their menu holds their visits only: no boards, no case lists.
  expect(await page.locator('#nav a').allTextContents()).toEqual(['Hjemmebesøg']);
  const card = page.locator('article.home-visit', { hasText: name });
  await card.waitFor();
  expect(await card.locator('dd').allTextContents()).toEqual([
    expect.stringMatching(/^\d{6}-\d{4}$/),
    expect.stringMatching(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}$/),
    'Københavns Politi',
    'ikke registreret',
  ]);
  await checkView(page, '62-social-services-home-visits');
  await card.locator('summary').click();
  const form = card.locator('form');
  await form.getByLabel('Ja').check();
  await form.getByLabel('Sagsnummer på jeres niveau 1-sag').fill('SOC-2026-118');
  await form.getByRole('button', { name: 'Registrér deltagelsen' }).click();
  await page.locator('.notice.success', { hasText: 'Jeres deltagelse er registreret.' }).waitFor();
  await page.locator(`[data-participation="${id}"]`, { hasText: 'deltager · niveau 1-sag SOC-2026-118' }).waitFor();
  await checkView(page, '63-social-services-participation');
  // The case itself is not theirs to open.
  await page.goto(`${suite.sut.baseUrl}/#/sag/dks-cases/${id}`);
  await page.locator('h1', { hasText: 'Sagen kunne ikke vises' }).waitFor();
  await page.locator('.notice', { hasText: 'Sagen findes ikke.' }).waitFor();
  await logOut(page);
});
