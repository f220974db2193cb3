import { randomUUID } from 'node:crypto';
import { logIn } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView } from '../support/browser-pages';
import { fakeCpr, fakeName } from '../support/demo-people';
import { danishDateInDays } from '../support/exit-course-fixtures';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * The national supervisor's »Koordinering« (docs/need-to-know.md): Enner Mark tried to start a course for a
 * person whose open course Storstrøm holds, was told only that the start needs coordination, and the
 * supervisor sees the request on the page, at both widths, and resolves it there.
 */
let heldCaseId: string;

async function prepare(sut: SystemUnderTest): Promise<void> {
  const storstroem = await sut.as('kf.storstroem');
  const ennerMark = await sut.as('kf.ennermark');
  const cpr = await fakeCpr();
  const personRef = (await storstroem('POST', '/api/persons', { name: fakeName(), cpr })).body.personRef;
  const start = (institutionCode: string) => ({
    personRef,
    institutionCode,
    expectedReleaseDate: danishDateInDays(200),
    paroleLinked: false,
  });
  heldCaseId = (await storstroem('POST', '/api/exit-courses', start('KF-STORSTROEM'))).body.id;
  await ennerMark('POST', '/api/persons', { name: fakeName(), cpr });
  const refused = await ennerMark('POST', '/api/exit-courses', start('KF-ENNER-MARK'), {
    'idempotency-key': `coordination-${randomUUID()}`,
  });
  expect([refused.status, refused.body.code]).toEqual([202, 'COURSE_START_NEEDS_COORDINATION']);
}

const suite = useBrowserSuiteWithOwnDatabase({ prepare });

it('shows the national supervisor the coordination request and lets them resolve it on the page', async () => {
  const { page } = suite;
  await logIn(page, 'kf.leder.national');
  await page.getByRole('navigation').getByRole('link', { name: 'Koordinering' }).click();
  await page.locator('h1', { hasText: 'Koordinering af exit-forløb' }).waitFor();
  const row = page.locator('table.coordinations tbody tr');
  expect(await row.count()).toBe(1);
  const cells = await row.locator('td').allInnerTexts();
  expect(cells.slice(1)).toEqual(['Enner Mark Fængsel', 'Storstrøm Fængsel', 'Se forløbet', 'Afslut']);
  expect(await row.getByRole('link', { name: 'Se forløbet' }).getAttribute('href')).toBe(
    `#/sag/exit-courses/${heldCaseId}`,
  );
  await checkView(page, '70-course-coordinations');

  await row.getByRole('button', { name: 'Afslut' }).click();
  await page.locator('.notice.success', { hasText: 'Anmodningen er afsluttet.' }).waitFor();
  expect(await page.locator('table.coordinations tbody tr td').last().innerText()).toMatch(/^Afsluttet \d/);
});
