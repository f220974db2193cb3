import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { logIn } from '../support/browser';
import { useBrowserSuiteWithOwnDatabase } from '../support/browser-suite';
import { checkView, danishLocal } from '../support/browser-pages';
import { startStorstroemCourse } from '../support/exit-course-fixtures';
import { EXECUTABLE_FILE, pdfFile } from '../support/document-files';
import type { SystemUnderTest } from '../support/system-under-test';

/**
 * The case journal and documents on the case page, as a KF caseworker uses them: a note and its correction
 * in the timeline, a PDF uploaded and downloaded byte for byte, and a renamed executable refused with the
 * server's message on the page. The page passes axe-core and fits 1280 px and 375 px.
 *
 * A database of its own: nothing else writes to this suite's cases.
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
  await logIn(page, 'kf.storstroem');
  await page.goto(`${sut.baseUrl}/#/sag/exit-courses/${caseId}`);
  await page.locator('h1', { hasText: 'Exit-forløb: afventer egnethedsvurdering' }).waitFor();
}

it('writes a note and its correction, and shows both in the timeline, the correction pointing at the note', async () => {
  await openCase();
  const form = page.locator('form#journal-note');
  await form.getByLabel('Art').selectOption({ label: 'telefon' });
  await form.getByLabel('Tidspunkt').fill(danishLocal(2));
  await form.getByLabel('Tekst').fill('Samtale med kommunen om bolig efter løsladelsen.');
  await form.getByRole('button', { name: 'Gem notat' }).click();
  await page.locator('.notice.success', { hasText: 'Notatet er gemt.' }).waitFor();
  const original = page.locator('.timeline .event-note', { hasText: 'Samtale med kommunen om bolig' });
  await original.getByText('Notat (telefon)').waitFor();

  await original.getByRole('button', { name: 'Ret' }).click();
  const correction = page.locator('form#journal-note');
  await page.getByRole('heading', { name: 'Ret notat' }).waitFor();
  expect(await correction.getByLabel('Tekst').inputValue()).toBe('Samtale med kommunen om bolig efter løsladelsen.');
  await correction.getByLabel('Tekst').fill('Rettelse: samtalen var med jobcentret, ikke kommunen.');
  await correction.getByRole('button', { name: 'Gem rettelsen' }).click();
  await page.locator('.notice.success', { hasText: 'Rettelsen er gemt som et nyt notat.' }).waitFor();

  const notes = page.locator('.timeline .event-note');
  expect(await notes.count()).toBe(2);
  const corrected = page.locator('.timeline .event-note', { hasText: 'Rettelse: samtalen var med jobcentret' });
  await corrected.getByText('Rettelse til notat (telefon)').waitFor();
  expect(await corrected.locator('.note-corrects').innerText()).toContain('Retter notatet fra ' /* its moment */);
  expect(await corrected.locator('.note-corrects q').innerText()).toBe(
    'Samtale med kommunen om bolig efter løsladelsen.',
  );
  await page.locator('.timeline .event-note.is-corrected', { hasText: 'Samtale med kommunen om bolig' }).waitFor();
  await checkView(page, '60-kf-case-journal');
});

it('uploads a PDF and downloads the same bytes, and refuses a renamed executable with the message on the page', async () => {
  await openCase();
  const bytes = pdfFile('Exit-aftale underskrevet');
  const form = page.locator('form#document-upload');
  await form.getByLabel('Dokumenttype').selectOption({ label: 'exit-aftale' });
  await form.getByLabel('Fil').setInputFiles({ name: 'Exit-aftale.pdf', mimeType: 'application/pdf', buffer: bytes });
  await form.getByRole('button', { name: 'Læg på sagen' }).click();
  await page.locator('.notice.success', { hasText: 'Dokumentet er lagt på sagen.' }).waitFor();
  const row = page.locator('table.documents tbody tr', { hasText: 'Exit-aftale.pdf' });
  await row.getByRole('cell', { name: 'exit-aftale', exact: true }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: /Hent Exit-aftale\.pdf/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Exit-aftale.pdf');
  expect(fs.readFileSync((await download.path())!).equals(bytes)).toBe(true);

  const again = page.locator('form#document-upload');
  await again.getByLabel('Dokumenttype').selectOption({ label: 'exit-aftale' });
  await again
    .getByLabel('Fil')
    .setInputFiles({ name: 'aftale.pdf', mimeType: 'application/pdf', buffer: EXECUTABLE_FILE });
  await again.getByRole('button', { name: 'Læg på sagen' }).click();
  await again
    .locator('.form-problem', {
      hasText:
        'Filen kan ikke lægges på sagen: indholdet er ikke PDF, PNG-billede, JPEG-billede, Word-dokument (docx), Excel-regneark (xlsx) eller PowerPoint-præsentation (pptx).',
    })
    .waitFor();
  expect(await page.locator('table.documents tbody tr').count()).toBe(1);
  await checkView(page, '61-kf-case-documents');
});
