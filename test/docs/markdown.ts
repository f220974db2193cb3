import fs from 'node:fs';
import path from 'node:path';

/** The repository's root: every path in these checks is relative to it. */
export const ROOT = path.resolve(__dirname, '..', '..');

export function readRepoFile(relativePath: string): string {
  return fs.readFileSync(path.join(ROOT, relativePath), 'utf-8');
}

export interface TableRow {
  /** 1-based line number in the file, for messages that say where the row is. */
  line: number;
  cells: string[];
}

export interface MarkdownTable {
  file: string;
  /** 1-based line of the header row. */
  line: number;
  header: string[];
  rows: TableRow[];
}

/** A table row's cells; `\|` inside a cell is a literal pipe, not a separator. */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

const DELIMITER_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Every pipe table in a Markdown file (tables inside fenced code blocks are not tables). */
export function tablesIn(file: string): MarkdownTable[] {
  const lines = readRepoFile(file).split('\n');
  const tables: MarkdownTable[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) inFence = !inFence;
    if (inFence) continue;
    if (!lines[i].trim().startsWith('|') || !DELIMITER_ROW.test(lines[i + 1] ?? '')) continue;
    const table: MarkdownTable = { file, line: i + 1, header: cellsOf(lines[i]), rows: [] };
    let j = i + 2;
    for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      table.rows.push({ line: j + 1, cells: cellsOf(lines[j]) });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** The one table of the file whose first header cell is `firstHeader`; fails saying so if there is none. */
export function tableStartingWith(file: string, firstHeader: string): MarkdownTable {
  const matches = tablesIn(file).filter((table) => table.header[0] === firstHeader);
  if (matches.length !== 1) {
    throw new Error(
      `${file}: expected one table whose first column is headed "${firstHeader}", found ${matches.length}.`,
    );
  }
  return matches[0];
}

/** The contents of every `code span` in a piece of Markdown. */
export function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

/** `file:line`, the way every message here points at a row. */
export function where(file: string, line: number): string {
  return `${file}:${line}`;
}

/** The Markdown files these checks cover: README.md and everything in docs/. */
export function documentationFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}
