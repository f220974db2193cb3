import type { Locator, Page } from 'playwright-core';
import { axeViolations, screenshot } from './browser';

/**
 * What the browser suites do on the page again and again: check a view at both widths, fill a date-and-time
 * field, find or register a person on "Ny sag", and take one decision on a case page.
 */

/** No horizontal scroll and no WCAG 2.1 A/AA violation, at 1280 px and at 375 px (screenshot at 375 px). */
export async function checkView(page: Page, name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // What sticks out, if anything: named, so a failure says where. An SVG element has no scroll box of its
    // own (a chart's label wrapped into lines reports the unwrapped width): its bounding box is what counts.
    const wider: string[] = await page.evaluate(
      `[...document.querySelectorAll('body *')].filter((e) => !e.closest('.table-wrap') && (e.getBoundingClientRect().right > ${width} + 0.5 || !(e instanceof SVGElement) && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))` +
        `.map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).slice(0, 5)`,
    );
    expect([name, width, wider]).toEqual([name, width, []]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    if (width === 375) await screenshot(page, `${name}-phone`);
    const violations = await axeViolations(page);
    expect([name, width, violations]).toEqual([name, width, []]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, name);
}

/** `YYYY-MM-DDTHH:MM` in Danish time, as a date-and-time field takes it, `hoursAgo` before now. */
export function danishLocal(hoursAgo: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() - hoursAgo * 3_600_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export async function openNewCase(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Ny sag' }).click();
  await page.locator('h1', { hasText: 'Ny sag' }).waitFor();
}

/** Looks the CPR number up (not found), then registers the person with the form the page offers. */
export async function registerOnPage(page: Page, name: string, cpr: string): Promise<void> {
  await page.locator('form#find-cpr').getByLabel('CPR-nummer').fill(cpr);
  await page.locator('form#find-cpr').getByRole('button', { name: 'Find på CPR-nummer' }).click();
  await page.getByText('Ingen person med dette CPR-nummer, som du har adgang til.').waitFor();
  const form = page.locator('form#register-person');
  expect(await form.getByLabel('CPR-nummer').inputValue()).toBe(cpr);
  await form.getByLabel('Fulde navn').fill(name);
  await form.getByRole('button', { name: 'Registrér personen' }).click();
  await page.locator('.notice.success', { hasText: 'Personen er registreret.' }).waitFor();
  await page.locator('.chosen-person', { hasText: name }).waitFor();
}

/** A decision as the case page offers it: the form's id, its title (the server's label) and its button. */
export interface PageDecision {
  form: string;
  title: string;
  submit: string;
}

/**
 * Takes one decision on the case page as the caseworker does: opens its form (unless it is open already),
 * fills it, ticks the confirmation where the form asks for one, sends it, and waits for the page's receipt.
 */
export async function decideOnPage(
  page: Page,
  decision: PageDecision,
  fill: (form: Locator) => Promise<void>,
  confirm?: string,
): Promise<void> {
  // A case's decision, or a deadline decision on one of its steps.
  const details = page.locator('details.decision, details.step-decision', {
    has: page.locator(`form#${decision.form}`),
  });
  // Runs in the page (this project's TypeScript has no DOM types).
  if (!(await details.evaluate((element: any) => element.open as boolean))) await details.locator('summary').click();
  const form = page.locator(`form#${decision.form}`);
  await fill(form);
  if (confirm) await form.getByLabel(confirm).check();
  const sent = await form.elementHandle();
  await form.getByRole('button', { name: decision.submit }).click();
  // The page draws the case anew once the server has answered: until then an earlier receipt may still show.
  await sent?.waitForElementState('hidden');
  await page.locator('.notice.success', { hasText: `${decision.title}: gemt.` }).waitFor();
}

/** A row of a figures table (named by its caption): its head and its cells' text. */
export async function tableRow(page: Page, table: string, head: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: head, exact: true }) });
  return row.locator('th, td').allInnerTexts();
}
