import fs from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../../libs/access/demo-users';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { codeSpans, documentationFiles, readRepoFile, ROOT, tableStartingWith, where } from './markdown';

/**
 * README.md and docs/ against the tree: the demo logins against DEMO_USERS, every relative link (and its
 * #heading) against the files, every path of docs/layout.md against the folders.
 */

/** GitHub's id of a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2, … */
function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const seen = counts.get(base) ?? 0;
    ids.add(seen ? `${base}-${seen}` : base);
    counts.set(base, seen + 1);
  }
  return ids;
}

describe('README.md and docs/ against the tree', () => {
  it("lists every demo user in README's demo logins, and no other", () => {
    const table = tableStartingWith('README.md', 'username');
    const documented = table.rows.flatMap(({ line, cells }) =>
      codeSpans(cells[0] ?? '').map((username) => ({ username, line })),
    );
    const usernames = DEMO_USERS.map((user) => user.username);
    const problems = [
      ...usernames
        .filter((username) => !documented.some((row) => row.username === username))
        .map((username) => `README.md: no demo login row for \`${username}\` (DEMO_USERS has it)`),
      ...documented
        .filter(({ username }) => !usernames.includes(username))
        .map(({ username, line }) => `${where('README.md', line)}: \`${username}\` is not a demo user (stale row)`),
    ];
    expect(problems).toEqual([]);
  });

  it('gives the demo password the code seeds', () => {
    const password = DEMO_SECRETS.demoUserPassword;
    expect(readRepoFile('README.md')).toContain(`all with the password \`${password}\``);
    expect(readRepoFile('docs/endpoints.md')).toContain(`"password":"${password}"`);
  });

  it('starts with npm install, npm start, npm test and npm run test:cluster, and the scripts exist', () => {
    const readme = readRepoFile('README.md');
    const block = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block
      .split('\n')
      .filter((line) => /^npm /.test(line))
      .map((line) => line.split('#')[0].trim());
    expect(commands).toEqual(['npm install', 'npm start', 'npm test', 'npm run test:cluster']);
    const scripts = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts;
    expect({
      start: Boolean(scripts.start),
      test: Boolean(scripts.test),
      cluster: Boolean(scripts['test:cluster']),
    }).toEqual({ start: true, test: true, cluster: true });
    // CI runs exactly the test commands README gives, in its order.
    const ciTests = readRepoFile('.ci/run')
      .split('\n')
      .filter((line) => /^npm (test|run test)/.test(line));
    expect(ciTests).toEqual(commands.filter((command) => /^npm (test|run test)/.test(command)));
  });

  it('links only to files and headings that exist', () => {
    const problems: string[] = [];
    for (const file of documentationFiles()) {
      const lines = readRepoFile(file).split('\n');
      let inFence = false;
      lines.forEach((line, index) => {
        if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
        if (inFence) return;
        for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = match[1];
          if (/^[a-z]+:/i.test(target)) continue; // http(s), mailto
          const [targetPath, anchor] = target.split('#');
          const resolved = targetPath ? path.resolve(ROOT, path.dirname(file), targetPath) : path.join(ROOT, file);
          const at = `${where(file, index + 1)}: link ${target}`;
          if (!resolved.startsWith(ROOT + path.sep) && resolved !== ROOT) continue; // outside the repository
          if (!fs.existsSync(resolved)) {
            problems.push(`${at}: no such file ${path.relative(ROOT, resolved)}`);
            continue;
          }
          if (anchor && resolved.endsWith('.md') && !headingIds(fs.readFileSync(resolved, 'utf-8')).has(anchor)) {
            problems.push(`${at}: ${path.relative(ROOT, resolved)} has no heading #${anchor}`);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('names in docs/layout.md only paths that exist', () => {
    const file = 'docs/layout.md';
    const lines = readRepoFile(file).split('\n');
    const start = lines.indexOf('```');
    const end = lines.indexOf('```', start + 1);
    if (start < 0 || end < 0) throw new Error(`${file}: the layout is no longer one fenced code block.`);
    const problems = lines
      .slice(start + 1, end)
      .map((line, index) => ({ line, number: start + 2 + index }))
      .filter(({ line }) => /^\S/.test(line))
      .map(({ line, number }) => ({ entry: line.split(/[\s,]/)[0], number }))
      .filter(({ entry }) => !fs.existsSync(path.join(ROOT, entry)))
      .map(({ entry, number }) => `${where(file, number)}: ${entry} does not exist`);
    expect(problems).toEqual([]);
  });
});
