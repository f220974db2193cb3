import type { Page } from 'playwright-core';
import { formatLocalDate, danishDateOf } from '../../libs/domain/time/copenhagen-calendar';
import { logIn, screenshot } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { startDksCaseOverHttp } from '../support/dks-case-fixtures';
import { fakeCprTurned18 } from '../support/demo-people';

/**
 * Case levels on the page, in Danish, at desk width and at 375 px: a DKS officer sets level 1 at the
 * assessment and changes it with a reason; the case list filters by level; the unit's monthly
 * coordination meeting is recorded once for all its level-1 cases; the 18+ handover is decided.
 */
const suite = useBrowserSuiteWithOwnDatabase();

const dksCase = startDksCaseOverHttp;

async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${suite.sut.baseUrl}/#/sag/dks-cases/${id}`);
  await page.locator('h1', { hasText: 'DKS-sag' }).waitFor();
}

const fact = (page: Page, term: string) =>
  page.locator('.facts div', { has: page.locator('dt', { hasText: term }) }).locator('dd');

async function fitsPhone(page: Page, selector: string): Promise<void> {
  const width = await page.locator(selector).evaluate((element: any) => element.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
}

it('sets level 1 at the assessment, changes it with a reason, and filters the case list by level', async () => {
  const { page, sut } = suite;
  const dks = await sut.as('politi.kbh.dks');
  const id = await dksCase(dks);
  await logIn(page, 'politi.kbh.dks');
  await openCase(page, id);

  const assessment = page.locator('form#dks-assessment');
  await assessment.getByLabel('Ja').check();
  await assessment.getByLabel('Begrundelse').fill('Bekymrende adfærd omkring skolen');
  await assessment.getByLabel('Niveau').selectOption('1');
  await assessment.getByRole('button', { name: 'Registrér vurderingen' }).click();
  await page.locator('.notice.success', { hasText: 'DKS-vurdering: gemt.' }).waitFor();
  expect(await fact(page, 'Niveau').textContent()).toBe('Niveau 1 – risikoadfærd');
  await page
    .locator('.open-steps-panel', { hasText: 'Gennemgang på det månedlige koordinationsmøde (niveau 1)' })
    .waitFor();

  await page.locator('details.decision summary', { hasText: 'Sagens niveau' }).click();
  const level = page.locator('form#case-level');
  await level.getByLabel('Niveau 2 – kriminalitet').check();
  await level.getByRole('button', { name: 'Gem niveauet' }).click();
  await level.locator('.form-problem', { hasText: 'En ændring af niveauet skal have en begrundelse.' }).waitFor();
  await level.getByLabel('Begrundelse').fill('Sigtet for tyveri');
  await level.getByRole('button', { name: 'Gem niveauet' }).click();
  await page.locator('.notice.success', { hasText: 'Sagens niveau: gemt.' }).waitFor();
  expect(await fact(page, 'Niveau').textContent()).toBe('Niveau 2 – kriminalitet');

  await page.goto(`${sut.baseUrl}/#/sager`);
  await page.locator('#case-filters').waitFor();
  await page.getByLabel('Niveau', { exact: true }).selectOption('2');
  await page.locator('#case-filters').getByRole('button', { name: 'Vis' }).click();
  await page.locator(`tr[data-case-id="${id}"] .badge.level`, { hasText: 'Niveau 2' }).waitFor();
  expect(await page.locator('table.case-list tbody tr').count()).toBe(1);
  await page.getByLabel('Niveau', { exact: true }).selectOption('1');
  await page.locator('#case-filters').getByRole('button', { name: 'Vis' }).click();
  await page.locator('.empty', { hasText: 'Ingen sager med disse filtre.' }).waitFor();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${sut.baseUrl}/#/sager?level=2`);
  await page.locator(`tr[data-case-id="${id}"]`).waitFor();
  await fitsPhone(page, '#case-filters');
  await screenshot(page, 'case-levels-list-phone');
});

it('records the unit’s monthly coordination meeting once for all its level-1 cases', async () => {
  const { page, sut } = suite;
  const dks = await sut.as('politi.kbh.dks');
  const ids = [await dksCase(dks), await dksCase(dks)];
  for (const id of ids) {
    await dks('POST', `/api/dks-cases/${id}/assessment`, {
      concernConversation: true,
      reason: 'Bekymring',
      caseLevel: '1',
    });
  }
  await logIn(page, 'politi.kbh.dks');
  await page.getByRole('link', { name: 'Koordinationsmøde', exact: true }).click();
  await page.locator('h1', { hasText: 'Koordinationsmøde' }).waitFor();
  await page.locator('[data-next-due]', { hasText: 'Månedens møde skal holdes senest' }).waitFor();
  expect(await page.locator('table.level-one-cases tbody tr').count()).toBe(2);

  await page.setViewportSize({ width: 375, height: 800 });
  await fitsPhone(page, 'form#level-one-review');
  await screenshot(page, 'coordination-meeting-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  const today = formatLocalDate(danishDateOf(new Date()));
  await page.getByLabel('Mødedato').fill(today);
  await page.getByRole('button', { name: 'Koordinationsmøde holdt' }).click();
  const [year, month, day] = today.split('-');
  await page
    .locator('.notice.success', {
      hasText: `Koordinationsmødet ${day}.${month}.${year} er registreret: 2 sager gennemgået.`,
    })
    .waitFor();
  const events = await sut.db.query(
    `SELECT count(*)::int AS count FROM case_events WHERE action = 'level_one_reviewed'`,
  );
  expect(events).toEqual([{ count: 2 }]);
  // Next month's review is open for both: the cases stay on the meeting's list.
  expect(await page.locator('table.level-one-cases tbody tr').count()).toBe(2);
  await screenshot(page, 'coordination-meeting');
});

it('decides the handover to the municipality’s 18+ effort for a youth who has turned 18', async () => {
  const { page, sut } = suite;
  const dks = await sut.as('politi.kbh.dks');
  const id = await dksCase(dks, await fakeCprTurned18(2));
  await logIn(page, 'politi.kbh.dks');
  await openCase(page, id);
  await page.locator('.open-steps-panel', { hasText: 'Overdragelse til kommunens 18+-indsats (SSP+)' }).waitFor();

  await page.locator('details.decision summary', { hasText: 'Overdragelse til kommunens 18+-indsats (SSP+)' }).click();
  const handover = page.locator('form#adult-handover');
  await handover.getByLabel('Ja').check();
  await handover.getByLabel('Kommune').selectOption('KOM-0101');
  await handover.getByRole('button', { name: 'Registrér beslutningen' }).click();
  await handover
    .locator('[data-error-for="reason"]', { hasText: 'Beslutningen om overdragelse skal have en begrundelse.' })
    .waitFor();
  await handover.getByLabel('Begrundelse').fill('SSP+ i Københavns Kommune overtager');
  await page.setViewportSize({ width: 375, height: 800 });
  await fitsPhone(page, 'form#adult-handover');
  await handover.getByRole('button', { name: 'Registrér beslutningen' }).click();
  await page.locator('.notice.success', { hasText: 'Overdragelse til kommunens 18+-indsats (SSP+): gemt.' }).waitFor();
  const [step] = await sut.db.query(
    `SELECT status, outcome FROM steps WHERE case_id = $1 AND kind = 'adult_handover'`,
    [id],
  );
  expect(step).toEqual({ status: 'completed', outcome: 'handed_over' });
  await screenshot(page, 'adult-handover-phone');
});
