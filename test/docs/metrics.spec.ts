import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ApiMetrics } from '../../libs/observability/metrics/api-metrics';
import { WorkerMetrics } from '../../libs/observability/metrics/worker-metrics';
import { codeSpans, tableStartingWith, where } from './markdown';

/**
 * docs/metrics.md's table against the registries the API and the worker serve: every metric they hold has
 * a row (a `family_*` row covers prom-client's defaults), and every row names one they hold, served where
 * the row says.
 */
const FILE = 'docs/metrics.md';

// Building the registries queries nothing: the read-model figures are counted only when scraped.
const served = {
  API: new ApiMetrics({} as INestApplication).registry,
  worker: new WorkerMetrics({} as DataSource).registry,
};

async function namesIn(registry: (typeof served)['API']): Promise<string[]> {
  return (await registry.getMetricsAsJSON()).map((metric) => metric.name);
}

describe(`${FILE} documents every metric the API and the worker serve`, () => {
  const table = tableStartingWith(FILE, 'metric');
  const rows = table.rows.map(({ line, cells }) => ({
    line,
    name: codeSpans(cells[0] ?? '')[0] ?? '',
    servedBy: (cells[3] ?? '').split(',').map((process) => process.trim()),
  }));
  const covers = (row: (typeof rows)[number], name: string) =>
    row.name.endsWith('*') ? name.startsWith(row.name.slice(0, -1)) : name === row.name;

  it('has the columns the check reads', () => {
    expect(table.header).toEqual(['metric', 'type', 'labels', 'served by', 'meaning']);
  });

  it.each(Object.keys(served) as (keyof typeof served)[])(
    'has a row saying %s for each metric it serves',
    async (process) => {
      const missing = (await namesIn(served[process]))
        .filter((name) => !rows.some((row) => covers(row, name) && row.servedBy.includes(process)))
        .map((name) => `${FILE}: no row for \`${name}\` served by ${process}`);
      expect(missing).toEqual([]);
    },
  );

  it('names in every row a metric served where it says', async () => {
    const stale: string[] = [];
    for (const row of rows) {
      for (const process of row.servedBy) {
        const registry = served[process as keyof typeof served];
        if (!registry) stale.push(`${where(FILE, row.line)}: "${process}" is neither API nor worker`);
        else if (!(await namesIn(registry)).some((name) => covers(row, name)))
          stale.push(`${where(FILE, row.line)}: ${process} serves no \`${row.name}\` — stale row?`);
      }
    }
    expect(stale).toEqual([]);
  });
});
