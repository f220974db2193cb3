import type { OpenAPIObject } from '@nestjs/swagger';
import { SLA_MEASURE_STEPS } from '../../apps/api/src/reports/sla-measures';
import { ENDING_NAMES, ENDINGS } from '../../libs/domain/case/ending-reasons';
import { codeSpans, tableStartingWith, where } from './markdown';
import { servedOpenApiDocument } from './openapi';

/**
 * docs/figures.md against the reports' code: the activity, the cohort and the youth figure tables against
 * the fields of the API's `ExitCourseFigures`, `CohortFigures` and `YouthFigures` answers (from the OpenAPI
 * document the API serves), the SLA measures against SLA_MEASURE_STEPS, and the reason codes of every ending
 * against ENDINGS.
 */
const FILE = 'docs/figures.md';
/** Per figure table: its first header, the schema it documents, and the row's identity (not figures). */
const FIGURE_TABLES = [
  { header: 'figure', schema: 'ExitCourseFigures', identity: ['unit', 'unitName'] },
  { header: 'cohort figure', schema: 'CohortFigures', identity: ['group', 'groupName'] },
  { header: 'youth figure', schema: 'YouthFigures', identity: ['unit', 'unitName', 'month'] },
];

describe(`${FILE} mirrors the reports`, () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await servedOpenApiDocument();
  });

  it.each(FIGURE_TABLES)(
    "has one row per figure of the API's $schema, and none for a field it does not have",
    ({ header, schema: name, identity }) => {
      const schema = document.components?.schemas?.[name] as { properties?: Record<string, unknown> };
      if (!schema?.properties) throw new Error(`The OpenAPI document has no ${name} schema any more.`);
      const fields = Object.keys(schema.properties).filter((field) => !identity.includes(field));
      const table = tableStartingWith(FILE, header);
      const documented = table.rows.flatMap(({ line, cells }) =>
        codeSpans(cells[0] ?? '').map((figure) => ({ figure, line })),
      );
      const problems = [
        ...fields
          .filter((field) => !documented.some(({ figure }) => figure === field))
          .map((field) => `${FILE}: no row for \`${field}\`, a figure of ${name}`),
        ...documented
          .filter(({ figure }) => !fields.includes(figure))
          .map(({ figure, line }) => `${where(FILE, line)}: \`${figure}\` is not a figure of ${name} (stale row)`),
      ];
      expect(problems).toEqual([]);
    },
  );

  it('has one row per SLA measure, with its steps and Danish label', () => {
    const table = tableStartingWith(FILE, 'measure');
    expect(table.header).toEqual(['measure', 'steps', 'deadline', 'label (Danish)']);
    const problems: string[] = [];
    const documented = new Set<string>();
    for (const { line, cells } of table.rows) {
      const measure = codeSpans(cells[0] ?? '')[0] ?? cells[0];
      documented.add(measure);
      const code = SLA_MEASURE_STEPS[measure as keyof typeof SLA_MEASURE_STEPS];
      const at = `${where(FILE, line)}: row \`${measure}\``;
      if (!code) {
        problems.push(`${at} is not a measure of SLA_MEASURE_STEPS (stale row)`);
        continue;
      }
      const steps = codeSpans(cells[1] ?? '')[0];
      if (steps !== code.stepKind)
        problems.push(`${at}: steps are \`${steps}\`, SLA_MEASURE_STEPS says \`${code.stepKind}\``);
      if (cells[3] !== code.label)
        problems.push(`${at}: label is "${cells[3]}", SLA_MEASURE_STEPS says "${code.label}"`);
    }
    for (const measure of Object.keys(SLA_MEASURE_STEPS)) {
      if (!documented.has(measure)) problems.push(`${FILE}: no row for SLA measure \`${measure}\``);
    }
    expect(problems).toEqual([]);
  });

  it("has one row per reason code of every ending, in the table's order, with its Danish label", () => {
    const table = tableStartingWith(FILE, 'ending');
    expect(table.header).toEqual(['ending', 'reason code', 'label (Danish)']);
    const documented = table.rows.map(({ cells }) => [
      codeSpans(cells[0] ?? '')[0],
      codeSpans(cells[1] ?? '')[0],
      cells[2],
    ]);
    const coded = ENDING_NAMES.flatMap((ending) =>
      Object.entries(ENDINGS[ending].reasons).map(([code, label]) => [ending, code, label]),
    );
    expect(documented).toEqual(coded);
  });
});
