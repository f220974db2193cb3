import { printablePdf, wrap } from './printable-pdf';

/** The text a PDF shows, read back from its (uncompressed) `(…) Tj` operators, decoded as WinAnsi/Latin-1. */
function shownText(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((match) => match[1].replace(/\\(.)/g, '$1'));
}

describe('printablePdf', () => {
  it('is a PDF whose cross-reference table points at each object', () => {
    const pdf = printablePdf([{ text: 'Indsigt', style: 'title' }], 'Indsigt');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj\n`)).toBe(true));
  });

  it('writes the Danish letters in WinAnsi (Latin-1) bytes, escapes parentheses, and replaces what it lacks', () => {
    const pdf = printablePdf([{ text: 'Søren Ærø på Åløkke (§ 15) – 3 \\ 4 ✓' }], 'x');
    expect(shownText(pdf)).toEqual(['Søren Ærø på Åløkke (§ 15) \x96 3 \\ 4 ?']);
  });

  it('wraps long lines at spaces and flows onto further pages', () => {
    expect(wrap('en to tre fire fem', 8)).toEqual(['en to', 'tre fire', 'fem']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const lines = Array.from({ length: 200 }, (_, index) => ({ text: `Linje ${index + 1}` }));
    const pdf = printablePdf(lines, 'x');
    expect(shownText(pdf)).toEqual(lines.map((line) => line.text));
    expect(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]).toBe('4');
  });
});
