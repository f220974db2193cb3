/**
 * A plain printable PDF of text lines, in the standard Helvetica (every PDF reader has it, no font is
 * embedded) with WinAnsiEncoding, which holds the Danish letters æ, ø, å and the rest of Latin-1. Lines are
 * wrapped to the page width and flow onto new A4 pages. Uncompressed, so a test can read the text back.
 */
export interface PdfLine {
  text: string;
  style?: 'title' | 'heading' | 'text' | 'small';
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 50;
const SIZES: Record<NonNullable<PdfLine['style']>, number> = { title: 16, heading: 12, text: 10, small: 8 };
/** Helvetica's widest ordinary letters are about 0.6 em: wrapping by it never runs past the margin. */
const EM_PER_CHARACTER = 0.56;

/** The few characters outside Latin-1 that WinAnsiEncoding has, by their code there. */
const WIN_ANSI_EXTRAS: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

/** A PDF string literal's bytes: WinAnsi codes, `(`, `)` and `\` escaped; a character it lacks becomes `?`. */
function pdfString(text: string): Buffer {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    const byte =
      WIN_ANSI_EXTRAS[character] ?? (code >= 0x20 && code <= 0xff && (code < 0x7f || code >= 0xa0) ? code : 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  return Buffer.from([0x28, ...bytes, 0x29]);
}

/** Splits a line into pieces no wider than `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = text.replace(/\s+/g, ' ').trim();
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** The pages' content streams: each a list of text-showing operators, top to bottom. */
function layOut(lines: readonly PdfLine[]): Buffer[][] {
  const pages: Buffer[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const style = line.style ?? 'text';
    const size = SIZES[style];
    const font = style === 'title' || style === 'heading' ? 'F2' : 'F1';
    const width = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (size * EM_PER_CHARACTER));
    const leading = size * 1.35;
    if (style === 'heading' || style === 'title') y -= size * 0.6;
    for (const piece of wrap(line.text, width)) {
      if (y - leading < MARGIN) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= leading;
      pages[pages.length - 1].push(
        Buffer.concat([
          Buffer.from(`BT /${font} ${size} Tf ${MARGIN} ${y.toFixed(2)} Td `, 'latin1'),
          pdfString(piece),
          Buffer.from(' Tj ET\n', 'latin1'),
        ]),
      );
    }
  }
  return pages;
}

export function printablePdf(lines: readonly PdfLine[], title: string): Buffer {
  const pages = layOut(lines);
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pageTree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const info = add(Buffer.concat([Buffer.from('<< /Title ', 'latin1'), pdfString(title), Buffer.from(' >>')]));
  const pageIds = pages.map((content) => {
    const stream = Buffer.concat(content);
    const contents = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, 'latin1'),
        stream,
        Buffer.from('endstream'),
      ]),
    );
    return add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${contents} 0 R >>`,
    );
  });
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pageTree} 0 R >>`, 'latin1');
  objects[pageTree - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
    'latin1',
  );

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe6\xf8\xe5\xc6\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
