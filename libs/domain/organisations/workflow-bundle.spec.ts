import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The workflow bundle holds no list of organisation units: the units are data (organisation_units), the
 * API checks the codes, and the workflows trust the codes they are given. This walks every relative import
 * reachable from the bundle's entry (workflows/index.ts) and refuses any module that reads or seeds the
 * units — the persistence layer (the directory, the migration with the seed lists) and the API.
 */
const ROOT = path.resolve(__dirname, '../../..');
const ENTRY = path.join(ROOT, 'workflows', 'index.ts');
const FORBIDDEN = [/^libs\/persistence\//, /^apps\//, /^activities\//];
/** Imports that reach the bundle: `import type` is erased by the compiler, so it is not followed. */
const IMPORT = /(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find(
    (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
  );
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('.')) continue;
      const resolved = resolveModule(file, specifier);
      if (resolved) pending.push(resolved);
    }
  }
  return seen;
}

describe('the workflow bundle', () => {
  const modules = [...reachable(ENTRY)].map((file) => path.relative(ROOT, file).split(path.sep).join('/'));

  it('is found by the walk (the entry and the case kernel it imports)', () => {
    expect(modules).toEqual(
      expect.arrayContaining([
        'workflows/index.ts',
        'workflows/case/case-decisions.ts',
        'libs/domain/exit-course/exit-course.decisions.ts',
      ]),
    );
  });

  it('imports nothing that reads or seeds the organisation units', () => {
    expect(modules.filter((module) => FORBIDDEN.some((pattern) => pattern.test(module)))).toEqual([]);
  });

  it('names no unit code in its code (units are data, not code)', () => {
    const unitCode = /['"](?:KF|POL|KOM)-[A-Z0-9-]+['"]/;
    expect(modules.filter((module) => unitCode.test(fs.readFileSync(path.join(ROOT, module), 'utf8')))).toEqual([]);
  });
});
