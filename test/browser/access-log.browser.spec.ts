import type { Page } from 'playwright-core';
import { logIn, logOut } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView } from '../support/browser-pages';
import { startStorstroemCourse } from '../support/exit-course-fixtures';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * »Hvem har læst sagen«: a caseworker opens a case on the page, and the prison's supervisor finds that read on
 * the case page, and the person's register entry on the person's page (»Hvem har læst oplysningerne om
 * personen«). The caseworker, without the permission, has no such section. Both pages pass axe-core and fit
 * 1280 px and 375 px. A database of its own: the rows are exactly this suite's.
 */
let caseId: string;
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: async (system) => {
    caseId = (await startStorstroemCourse(await system.as('kf.storstroem'), 6)).id;
  },
});
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});

async function openCase(): Promise<void> {
  await page.goto(`${sut.baseUrl}/#/sag/exit-courses/${caseId}`);
  await page.locator('h1', { hasText: 'Exit-forløb: afventer egnethedsvurdering' }).waitFor();
}

it('lets the supervisor find who read the case after a caseworker opened it, and who read the person', async () => {
  await page.goto(sut.baseUrl);
  await logIn(page, 'kf.storstroem');
  await openCase();
  await page.getByRole('heading', { name: 'Historik' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Hvem har læst sagen' }).count()).toBe(0);
  await logOut(page);

  await logIn(page, 'kf.leder.storstroem');
  await openCase();
  const section = page.locator('section.access-log');
  await section.getByRole('heading', { name: 'Hvem har læst sagen' }).waitFor();
  const rows = section.locator('tbody tr');
  await rows.first().waitFor();
  const cells: string[][] = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].slice(1).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
  // The caseworker's reads: the start's answer, and the opening on the page (the case and the person's name,
  // the journal, the documents, the responsible caseworker) — the page asks for some of them at once.
  const caseworker = ['Sagsbehandler, Storstrøm Fængsel', 'Sagsbehandler, Kriminalforsorgen', 'Storstrøm Fængsel'];
  expect(
    cells
      .filter((row) => row[0] === caseworker[0])
      .map((row) => row.slice(0, 3).join(' | ') + ' | ' + row[3])
      .sort(),
  ).toEqual(
    [
      'Læste sagen',
      'Læste sagen',
      'Læste sagen',
      'Læste sagens journal',
      'Så personens navn ved sagen',
      'Så personens navn ved sagen',
      'Så sagens dokumentliste',
    ].map((action) => `${caseworker.join(' | ')} | ${action}`),
  );
  // The rest are the supervisor's own opening of the page, which the log holds too.
  expect(new Set(cells.filter((row) => row[0] !== caseworker[0]).map((row) => row.slice(0, 3).join(' | ')))).toEqual(
    new Set(['Leder, Storstrøm Fængsel | Leder | Storstrøm Fængsel']),
  );
  expect(await section.locator('p.muted').innerText()).toBe(
    `${cells.length} læsninger, nyeste først. Din visning logges også.`,
  );
  await checkView(page, '160-supervisor-who-read-the-case');

  await page.locator('a.case-person').click();
  const personLog = page.locator('section.access-log');
  await personLog.getByRole('heading', { name: 'Hvem har læst oplysningerne om personen' }).waitFor();
  const personRows = personLog.locator('tbody tr');
  await personRows.first().waitFor();
  expect(await personRows.last().innerText()).toContain('Registrerede personen');
  // Newest: the supervisor opening the person; among the rows its own read of the case's log, with the case.
  expect(await personRows.first().innerText()).toContain(
    'Leder, Storstrøm Fængsel\tLeder\tStorstrøm Fængsel\tLæste personens navn og CPR-nummer\t–',
  );
  await personLog.locator('tbody tr', { hasText: /Læste adgangsloggen\s+Exit-forløb/ }).waitFor();
  await checkView(page, '161-supervisor-who-read-the-person');
});
