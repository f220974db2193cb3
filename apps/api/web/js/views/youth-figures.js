import { api, query } from '../api.js';
import { barChart, dataTable } from '../charts.js';
import { formatNumber, todayInDenmark } from '../format.js';
import { html, raw, render } from '../html.js';
import { unitChoices } from '../reference.js';
import { heading, notice, problemText } from './common.js';
import { downloadReport, monthName } from './figures.js';

/**
 * The youth figures per unit and month (GET /api/reports/youth): the months as charts, then a table per
 * unit with every figure per month, the CSV with the same numbers.
 */
const TITLE = 'Ungeområdet i tal';
const INTRO =
  'DKS-sager, bekymringssamtaler, netværkssamråd og bekymringsbreve pr. enhed og måned. Diagrammerne viser de vigtigste tal; tabellerne har dem alle.';

/** The bars per month and per unit: how many came in, and how far they got. */
const SERIES = [
  { key: 'youthsRegistered', label: 'Unge registreret', className: 's1' },
  { key: 'concernConversationsDecided', label: 'Bekymringssamtaler besluttet', className: 's2' },
  { key: 'concernConversationsHeld', label: 'Bekymringssamtaler holdt', className: 's3' },
  { key: 'councilsRegistered', label: 'Netværkssamråd registreret', className: 's4' },
  { key: 'concernLettersDelivered', label: 'Bekymringsbreve afleveret', className: 's5' },
];
/** The legal deadlines per month. */
const DEADLINE_SERIES = [
  { key: 'followUpsInTime', label: 'Opfølgningstjek inden for fristen', className: 's1' },
  { key: 'followUpsLate', label: 'Opfølgningstjek efter fristen', className: 's2' },
  { key: 'followUpsOpenPastDue', label: 'Opfølgningstjek åbne med overskredet frist', className: 's3' },
  { key: 'councilsConvenedInTime', label: 'Netværkssamråd indkaldt inden for fristen', className: 's4' },
  { key: 'councilsConvenedLate', label: 'Netværkssamråd indkaldt efter fristen', className: 's5' },
];

const thisMonth = () => todayInDenmark().slice(0, 7);

function periodForm(from, to, unit, units) {
  return html`<form class="filters period" aria-label="Periode og enhed">
    <div class="field">
      <label for="youth-from">Fra og med måned</label
      ><input id="youth-from" name="from" type="month" value="${from}" required />
    </div>
    <div class="field">
      <label for="youth-to">Til og med måned</label
      ><input id="youth-to" name="to" type="month" value="${to}" required />
    </div>
    <div class="field">
      <label for="youth-unit">Enhed</label>
      <select id="youth-unit" name="unit">
        <option value="">Alle mine enheder</option>
        ${units.map(
          ([code, name]) => html`<option value="${code}" ${code === unit ? raw(' selected') : ''}>${name}</option>`,
        )}
      </select>
    </div>
    <div class="filter-actions"><button type="submit" class="button primary">Vis</button></div>
  </form>`;
}

const period = (report) => `${monthName(report.from)} til ${monthName(report.to)}`;

function chartsSection(report) {
  const months = report.monthTotals;
  return html`<section class="panel" aria-labelledby="youth-months-heading">
    <div class="panel-head">
      <h2 id="youth-months-heading">Pr. måned</h2>
      <button type="button" class="button" data-csv>Hent CSV</button>
    </div>
    ${barChart({
      id: 'chart-youth-months',
      title: 'Unge, bekymringssamtaler, netværkssamråd og bekymringsbreve pr. måned',
      description: `${SERIES.map((serie) => serie.label).join(', ')} pr. måned, ${period(report)}.`,
      rows: months.map((row) => ({ label: monthName(row.month), values: SERIES.map((serie) => row[serie.key]) })),
      series: SERIES,
      format: (value) => formatNumber(value),
    })}
    <h3 id="youth-deadlines-heading">Frister pr. måned</h3>
    ${barChart({
      id: 'chart-youth-deadlines',
      title: 'Opfølgningstjek og indkaldte netværkssamråd pr. måned',
      description: `Opfølgningstjek og netværkssamråd inden for og efter fristen pr. måned for fristen, ${period(report)}.`,
      rows: months.map((row) => ({
        label: monthName(row.month),
        values: DEADLINE_SERIES.map((serie) => row[serie.key]),
      })),
      series: DEADLINE_SERIES,
      format: (value) => formatNumber(value),
    })}
    ${
      report.unitTotals.length > 1
        ? html`<h3 id="youth-units-heading">Pr. enhed, hele perioden</h3>
            ${barChart({
              id: 'chart-youth-units',
              title: 'Unge, bekymringssamtaler, netværkssamråd og bekymringsbreve pr. enhed',
              description: `${SERIES.map((serie) => serie.label).join(', ')} pr. enhed, ${period(report)}.`,
              rows: report.unitTotals.map((row) => ({
                label: row.unitName,
                values: SERIES.map((serie) => row[serie.key]),
              })),
              series: SERIES,
              format: (value) => formatNumber(value),
            })}`
        : ''
    }
  </section>`;
}

/**
 * One table per group (all units, then each unit): a row per figure, a column per month and the whole
 * period — thirty figures read down, the months across.
 */
function unitTable(caption, months, byMonth, wholePeriod, measures) {
  return dataTable({
    caption,
    scrolls: true,
    columns: ['Tal', ...months.map(monthName), 'Hele perioden'],
    rows: measures.map(({ measure, label }) => [
      label,
      ...months.map((month) => formatNumber(byMonth.get(month)?.[measure] ?? 0)),
      formatNumber(wholePeriod[measure]),
    ]),
  });
}

function tablesSection(report) {
  const months = report.monthTotals.map((row) => row.month);
  const totals = new Map(report.monthTotals.map((row) => [row.month, row]));
  const perUnit = report.unitTotals.map((unitTotal) => ({
    unitTotal,
    byMonth: new Map(report.rows.filter((row) => row.unit === unitTotal.unit).map((row) => [row.month, row])),
  }));
  // A figure nothing counted in the whole period (the municipality's councils for the police) is left out.
  const measures = report.measures.filter(({ measure }) => report.total[measure] > 0);
  return html`<section class="panel" aria-labelledby="youth-tables-heading">
    <div class="panel-head"><h2 id="youth-tables-heading">Tal pr. enhed og måned</h2></div>
    ${
      report.unitTotals.length
        ? html`<p class="section-lead">Tal, der er 0 i hele perioden, er udeladt; CSV-filen har dem alle.</p>
            <div class="youth-tables">
              ${report.unitTotals.length > 1 ? unitTable('Alle enheder', months, totals, report.total, measures) : ''}
              ${perUnit.map(({ unitTotal, byMonth }) =>
                unitTable(unitTotal.unitName, months, byMonth, unitTotal, measures),
              )}
            </div>`
        : html`<p class="empty">Ingen sager på ungeområdet i perioden.</p>`
    }
  </section>`;
}

export async function youthFiguresView(root, { params, user }) {
  const to = params.get('to') ?? thisMonth();
  const from = params.get('from') ?? `${to.slice(0, 4)}-01`;
  const unit = params.get('unit') ?? '';
  const units = unitChoices([user.organisation]).filter(
    ([code]) => user.role === 'national_supervisor' || user.units.includes(code),
  );
  let body;
  try {
    const report = await api.get(`/api/reports/youth${query({ from, to, unit })}`);
    body = html`${chartsSection(report)}${tablesSection(report)}`;
  } catch (problem) {
    body = notice('error', `Tallene kunne ikke hentes: ${problemText(problem)}`);
  }
  render(
    root,
    html`${heading(TITLE, INTRO)}${periodForm(from, to, unit, units)}
      <div class="figures">${body}</div>`,
  );
  root.querySelector('form.period').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/ungeomraadet${query(Object.fromEntries(new FormData(event.target)))}`;
  });
  root
    .querySelector('[data-csv]')
    ?.addEventListener('click', (event) =>
      downloadReport(
        event.currentTarget,
        `/api/reports/youth${query({ from, to, unit, format: 'csv' })}`,
        `ungeomraadet-${from}-${to}.csv`,
      ),
    );
}
