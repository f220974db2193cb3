import { api, download, query } from '../api.js';
import { barChart, dataTable } from '../charts.js';
import { capitalised, formatNumber, formatShare, todayInDenmark } from '../format.js';
import { html, render } from '../html.js';
import { heading, notice, problemText } from './common.js';
import { cohortSection } from './cohort.js';

/** Figures per period (reports API): exit courses per institution and deadlines kept, as charts and tables. */
const TITLE = 'Tal';
const INTRO =
  'Aktivitet i perioden, forløbene med aftale indgået i perioden (kohorten), afslutninger efter årsag og overholdte frister. Hvert diagram har en tabel med de samme tal.';

/** The bars: how the period's agreements went. */
const COURSE_SERIES = [
  { key: 'agreementsEntered', label: 'Aftaler indgået', className: 's1' },
  { key: 'handedOver', label: 'Overdraget til politiet', className: 's2' },
  { key: 'interruptedByInmate', label: 'Afbrudt af den indsatte', className: 's3' },
  { key: 'interruptedByKriminalforsorgen', label: 'Afbrudt af Kriminalforsorgen', className: 's4' },
  { key: 'stillOpen', label: 'Stadig åbne', className: 's5' },
];
/** The table has every figure the API gives, in the CSV's order. */
const TABLE_COLUMNS = [
  ['agreementsEntered', 'Aftaler indgået'],
  ['personsWithAgreement', 'Personer med aftale'],
  ['handedOver', 'Overdraget til politiet'],
  ['continuedByPolice', 'Videreført af politiet'],
  ['interruptedByInmate', 'Afbrudt af den indsatte'],
  ['interruptedByKriminalforsorgen', 'Afbrudt af Kriminalforsorgen'],
  ['rejected', 'Afslag'],
  ['stillOpen', 'Stadig åbne'],
  ['personsWithMoreThanOneAgreement', 'Personer med flere aftaler'],
  ['mentorHoursTotal', 'Mentortimer i alt', 1],
  ['mentorPersons', 'Personer med mentorkontakt'],
  ['mentorHoursMeanPerPerson', 'Gns. timer pr. person med kontakt', 1],
  ['mentorHoursMedianPerPerson', 'Median timer pr. person med kontakt', 1],
];

function exitCourseSection(report) {
  const rows = [...report.institutions, { ...report.total, unitName: 'I alt' }];
  return html`<section class="panel" aria-labelledby="courses-heading">
    <div class="panel-head">
      <h2 id="courses-heading">Aktivitet i perioden</h2>
      <button type="button" class="button" data-csv="exit-courses">Hent CSV</button>
    </div>
    <p class="section-lead">
      Hændelser i perioden pr. institution: aftaler indgået, overdragelser og afbrydelser i perioden, uanset hvornår
      forløbet begyndte. Hvad der er blevet af periodens aftaler, viser kohorten nedenfor.
    </p>
    ${
      report.institutions.length
        ? barChart({
            id: 'chart-courses',
            title: 'Aktivitet i perioden pr. institution',
            description: `Aftaler indgået, overdraget, afbrudt af den indsatte og af Kriminalforsorgen, og stadig åbne pr. institution, ${report.from} til ${report.to}.`,
            rows: report.institutions.map((figures) => ({
              label: figures.unitName,
              values: COURSE_SERIES.map((serie) => figures[serie.key]),
            })),
            series: COURSE_SERIES,
            format: (value) => formatNumber(value),
          })
        : html`<p class="empty">Ingen exit-forløb i perioden.</p>`
    }
    <details class="table-alternative">
      <summary>Vis tallene som tabel</summary>
      ${dataTable({
        caption: 'Aktivitet i perioden pr. institution',
        // One row per figure, one column per institution and the total: thirteen figures read down, not across.
        columns: ['Tal', ...rows.map((figures) => figures.unitName)],
        rows: TABLE_COLUMNS.map(([key, label, digits]) => [
          label,
          ...rows.map((figures) => formatNumber(figures[key], digits ?? 0)),
        ]),
      })}
    </details>
  </section>`;
}

/**
 * The period's endings (and declined handovers) per reason code: one table per ending that happened, every
 * code of its list with its count, and the total.
 */
function endingReasonsSection(report) {
  const happened = report.endings.filter((ending) => ending.total > 0);
  return html`<section class="panel" aria-labelledby="reasons-heading">
    <div class="panel-head">
      <h2 id="reasons-heading">Afslutninger efter årsag</h2>
      <button type="button" class="button" data-csv="ending-reasons">Hent CSV</button>
    </div>
    ${
      happened.length
        ? html`<div class="ending-reasons">
            ${happened.map((ending) =>
              dataTable({
                caption: `${ending.label} (${formatNumber(ending.total)})`,
                columns: ['Årsag', 'Antal'],
                rows: [
                  ...ending.reasons.map((reason) => [capitalised(reason.label), formatNumber(reason.count)]),
                  ['I alt', formatNumber(ending.total)],
                ],
              }),
            )}
          </div>`
        : html`<p class="empty">Ingen afslutninger i perioden.</p>`
    }
  </section>`;
}

/** Share within the deadline per measure, over the whole period (all units and months added up). */
function slaTotals(rows) {
  const byMeasure = new Map();
  for (const row of rows) {
    const sum = byMeasure.get(row.measure) ?? { label: row.label, total: 0, withinDeadline: 0 };
    sum.total += row.total;
    sum.withinDeadline += row.withinDeadline;
    byMeasure.set(row.measure, sum);
  }
  return [...byMeasure.values()].map((sum) => ({ ...sum, share: sum.total ? sum.withinDeadline / sum.total : null }));
}

function slaSection(report) {
  const totals = slaTotals(report.rows);
  return html`<section class="panel" aria-labelledby="sla-heading">
    <div class="panel-head">
      <h2 id="sla-heading">Frister overholdt</h2>
      <button type="button" class="button" data-csv="sla">Hent CSV</button>
    </div>
    ${
      totals.length
        ? barChart({
            id: 'chart-sla',
            title: 'Andel overholdte frister pr. frist',
            description: `Andel af trin afsluttet inden fristen, ${report.from} til ${report.to}.`,
            rows: totals.map((sum) => ({
              label: `${sum.label} (${sum.withinDeadline} af ${sum.total})`,
              values: [sum.share === null ? null : sum.share * 100],
            })),
            series: [{ label: 'Andel inden fristen', className: 's1' }],
            format: (value) => `${formatNumber(value)} %`,
            max: 100,
          })
        : html`<p class="empty">Ingen frister i perioden.</p>`
    }
    <details class="table-alternative">
      <summary>Vis tallene som tabel (pr. enhed og måned)</summary>
      ${dataTable({
        caption: 'Frister overholdt pr. enhed og måned',
        columns: ['Frist', 'Enhed', 'Måned', 'I alt', 'Inden fristen', 'Andel'],
        rows: report.rows.map((row) => [
          row.label,
          row.unitName,
          monthName(row.month),
          formatNumber(row.total),
          formatNumber(row.withinDeadline),
          formatShare(row.share),
        ]),
      })}
    </details>
    ${missedReasons(report.missedReasons ?? [])}
  </section>`;
}

/** Why legal deadlines were missed, as the caseworkers recorded it on the steps: counted per deadline. */
function missedReasons(rows) {
  return html`<div class="missed-reasons">
    <h3 id="missed-reasons-heading">Årsager til overskredne lovbundne frister</h3>
    ${
      rows.length
        ? dataTable({
            caption: 'Årsager til overskredne lovbundne frister pr. frist',
            columns: ['Frist', 'Årsag', 'Antal'],
            rows: rows.map((row) => [row.label, row.reasonText, formatNumber(row.count)]),
          })
        : html`<p class="empty">Ingen årsager registreret i perioden.</p>`
    }
  </div>`;
}

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2026-11` as `november 2026`. */
export function monthName(month) {
  const [year, number] = month.split('-');
  return `${MONTHS[Number(number) - 1] ?? number} ${year}`;
}

/** The period, and the day the cohort is made up as of (empty: today). */
export function periodForm(from, to, asOf) {
  return html`<form class="filters period" aria-label="Periode">
    <div class="field">
      <label for="period-from">Fra og med</label><input id="period-from" name="from" type="date" value="${from}" />
    </div>
    <div class="field">
      <label for="period-to">Til og med</label><input id="period-to" name="to" type="date" value="${to}" />
    </div>
    <div class="field">
      <label for="period-as-of">Opgørelsesdato</label
      ><input id="period-as-of" name="asOf" type="date" value="${asOf ?? ''}" aria-describedby="period-as-of-help" />
      <span class="hint" id="period-as-of-help">Kohortens status ved dagens slutning; tom: i dag.</span>
    </div>
    <div class="filter-actions"><button type="submit" class="button primary">Vis</button></div>
  </form>`;
}

/** A report's download, under the server's file name; a problem is shown beside the button. */
export async function downloadReport(button, path, fallbackName) {
  button.parentElement.querySelector('[data-csv-problem]')?.remove();
  try {
    await download(path, fallbackName);
  } catch (problem) {
    const message = Object.assign(document.createElement('span'), {
      className: 'field-error',
      textContent: problem.message,
      role: 'alert',
    });
    message.dataset.csvProblem = '';
    button.insertAdjacentElement('afterend', message);
  }
}

/**
 * Which figures an organisation works with: exit courses (Kriminalforsorgen, and the police exit units they
 * are handed to); deadlines kept (the institutions' exit-course deadlines, the youth cases' deadlines).
 */
const SECTIONS = {
  kriminalforsorgen: { courses: true, sla: true },
  politi: { courses: true, sla: true },
  kommune: { courses: false, sla: true },
};

export async function figuresView(root, { params, user }) {
  const shown = SECTIONS[user.organisation] ?? { courses: true, sla: true };
  const to = params.get('to') ?? todayInDenmark();
  const from = params.get('from') ?? `${to.slice(0, 4)}-01-01`;
  const asOf = params.get('asOf') ?? '';
  const period = query({ from, to });
  let sections;
  try {
    const [courses, cohort, reasons, sla] = await Promise.all([
      shown.courses ? api.get(`/api/reports/exit-courses${period}`) : null,
      shown.courses ? api.get(`/api/reports/exit-courses/cohort${query({ from, to, asOf })}`) : null,
      api.get(`/api/reports/ending-reasons${period}`),
      shown.sla ? api.get(`/api/reports/sla${period}`) : null,
    ]);
    sections = html`${courses ? exitCourseSection(courses) : ''}${cohort ? cohortSection(cohort) : ''}${endingReasonsSection(
      reasons,
    )}${sla ? slaSection(sla) : ''}`;
  } catch (problem) {
    sections = notice('error', `Tallene kunne ikke hentes: ${problemText(problem)}`);
  }
  render(
    root,
    html`${heading(TITLE, INTRO)}${periodForm(from, to, asOf)}
      <div class="figures">${sections}</div>`,
  );
  root.querySelector('form.period').addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target));
    location.hash = `#/tal${query(values)}`;
  });
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-csv]');
    if (!button) return;
    const report = button.dataset.csv;
    const withAsOf = report === 'exit-courses/cohort' ? { asOf } : {};
    await downloadReport(
      button,
      `/api/reports/${report}${query({ from, to, ...withAsOf, format: 'csv' })}`,
      `${report.replace('/', '-')}-${from}-${to}.csv`,
    );
  });
}
