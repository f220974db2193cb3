import type { Browser, Page } from 'playwright-core';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { axeViolations, danishContext, danishPage, launchChromium, logIn, screenshot } from '../support/browser';
import { fakeName, fakeYouthCpr } from '../support/demo-people';
import { refusedWrites, type RefusedWrites } from '../support/refused-writes';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * Operations' job on the page: a case whose registration the database refused waits on the Drift page
 * (ids and error codes, no contents); a re-drive before the cause is fixed is refused again and says so;
 * after the fix, one click catches the case up and the caseworker sees the decision on the case.
 * The refusal is a trigger on the audit table for this one case (test/support/refused-writes.ts).
 */
let sut: SystemUnderTest;
let browser: Browser;
let page: Page;
let municipality: UserClient;
let writes: RefusedWrites;

beforeAll(async () => {
  sut = await startSystem();
  municipality = await sut.as('kommune.kbh');
  writes = await refusedWrites();
  browser = await launchChromium();
  page = await danishPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await writes?.close();
  await sut?.stop();
});

async function councilWhoseConveningIsRefused(): Promise<{ caseId: string; allow(): Promise<void> }> {
  const { body: youth } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const started = await municipality('POST', '/api/network-councils', {
    personRef: youth.personRef,
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const caseId: string = started.body.id;
  const { allow } = await writes.refuse(caseId, 'council_convened');
  return { caseId, allow };
}

it('shows operations a case the read model refused, refuses a re-drive until the cause is fixed, then catches it up', async () => {
  const { caseId, allow } = await councilWhoseConveningIsRefused();
  const invited = await municipality('POST', `/api/network-councils/${caseId}/invitations`, {
    participants: [{ role: 'youth' }, { role: 'parents' }],
  });
  expect([invited.status, invited.body.code, invited.headers.get('retry-after')]).toEqual([
    503,
    'CASE_NEEDS_ATTENTION',
    '5',
  ]);
  expect(invited.body.message).toBe(
    'Sagen venter på driften: en tidligere registrering kunne ikke gemmes i oversigten. Driften er underrettet; prøv igen, når den er rettet.',
  );
  // The case can still be read, as it was; a second decision is refused at once.
  const read = await municipality('GET', `/api/network-councils/${caseId}`);
  expect([read.status, read.body.status]).toEqual([200, 'awaiting_convening']);
  const again = await municipality('POST', `/api/network-councils/${caseId}/invitations`, {
    participants: [{ role: 'youth' }],
  });
  expect([again.status, again.body.code]).toEqual([503, 'CASE_NEEDS_ATTENTION']);

  await page.goto(sut.baseUrl);
  await logIn(page, 'drift');
  expect(await page.locator('nav.mainnav a').allInnerTexts()).toEqual(['Drift', 'Udsendelser']);
  await page.locator('h1', { hasText: 'Drift' }).waitFor();
  const card = page.locator('article.attention-case', { hasText: caseId });
  await card.waitFor();
  const shown = await card.innerText();
  expect(shown).toContain('Netværkssamråd');
  expect(shown).toContain('Indkaldelse til netværkssamråd');
  expect(shown).toContain('QueryFailedError · P0001');
  expect(shown).toContain('1 gang');
  expect(shown).not.toMatch(/youth|parents|forældre/i);
  await screenshot(page, '13-operations-attention');

  // Sent again before the cause is fixed: refused again, counted, said in words.
  await card.getByRole('button', { name: 'Send igen' }).click();
  await page
    .locator('.notice.error', { hasText: `Sagen ${caseId} blev afvist igen (QueryFailedError · P0001)` })
    .waitFor();
  expect(await page.locator('article.attention-case', { hasText: caseId }).innerText()).toContain('2 gange');

  // Fixed: one click, and the case has caught up.
  await allow();
  await page.locator('article.attention-case', { hasText: caseId }).getByRole('button', { name: 'Send igen' }).click();
  await page.locator('.notice.success', { hasText: `Sagen ${caseId} er indhentet` }).waitFor();
  expect(await page.locator('article.attention-case', { hasText: caseId }).count()).toBe(0);
  await screenshot(page, '14-operations-caught-up');
  await page.getByRole('link', { name: 'Vis løste' }).click();
  await page.locator('article.attention-case', { hasText: caseId }).waitFor();

  // The caseworker sees the decision that waited, and can take the next one.
  const after = await municipality('GET', `/api/network-councils/${caseId}`);
  expect(after.body.status).toBe('convened');
  expect((await municipality('POST', `/api/network-councils/${caseId}/meeting`, {})).body.status).toBe('meeting_held');
});

it('fits the Drift page on a phone (375 px) and passes axe-core’s WCAG 2.1 A and AA checks', async () => {
  const { caseId } = await councilWhoseConveningIsRefused();
  await municipality('POST', `/api/network-councils/${caseId}/invitations`, { participants: [{ role: 'youth' }] });
  const context = await danishContext(browser, 375, 800);
  const phone = await context.newPage();
  try {
    await phone.goto(sut.baseUrl);
    await phone.getByLabel('Brugernavn').fill('drift');
    await phone.getByLabel('Adgangskode').fill(DEMO_SECRETS.demoUserPassword);
    await phone.getByRole('button', { name: 'Log ind' }).click();
    await phone.locator('article.attention-case', { hasText: caseId }).waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshot(phone, '15-operations-phone');
    const violations = await axeViolations(phone);
    expect(violations).toEqual([]);
  } finally {
    await context.close();
  }
});
