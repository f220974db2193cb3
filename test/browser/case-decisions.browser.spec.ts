import type { Browser, Page } from 'playwright-core';
import { danishPage, launchChromium, logIn, logOut, screenshot } from '../support/browser';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The case page offers exactly the decisions the server lists in the case's `availableDecisions` — no more,
 * no fewer, in its order and with its labels — for the caseworker who decides, after each decision taken on
 * the page, at phone width too, and none to a read-only supervisor.
 */
let sut: SystemUnderTest;
let browser: Browser;
let page: Page;
let kf: UserClient;
let kfSupervisor: UserClient;
let dks: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  kf = await sut.as('kf.storstroem');
  kfSupervisor = await sut.as('kf.leder.storstroem');
  dks = await sut.as('politi.kbh.dks');
  browser = await launchChromium();
  page = await danishPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await sut?.stop();
});

interface Offered {
  title: string;
  form: string;
}

async function logInAs(username: string): Promise<void> {
  await page.goto(sut.baseUrl);
  await logIn(page, username);
}

/** The decisions the page shows: each one's title and the id of its form, in the page's order. */
async function offeredOnPage(): Promise<Offered[]> {
  // Runs in the page (this project's TypeScript has no DOM types).
  return page.locator('details.decision').evaluateAll((elements: any[]) =>
    elements.map((element) => ({
      title: element.querySelector('summary').textContent.trim() as string,
      form: element.querySelector('form').id as string,
    })),
  );
}

/** What the server says the user may decide on the case now, as the page should show it. */
async function offeredByServer(user: UserClient, path: string, formIds: Record<string, string> = {}) {
  const detail = await user('GET', path);
  expect(detail.status).toBe(200);
  return (detail.body.availableDecisions as { name: string; label: string }[]).map((decision) => ({
    title: decision.label,
    form: formIds[decision.name] ?? decision.name,
  }));
}

async function openCase(path: string, heading: string): Promise<void> {
  await page.goto(`${sut.baseUrl}/#/sag/${path}`);
  await page.locator('h1', { hasText: heading }).waitFor();
}

it('offers the caseworker exactly the server’s decisions, before and after deciding on the page, and the supervisor none', async () => {
  const { body: person } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const started = await kf('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-09-30',
    paroleLinked: false,
    referredAt: new Date(Date.now() - 5 * 24 * 3_600_000).toISOString(),
  });
  const path = `/api/exit-courses/${started.body.id}`;

  await logInAs('kf.storstroem');
  await openCase(`exit-courses/${started.body.id}`, 'Exit-forløb');
  const before = await offeredByServer(kf, path);
  expect(before.map((decision) => decision.form)).toEqual([
    'suitability-assessment',
    'transfer',
    'expected-release-date',
    'readiness',
    'interruption',
  ]);
  expect(await offeredOnPage()).toEqual(before);
  // The form of the open step's decision is the one opened.
  expect(await page.locator('details.decision[open] summary').allInnerTexts()).toEqual(['Egnethedsvurdering']);

  const assessment = page.locator('form#suitability-assessment');
  await assessment.getByLabel('Tilbud om exit-aftale').check();
  await assessment.getByRole('button', { name: 'Registrér vurderingen' }).click();
  await page.locator('.notice.success', { hasText: 'Egnethedsvurdering: gemt.' }).waitFor();
  const afterOffer = await offeredByServer(kf, path);
  expect(afterOffer.map((decision) => decision.form)).toEqual([
    'agreement-signed',
    'transfer',
    'expected-release-date',
    'readiness',
    'interruption',
  ]);
  expect(await offeredOnPage()).toEqual(afterOffer);

  await page.locator('form#agreement-signed').getByRole('button', { name: 'Registrér underskriften' }).click();
  await page.locator('.notice.success', { hasText: 'Exit-aftalen er underskrevet: gemt.' }).waitFor();
  const afterSigning = await offeredByServer(kf, path);
  expect(afterSigning).toHaveLength(8);
  expect(await offeredOnPage()).toEqual(afterSigning);

  // At phone width the same decisions, each reachable.
  await page.setViewportSize({ width: 375, height: 800 });
  await openCase(`exit-courses/${started.body.id}`, 'Exit-forløb');
  expect(await offeredOnPage()).toEqual(afterSigning);
  const width = await page.locator('#decisions-heading').evaluate((element: any) => element.parentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await screenshot(page, '15-case-decisions-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await logOut(page);

  // Read-only: the server offers nothing, and the page shows no decision at all.
  expect(await offeredByServer(kfSupervisor, path)).toEqual([]);
  await logInAs('kf.leder.storstroem');
  await openCase(`exit-courses/${started.body.id}`, 'Exit-forløb');
  expect(await offeredOnPage()).toEqual([]);
  expect(await page.locator('#decisions-heading').count()).toBe(0);
  await logOut(page);
});

it('offers DKS its assessment on a new youth case, then the home visit', async () => {
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'concerning_behaviour',
    triggeredAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const path = `/api/dks-cases/${started.body.id}`;
  const formIds = { assessment: 'dks-assessment', 'case-end': 'dks-case-end', move: 'dks-move' };

  await logInAs('politi.kbh.dks');
  await openCase(`dks-cases/${started.body.id}`, 'DKS-sag');
  expect(await offeredOnPage()).toEqual([
    { title: 'DKS-vurdering', form: 'dks-assessment' },
    { title: 'Afslut sagen uden hjemmebesøg', form: 'dks-case-end' },
    { title: 'Den unge er flyttet til en anden politikreds', form: 'dks-move' },
    { title: 'Sagens niveau', form: 'case-level' },
  ]);
  expect(await offeredOnPage()).toEqual(await offeredByServer(dks, path, formIds));

  const assessment = page.locator('form#dks-assessment');
  await assessment.getByLabel('Ja').check();
  await assessment.getByLabel('Begrundelse').fill('Set sammen med bandemedlemmer flere gange.');
  await assessment.getByRole('button', { name: 'Registrér vurderingen' }).click();
  await page.locator('.notice.success', { hasText: 'DKS-vurdering: gemt.' }).waitFor();
  expect(await offeredOnPage()).toEqual([
    { title: 'Planlæg hjemmebesøget', form: 'home-visit-plan' },
    { title: 'Hjemmebesøget er holdt', form: 'home-visit' },
    { title: 'Afslut sagen uden hjemmebesøg', form: 'dks-case-end' },
    { title: 'Den unge er flyttet til en anden politikreds', form: 'dks-move' },
    { title: 'Sagens niveau', form: 'case-level' },
  ]);
  expect(await offeredOnPage()).toEqual(await offeredByServer(dks, path, formIds));
  await logOut(page);
});

it('asks the caseworker to confirm a release, naming what is not in place, and sends nothing before', async () => {
  const { body: person } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const ago = (days: number) => new Date(Date.now() - days * 24 * 3_600_000).toISOString();
  const started = await kf('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-09-30',
    paroleLinked: false,
    referredAt: ago(30),
  });
  const path = `/api/exit-courses/${started.body.id}`;
  for (const [decision, body] of [
    ['suitability-assessment', { outcome: 'offer', decidedAt: ago(25) }],
    ['agreement-signed', { signedAt: ago(20) }],
    // Released to a district and a municipality no other suite works with: their inboxes stay as other suites expect.
    ['release-plan', { municipalityCode: 'KOM-0561', policeDistrictCode: 'POL-MIDT-VESTJYLLAND' }],
    ['readiness', { item: 'housing', ready: true }],
  ] as const) {
    expect([decision, (await kf('POST', `${path}/${decision}`, body)).status]).toEqual([decision, 200]);
  }

  await logInAs('kf.storstroem');
  await openCase(`exit-courses/${started.body.id}`, 'Exit-forløb');
  await page.locator('details.decision summary').getByText('Løsladelse', { exact: true }).click();
  const release = page.locator('form#release');
  expect(await release.locator('.confirm-text').innerText()).toBe(
    '⚠ En registreret løsladelse kan ikke fortrydes. Ikke på plads før løsladelsen: forsørgelse, job- eller uddannelsesplan, mentorkontinuitet. Åbne trin, der lukkes uden at være udført: Tildeling af mentor.',
  );
  await release.getByRole('button', { name: 'Registrér løsladelsen' }).click();
  await release
    .locator('[data-error-for="confirm"]', { hasText: 'Bekræft løsladelsen, før den registreres.' })
    .waitFor();
  expect((await kf('GET', path)).body.status).toBe('agreement_active');

  await release.getByLabel('Jeg bekræfter, at personen er løsladt').check();
  await release.getByRole('button', { name: 'Registrér løsladelsen' }).click();
  await page.locator('.notice.success', { hasText: 'Løsladelse: gemt.' }).waitFor();
  expect((await kf('GET', path)).body.status).toBe('awaiting_handover_decision');
  await logOut(page);
});

/** How many of the period's interruptions at Storstrøm gave this reason, as the API counts them for the supervisor. */
async function interruptionsFor(reasonCode: string, period: string): Promise<number> {
  const report = await kfSupervisor('GET', `/api/reports/ending-reasons?${period}`);
  expect(report.status).toBe(200);
  const interruption = report.body.endings.find((ending: { ending: string }) => ending.ending === 'interruption');
  return interruption.reasons.find((reason: { reasonCode: string }) => reasonCode === reason.reasonCode).count;
}

it('asks for confirmation of an interruption with a reason from the list, naming the open steps it ends, and shows the reason on the case and in the figures', async () => {
  const { body: person } = await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const started = await kf('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2027-10-31',
    paroleLinked: false,
  });
  const path = `/api/exit-courses/${started.body.id}`;

  await logInAs('kf.storstroem');
  await openCase(`exit-courses/${started.body.id}`, 'Exit-forløb');
  await page.locator('details.decision summary').getByText('Afbryd forløbet', { exact: true }).click();
  const interruption = page.locator('form#interruption');
  expect(await interruption.locator('.confirm-text').innerText()).toBe(
    '⚠ En afbrydelse afslutter forløbet og kan ikke fortrydes. Åbne trin, der lukkes uden at være udført: Egnethedsvurdering.',
  );
  // The reason codes of an interruption, as the server names them, and `Andet`.
  const options = await interruption.locator('select[name="reasonCode"] option').allInnerTexts();
  expect(options.map((option) => option.trim())).toEqual([
    'Vælg …',
    'Den indsatte ønsker ikke at fortsætte',
    'Exit-aftalen er ikke overholdt',
    'Ny kriminalitet',
    'Tilbage i bandemiljøet',
    'Sikkerhedsmæssige hensyn',
    'Udvist eller udrejst',
    'Andet',
  ]);
  const year = new Date().toISOString().slice(0, 4);
  const period = `from=${year}-01-01&to=${year}-12-31`;
  const before = await interruptionsFor('back_in_gang_environment', period);
  await interruption.getByLabel('Den indsatte').check();
  // `Andet` without a note: the API's Danish message beside the note.
  await interruption.getByLabel('Årsag').selectOption({ label: 'Andet' });
  await interruption.getByLabel('Jeg bekræfter, at forløbet afbrydes').check();
  await interruption.getByRole('button', { name: 'Afbryd forløbet' }).click();
  await interruption
    .locator('[data-error-for="reason"]', { hasText: 'En afbrydelse skal have en begrundelse.' })
    .waitFor();
  expect((await kf('GET', path)).body.status).toBe('awaiting_suitability_assessment');
  await interruption.getByLabel('Jeg bekræfter, at forløbet afbrydes').uncheck();

  await interruption.getByLabel('Årsag').selectOption({ label: 'Tilbage i bandemiljøet' });
  await interruption.getByLabel('Begrundelse').fill('Ses igen med gruppen.');
  await interruption.getByRole('button', { name: 'Afbryd forløbet' }).click();
  await interruption
    .locator('[data-error-for="confirm"]', { hasText: 'Bekræft afbrydelsen, før den registreres.' })
    .waitFor();
  expect((await kf('GET', path)).body.status).toBe('awaiting_suitability_assessment');

  await interruption.getByLabel('Jeg bekræfter, at forløbet afbrydes').check();
  await interruption.getByRole('button', { name: 'Afbryd forløbet' }).click();
  await page.locator('.notice.success', { hasText: 'Afbryd forløbet: gemt.' }).waitFor();
  expect((await kf('GET', path)).body.status).toBe('interrupted_by_inmate');
  // The case's history names the reason and shows the note beside it.
  const interrupted = page.locator('.event', { hasText: 'Årsag: Tilbage i bandemiljøet' });
  await interrupted.waitFor();
  expect(await interrupted.locator('.event-reason').allInnerTexts()).toEqual([
    'Årsag: Tilbage i bandemiljøet',
    'Begrundelse: Ses igen med gruppen.',
  ]);
  await screenshot(page, '16-case-interrupted-with-reason');
  await logOut(page);

  // The supervisor's figures count it under its reason, at desk and at phone width.
  expect(await interruptionsFor('back_in_gang_environment', period)).toBe(before + 1);
  await logInAs('kf.leder.storstroem');
  await page.goto(`${sut.baseUrl}/#/tal?${period}`);
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Afbrudt forløb' }) });
  const row = table.locator('tr', { has: page.locator('th', { hasText: 'Tilbage i bandemiljøet' }) });
  await row.waitFor();
  expect(await row.locator('td').innerText()).toBe(String(before + 1));
  await screenshot(page, '16-figures-ending-reasons');
  await page.setViewportSize({ width: 375, height: 800 });
  await row.waitFor();
  const width = await page
    .locator('#reasons-heading')
    .evaluate((element: any) => element.closest('section').scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await screenshot(page, '16-figures-ending-reasons-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await logOut(page);
});
