import type { Browser, Page } from 'playwright-core';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { danishContext, danishPage, launchChromium, logIn, logOut, screenshot } from '../support/browser';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The web page in headless Chromium against the whole system: a DKS officer logs in with the keyboard,
 * finds an overdue assessment on the board, opens the case, is told by the API what is missing, decides,
 * and sees the step leave the board.
 */
let sut: SystemUnderTest;
let browser: Browser;
let page: Page;
let dks: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  dks = await sut.as('politi.kbh.dks');
  browser = await launchChromium();
  page = await danishPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

const HOUR_MS = 3_600_000;
// Expressions run in the page (this project's TypeScript has no DOM types).
const activeElement = () =>
  page.evaluate<{ id?: string; tag?: string }>(
    '({ id: document.activeElement?.id, tag: document.activeElement?.tagName })',
  );
const text = (selector: string) => page.locator(selector).innerText();

/** The overdue board from the navigation, filtered in its form to DKS assessments 26 to 28 hours late. */
async function openFilteredBoard(): Promise<void> {
  await page.getByRole('link', { name: 'Overskredne frister' }).click();
  await page.locator('h1', { hasText: 'Overskredne frister' }).waitFor();
  const filters = page.getByRole('form', { name: 'Filtre' });
  await filters.getByLabel('Trin').selectOption({ label: 'DKS-vurdering af bekymringssamtale' });
  await filters.getByLabel('Mindst timer for sent').fill('26');
  await filters.getByLabel('Højst timer for sent').fill('28');
  await filters.getByRole('button', { name: 'Vis' }).click();
  await page.waitForURL(/#\/tavle\?.*maxLatenessHours=28/);
  await page.locator('h1', { hasText: 'Overskredne frister' }).waitFor();
  expect(await page.getByRole('form', { name: 'Filtre' }).getByLabel('Trin').inputValue()).toBe('dks_assessment');
}

it('logs in with the keyboard, completes an overdue step from the board, and the step leaves the board', async () => {
  // An overdue step: a youth's gang case registered 2 days and 3 hours after the observation, so the
  // 24-hour assessment is 1 day and 3 hours late at once.
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const triggeredAt = new Date(Date.now() - 51 * HOUR_MS).toISOString();
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'concerning_behaviour',
    triggeredAt,
  });
  expect(started.status).toBe(201);
  const caseId: string = started.body.id;
  const board = await dks('GET', '/api/steps/overdue?pageSize=100');
  const boardStep = board.body.items.find((item: { caseId: string }) => item.caseId === caseId);
  expect(boardStep).toMatchObject({ kind: 'dks_assessment', overdue: true });
  const row = `tr:has(a[href="#/sag/dks-cases/${caseId}"])`;

  // Login, keyboard only: the page starts on its heading; Tab reaches the fields, Enter submits.
  await page.goto(sut.baseUrl);
  await page.locator('h1', { hasText: 'Log ind' }).waitFor();
  expect(await activeElement()).toMatchObject({ tag: 'H1' });
  await screenshot(page, '01-login');
  await page.keyboard.press('Tab');
  expect(await activeElement()).toMatchObject({ id: 'login-username' });
  await page.keyboard.type('politi.kbh.dks');
  await page.keyboard.press('Tab');
  expect(await activeElement()).toMatchObject({ id: 'login-password' });
  await page.keyboard.type('forkert');
  await page.keyboard.press('Enter');
  await page.locator('#login-problem', { hasText: 'Forkert brugernavn eller adgangskode.' }).waitFor();
  await screenshot(page, '02-login-wrong-password');
  // The wrong password is selected: typing replaces it.
  await page.keyboard.type(DEMO_SECRETS.demoUserPassword);
  await page.keyboard.press('Enter');

  // The DKS officer starts on their own open steps; the overdue one is among them, marked in words.
  await page.locator('h1', { hasText: 'Mine opgaver' }).waitFor();
  expect(await activeElement()).toMatchObject({ tag: 'H1' });
  expect(await text('.user-box')).toContain('Den Kriminalpræventive Sektion (DKS)');
  expect(await page.locator('nav.mainnav a').allInnerTexts()).toEqual([
    'Mine opgaver',
    'Dokumentation fra politiet',
    'Overskredne frister',
    'Snart forfaldne',
    'Sager',
    'Ny sag',
    'Fravær',
    'Bekymringsbreve',
    'Koordinationsmøde',
  ]);
  expect(await text(row)).toContain('Overskredet');
  await screenshot(page, '03-mine-opgaver');

  // The overdue board, narrowed with its filters to DKS assessments 26-28 hours late (other suites share
  // the database, so the unfiltered first page need not hold this step): label, whose turn, how late.
  await openFilteredBoard();
  await page.locator(row).waitFor();
  const boardRow = await text(row);
  expect(boardRow).toContain('DKS-vurdering af bekymringssamtale');
  expect(boardRow).toContain(boardStep.whoseTurn);
  expect(boardRow).toContain('Overskredet');
  expect(boardRow).toContain('1 dag og 3 timer for sent');
  await screenshot(page, '04-overdue-board');

  // The case page: status, the open step, and the assessment form opened first.
  await page.locator(`${row} a`).click();
  await page.locator('h1', { hasText: 'DKS-sag' }).waitFor();
  expect(await text('.open-steps-panel')).toContain('1 dag og 3 timer for sent');
  const form = page.locator('form[data-form="dks-assessment"]');
  expect(await form.isVisible()).toBe(true);
  await screenshot(page, '05-case');

  // Without a reason the API refuses, and its Danish message stands next to the field.
  await form.getByLabel('Ja').check();
  await form.getByRole('button', { name: 'Registrér vurderingen' }).click();
  const reasonError = form.locator('[data-error-for="reason"]');
  await reasonError.waitFor({ state: 'visible' });
  expect(await reasonError.innerText()).toBe('Vurderingen skal have en begrundelse.');
  expect(await form.locator('.form-problem').innerText()).toBe('Forespørgslen er ugyldig.');
  const reason = form.getByLabel('Begrundelse');
  expect(await reason.getAttribute('aria-invalid')).toBe('true');
  expect((await reason.getAttribute('aria-describedby'))?.split(' ')).toContain(await reasonError.getAttribute('id'));
  expect(await activeElement()).toMatchObject({ tag: 'TEXTAREA' });
  await screenshot(page, '06-validation-message');

  // Valid: the case is shown again, the step completed late.
  await reason.fill('Bekymrende adfærd sammen med bandemedlemmer; samtale med forældrene.');
  await form.getByRole('button', { name: 'Registrér vurderingen' }).click();
  await page.locator('.notice.success', { hasText: 'DKS-vurdering: gemt.' }).waitFor();
  expect(await text('h1')).toContain('afventer');
  expect(await text('.open-steps-panel')).not.toContain('DKS-vurdering af bekymringssamtale');
  expect(await text('.steps-panel table')).toMatch(/DKS-vurdering af bekymringssamtale.*1 dag og 3 timer for sent/s);
  expect(await text('.timeline')).toContain('DKS-vurdering foretaget');
  await screenshot(page, '07-case-after-decision');

  // Back on the board with the same filters, the step is gone.
  await openFilteredBoard();
  expect(await page.locator(row).count()).toBe(0);
  await screenshot(page, '08-overdue-board-after');

  // Logging out ends the session.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.locator('h1', { hasText: 'Log ind' }).waitFor();
  expect(await page.evaluate("sessionStorage.getItem('exitflow.token')")).toBeNull();
});

it('shows the police exit unit its handover inbox to decide in, and a supervisor the board, the case and the figures', async () => {
  // A course released from Storstrøm to Københavns Politi two days ago, through the API.
  const kf = await sut.as('kf.storstroem');
  const name = fakeName();
  const { body: person } = await kf('POST', '/api/persons', { name, cpr: await fakeCpr() });
  const ago = (days: number) => new Date(Date.now() - days * 24 * HOUR_MS).toISOString();
  const started = await kf('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-06-30',
    paroleLinked: false,
    referredAt: ago(100),
  });
  const id: string = started.body.id;
  for (const [path, body] of [
    ['suitability-assessment', { outcome: 'offer', decidedAt: ago(90) }],
    ['agreement-signed', { signedAt: ago(85) }],
    ['mentor', { mentorRef: 'MENTOR-0042', assignedAt: ago(80) }],
    ['mentor-contacts', { contactAt: ago(20), form: 'meeting', durationMinutes: 90 }],
    ['release-plan', { municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' }],
    ['release', { releasedAt: ago(2) }],
  ] as const) {
    expect([path, (await kf('POST', `/api/exit-courses/${id}/${path}`, body)).status]).toEqual([path, 200]);
  }

  await page.goto(sut.baseUrl);
  await logIn(page, 'politi.kbh.exit');
  await page.getByRole('link', { name: 'Overdragelser', exact: true }).click();
  // The police exit unit may read persons: the card is headed by the person's name.
  const card = page.locator('article.handover', { has: page.locator('h2', { hasText: name }) });
  await card.waitFor();
  expect(await card.innerText()).toContain('Storstrøm Fængsel');
  await card.getByText('Træf afgørelse').click();
  await card.getByLabel('Overtag sagen').check();
  await card.getByLabel('Jeg bekræfter afgørelsen').check();
  await card.getByRole('button', { name: 'Registrér afgørelsen' }).click();
  // Accepting without saying how the course continues: the API's message, next to the field.
  await card
    .locator('[data-error-for="continuation"]', { hasText: 'Ved overtagelse skal det videre forløb udfyldes.' })
    .waitFor();
  await screenshot(page, '09-handover-inbox');
  await card.getByLabel('Ved overtagelse: videre forløb').selectOption('with_municipality');
  await card.getByRole('button', { name: 'Registrér afgørelsen' }).click();
  await page.locator('.notice.success', { hasText: 'Afgørelsen er registreret' }).waitFor();
  expect(await page.locator('article.handover', { hasText: name }).count()).toBe(0);
  await logOut(page);

  // The supervisor: the board with counts per unit, the case read-only with its timeline, the figures.
  await logIn(page, 'kf.leder.storstroem');
  await page.locator('h1', { hasText: 'Overskredne frister' }).waitFor();
  expect(await page.locator('nav.mainnav a').allInnerTexts()).toEqual([
    'Overskredne frister',
    'Snart forfaldne',
    'Sager',
    'Tal',
    'Arbejdsbyrde',
    'Fravær',
  ]);
  await screenshot(page, '10-supervisor-board');
  await page.goto(`${sut.baseUrl}/#/sag/exit-courses/${id}`);
  await page.locator('h1', { hasText: 'Exit-forløb' }).waitFor();
  // The supervisor takes no decision on the case: its one form is the legal hold (Sletningsstop), which is theirs.
  await page.locator('[data-legal-hold] form').waitFor();
  expect(await page.locator('form').count()).toBe(1);
  expect(await text('.timeline')).toContain('Overdragelsen er overtaget');
  expect(await text('.facts')).toContain('MENTOR-0042');
  await screenshot(page, '11-supervisor-case');
  await page.getByRole('link', { name: 'Tal' }).click();
  await page.locator('h1', { hasText: 'Tal' }).waitFor();
  await page.locator('svg[role="img"]').first().waitFor();
  expect(await page.locator('#chart-courses-title').textContent()).toBe('Aktivitet i perioden pr. institution');
  await page.getByText('Vis tallene som tabel').first().click();
  expect(await page.getByRole('table', { name: 'Aktivitet i perioden pr. institution' }).innerText()).toContain(
    'Storstrøm Fængsel',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-csv="exit-courses"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^aktivitet-i-perioden-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  await screenshot(page, '12-figures');
});

/**
 * axe-core's WCAG 2.1 A/AA rules on every view a caseworker and a supervisor use (a context that lets the
 * test inject axe past the page's CSP; the page itself is unchanged). Any violation fails, with its rule
 * and the elements it found.
 */
it('passes axe-core’s WCAG 2.1 A and AA checks on the login, inbox, boards, case page and figures', async () => {
  const context = await danishContext(browser);
  const checked = await context.newPage();
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: new Date(Date.now() - 30 * HOUR_MS).toISOString(),
  });
  const violations = async (view: string) => {
    await checked.addScriptTag({ path: require.resolve('axe-core') });
    const result: { id: string; impact: string; nodes: { target: string[] }[] }[] = await checked.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
    );
    return result.map(
      (violation) =>
        `${view}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  };
  const found: string[] = [];
  const visit = async (hash: string, heading: string) => {
    await checked.goto(`${sut.baseUrl}/${hash}`);
    await checked.locator('h1', { hasText: heading }).waitFor();
    await checked.locator('main[aria-busy="true"]').waitFor({ state: 'detached' });
    found.push(...(await violations(hash || 'login')));
  };
  try {
    await visit('', 'Log ind');
    const logInAs = async (username: string) => {
      await checked.getByLabel('Brugernavn').fill(username);
      await checked.getByLabel('Adgangskode').fill(DEMO_SECRETS.demoUserPassword);
      await checked.getByRole('button', { name: 'Log ind' }).click();
      await checked.getByRole('button', { name: 'Log ud' }).waitFor();
    };
    await logInAs('politi.kbh.dks');
    await visit('#/opgaver', 'Mine opgaver');
    await visit('#/tavle', 'Overskredne frister');
    await visit('#/snart', 'Snart forfaldne');
    await visit(`#/sag/dks-cases/${started.body.id}`, 'DKS-sag');
    await checked.getByRole('button', { name: 'Log ud' }).click();
    await checked.locator('h1', { hasText: 'Log ind' }).waitFor();
    await logInAs('politi.leder.kbh');
    await visit('#/tal', 'Tal');
    await checked.locator('svg[role="img"]').first().waitFor();
    found.push(...(await violations('#/tal with charts')));
  } finally {
    await context.close();
  }
  expect(found).toEqual([]);
});
