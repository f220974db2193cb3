import fs from 'node:fs';
import path from 'node:path';
import { codeSpans, ROOT, tableStartingWith, where } from './markdown';

/** docs/testing.md against the test projects of jest.config.js and the checks in test/docs/. */
const FILE = 'docs/testing.md';

function compare(kind: string, documented: { name: string; line: number }[], actual: string[]): string[] {
  return [
    ...actual
      .filter((name) => !documented.some((row) => row.name === name))
      .map((name) => `${FILE}: no row for ${kind} \`${name}\``),
    ...documented
      .filter((row) => !actual.includes(row.name))
      .map((row) => `${where(FILE, row.line)}: \`${row.name}\` is not a ${kind} (stale row)`),
  ];
}

describe(`${FILE} mirrors the tests`, () => {
  it.each([
    ['jest.config.js', 'project'],
    ['jest.cluster.config.js', 'cluster project'],
  ])("has one row per project of %s (the project's name first in the row)", (configFile, header) => {
    const config = require(path.join(ROOT, configFile)) as { projects: { displayName: string }[] };
    const projects = config.projects.map((project) => project.displayName);
    const rows = tableStartingWith(FILE, header).rows.map(({ line, cells }) => ({
      name: codeSpans(cells[0] ?? '')[0] ?? cells[0],
      line,
    }));
    expect(compare(`project of ${configFile}`, rows, projects)).toEqual([]);
  });

  it('has one row per check in test/docs/', () => {
    const specs = fs
      .readdirSync(path.join(ROOT, 'test', 'docs'))
      .filter((name) => name.endsWith('.spec.ts'))
      .sort();
    const rows = tableStartingWith(FILE, 'spec').rows.map(({ line, cells }) => ({
      name: codeSpans(cells[0] ?? '')[0] ?? cells[0],
      line,
    }));
    expect(compare('spec in test/docs/', rows, specs)).toEqual([]);
  });
});
