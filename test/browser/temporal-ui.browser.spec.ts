import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEMPORAL_UI_PATH } from '../../libs/temporal/temporal-ui-path';
import { DAY_MS } from '../support/exit-course-fixtures';
import { danishContext, launchChromium, logIn, logOut, screenshot } from '../support/browser';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/**
 * Operations' way into the Temporal UI as `npm start` sets it up: the dev server's UI served by the API at
 * /api/codec/temporal-ui, so its calls to the codec are same-origin and carry the codec cookie. `drift`
 * presses »Åbn Temporal UI« on the Drift page and reads a course's start input decrypted, at desk and phone
 * width; without the credential (never given, or revoked by logging out) the UI is not served at all.
 */
let sut: SystemUnderTest;
let browser: Browser;
let workflowId: string;
/** Only in the start input, which Temporal stores encrypted: seen on the page only if the codec decoded it. */
const RELEASE_DATE = '2031-07-14';

beforeAll(async () => {
  sut = await startSystem({}, { temporalUi: true });
  const caseworker = await sut.as('kf.storstroem');
  const { body: person } = await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const { body: course } = await caseworker('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: RELEASE_DATE,
    paroleLinked: true,
    referredAt: new Date(Date.now() - DAY_MS).toISOString(),
  });
  workflowId = course.workflowId;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

/** The Drift page's button opens the UI in a new tab, on the API's own origin. */
async function openTemporalUi(context: BrowserContext, page: Page): Promise<Page> {
  await page.goto(`${sut.baseUrl}/#/drift`);
  await logIn(page, 'drift');
  const [ui] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Åbn Temporal UI' }).click(),
  ]);
  await ui.waitForLoadState();
  return ui;
}

it.each([1280, 375])('shows operations a workflow’s encrypted input decoded at %i px', async (width) => {
  const context = await danishContext(browser, width);
  const page = await context.newPage();
  const ui = await openTemporalUi(context, page);
  expect(new URL(ui.url()).pathname).toBe(`${TEMPORAL_UI_PATH}/namespaces/${sut.config.temporal.namespace}/workflows`);
  await ui.getByText(workflowId).first().waitFor();

  await ui.goto(
    `${sut.baseUrl}${TEMPORAL_UI_PATH}/namespaces/${sut.config.temporal.namespace}/workflows/${workflowId}`,
  );
  await ui.getByText(RELEASE_DATE).first().waitFor();
  await screenshot(ui, `temporal-ui-decoded-${width}`);
  await context.close();
});

it('serves the UI to nobody without a codec credential, and to nobody after logout', async () => {
  const context = await danishContext(browser);
  const page = await context.newPage();
  const refused = await page.goto(`${sut.baseUrl}${TEMPORAL_UI_PATH}/`);
  expect([refused!.status(), await page.locator('h1').textContent()]).toEqual([
    401,
    'Temporal UI åbnes fra Drift-siden',
  ]);

  const ui = await openTemporalUi(context, page);
  await ui.getByText(workflowId).first().waitFor();
  await logOut(page);
  const afterLogout = await ui.goto(`${sut.baseUrl}${TEMPORAL_UI_PATH}/`);
  expect(afterLogout!.status()).toBe(401);
  await context.close();
});
