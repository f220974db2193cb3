import { STEP_KINDS, type StepKind } from '../../libs/domain/case/step-kinds';
import { codeSpans, tableStartingWith, where } from './markdown';

/**
 * docs/step-kinds.md's table against STEP_KINDS (the one table of labels, whose turn and warning windows):
 * one row per kind, and every column as the code says it.
 */
const FILE = 'docs/step-kinds.md';

/** How the docs write a warning window: whole days as days, anything else as hours. */
function windowText(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

interface DocumentedKind {
  line: number;
  kind: string;
  label: string;
  caseType: string | undefined;
  role: string | undefined;
  unit: string | undefined;
  warning: string;
}

function documentedKinds(): DocumentedKind[] {
  const table = tableStartingWith(FILE, 'kind');
  const expectedHeader = ['kind', 'step (Danish label)', 'case type', 'whose turn', 'warning before the deadline'];
  expect(table.header.slice(0, expectedHeader.length)).toEqual(expectedHeader);
  return table.rows.map(({ line, cells }) => {
    const [role, unit] = codeSpans(cells[3] ?? '');
    return {
      line,
      kind: codeSpans(cells[0] ?? '')[0] ?? cells[0],
      label: cells[1] ?? '',
      caseType: codeSpans(cells[2] ?? '')[0],
      role,
      unit,
      warning: cells[4] ?? '',
    };
  });
}

const KINDS = Object.keys(STEP_KINDS) as StepKind[];

describe(`${FILE} mirrors STEP_KINDS (libs/domain/case/step-kinds.ts)`, () => {
  const rows = documentedKinds();

  it('has a row for every step kind', () => {
    const documented = new Set(rows.map((row) => row.kind));
    const missing = KINDS.filter((kind) => !documented.has(kind)).map((kind) => {
      const step = STEP_KINDS[kind];
      return (
        `${FILE}: no row for step kind \`${kind}\`; add | \`${kind}\` | ${step.label} | \`${step.caseType}\` | ` +
        `\`${step.responsibleRole}\` at \`${step.responsibleUnit}\`: … | ${windowText(step.warningHours)} | |`
      );
    });
    expect(missing).toEqual([]);
  });

  it('has no row for a step kind the code does not have, and none twice', () => {
    const seen = new Map<string, number>();
    const problems: string[] = [];
    for (const row of rows) {
      if (!(KINDS as string[]).includes(row.kind)) {
        problems.push(`${where(FILE, row.line)}: row \`${row.kind}\` is not a step kind in STEP_KINDS (stale row)`);
      }
      if (seen.has(row.kind)) {
        problems.push(`${where(FILE, row.line)}: row \`${row.kind}\` repeats line ${seen.get(row.kind)}`);
      }
      seen.set(row.kind, row.line);
    }
    expect(problems).toEqual([]);
  });

  it('says for every kind what the code says: Danish label, case type, role, unit and warning window', () => {
    const problems: string[] = [];
    for (const row of rows) {
      if (!(KINDS as string[]).includes(row.kind)) continue;
      const step = STEP_KINDS[row.kind as StepKind];
      const at = `${where(FILE, row.line)}: row \`${row.kind}\``;
      const compare = (column: string, documented: string | undefined, code: string) => {
        if (documented !== code) problems.push(`${at}: ${column} is "${documented ?? ''}", STEP_KINDS says "${code}"`);
      };
      compare('label', row.label, step.label);
      compare('case type', row.caseType, step.caseType);
      compare('role', row.role, step.responsibleRole);
      compare('unit', row.unit, step.responsibleUnit);
      if (row.warning !== windowText(step.warningHours)) {
        problems.push(
          `${at}: warning is "${row.warning}", STEP_KINDS says warningHours ${step.warningHours} ` +
            `(write "${windowText(step.warningHours)}")`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
