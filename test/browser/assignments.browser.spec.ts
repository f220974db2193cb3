import type { Page } from 'playwright-core';
import { startSmtpRecorder } from '../support/smtp-recorder';
import { logIn, logOut } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView } from '../support/browser-pages';
import { fakeCpr, fakeName } from '../support/demo-people';
import { DAY_MS } from '../support/exit-course-fixtures';
import { eventually } from '../support/eventually';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * Named caseworkers on the page: the supervisor assigns three cases to a caseworker in one action ("Tildel
 * valgte"), the caseworker records an absence with a colleague as substitute ("Fravær"), the next overdue
 * notice of those cases reaches the substitute by e-mail (a real SMTP server) with the supervisor copied,
 * and the substitute sees the cases first in "Mine opgaver". The views pass axe-core at 1280 and 375 px.
 *
 * A database of its own: the case list and the outbox hold exactly what this suite made.
 */
let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
const cases: string[] = [];

const ADDRESS = {
  caseworker: 'sagsbehandler2@kriminalforsorgen.example.dk',
  substitute: 'sagsbehandler1@kriminalforsorgen.example.dk',
  supervisor: 'leder@kriminalforsorgen.example.dk',
  unit: 'storstroem@kriminalforsorgen.example.dk',
};

beforeAll(async () => {
  smtp = await startSmtpRecorder();
});

const suite = useBrowserSuiteWithOwnDatabase({
  settings: () => ({
    NOTICE_SENDER: 'smtp',
    NOTICE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    NOTICE_POLL_SECONDS: '1',
    NOTICE_UNIT_ADDRESSES: `KF-STORSTROEM=${ADDRESS.unit}`,
  }),
  prepare: async (system) => {
    for (const [username, email] of [
      ['kf.storstroem.2', ADDRESS.caseworker],
      ['kf.storstroem', ADDRESS.substitute],
      ['kf.leder.storstroem', ADDRESS.supervisor],
    ]) {
      await system.db.query(`UPDATE users SET email = $2 WHERE username = $1`, [username, email]);
    }
    // Three courses whose suitability assessment is overdue at once (referred 40 days ago), and one more.
    const caseworker = await system.as('kf.storstroem');
    for (let i = 0; i < 4; i += 1) {
      const { body: person } = await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
      const { body } = await caseworker('POST', '/api/exit-courses', {
        personRef: person.personRef,
        institutionCode: 'KF-STORSTROEM',
        expectedReleaseDate: '2029-06-30',
        paroleLinked: false,
        referredAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
      });
      cases.push(body.id);
    }
  },
});
let sut: SystemUnderTest;
let page: Page;
beforeEach(() => {
  ({ sut, page } = suite);
});
// After the system has stopped (hooks run in the order they are declared).
afterAll(() => smtp?.close());

const heading = (text: string) => page.locator('h1', { hasText: text }).waitFor();

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  if (!(await eventually(check, Boolean, 200))) throw new Error(`Waited in vain for ${what}`);
}

it('assigns three cases in one action, records an absence, and routes the next overdue notice to the substitute', async () => {
  const [first, second, third, rest] = cases;
  // The overdue notices are written (they settle for 5 minutes before they may go out).
  await until(
    async () =>
      (
        await sut.db.query(
          `SELECT count(*)::int AS n FROM notifications WHERE kind = 'deadline_overdue' AND case_id = ANY($1::uuid[])`,
          [cases],
        )
      )[0].n === 4,
    'the overdue notices',
  );

  // The supervisor ticks three cases on "Sager" and assigns them to the second caseworker at once.
  await logIn(page, 'kf.leder.storstroem');
  await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).click();
  await heading('Sager');
  for (const id of [first, second, third]) await page.locator(`tr[data-case-id="${id}"] input[name="case"]`).check();
  await page.getByLabel('Tildel valgte til').selectOption({ label: 'Sagsbehandler 2, Storstrøm Fængsel' });
  await checkView(page, '70-supervisor-tildel-valgte');
  await page.getByRole('button', { name: 'Tildel valgte' }).click();
  await page
    .locator('.notice.success', { hasText: '3 sager er tildelt Sagsbehandler 2, Storstrøm Fængsel.' })
    .waitFor();
  for (const id of [first, second, third]) {
    expect(await page.locator(`tr[data-case-id="${id}"] td.assignee`).innerText()).toBe(
      'Sagsbehandler 2, Storstrøm Fængsel',
    );
  }
  expect(await page.locator(`tr[data-case-id="${rest}"] td.assignee`).innerText()).toBe('Ufordelt');
  // Each new assignee is told by e-mail.
  await until(
    async () => smtp.mails.filter((mail) => mail.to.includes(ADDRESS.caseworker)).length === 3,
    'the assignments',
  );

  // The workload shows it.
  await page.getByRole('navigation').getByRole('link', { name: 'Arbejdsbyrde' }).click();
  await heading('Arbejdsbyrde');
  const row = page.locator('table.workload tbody tr', { hasText: 'Sagsbehandler 2, Storstrøm Fængsel' });
  expect(await row.locator('td[data-label="Åbne sager"]').innerText()).toBe('3');
  expect(await row.locator('td[data-label="Overskredne"]').innerText()).toBe('3');
  await checkView(page, '71-arbejdsbyrde');
  await logOut(page);

  // The caseworker records an absence with the colleague as substitute.
  await logIn(page, 'kf.storstroem.2');
  await page.getByRole('navigation').getByRole('link', { name: 'Fravær' }).click();
  await heading('Fravær');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const later = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + 3 * DAY_MS),
  );
  const form = page.locator('form#absence-form');
  await form.getByLabel('Første fraværsdag').fill(today);
  await form.getByLabel('Sidste fraværsdag').fill(later);
  await form.getByLabel('Stedfortræder').selectOption({ label: 'Sagsbehandler, Storstrøm Fængsel' });
  await form.getByRole('button', { name: 'Registrér fraværet' }).click();
  await page.locator('.notice.success', { hasText: 'Fraværet er registreret.' }).waitFor();
  expect(await page.locator('table.absences tbody tr').count()).toBe(1);
  await checkView(page, '72-fravaer');
  await logOut(page);

  // The overdue notices may go out now: those of the absent caseworker's cases reach the substitute.
  smtp.mails.length = 0;
  await sut.db.query(
    `UPDATE notifications SET next_attempt_at = now() WHERE kind = 'deadline_overdue' AND case_id = ANY($1::uuid[])`,
    [cases],
  );
  await until(async () => smtp.mails.length === 4, 'the overdue notices');
  const overdueTo = smtp.mails.map((mail) => [mail.to[0], mail.cc]).sort();
  expect(overdueTo).toEqual(
    [
      [ADDRESS.substitute, ADDRESS.supervisor],
      [ADDRESS.substitute, ADDRESS.supervisor],
      [ADDRESS.substitute, ADDRESS.supervisor],
      [ADDRESS.unit, null],
    ].sort(),
  );

  // The substitute sees the absent colleague's cases first in "Mine opgaver".
  await logIn(page, 'kf.storstroem');
  await heading('Mine opgaver');
  const rows = page.locator('table.steps tbody tr');
  await rows.first().waitFor();
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('a')?.getAttribute('href') ?? ''));
  const caseOf = (href: string) => cases.find((id) => href.endsWith(id));
  expect(shown.slice(0, 3).map(caseOf).sort()).toEqual([first, second, third].sort());
  expect(shown.slice(3).map(caseOf)).toEqual([rest]);
  expect(await rows.first().locator('td.assignee').innerText()).toContain('Fraværende');
  await checkView(page, '73-stedfortraeder-mine-opgaver');

  // The case page names the assignee; the substitute could take the fourth, unassigned case.
  await page.goto(`${sut.baseUrl}/#/sag/exit-courses/${rest}`);
  await page.getByRole('button', { name: 'Tag sagen' }).click();
  await page.locator('.assignment-panel .assignee', { hasText: 'Sagsbehandler, Storstrøm Fængsel' }).waitFor();
  await checkView(page, '74-sag-ansvarlig');
});
