import {
  docxFile,
  EXECUTABLE_FILE,
  pdfFile,
  PNG_FILE,
  pptxFile,
  xlsxFile,
  zipFile,
} from '../../../../test/support/document-files';
import { attachmentDisposition, documentFormatOf, safeFileName } from './document-content';

describe('documentFormatOf reads the format from the bytes alone', () => {
  it.each([
    ['a PDF', pdfFile('Aftale'), 'pdf'],
    ['a PNG', PNG_FILE, 'png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'jpeg'],
    ['a docx', docxFile('Aftale'), 'docx'],
    ['an xlsx', xlsxFile(), 'xlsx'],
    ['a pptx', pptxFile(), 'pptx'],
  ])('%s', (_name, bytes, format) => {
    expect(documentFormatOf(bytes)).toBe(format);
  });

  it.each([
    ['an executable (MZ)', EXECUTABLE_FILE],
    ['an empty file', Buffer.alloc(0)],
    ['plain text', Buffer.from('%PD nearly a PDF')],
    ['an ordinary ZIP', zipFile({ 'notes.txt': 'hej' })],
    [
      'a ZIP naming a Word part it does not hold',
      zipFile({
        '[Content_Types].xml':
          '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      }),
    ],
    [
      'a macro-enabled Word file (docm)',
      zipFile({
        '[Content_Types].xml':
          '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        'word/document.xml': '<w:document/>',
      }),
    ],
    ['a truncated ZIP', docxFile('Aftale').subarray(0, 40)],
  ])('refuses %s', (_name, bytes) => {
    expect(documentFormatOf(bytes)).toBeUndefined();
  });
});

describe('the name a document is downloaded under', () => {
  it.each([
    ['aftale.pdf', 'pdf', 'aftale.pdf'],
    ['Exit-aftale underskrevet (2026).PDF', 'pdf', 'Exit-aftale underskrevet (2026).pdf'],
    ['billede.pdf', 'png', 'billede.png'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\kf\\aftale.pdf', 'pdf', 'aftale.pdf'],
    ['referat"; filename=x.exe', 'docx', 'referat__ filename_x.docx'],
    ['Møde på Åbenrå.docx', 'docx', 'Møde på Åbenrå.docx'],
    ['.pdf', 'pdf', 'dokument.pdf'],
  ] as const)('%s as %s → %s', (uploaded, format, expected) => {
    expect(safeFileName(uploaded, format)).toBe(expected);
  });

  it('offers it as an attachment, with an ASCII fallback and the name in UTF-8', () => {
    expect(attachmentDisposition('Møde på Åbenrå.docx')).toBe(
      `attachment; filename="M_de pa Abenra.docx"; filename*=UTF-8''M%C3%B8de%20p%C3%A5%20%C3%85benr%C3%A5.docx`,
    );
  });
});
