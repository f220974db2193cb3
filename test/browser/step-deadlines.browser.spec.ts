import { formatDateTime } from '../../apps/api/web/js/format.js';
import { logIn, logOut } from '../support/browser';
import { checkView, decideOnPage } from '../support/browser-pages';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import type { UserClient } from '../support/system-under-test';

/**
 * Deadlines that may wait, on the page: a KF caseworker suspends an exit course's suitability assessment (a
 * configurable default) — the case and the inbox show "Afventer …" instead of a deadline state — and resumes
 * it, and the page shows the deadline moved by the time it waited; a DKS officer records why a 24-hour
 * assessment was missed, and the supervisor finds the reason counted in the SLA figures. Cases are set up
 * over the API; everything the test checks is done and read on the page, at 1280 px and 375 px.
 *
 * A database of its own: the inbox and the figures hold exactly what this suite made.
 */
const suite = useBrowserSuiteWithOwnDatabase();
const HOUR_MS = 3_600_000;

async function openCase(resource: string, caseId: string, title: string): Promise<void> {
  const { page, sut } = suite;
  await page.goto(`${sut.baseUrl}/#/sag/${resource}/${caseId}`);
  await page.locator('h1', { hasText: title }).waitFor();
}

it('suspends a suitability assessment as "afventer …" and resumes it with the deadline moved by the time it waited', async () => {
  const { page, sut } = suite;
  const kf: UserClient = await sut.as('kf.storstroem');
  const { body: person } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const { body: course } = await kf('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-06-30',
    paroleLinked: false,
    referredAt: new Date(Date.now() - HOUR_MS).toISOString(),
  });
  const step = course.openSteps[0];

  await logIn(page, 'kf.storstroem');
  await openCase('exit-courses', course.id, 'Exit-forløb');
  const card = page.locator(`.open-step[data-step-id="${step.id}"]`);
  await card.getByText(`Frist ${formatDateTime(step.dueAt)}`).waitFor();
  await decideOnPage(
    page,
    { form: `suspend-${step.id}`, title: 'Sæt fristen i bero', submit: 'Sæt fristen i bero' },
    async (form) => {
      await form.getByLabel('Venter på anden myndighed').check();
      await form.getByLabel('Bemærkning').fill('Venter på politiets udtalelse.');
    },
  );
  await card.getByText('Afventer anden myndighed').waitFor();
  await card.getByText('Frist i bero').waitFor();
  await checkView(page, '80-deadline-suspended');

  await page.getByRole('navigation').getByRole('link', { name: 'Mine opgaver' }).click();
  const row = page.locator(`tr[data-step-id="${step.id}"]`);
  await row.getByText('Afventer anden myndighed').waitFor();
  expect(await row.locator('.badge.overdue, .badge.soon').count()).toBe(0);
  await checkView(page, '81-inbox-deadline-suspended');

  await openCase('exit-courses', course.id, 'Exit-forløb');
  await decideOnPage(
    page,
    { form: `resume-${step.id}`, title: 'Genoptag fristen', submit: 'Genoptag fristen' },
    async () => {},
  );
  const { body: after } = await kf('GET', `/api/exit-courses/${course.id}`);
  const resumed = after.openSteps[0];
  const event = after.history.find((entry: { action: string }) => entry.action === 'deadline_resumed');
  expect(Date.parse(resumed.dueAt) - Date.parse(step.dueAt)).toBe(event.details.suspendedMs);
  expect(resumed.suspension).toBeNull();
  await card.getByText(`Frist ${formatDateTime(resumed.dueAt)}`).waitFor();
  expect(await card.getByText('Afventer').count()).toBe(0);
  await page.locator('.timeline', { hasText: 'Fristen er genoptaget' }).waitFor();
});

it('records why a 24-hour DKS deadline was missed, shows it on the case and counts it in the SLA figures', async () => {
  const { page, sut } = suite;
  const dks: UserClient = await sut.as('politi.kbh.dks');
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const { body: dksCase } = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: new Date(Date.now() - 30 * HOUR_MS).toISOString(),
  });
  const step = dksCase.openSteps[0];

  await logIn(page, 'politi.kbh.dks');
  await openCase('dks-cases', dksCase.id, 'DKS-sag');
  const card = page.locator(`.open-step[data-step-id="${step.id}"]`);
  await card.getByText('Fristen er fastsat ved lov og kan ikke flyttes.').waitFor();
  expect(await page.locator(`form#suspend-${step.id}`).count()).toBe(0);
  await decideOnPage(
    page,
    { form: `missed-reason-${step.id}`, title: 'Årsag til overskredet frist', submit: 'Registrér årsagen' },
    async (form) => {
      await form.getByLabel('Sagen blev registreret for sent').check();
      await form.getByLabel('Bemærkning').fill('Anmeldelsen nåede først DKS i dag.');
    },
  );
  await card.getByText('Årsag til overskredet frist: sagen blev registreret for sent').waitFor();
  await checkView(page, '82-missed-deadline-reason');
  await logOut(page);

  await logIn(page, 'politi.leder.kbh');
  await page.getByRole('navigation').getByRole('link', { name: 'Tal', exact: true }).click();
  const reasons = page.locator('table', { hasText: 'Årsager til overskredne lovbundne frister pr. frist' });
  const reasonRow = reasons.locator('tbody tr', { hasText: 'DKS-vurdering inden for 24 timer' });
  await reasonRow.waitFor();
  expect((await reasonRow.locator('th, td').allInnerTexts()).map((text) => text.trim())).toEqual([
    'DKS-vurdering inden for 24 timer',
    'sagen blev registreret for sent',
    '1',
  ]);
  await checkView(page, '83-sla-missed-reasons');
});
