import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../libs/access/password-hashing';
import { DEMO_USERS } from '../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { axeViolations, danishContext, launchChromium, logIn, screenshot } from '../support/browser';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/**
 * Every view of every demo persona, at desk width (1280 px) and on a phone (375 px): no horizontal scroll,
 * axe-core's WCAG 2.1 A and AA checks pass, and a screenshot of each view and width. Then the charts' text
 * stays inside the chart at both widths and zeros are drawn; an administrator changes a local user's role
 * and deactivates another on the Brugere page; operations finds a failing notice on Udsendelser.
 */
let sut: SystemUnderTest;
let browser: Browser;
const WIDTHS = [1280, 375] as const;
const HOUR_MS = 3_600_000;
/** One case of each type, opened by its caseworker: the case pages to check. */
const casePages: { username: string; hash: string; name: string }[] = [];
const screenshotted = new Set<string>();

beforeAll(async () => {
  sut = await startSystem({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000' });
  browser = await launchChromium();
  const kf = await sut.as('kf.storstroem');
  const { body: inmate } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const course = await kf('POST', '/api/exit-courses', {
    personRef: inmate.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-09-30',
    paroleLinked: false,
    referredAt: new Date(Date.now() - 40 * 24 * HOUR_MS).toISOString(),
  });
  casePages.push({ username: 'kf.storstroem', hash: `#/sag/exit-courses/${course.body.id}`, name: 'sag-exit-forloeb' });
  const dks = await sut.as('politi.kbh.dks');
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const dksCase = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'concerning_behaviour',
    triggeredAt: new Date(Date.now() - 30 * HOUR_MS).toISOString(),
  });
  casePages.push({ username: 'politi.kbh.dks', hash: `#/sag/dks-cases/${dksCase.body.id}`, name: 'sag-dks' });
  const municipality = await sut.as('kommune.kbh');
  const { body: young } = await municipality('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const council = await municipality('POST', '/api/network-councils', {
    personRef: young.personRef,
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: new Date(Date.now() - 3 * 24 * HOUR_MS).toISOString(),
  });
  casePages.push({
    username: 'kommune.kbh',
    hash: `#/sag/network-councils/${council.body.id}`,
    name: 'sag-netvaerkssamraad',
  });
  for (const page of casePages) expect(page.hash).not.toContain('undefined');
});

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

async function viewShown(page: Page): Promise<void> {
  await page.waitForFunction(
    "!document.getElementById('main').hasAttribute('aria-busy') && !!document.querySelector('main h1') && !document.querySelector('main .loading')",
  );
}

/** Scroll width, axe-core's WCAG 2.1 A/AA violations, and a screenshot the first time this view is seen at this width. */
async function check(page: Page, view: string, width: number): Promise<void> {
  await viewShown(page);
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect([view, width, scrollWidth <= width ? 'fits' : `${scrollWidth} px wide`]).toEqual([view, width, 'fits']);
  const violations = await axeViolations(page);
  expect([view, width, violations]).toEqual([view, width, []]);
  const name = `responsive-${view}-${width}`;
  if (!screenshotted.has(name)) {
    screenshotted.add(name);
    await screenshot(page, name);
  }
}

const VIEW_NAMES: Record<string, string> = {
  opgaver: 'mine-opgaver',
  overdragelser: 'overdragelser',
  tavle: 'overskredne-frister',
  snart: 'snart-forfaldne',
  tal: 'tal',
  drift: 'drift',
  udsendelser: 'udsendelser',
  brugere: 'brugere',
};

it.each(WIDTHS)('shows the login at %i px without horizontal scroll and without axe violations', async (width) => {
  const context = await danishContext(browser, width);
  try {
    const page = await context.newPage();
    await page.goto(sut.baseUrl);
    await page.locator('h1', { hasText: 'Log ind' }).waitFor();
    await check(page, 'login', width);
  } finally {
    await context.close();
  }
});

describe.each(DEMO_USERS.map((user) => user.username))('%s', (username) => {
  it.each(WIDTHS)('every view fits %i px and passes axe-core', async (width) => {
    const context = await danishContext(browser, width);
    try {
      const page = await context.newPage();
      await page.goto(sut.baseUrl);
      await logIn(page, username);
      await viewShown(page);
      // Every persona lands on a view of its own, never on "Ingen sager her".
      expect(await page.locator('main h1').innerText()).not.toBe('Ingen sager her');
      const links = await page
        .locator('nav.mainnav a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) {
        const route = href.replace('#/', '');
        await page.goto(`${sut.baseUrl}/${href}`);
        await page.waitForFunction(`location.hash === ${JSON.stringify(href)}`);
        await check(page, VIEW_NAMES[route] ?? route, width);
      }
      for (const casePage of casePages.filter((candidate) => candidate.username === username)) {
        await page.goto(`${sut.baseUrl}/${casePage.hash}`);
        await page.locator('.timeline').waitFor();
        await check(page, casePage.name, width);
        // The timeline keeps its words on lines, not one word per line: its text is as wide as its list.
        const narrowest = await page.evaluate<number>(
          "Math.min(...[...document.querySelectorAll('.event-body')].map((body) => body.getBoundingClientRect().width))",
        );
        expect(narrowest).toBeGreaterThan(width === 375 ? 250 : 300);
      }
    } finally {
      await context.close();
    }
  });
});

it.each(WIDTHS)(
  'keeps every chart text inside its chart at %i px, names each series and draws zeros',
  async (width) => {
    const context = await danishContext(browser, width);
    try {
      const page = await context.newPage();
      await page.goto(sut.baseUrl);
      await logIn(page, 'kf.leder.storstroem');
      await page.goto(`${sut.baseUrl}/#/tal`);
      await viewShown(page);
      // A chart of long names and zeros, drawn by the page's own module into its view.
      const result = await page.evaluate<{ outside: string[]; zeros: number; legend: string[]; drawn: string }>(`
      import('/js/charts.js').then(({ barChart }) => {
        const box = document.createElement('div');
        box.id = 'chart-check';
        box.innerHTML = String(barChart({
          id: 'chart-check',
          title: 'Prøve',
          description: 'Lange navne og nuller',
          rows: [
            { label: 'Kriminalforsorgen i Frihed Hovedstaden og Sydsjællands og Lolland-Falsters Politi (12 af 40)', values: [0, 1234] },
            { label: 'Netværkssamråd indkaldt inden for 7 dage (3 af 4)', values: [100, 0] },
          ],
          series: [{ label: 'Aftaler indgået', className: 's1' }, { label: 'Overdraget til politiet', className: 's2' }],
          format: (value) => String(value),
        }));
        document.querySelector('main .view, main').append(box);
        const svg = [...box.querySelectorAll('svg[role=img]')].find((candidate) => candidate.getBoundingClientRect().width > 0);
        const frame = svg.getBoundingClientRect();
        const outside = [...svg.querySelectorAll('text')].filter((text) => {
          const r = text.getBoundingClientRect();
          return r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5;
        }).map((text) => text.textContent.trim());
        const zeros = [...svg.querySelectorAll('text.chart-value')].filter((text) => text.textContent.trim() === '0').length
          + svg.querySelectorAll('rect.bar-zero').length;
        const legend = [...box.querySelectorAll('.legend li')].map((item) => item.textContent.trim());
        return { outside, zeros, legend, drawn: svg.getAttribute('class') };
      })`);
      expect(result).toEqual({
        outside: [],
        zeros: 4,
        legend: ['Aftaler indgået', 'Overdraget til politiet'],
        drawn: width === 375 ? 'chart-narrow' : 'chart-wide',
      });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      // Kriminalforsorgen's supervisor has the deadlines figures too.
      expect(await page.locator('#sla-heading').innerText()).toBe('Frister overholdt');
    } finally {
      await context.close();
    }
  },
);

/** A local user of this suite's own, in a police district no other suite's users work for. */
async function createOwnUser(username: string, role: string, units: string[]): Promise<void> {
  await sut.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
     VALUES ($1, $1, $2, $3, 'politi', $4) ON CONFLICT (username) DO NOTHING`,
    [username, await hashPassword(DEMO_SECRETS.demoUserPassword), role, units],
  );
}

it('lets an administrator change a local user’s role and units and deactivate another, on the Brugere page', async () => {
  await createOwnUser('responsive-test.admin', 'administrator', []);
  await createOwnUser('responsive-test.officer', 'police_exit_officer', ['POL-NORDJYLLAND']);
  await createOwnUser('responsive-test.leaver', 'dks_officer', ['POL-NORDJYLLAND']);
  const context = await danishContext(browser, 1280);
  try {
    const page = await context.newPage();
    await page.goto(sut.baseUrl);
    await logIn(page, 'responsive-test.admin');
    await page.locator('h1', { hasText: 'Brugere' }).waitFor();
    expect(await page.locator('nav.mainnav a').allInnerTexts()).toEqual(['Brugere', 'Enheder']);
    const officer = page.locator('tr[data-username="responsive-test.officer"]');
    await officer.getByText('Ret rolle, enheder og e-mail').click();
    await officer.getByLabel('Rolle').selectOption({ label: 'Leder' });
    await officer.getByLabel('Østjyllands Politi', { exact: true }).check();
    await officer.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.locator('.notice.success', { hasText: 'responsive-test.officer er gemt: Leder, aktiv.' }).waitFor();
    const changed = page.locator('tr[data-username="responsive-test.officer"]');
    expect(await changed.locator('td[data-label="Rolle"]').innerText()).toBe('Leder');
    expect(await changed.locator('td[data-label="Enheder"]').innerText()).toBe(
      'Nordjyllands Politi, Østjyllands Politi',
    );

    // A role of another organisation is not offered; the API's refusal is shown where it was asked.
    const options = await changed.getByLabel('Rolle').locator('option').allInnerTexts();
    expect(options).not.toContain('Sagsbehandler, Kriminalforsorgen');

    await page
      .locator('tr[data-username="responsive-test.leaver"]')
      .getByRole('button', { name: 'Deaktiver responsive-test.leaver' })
      .click();
    await page.locator('.notice.success', { hasText: 'responsive-test.leaver er gemt' }).waitFor();
    expect(
      await page.locator('tr[data-username="responsive-test.leaver"] td[data-label="Adgang"]').innerText(),
    ).toContain('Deaktiveret');
    // The administrator cannot deactivate themselves: no button on their own row.
    expect(await page.locator('tr[data-username="responsive-test.admin"] [data-toggle]').count()).toBe(0);
    await screenshot(page, 'responsive-brugere-changed-1280');

    const [officerRow] = await sut.db.query(`SELECT role, units FROM users WHERE username = 'responsive-test.officer'`);
    expect(officerRow).toEqual({ role: 'supervisor', units: ['POL-NORDJYLLAND', 'POL-OESTJYLLAND'] });
    const audits = await sut.db.query(
      `SELECT a.action, a.details FROM access_log a JOIN users u ON u.id::text = a.subject_user_id
        WHERE u.username LIKE 'responsive-test.%' ORDER BY a.id`,
    );
    expect(audits).toEqual([
      {
        action: 'user_change',
        details: {
          role: { from: 'police_exit_officer', to: 'supervisor' },
          units: { from: ['POL-NORDJYLLAND'], to: ['POL-NORDJYLLAND', 'POL-OESTJYLLAND'] },
        },
      },
      { action: 'user_change', details: { active: { from: true, to: false } } },
    ]);
  } finally {
    await context.close();
  }
});

it('shows operations a failing notice on Udsendelser, and the other states', async () => {
  const caseId = randomUUID();
  const noticeId = randomUUID();
  await sut.db.query(
    `INSERT INTO cases (id, case_type, workflow_id, person_ref, org_unit, status, opened_at, last_seq)
     VALUES ($1, 'network_council', $2, $3, 'KOM-0851', 'awaiting_convening', now(), 1)`,
    [caseId, `responsive-test-${caseId}`, randomUUID()],
  );
  // Due again only next year: no worker of another suite will touch it meanwhile.
  await sut.db.query(
    `INSERT INTO notifications (id, case_id, recipient_unit, kind, attempts, last_error, created_at, next_attempt_at)
     VALUES ($1, $2, 'KOM-0851', 'handover', 4, 'Ingen e-mailadresse for enheden KOM-0851 (NOTICE_UNIT_ADDRESSES).', now(), now() + interval '1 year')`,
    [noticeId, caseId],
  );
  const context = await danishContext(browser, 375);
  try {
    const page = await context.newPage();
    await page.goto(sut.baseUrl);
    await logIn(page, 'drift');
    await page.getByRole('link', { name: 'Udsendelser' }).click();
    const row = page.locator(`tr[data-notice="${noticeId}"]`);
    await row.waitFor();
    expect(await row.locator('th').innerText()).toContain('Overdraget');
    expect(await row.locator('td[data-label="Til"]').innerText()).toBe('Aalborg Kommune');
    expect(await row.locator('td[data-label="Forsøg"]').innerText()).toBe('4');
    expect(await row.locator('td[data-label="Sidste fejl"]').innerText()).toBe(
      'Ingen e-mailadresse for enheden KOM-0851 (NOTICE_UNIT_ADDRESSES).',
    );
    expect(await page.locator('.state-tabs a[aria-current="page"]').innerText()).toMatch(/^Fejler \(\d+\)$/);
    await screenshot(page, 'responsive-udsendelser-failing-375');
    await page.getByRole('link', { name: /^Sendt/ }).click();
    await page.locator('#notices-heading', { hasText: 'Sendt:' }).waitFor();
    expect(await page.locator(`tr[data-notice="${noticeId}"]`).count()).toBe(0);
  } finally {
    await context.close();
  }
});
