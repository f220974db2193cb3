import { api, query } from '../api.js';
import { formatDate, formatDateTime } from '../format.js';
import { html, raw, render } from '../html.js';
import { caseTypeChoices, organisationChoices, stepKindChoices, unitName } from '../reference.js';
import { assigneeChoices, assigneeText, colleagues } from './assignment.js';
import { caseHref, deadlineState, heading, notice, pager, problemText } from './common.js';

/**
 * Lists of open steps from the steps API: the caseworker's own (`/mine`), the supervisor's overdue
 * board (`/overdue`) and what is due soon (`/due-soon`), with filters, sorting, pages and counts per unit.
 */
const SORTS = [
  ['dueAt', 'Frist'],
  ['lateness', 'Forsinkelse'],
  ['unit', 'Enhed'],
  ['kind', 'Trin'],
];
const PAGE_SIZE = 25;

function stepsTable(items, caption) {
  return html`<div class="table-wrap">
    <table class="steps stack">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Trin</th>
          <th scope="col">Sag</th>
          <th scope="col">Hvis tur</th>
          <th scope="col">Ansvarlig</th>
          <th scope="col">Frist</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (step) =>
            html`<tr class="${step.overdue ? 'is-overdue' : ''}" data-step-id="${step.stepId}">
              <th scope="row"><a href="${caseHref(step.casePath)}">${step.label}</a></th>
              <td class="nowrap" data-label="Sag">
                ${step.caseTypeLabel}<span class="case-ref muted small"
                  >sag ${step.caseId.slice(0, 8)} · åbnet ${formatDate(step.openedAt)}</span
                >
              </td>
              <td class="whose-turn" data-label="Hvis tur">${step.whoseTurn}</td>
              <td class="assignee" data-label="Ansvarlig">${assigneeText(step.assignee)}</td>
              <td class="nowrap" data-label="Frist">${formatDateTime(step.dueAt)}</td>
              <td class="state" data-label="Status">${deadlineState(step)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

const options = (list, selected, empty) =>
  html`<option value="">${empty}</option>
    ${list.map(([value, label]) => html`<option value="${value}" ${value === selected ? raw(' selected') : ''}>${label}</option>`)}`;

function select(name, label, list, params, empty = 'Alle') {
  return html`<div class="field">
    <label for="filter-${name}">${label}</label>
    <select id="filter-${name}" name="${name}">
      ${options(list, params.get(name) ?? '', empty)}
    </select>
  </div>`;
}

function filterForm(route, params, units, overdue, assignees) {
  const kinds = stepKindChoices(params.get('caseType'));
  const number = (name, label) =>
    html`<div class="field">
      <label for="filter-${name}">${label}</label>
      <input
        id="filter-${name}"
        name="${name}"
        type="text"
        inputmode="numeric"
        value="${params.get(name) ?? ''}"
        aria-describedby="filter-hours-hint"
      />
    </div>`;
  return html`<form class="filters" data-route="${route}" aria-label="Filtre">
    ${select('organisation', 'Organisation', organisationChoices(), params)} ${select('unit', 'Enhed', units, params)}
    ${select('caseType', 'Sagstype', caseTypeChoices(), params)} ${select('kind', 'Trin', kinds, params)}
    ${select('assignee', 'Ansvarlig', assignees, params)}
    ${overdue ? [number('minLatenessHours', 'Mindst timer for sent'), number('maxLatenessHours', 'Højst timer for sent')] : ''}
    ${select('sort', 'Sortér efter', SORTS, params, 'Standard')}
    ${select(
      'order',
      'Rækkefølge',
      [
        ['asc', 'Stigende'],
        ['desc', 'Faldende'],
      ],
      params,
      'Standard',
    )}
    <div class="filter-actions">
      <button type="submit" class="button primary">Vis</button>
      <a class="button quiet" href="#/${route}">Nulstil</a>
    </div>
    ${overdue ? html`<p class="hint" id="filter-hours-hint">Timer for sent: hele timer efter fristen.</p>` : ''}
  </form>`;
}

function unitCounts(route, counts, params) {
  if (!counts?.length) return '';
  return html`<section class="unit-counts" aria-labelledby="unit-counts-heading">
    <h2 id="unit-counts-heading">Pr. enhed</h2>
    <ul>
      ${counts.map(
        (row) =>
          html`<li>
            <a
              href="#/${route}${query({ ...Object.fromEntries(params), unit: row.unit, page: '' })}"
              ${params.get('unit') === row.unit ? raw(' aria-current="true"') : ''}
            >
              <span class="unit-name">${row.unitName}</span> <span class="count">${row.count}</span></a
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

/** The unit choices: those the answer counts, and the one chosen (even when it has none now). */
function unitChoices(counts, params) {
  const units = (counts ?? []).map((row) => [row.unit, row.unitName]);
  const chosen = params.get('unit');
  if (chosen && !units.some(([code]) => code === chosen)) units.push([chosen, unitName(chosen)]);
  return units;
}

function summaryLine(answer, overdue) {
  const overdueCount = answer.items.filter((step) => step.overdue).length;
  if (answer.total === 0) return '';
  if (overdue)
    return html`<p class="summary">
      <strong>${answer.total}</strong> ${answer.total === 1 ? 'overskredet trin' : 'overskredne trin'}
    </p>`;
  return html`<p class="summary">
    <strong>${answer.total}</strong> åbne
    trin${overdueCount ? html`, heraf <strong>${overdueCount}</strong> ${overdueCount === 1 ? 'overskredet' : 'overskredne'} på denne side` : ''}
  </p>`;
}

function stepsView({ route, endpoint, title, intro, empty, filters, overdue }) {
  return async (main, { params, user }) => {
    const page = Number(params.get('page') ?? 1) || 1;
    const request = { ...Object.fromEntries(params), page, pageSize: PAGE_SIZE };
    let answer;
    let staff = [];
    try {
      [answer, staff] = await Promise.all([
        api.get(`/api/steps/${endpoint}${query(request)}`),
        filters ? colleagues(user) : [],
      ]);
    } catch (problem) {
      render(main, html`${heading(title, intro)}${notice('error', problemText(problem))}`);
      return;
    }
    const hrefFor = (target) => `#/${route}${query({ ...Object.fromEntries(params), page: target })}`;
    render(
      main,
      html`${heading(title, intro)}
        ${filters ? html`<div class="board-top ${answer.countsByUnit?.length ? 'has-counts' : ''}">${filterForm(route, params, unitChoices(answer.countsByUnit, params), overdue, assigneeChoices(user, staff))}${unitCounts(route, answer.countsByUnit, params)}</div>` : ''}
        <section aria-labelledby="list-heading" class="list">
          <h2 id="list-heading" class="visually-hidden">Trin</h2>
          ${summaryLine(answer, overdue)}
          ${answer.items.length ? stepsTable(answer.items, title) : html`<p class="empty">${empty}</p>`}
          ${pager(answer.page, answer.pageSize, answer.total, hrefFor)}
        </section>`,
    );
    main.querySelector('form.filters')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = Object.fromEntries(
        [...new FormData(event.target)].map(([key, value]) => [key, String(value).trim()]),
      );
      location.hash = `#/${route}${query(chosen)}`;
    });
  };
}

export const mineView = stepsView({
  route: 'opgaver',
  endpoint: 'mine',
  title: 'Mine opgaver',
  intro:
    'Åbne trin i dine sager først (også en fraværende kollegas, du er stedfortræder for), så enhedens ufordelte, så resten. Overskredne trin er markeret.',
  empty: 'Du har ingen åbne trin lige nu.',
  filters: false,
});

export const overdueView = stepsView({
  route: 'tavle',
  endpoint: 'overdue',
  title: 'Overskredne frister',
  intro: 'Alle åbne trin, hvis frist er passeret, på tværs af enhederne du har adgang til.',
  empty: 'Ingen overskredne frister lige nu.',
  filters: true,
  overdue: true,
});

export const dueSoonView = stepsView({
  route: 'snart',
  endpoint: 'due-soon',
  title: 'Snart forfaldne',
  intro: 'Åbne trin, hvis frist nærmer sig.',
  empty: 'Ingen trin forfalder snart.',
  filters: true,
  overdue: false,
});
