import { RETENTION_SCHEDULE_ID } from '../../apps/worker/src/retention-schedule.service';
import { axeViolations, logIn, logOut, screenshot } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { fakeCpr, fakeName } from '../support/demo-people';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * The data-protection officer's job on the page, at 1280 and 375 px: the night's deletion list (no names),
 * a legal hold on one case, »Godkend sletning« refused until confirmed, then the list erased; the supervisor
 * sees the hold on the case page. Periods of 30 days (RETENTION_EXIT_COURSE_DAYS); courses ended 50 days ago.
 */
const names: string[] = [];
const caseIds: string[] = [];

async function prepare(sut: SystemUnderTest): Promise<void> {
  const kf = await sut.as('kf.storstroem');
  for (let index = 0; index < 3; index += 1) {
    const name = fakeName();
    names.push(name);
    const { body: person } = await kf('POST', '/api/persons', { name, cpr: await fakeCpr() });
    const { body: course } = await kf('POST', '/api/exit-courses', {
      personRef: person.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: danishDateInDays(400),
      paroleLinked: false,
      referredAt: new Date(Date.now() - 60 * DAY_MS).toISOString(),
    });
    caseIds.push(course.id);
    await kf('POST', `/api/exit-courses/${course.id}/suitability-assessment`, {
      outcome: 'rejection',
      reason: 'Ønsker ikke at deltage.',
      decidedAt: new Date(Date.now() - (50 - index) * DAY_MS).toISOString(),
    });
  }
  await sut.temporal.schedule.getHandle(RETENTION_SCHEDULE_ID).trigger();
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const [{ cases }] = await sut.db.query(`SELECT count(*)::int AS cases FROM retention_list_cases`);
    if (cases === 3) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The Schedule wrote no deletion list.');
}

const suite = useBrowserSuiteWithOwnDatabase({ settings: () => ({ RETENTION_EXIT_COURSE_DAYS: '30' }), prepare });

it('lets the officer hold one case and approve the deletion of the others, confirmed, at 1280 and 375 px', async () => {
  const { page } = suite;
  await logIn(page, 'kf.databeskyttelse');
  // The officer's two pages: a person's right of access (where it lands) and the deletion list.
  expect(await page.locator('nav.mainnav a').allInnerTexts()).toEqual(['Indsigt', 'Sletning']);
  await page.locator('nav.mainnav a', { hasText: 'Sletning' }).click();
  await page.locator('h1', { hasText: 'Sletning' }).waitFor();
  await page.locator('h2', { hasText: 'Sletningsliste (3 sager)' }).waitFor();
  const cards = page.locator('li.retention-case');
  expect(await cards.count()).toBe(3);
  const first = await cards.first().innerText();
  expect(first).toContain('Exitforløb, Storstrøm Fængsel');
  expect(first).toContain('Frist');
  expect(first).toContain('30 dage');
  expect(first).toContain('Ingen kilde fastsætter fristen; konfigurerbar standard.');
  const shown = await page.locator('main').innerText();
  for (const name of names) expect(shown).not.toContain(name);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, '70-retention-list');

  await page.setViewportSize({ width: 375, height: 800 });
  const width = await page.locator('main').evaluate((element: any) => element.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, '71-retention-list-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A legal hold on the last case: without a reason refused with the field named, then set.
  const last = cards.nth(2);
  await last.locator('summary', { hasText: 'Sæt sletningsstop' }).click();
  await last.getByRole('button', { name: 'Sæt sletningsstop' }).click();
  await last.locator('[data-error-for="reason"]', { hasText: 'Begrundelsen' }).waitFor();
  await last.getByLabel('Begrundelsen').fill('Verserende klagesag.');
  await last.getByRole('button', { name: 'Sæt sletningsstop' }).click();
  await page.locator('.notice.success', { hasText: 'Sletningsstop er sat: sagen slettes ikke.' }).waitFor();
  expect(await page.locator('li.retention-case .badge', { hasText: 'Sletningsstop' }).count()).toBe(1);

  // Approval: refused until confirmed, then the two cases without a hold are erased.
  await page.getByRole('button', { name: 'Godkend sletning' }).click();
  await page.locator('[data-error-for="confirm"]', { hasText: 'Bekræft sletningen ved at sætte flueben.' }).waitFor();
  expect((await suite.sut.db.query(`SELECT count(*)::int AS n FROM cases WHERE erased_at IS NOT NULL`))[0].n).toBe(0);
  await page.getByLabel('Ja, slet sagerne på listen').check();
  await page.getByRole('button', { name: 'Godkend sletning' }).click();
  await page.locator('.notice.success', { hasText: '2 sager er slettet.' }).waitFor();
  await page.getByText('Ingen sager venter på sletning.').waitFor();
  const erased = await suite.sut.db.query(`SELECT id FROM cases WHERE erased_at IS NOT NULL ORDER BY id`);
  expect(erased.map((row: { id: string }) => row.id)).toEqual(caseIds.slice(0, 2).sort());
  await screenshot(page, '72-retention-approved');
  await logOut(page);
});

it('shows the supervisor the hold on the case page, and lifts it with a reason', async () => {
  const { page } = suite;
  await logIn(page, 'kf.leder.storstroem');
  await page.goto(`${suite.sut.baseUrl}/#/sag/exit-courses/${caseIds[2]}`);
  const panel = page.locator('[data-legal-hold]');
  await panel.locator('.badge', { hasText: 'Sletningsstop' }).waitFor();
  expect(await panel.innerText()).toContain('Begrundelse: Verserende klagesag.');
  await panel.getByLabel('Begrundelsen').fill('Klagen er afgjort.');
  await panel.getByRole('button', { name: 'Ophæv sletningsstop' }).click();
  await panel.locator('.notice.success', { hasText: 'Sletningsstop er ophævet.' }).waitFor();
  expect(await panel.innerText()).toContain('Intet sletningsstop');
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, '73-case-legal-hold');
});
