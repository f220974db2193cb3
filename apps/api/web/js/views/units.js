import { api, query } from '../api.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { forgetReferenceData } from '../reference.js';
import { heading, notice, pager, problemText } from './common.js';

/**
 * The administrators' page of organisation units (`/api/admin/units`): the list with a filter and pages,
 * a form to add a unit, and on each unit a rename and a close or reopen. A closed unit keeps its name
 * wherever it is referred to, but is no longer offered for new cases.
 */
const TITLE = 'Enheder';
const INTRO =
  'Kommuner, politikredse og Kriminalforsorgens enheder. En lukket enhed vises stadig ved navn på sagerne, men kan ikke vælges til nye sager.';
const PAGE_SIZE = 25;

const KINDS = [
  ['institution', 'Kriminalforsorgens enhed'],
  ['police_district', 'Politikreds'],
  ['municipality', 'Kommune'],
];
const INSTITUTION_TYPES = [
  ['closed_prison', 'Lukket fængsel'],
  ['open_prison', 'Åbent fængsel'],
  ['remand_prison', 'Arresthus'],
  ['probation_office', 'Kriminalforsorgen i Frihed'],
];
const labelOf = (list, value) => list.find(([code]) => code === value)?.[1] ?? value;

function options(list, selected, empty) {
  return html`${empty ? html`<option value="">${empty}</option>` : ''}
  ${list.map(([value, label]) => html`<option value="${value}" ${value === selected ? 'selected' : ''}>${label}</option>`)}`;
}

function filterForm(params) {
  return html`<form class="filters units-filter" aria-label="Filtre">
    <div class="field">
      <label for="units-search">Søg (kode eller navn)</label>
      <input id="units-search" name="soeg" type="text" value="${params.get('soeg') ?? ''}" />
    </div>
    <div class="field">
      <label for="units-kind">Slags</label>
      <select id="units-kind" name="slags">
        ${options(KINDS, params.get('slags') ?? '', 'Alle')}
      </select>
    </div>
    <div class="field">
      <label for="units-status">Status</label>
      <select id="units-status" name="status">
        ${options(
          [
            ['alle', 'Åbne og lukkede'],
            ['aabne', 'Kun åbne'],
          ],
          params.get('status') ?? 'alle',
        )}
      </select>
    </div>
    <div class="filter-actions">
      <button type="submit" class="button primary">Vis</button>
      <a class="button quiet" href="#/enheder">Nulstil</a>
    </div>
  </form>`;
}

function addForm(values = {}) {
  return html`<form class="unit-add" aria-labelledby="unit-add-heading" novalidate>
    <h2 id="unit-add-heading">Tilføj en enhed</h2>
    <div class="unit-add-fields">
      <div class="field">
        <label for="unit-code">Kode</label>
        <p class="hint" id="unit-code-hint">Store bogstaver, tal og bindestreg, fx KF-NYBORG eller KOM-0101.</p>
        <input
          id="unit-code"
          name="code"
          type="text"
          autocomplete="off"
          aria-describedby="unit-code-hint"
          value="${values.code ?? ''}"
        />
      </div>
      <div class="field">
        <label for="unit-name">Navn</label>
        <input id="unit-name" name="name" type="text" autocomplete="off" value="${values.name ?? ''}" />
      </div>
      <div class="field">
        <label for="unit-kind">Slags</label>
        <select id="unit-kind" name="kind">
          ${options(KINDS, values.kind ?? '', 'Vælg …')}
        </select>
      </div>
      <div class="field">
        <label for="unit-type">Slags enhed i Kriminalforsorgen</label>
        <p class="hint" id="unit-type-hint">Kun for Kriminalforsorgens enheder.</p>
        <select id="unit-type" name="institutionType" aria-describedby="unit-type-hint">
          ${options(INSTITUTION_TYPES, values.institutionType ?? '', 'Ikke relevant')}
        </select>
      </div>
    </div>
    <div class="form-actions"><button type="submit" class="button primary">Tilføj enheden</button></div>
  </form>`;
}

function unitCard(unit) {
  const id = `unit-${unit.code}`;
  return html`<article class="unit-card${unit.closedAt ? ' is-closed' : ''}" aria-labelledby="${id}-name">
    <h3 id="${id}-name">${unit.name}</h3>
    <dl class="facts inline">
      <div>
        <dt>Kode</dt>
        <dd class="mono">${unit.code}</dd>
      </div>
      <div>
        <dt>Slags</dt>
        <dd>
          ${labelOf(KINDS, unit.kind)}${unit.institutionType ? ` · ${labelOf(INSTITUTION_TYPES, unit.institutionType)}` : ''}
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>${unit.closedAt ? `Lukket ${formatDateTime(unit.closedAt)}` : 'Åben'}</dd>
      </div>
    </dl>
    <div class="unit-actions">
      <form class="unit-rename" data-code="${unit.code}" novalidate>
        <label for="${id}-rename">Nyt navn</label>
        <div class="inline-field">
          <input id="${id}-rename" name="name" type="text" value="${unit.name}" autocomplete="off" />
          <button type="submit" class="button">Omdøb</button>
        </div>
      </form>
      <form class="unit-status" data-code="${unit.code}" data-closed="${unit.closedAt ? 'true' : 'false'}">
        <button type="submit" class="button quiet">${unit.closedAt ? 'Genåbn' : 'Luk enheden'}</button>
      </form>
    </div>
  </article>`;
}

const hrefOf = (params, page) =>
  `#/enheder${query({
    soeg: params.get('soeg') || undefined,
    slags: params.get('slags') || undefined,
    status: params.get('status') || undefined,
    side: page,
  })}`;

export async function unitsView(root, { params, focus }) {
  const page = Number(params.get('side') ?? 1) || 1;
  let flash;
  /** What the add form held when the API refused it, so nothing typed is lost. */
  let adding = {};
  const load = async () => {
    let units;
    try {
      units = await api.get(
        `/api/admin/units${query({
          search: params.get('soeg') || undefined,
          kind: params.get('slags') || undefined,
          includeClosed: params.get('status') === 'aabne' ? 'false' : undefined,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      );
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(TITLE, INTRO)}${flash ? notice(flash.kind, flash.text) : ''} ${filterForm(params)}
        ${addForm(adding)}
        <section aria-labelledby="units-heading">
          <h2 id="units-heading">Enheder (${units.total})</h2>
          ${
            units.items.length
              ? html`<div class="unit-list">${units.items.map(unitCard)}</div>`
              : html`<p class="empty">Ingen enheder med dette filter.</p>`
          }
          ${pager(units.page, units.pageSize, units.total, (target) => hrefOf(params, target))}
        </section>`,
    );
  };
  const changed = async (text) => {
    forgetReferenceData();
    adding = {};
    flash = { kind: 'success', text };
    await load();
    focus();
  };
  const failed = async (problem) => {
    flash = { kind: 'error', text: problemText(problem) };
    await load();
    focus();
  };
  await load();
  root.addEventListener('submit', async (event) => {
    const form = event.target;
    event.preventDefault();
    const data = new FormData(form);
    const text = (name) => String(data.get(name) ?? '').trim() || undefined;
    if (form.classList.contains('units-filter')) {
      const filter = new URLSearchParams({
        soeg: text('soeg') ?? '',
        slags: text('slags') ?? '',
        status: text('status') ?? '',
      });
      location.hash = hrefOf(filter, 1);
      return;
    }
    form.querySelector('button[type="submit"]').disabled = true;
    try {
      if (form.classList.contains('unit-add')) {
        adding = {
          code: text('code'),
          name: text('name'),
          kind: text('kind'),
          institutionType: text('institutionType'),
        };
        const unit = await api.post('/api/admin/units', adding);
        await changed(`${unit.name} (${unit.code}) er tilføjet og kan bruges med det samme.`);
      } else if (form.classList.contains('unit-rename')) {
        const unit = await api.patch(`/api/admin/units/${encodeURIComponent(form.dataset.code)}`, {
          name: String(data.get('name') ?? ''),
        });
        await changed(`Enheden ${unit.code} hedder nu ${unit.name}.`);
      } else if (form.classList.contains('unit-status')) {
        const closed = form.dataset.closed !== 'true';
        const unit = await api.patch(`/api/admin/units/${encodeURIComponent(form.dataset.code)}`, { closed });
        await changed(closed ? `${unit.name} er lukket for nye sager.` : `${unit.name} er åbnet igen.`);
      }
    } catch (problem) {
      if (problem.status !== 401) await failed(problem);
    }
  });
}
