import type { Page } from 'playwright-core';
import { logIn, logOut, screenshot } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';

/**
 * Protected persons on the case page, in Danish, at desk width and at 375 px: the Storstrøm caseworker sets
 * *udvidet adressebeskyttelse*, sees »Beskyttet person« instead of the name, and is shown the name and CPR
 * number only after choosing a reason (logged); the unit's supervisor sees the mask and no reveal.
 */
const suite = useBrowserSuiteWithOwnDatabase();

async function protectedCourse(): Promise<{ id: string; personRef: string; name: string; cpr: string }> {
  const kf = await suite.sut.as('kf.storstroem');
  const name = fakeName();
  const cpr = await fakeCpr();
  const { personRef } = (await kf('POST', '/api/persons', { name, cpr })).body;
  const started = await kf('POST', '/api/exit-courses', {
    personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: danishDateInDays(300),
    paroleLinked: false,
    referredAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  return { id: started.body.id, personRef, name, cpr };
}

async function openCourse(page: Page, id: string): Promise<void> {
  await page.goto(`${suite.sut.baseUrl}/#/sag/exit-courses/${id}`);
  await page.locator('h1', { hasText: 'Exit-forløb' }).waitFor();
}

async function fitsPhone(page: Page, selector: string): Promise<void> {
  const width = await page.locator(selector).evaluate((element: any) => element.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
}

async function reveal(page: Page, note?: string): Promise<void> {
  await page.locator('.reveal-person summary', { hasText: 'Vis navn og CPR-nummer' }).click();
  const form = page.locator('form[data-reveal-form]');
  await form.getByRole('button', { name: 'Vis navn og CPR-nummer' }).click();
  await form.locator('.field-error', { hasText: 'Vælg en begrundelse.' }).waitFor();
  await form.getByLabel('Begrundelse').selectOption('contact_with_person');
  if (note) await form.getByLabel('Uddybning').fill(note);
  await form.getByRole('button', { name: 'Vis navn og CPR-nummer' }).click();
  await page.locator('.notice.success', { hasText: 'Visningen er logget med begrundelsen.' }).waitFor();
}

const revealsLogged = async (caseId: string) =>
  (
    await suite.sut.db.query(
      `SELECT details FROM access_log WHERE action = 'protected_person_read' AND case_id = $1 ORDER BY id`,
      [caseId],
    )
  ).map((row: { details: unknown }) => row.details);

it('sets the protection, masks the name, and reveals it only with a reason (1280 px)', async () => {
  const { page } = suite;
  const course = await protectedCourse();
  await logIn(page, 'kf.storstroem');
  await openCourse(page, course.id);
  const meta = page.locator('.case-meta');
  await meta.locator('a.case-person', { hasText: course.name }).waitFor();

  const panel = page.locator('.protection-panel');
  expect(await panel.locator('p').first().textContent()).toBe('Personen er ikke beskyttet.');
  await panel.getByRole('button', { name: 'Sæt udvidet adressebeskyttelse' }).click();
  await panel.locator('.field-error', { hasText: 'Vælg en årsag.' }).waitFor();
  await panel.getByLabel('Årsag').selectOption('address_protection_registered');
  await panel.getByRole('button', { name: 'Sæt udvidet adressebeskyttelse' }).click();
  await page.locator('.notice.success', { hasText: 'Udvidet adressebeskyttelse er sat.' }).waitFor();

  expect(await meta.locator('[data-person-name]').textContent()).toBe('Beskyttet person');
  await meta.locator('.badge.protected', { hasText: 'Udvidet adressebeskyttelse' }).waitFor();
  expect(await meta.textContent()).not.toContain(course.name);
  expect(await page.locator('main').textContent()).not.toContain(course.cpr);
  expect(await revealsLogged(course.id)).toEqual([]);
  await screenshot(page, 'protected-person-masked');

  await reveal(page, 'Aftale om samtale');
  expect(await meta.locator('[data-person-name]').textContent()).toBe(course.name);
  expect(await meta.locator('[data-person-cpr]').textContent()).toBe(`CPR ${course.cpr}`);
  expect(await revealsLogged(course.id)).toEqual([{ reason: 'contact_with_person', note: 'Aftale om samtale' }]);
  await screenshot(page, 'protected-person-revealed');

  // The supervisor of the same unit: the mask, no reveal; may lift the protection.
  await logOut(page);
  await logIn(page, 'kf.leder.storstroem');
  await openCourse(page, course.id);
  expect(await meta.locator('[data-person-name]').textContent()).toBe('Beskyttet person');
  expect(await page.locator('.reveal-person').count()).toBe(0);
  await page.locator('.protection-panel').getByRole('button', { name: 'Ophæv udvidet adressebeskyttelse' }).waitFor();
});

it('masks the name and reveals it with a reason at 375 px', async () => {
  const { page } = suite;
  const course = await protectedCourse();
  const kf = await suite.sut.as('kf.storstroem');
  const set = await kf('POST', `/api/persons/${course.personRef}/protection`, {
    protected: true,
    reason: 'threat_assessment',
  });
  expect(set.status).toBe(200);
  await page.setViewportSize({ width: 375, height: 800 });
  await logIn(page, 'kf.storstroem');
  await openCourse(page, course.id);
  const meta = page.locator('.case-meta');
  expect(await meta.locator('[data-person-name]').textContent()).toBe('Beskyttet person');
  await page.locator('.reveal-person summary').click();
  await fitsPhone(page, '.case-meta');
  await fitsPhone(page, '.protection-panel');
  await screenshot(page, 'protected-person-phone');
  await page.locator('.reveal-person summary').click();
  await reveal(page);
  expect(await meta.locator('[data-person-name]').textContent()).toBe(course.name);
  await fitsPhone(page, '.case-meta');
  expect(await revealsLogged(course.id)).toEqual([{ reason: 'contact_with_person' }]);

  const panel = page.locator('.protection-panel');
  await panel.getByLabel('Årsag').selectOption('protection_ended');
  await panel.getByRole('button', { name: 'Ophæv udvidet adressebeskyttelse' }).click();
  await page.locator('.notice.success', { hasText: 'Udvidet adressebeskyttelse er ophævet.' }).waitFor();
  await meta.locator('a.case-person', { hasText: course.name }).waitFor();
});
