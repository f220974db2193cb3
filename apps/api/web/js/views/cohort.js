import { barChart, dataTable } from '../charts.js';
import { capitalised, formatNumber } from '../format.js';
import { html } from '../html.js';
import { query } from '../api.js';

/**
 * The cohort on Tal: the courses whose agreement was entered in the period, and what became of them as of
 * the report's date — a chart of their status, one per institution, the tables, and the definitions the
 * API serves with the figures (cohort-definitions.ts), so the page never words a figure differently.
 */

/** Where each course of the cohort stands: every course is in exactly one of these. */
const STATUS_ROWS = [
  'stillAtKriminalforsorgen',
  'interruptedByInmate',
  'interruptedByKriminalforsorgen',
  'handoverAwaitingDecision',
  'handoverClosedAtOnce',
  'runningWithPolice',
  'endedWithPolice',
];

const INSTITUTION_SERIES = [
  { key: 'agreementsEntered', className: 's1' },
  { key: 'handedOver', className: 's2' },
  { key: 'completed', className: 's3' },
  { key: 'droppedOut', className: 's4' },
  { key: 'interruptedByKriminalforsorgen', className: 's5' },
];

const labelOf = (report, figure) => report.definitions.find((definition) => definition.figure === figure)?.label;

export function cohortSection(report) {
  const { total } = report;
  // The referral sources only when there is more than one: otherwise their row is the total again.
  const groups = [
    total,
    ...report.byInstitution,
    ...(report.byReferralSource.length > 1 ? report.byReferralSource : []),
  ];
  const series = INSTITUTION_SERIES.map((serie) => ({ ...serie, label: labelOf(report, serie.key) }));
  const period = `${report.from} til ${report.to}, status pr. ${report.asOf}`;
  return html`<section class="panel" aria-labelledby="cohort-heading">
    <div class="panel-head">
      <h2 id="cohort-heading">Forløb med aftale indgået i perioden (kohorte)</h2>
      <button type="button" class="button" data-csv="exit-courses/cohort">Hent CSV</button>
    </div>
    <p class="section-lead">
      ${formatNumber(total.agreementsEntered)} exit-aftaler indgået ${report.from} til ${report.to} og deres status ved
      udgangen af ${report.asOf}.
      <a href="#/spoergsmaal-1903${query({ from: report.from, to: report.to, asOf: report.asOf })}"
        >Svar på spørgsmål 1903 for perioden</a
      >
    </p>
    ${
      total.agreementsEntered
        ? html`${barChart({
            id: 'chart-cohort-status',
            title: 'Kohortens forløb efter status',
            description: `Hvor kohortens forløb står, ${period}. Hvert forløb tælles ét sted.`,
            rows: STATUS_ROWS.map((figure) => ({ label: labelOf(report, figure), values: [total[figure]] })),
            series: [{ label: 'Forløb', className: 's1' }],
            format: (value) => formatNumber(value),
          })}
          ${barChart({
            id: 'chart-cohort-institutions',
            title: 'Kohorten pr. institution',
            description: `Aftaler, overdragne, gennemførte, frafaldne og af Kriminalforsorgen afbrudte forløb pr. institution, ${period}.`,
            rows: report.byInstitution.map((figures) => ({
              label: figures.groupName,
              values: series.map((serie) => figures[serie.key]),
            })),
            series,
            format: (value) => formatNumber(value),
          })}`
        : html`<p class="empty">Ingen exit-aftaler indgået i perioden.</p>`
    }
    <details class="table-alternative">
      <summary>Vis tallene som tabel</summary>
      ${dataTable({
        caption: 'Kohorten i alt, pr. institution og pr. henvisning',
        columns: ['Tal', ...groups.map((figures) => figures.groupName)],
        rows: report.definitions
          .filter((definition) => definition.figure in total)
          .map((definition) => [
            definition.label,
            ...groups.map((figures) => formatNumber(figures[definition.figure])),
          ]),
      })}
      ${dataTable({
        caption: 'Udfald hos politiet',
        columns: ['Udfald', 'Forløb'],
        rows: report.policeOutcomes.map((outcome) => [capitalised(outcome.label), formatNumber(outcome.count)]),
      })}
      ${dataTable({
        caption: 'Afbrudte forløb efter årsag',
        columns: ['Årsag', 'Afbrudt af den indsatte', 'Afbrudt af Kriminalforsorgen'],
        rows: report.interruptionReasons
          .filter((reason) => reason.by === 'inmate')
          .map((reason) => [
            capitalised(reason.label),
            formatNumber(reason.count),
            formatNumber(
              report.interruptionReasons.find(
                (other) => other.by === 'kriminalforsorgen' && other.reasonCode === reason.reasonCode,
              )?.count ?? 0,
            ),
          ]),
      })}
    </details>
    <div class="cohort-mentor">${mentorTable(report)}</div>
    <details class="definitions" open>
      <summary>Sådan er tallene opgjort</summary>
      <dl>
        ${report.definitions.map(
          (definition) =>
            html`<dt>${definition.label}</dt>
              <dd>${definition.definition}</dd>`,
        )}
      </dl>
    </details>
  </section>`;
}

function mentorTable(report) {
  const hours = (value) => formatNumber(value, 2);
  return dataTable({
    caption: 'Mentortimer pr. person',
    columns: [
      'Del',
      'Timer i alt',
      'Gns. pr. person med aftale',
      'Median pr. person med aftale',
      'Personer med kontakt',
      'Gns. pr. person med kontakt',
      'Median pr. person med kontakt',
    ],
    rows: report.mentorHours.map((part) => [
      part.label,
      hours(part.hoursTotal),
      hours(part.meanHoursPerAgreementHolder),
      hours(part.medianHoursPerAgreementHolder),
      formatNumber(part.personsWithContact),
      hours(part.meanHoursPerPersonWithContact),
      hours(part.medianHoursPerPersonWithContact),
    ]),
  });
}
