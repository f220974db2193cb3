import { api, can, query } from '../api.js';
import { formatDate, todayInDenmark } from '../format.js';
import { formHtml, handleForms } from '../forms.js';
import { html, raw, render } from '../html.js';
import { unitName } from '../reference.js';
import { caseHref, heading, notice, problemText } from './common.js';

/**
 * "Koordinationsmøde": the unit's monthly level-1 coordination meeting (003). Which level-1 cases it must
 * review and when it is due (`GET /api/level-one-reviews`), and one recording that marks them all reviewed
 * ("Koordinationsmøde holdt", `POST /api/level-one-reviews`), after which next month's meeting is due.
 */
const TITLE = 'Koordinationsmøde';
const INTRO = 'Niveau 1-sagerne gennemgås på enhedens månedlige koordinationsmøde.';

/** A deadline at the start of a day is the end of the day before: "senest 31.12.2026". */
const lastDay = (dueAt) => formatDate(new Date(Date.parse(dueAt) - 1).toISOString());

function meetingForm(unit) {
  return {
    id: 'level-one-review',
    fields: [
      {
        name: 'meetingDate',
        label: 'Mødedato',
        type: 'date',
        value: todayInDenmark(),
        hint: 'Alle enhedens åbne niveau 1-sager herover registreres som gennemgået på mødet.',
      },
    ],
    body: (values) => ({ unit, ...values }),
    submitLabel: 'Koordinationsmøde holdt',
  };
}

function unitSelect(units, chosen) {
  return html`<form class="filters" id="review-unit" aria-label="Enhed">
    <div class="field">
      <label for="review-unit-code">Enhed</label>
      <select id="review-unit-code" name="unit">
        ${units.map((code) => html`<option value="${code}" ${code === chosen ? raw(' selected') : ''}>${unitName(code)}</option>`)}
      </select>
    </div>
    <div class="filter-actions"><button type="submit" class="button primary">Vis</button></div>
  </form>`;
}

function casesTable(cases) {
  return html`<div class="table-wrap">
    <table class="case-list level-one-cases">
      <caption class="visually-hidden">
        Niveau 1-sager til koordinationsmødet
      </caption>
      <thead>
        <tr>
          <th scope="col">Sag</th>
          <th scope="col">Person</th>
          <th scope="col">Gennemgås senest</th>
        </tr>
      </thead>
      <tbody>
        ${cases.map(
          (item) =>
            html`<tr class="${item.overdue ? 'is-overdue' : ''}" data-case-id="${item.id}">
              <th scope="row"><a href="${caseHref(item.caseType, item.id)}">${item.caseTypeLabel}</a></th>
              <td>${item.personName ?? html`<span class="mono">${item.personRef.slice(0, 8)}</span>`}</td>
              <td class="nowrap">
                ${lastDay(item.dueAt)}
                ${item.overdue ? html`<span class="badge overdue"><span aria-hidden="true">⚠</span> Overskredet</span>` : ''}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export async function levelOneReviewsView(root, { params, user, focus }) {
  const units = user.units ?? [];
  const unit = params.get('unit') && units.includes(params.get('unit')) ? params.get('unit') : units[0];
  const mayRecord = can(user, 'case-level:set');
  const form = meetingForm(unit);
  const draw = async (flash) => {
    let answer;
    try {
      answer = await api.get(`/api/level-one-reviews${query({ unit })}`);
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    const due = answer.nextDueAt
      ? html`<p class="summary" data-next-due>
          Månedens møde skal holdes senest <strong>${lastDay(answer.nextDueAt)}</strong>:
          <strong>${answer.cases.length}</strong> ${answer.cases.length === 1 ? 'sag' : 'sager'} på niveau 1.
        </p>`
      : html`<p class="empty">Ingen niveau 1-sager venter på koordinationsmødet.</p>`;
    render(
      root,
      html`${heading(TITLE, INTRO)} ${flash ? notice('success', flash) : ''}
        ${units.length > 1 ? unitSelect(units, unit) : ''}
        <section class="panel" aria-labelledby="review-heading">
          <h2 id="review-heading">${unitName(unit)}</h2>
          ${due} ${answer.cases.length ? casesTable(answer.cases) : ''}
          ${
            mayRecord && answer.cases.length
              ? html`<h3>Koordinationsmøde holdt</h3>
                  ${formHtml(form)}`
              : ''
          }
        </section>`,
    );
    root.querySelector('#review-unit')?.addEventListener('submit', (event) => {
      event.preventDefault();
      location.hash = `#/koordinationsmoede${query({ unit: new FormData(event.target).get('unit') })}`;
    });
  };
  handleForms(
    root,
    [form],
    () => '/api/level-one-reviews',
    async (result) => {
      const count = result.reviewed.length;
      await draw(
        `Koordinationsmødet ${formatDate(result.meetingDate)} er registreret: ${count} ${count === 1 ? 'sag' : 'sager'} gennemgået.`,
      );
      focus?.();
    },
  );
  await draw();
}
