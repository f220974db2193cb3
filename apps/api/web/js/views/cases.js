import { api, can, query } from '../api.js';
import { formatDate, formatDateTime } from '../format.js';
import { html, raw, render } from '../html.js';
import { caseStatusChoices, caseTypeChoices, unitChoices } from '../reference.js';
import { caseHref, heading, notice, pager, problemText } from './common.js';
import { attachFinder, finderHtml } from './person-finder.js';
import { assigneeChoices, assigneeText, attachBulkAssign, bulkAssignForm, caseTick, colleagues } from './assignment.js';

/**
 * "Sager": the cases of every type in the user's scope (`GET /api/cases`) with filters and pages, and the
 * person finder (CPR number or name, in the request body). The filters in the address are codes only:
 * never a name or CPR number.
 */
const PAGE_SIZE = 25;
const STATES = [
  ['open', 'Åbne'],
  ['closed', 'Afsluttede'],
];
const DEADLINES = [
  ['overdue', 'Over fristen'],
  ['due-soon', 'Forfalder snart'],
  ['none', 'Ingen åben frist'],
];
/** A youth case's level (enkeltsagskoncept): `GET /api/cases?level=`. */
const LEVELS = [
  ['1', 'Niveau 1 – risikoadfærd'],
  ['2', 'Niveau 2 – kriminalitet'],
  ['3', 'Niveau 3 – kvalificeret kriminalitet'],
  ['none', 'Intet niveau sat'],
];
const FILTERS = ['caseType', 'status', 'unit', 'state', 'deadline', 'assignee', 'level'];

function select(name, label, list, params) {
  const chosen = params.get(name) ?? '';
  return html`<div class="field">
    <label for="cases-${name}">${label}</label>
    <select id="cases-${name}" name="${name}">
      <option value="">Alle</option>
      ${list.map(([value, text]) => html`<option value="${value}" ${value === chosen ? raw(' selected') : ''}>${text}</option>`)}
    </select>
  </div>`;
}

function filterForm(params, user, staff = []) {
  return html`<form class="filters" id="case-filters" aria-label="Filtre">
    ${select('caseType', 'Sagstype', caseTypeChoices(), params)}
    ${select('status', 'Status', caseStatusChoices(params.get('caseType') || undefined), params)}
    ${select(
      'unit',
      'Ansvarlig enhed',
      unitChoices(user.role === 'national_supervisor' ? [user.organisation] : undefined).filter(
        ([code]) => user.role === 'national_supervisor' || user.units.includes(code),
      ),
      params,
    )}
    ${select('state', 'Åben eller afsluttet', STATES, params)} ${select('deadline', 'Frist', DEADLINES, params)}
    ${select('assignee', 'Ansvarlig', assigneeChoices(user, staff), params)}
    ${select('level', 'Niveau', LEVELS, params)}
    <div class="filter-actions">
      <button type="submit" class="button primary">Vis</button>
      <a class="button quiet" href="#/sager">Nulstil</a>
    </div>
  </form>`;
}

function deadlineText(item) {
  if (item.closedAt) return html`<span class="muted">Afsluttet ${formatDate(item.closedAt)}</span>`;
  if (!item.nextDueAt) return html`<span class="muted">Ingen åben frist</span>`;
  const badge = item.overdue
    ? html`<span class="badge overdue"><span aria-hidden="true">⚠</span> Overskredet</span>`
    : item.dueSoon
      ? html`<span class="badge soon"><span aria-hidden="true">◔</span> Snart</span>`
      : '';
  return html`${formatDateTime(item.nextDueAt)} ${badge}`;
}

export function casesTable(items, caption, selectable = false) {
  return html`<div class="table-wrap">
    <table class="case-list">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${selectable ? html`<th scope="col"><span class="visually-hidden">Vælg</span></th>` : ''}
          <th scope="col">Sag</th>
          <th scope="col">Person</th>
          <th scope="col">Status</th>
          <th scope="col">Enhed</th>
          <th scope="col">Ansvarlig</th>
          <th scope="col">Nærmeste frist</th>
          <th scope="col">Åbnet</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (item) =>
            html`<tr class="${item.overdue ? 'is-overdue' : ''}" data-case-id="${item.id}">
              ${selectable ? html`<td>${item.closedAt ? '' : caseTick(item.id, `${item.caseTypeLabel} ${item.id.slice(0, 8)}`)}</td>` : ''}
              <th scope="row"><a href="${caseHref(item.caseType, item.id)}">${item.caseTypeLabel}</a></th>
              <td>
                ${
                  item.personName
                    ? html`<a href="#/person/${encodeURIComponent(item.personRef)}">${item.personName}</a>`
                    : html`<span class="mono">${item.personRef.slice(0, 8)}</span>`
                }
              </td>
              <td>
                ${item.statusText}${
                  item.caseLevel
                    ? html`<br /><span class="badge level" data-case-level="${item.caseLevel}"
                          >Niveau ${item.caseLevel}</span
                        >`
                    : ''
                }
              </td>
              <td>
                ${item.unit.name}${
                  item.referralSourceText
                    ? html`<br /><span class="muted">Henvist af: ${item.referralSourceText}</span>`
                    : ''
                }
              </td>
              <td class="assignee">${assigneeText(item.assignee)}</td>
              <td class="nowrap">${deadlineText(item)}</td>
              <td class="nowrap">${formatDate(item.openedAt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export async function casesView(root, { params, user, focus }) {
  const page = Number(params.get('page') ?? 1) || 1;
  const staff = await colleagues(user);
  // A supervisor assigns several cases at once: tick them, choose the caseworker ("Tildel valgte").
  const selectable = can(user, 'workload:read') && staff.length > 0;
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const title = 'Sager';
  const intro = 'Sager af alle typer, du har adgang til: åbne først, derefter nærmeste frist.';
  let answer;
  try {
    answer = await api.get(`/api/cases${query({ ...filters, page, pageSize: PAGE_SIZE })}`);
  } catch (problem) {
    render(
      root,
      html`${heading(title, intro)}${filterForm(params, user, staff)}${notice('error', problemText(problem))}`,
    );
    attach(root, params);
    return;
  }
  const hrefFor = (target) => `#/sager${query({ ...filters, page: target })}`;
  const draw = (flash) => {
    render(
      root,
      html`${heading(title, intro)} ${finderHtml('Find en person')}
        <section aria-labelledby="cases-heading" class="list">
          <h2 id="cases-heading">Sagsliste</h2>
          ${flash ? notice('success', flash) : ''} ${filterForm(params, user, staff)}
          <p class="summary"><strong>${answer.total}</strong> ${answer.total === 1 ? 'sag' : 'sager'}</p>
          ${answer.items.length ? casesTable(answer.items, title, selectable) : html`<p class="empty">Ingen sager med disse filtre.</p>`}
          ${selectable && answer.items.length ? bulkAssignForm(staff) : ''}
          ${pager(answer.page, answer.pageSize, answer.total, hrefFor)}
        </section>`,
    );
    attachFilters(root, params);
    attachBulkAssign(root, async (text) => {
      answer = await api.get(`/api/cases${query({ ...filters, page, pageSize: PAGE_SIZE })}`);
      draw(text);
      focus?.();
    });
  };
  draw();
  attachFinder(root, FINDER);
}

const FINDER = {
  onFound: (person) => {
    location.hash = `#/person/${encodeURIComponent(person.personRef)}`;
  },
};

function attach(root, params) {
  attachFinder(root, FINDER);
  attachFilters(root, params);
}

function attachFilters(root, params) {
  root.querySelector('#case-filters')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = Object.fromEntries([...new FormData(event.target)].map(([key, value]) => [key, String(value)]));
    location.hash = `#/sager${query(chosen)}`;
  });
  // A status belongs to a case type: a new type starts the status list afresh.
  root.querySelector('#cases-caseType')?.addEventListener('change', (event) => {
    const chosen = { ...Object.fromEntries(params), caseType: event.target.value, status: '', page: '' };
    location.hash = `#/sager${query(chosen)}`;
  });
}
