import type { Page } from 'playwright-core';
import { logIn } from '../support/browser';
import { checkView } from '../support/browser-pages';
import { fakeCpr, fakeName } from '../support/demo-people';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';

/**
 * A person's right of access on the page alone, as Kriminalforsorgen's data-protection officer: the menu's
 * »Indsigt«, a bad CPR number refused in Danish beside its field, a request registered with its deadline a
 * calendar month later in Danish dates, the export fetched as JSON and as PDF, and the answer that withholds a
 * part with its ground. Each view passes axe-core and fits 1280 px and 375 px.
 */
let cpr: string;
let name: string;
const suite = useBrowserSuiteWithOwnDatabase({
  prepare: async (sut) => {
    cpr = await fakeCpr();
    name = fakeName();
    const kf = await sut.as('kf.storstroem');
    const person = await kf('POST', '/api/persons', { name, cpr });
    expect(person.status).toBe(201);
    const course = await kf('POST', '/api/exit-courses', {
      personRef: person.body.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-01-01',
      paroleLinked: false,
    });
    expect(course.status).toBe(201);
  },
});
let page: Page;
beforeEach(() => {
  ({ page } = suite);
});

it('registers a request by CPR number, exports what is held as JSON and PDF, and records the answer', async () => {
  await logIn(page, 'kf.databeskyttelse');
  await page.getByRole('navigation').getByRole('link', { name: 'Indsigt' }).click();
  await page.locator('h1', { hasText: 'Indsigtsanmodninger' }).waitFor();
  await page.getByText('Ingen anmodninger om indsigt.').waitFor();
  await checkView(page, 'indsigt-liste');

  const register = page.locator('form#access-request-register');
  await register.getByLabel('CPR-nummer').fill('3201901234');
  await register.getByLabel('Kanal').selectOption('letter');
  await register.getByRole('button', { name: 'Registrér anmodningen' }).click();
  await register
    .locator('[data-error-for="cpr"]', { hasText: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.' })
    .waitFor();
  await checkView(page, 'indsigt-fejl');

  await register.getByLabel('CPR-nummer').fill(cpr);
  await register.getByLabel('Modtaget').fill('2026-01-31T10:00');
  await register.getByRole('button', { name: 'Registrér anmodningen' }).click();
  const formatted = `${cpr.slice(0, 6)}-${cpr.slice(-4)}`;
  await page.locator('h1', { hasText: `Indsigtsanmodning ${formatted}` }).waitFor();
  // Received 31 January: one calendar month is the end of 28 February, in Danish time.
  const facts = page.locator('dl.facts');
  await facts.getByText('28.02.2026 kl. 24.00').waitFor();
  await facts.getByText('Overskredet').waitFor();
  await checkView(page, 'indsigt-anmodning');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent som JSON' }).click(),
  ]);
  const exported = JSON.parse(await streamText(await json.createReadStream()));
  expect(exported.persons.map((person: { name: string }) => person.name)).toEqual([name]);
  expect(exported.cases.map((item: { caseType: string }) => item.caseType)).toEqual(['exit_course']);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent som PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^indsigt-.*\.pdf$/);
  expect((await streamText(await pdf.createReadStream(), 'latin1')).startsWith('%PDF-1.4')).toBe(true);

  const answer = page.locator('form[id^="access-request-decision-"]');
  await answer.getByLabel('Delvis indsigt (oplysninger undtaget)').check();
  await answer.getByLabel('Ja, registrér svaret').check();
  await answer.getByRole('button', { name: 'Registrér svaret' }).click();
  await answer
    .locator('[data-error-for="withholdingGround"]', {
      hasText: 'Den retlige grund skal udfyldes, når oplysninger undtages.',
    })
    .waitFor();
  await answer.getByLabel('Retlig grund til at undtage oplysninger').selectOption('third_parties');
  await answer.getByLabel('Begrundelse').fill('Oplysninger om medindsatte er undtaget.');
  await answer.getByRole('button', { name: 'Registrér svaret' }).click();
  await page.getByText('Svaret er registreret.').waitFor();
  await facts.getByText('Delvis indsigt (oplysninger undtaget)').waitFor();
  await facts.getByText('Hensyn til andres rettigheder (oplysninger om andre personer)').waitFor();
  await checkView(page, 'indsigt-besvaret');

  await page.getByRole('link', { name: '← Alle anmodninger' }).click();
  await page.locator('li.access-request', { hasText: `${cpr.slice(0, 6)}-XXXX` }).waitFor();
  await page.locator('li.access-request', { hasText: 'Frist 28.02.2026 kl. 24.00' }).waitFor();
});

async function streamText(stream: NodeJS.ReadableStream, encoding: BufferEncoding = 'utf8'): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString(encoding);
}
