import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeBuildId } from './code-build-id';

/** A tree like the project's: package.json and the code folders a worker runs. */
function codeTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exitflow-build-id-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ name: 'exitflow', version: '1.2.3' }));
  write('workflows/index.js', 'export {};');
  write('activities/read-model.activities.js', 'module.exports = {};');
  write('libs/domain/rules.js', 'module.exports = 1;');
  write('apps/worker/src/main.js', '');
  return root;
}

describe('codeBuildId', () => {
  const roots: string[] = [];
  const tree = () => {
    const root = codeTree();
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('is the package version and a hash: the same for two copies of the same code', () => {
    const id = codeBuildId(tree());
    expect(id).toMatch(/^1\.2\.3-[0-9a-f]{12}$/);
    expect(codeBuildId(tree())).toBe(id);
  });

  it('changes with any workflow, activity or library file, and with a file added or renamed', () => {
    const before = codeBuildId(tree());
    for (const change of [
      (root: string) => fs.appendFileSync(path.join(root, 'workflows/index.js'), ' '),
      (root: string) => fs.appendFileSync(path.join(root, 'activities/read-model.activities.js'), ' '),
      (root: string) => fs.appendFileSync(path.join(root, 'libs/domain/rules.js'), ' '),
      (root: string) => fs.writeFileSync(path.join(root, 'workflows/new.js'), ''),
      (root: string) => fs.renameSync(path.join(root, 'libs/domain/rules.js'), path.join(root, 'libs/domain/r.js')),
    ]) {
      const root = tree();
      change(root);
      expect(codeBuildId(root)).not.toBe(before);
    }
  });

  it('ignores what a worker does not run: unit tests, type declarations, other folders', () => {
    const before = codeBuildId(tree());
    const root = tree();
    fs.writeFileSync(path.join(root, 'libs/domain/rules.spec.ts'), 'it()');
    fs.writeFileSync(path.join(root, 'libs/domain/rules.d.ts'), 'export {};');
    fs.mkdirSync(path.join(root, 'docs'));
    fs.writeFileSync(path.join(root, 'docs/operations.md'), '# Operations');
    expect(codeBuildId(root)).toBe(before);
  });
});
