import { api } from '../api.js';
import { formHtml, handleForms } from '../forms.js';
import { formatDate, formatNumber } from '../format.js';
import { html, render } from '../html.js';
import { heading, notice, problemText } from './common.js';
import { legalHoldForm } from './legal-hold.js';

/**
 * Sletning: the data-protection officer's open deletion lists — the cases past their retention period in the
 * officer's scope, written each night — without names: type, unit, end, period and its source. »Godkend
 * sletning« (with a confirmation) erases them; a legal hold takes one case off.
 */
const INTRO =
  'Sager i dit ansvarsområde, hvis opbevaringsfrist er udløbet. Natkørslen danner listen; intet slettes, før du godkender den. Sletningen kan ikke fortrydes.';

const years = (days) => (days % 365 === 0 ? `${days / 365} år` : `${formatNumber(days)} dage`);

function approvalForm(list) {
  return {
    id: `approve-${list.id}`,
    listId: list.id,
    fields: [],
    submitLabel: 'Godkend sletning',
    body: () => ({}),
    confirm: {
      text: `${list.cases.length === 1 ? 'Sagen' : `De ${list.cases.length} sager`} slettes endeligt: indhold, notater, dokumenter og underretninger, og personen, når ingen anden sag er tilbage. Tallene i statistikken bevares.`,
      label: 'Ja, slet sagerne på listen',
      missing: 'Bekræft sletningen ved at sætte flueben.',
    },
  };
}

function caseCard(entry) {
  return html`<li class="retention-case" aria-labelledby="retention-${entry.caseId}">
    <h3 id="retention-${entry.caseId}">${entry.caseTypeLabel}, ${entry.unitName}</h3>
    <dl class="facts inline">
      <div>
        <dt>Afsluttet</dt>
        <dd>${formatDate(entry.closedAt)}</dd>
      </div>
      <div>
        <dt>Frist</dt>
        <dd>${years(entry.periodDays)} (udløb ${formatDate(entry.dueOn)})</dd>
      </div>
    </dl>
    <p class="muted small">Kilde: ${entry.source}</p>
    ${
      entry.legalHold
        ? html`<p><span class="badge overdue">Sletningsstop</span> Slettes ikke.</p>`
        : html`<details>
            <summary>Sæt sletningsstop</summary>
            ${formHtml(legalHoldForm(entry.caseId, false))}
          </details>`
    }
  </li>`;
}

function listHtml(list) {
  return html`<section class="panel" aria-labelledby="list-${list.id}">
    <h2 id="list-${list.id}">Sletningsliste (${list.cases.length} ${list.cases.length === 1 ? 'sag' : 'sager'})</h2>
    <ul class="retention-cases">
      ${list.cases.map(caseCard)}
    </ul>
    ${formHtml(approvalForm(list))}
  </section>`;
}

export async function retentionView(root) {
  let lists = [];
  const show = async (flash) => {
    try {
      lists = (await api.get('/api/retention-lists')).items;
    } catch (problem) {
      render(root, html`${heading('Sletning', INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading('Sletning', INTRO)} ${flash ? notice('success', flash) : ''}
      ${lists.length ? lists.map(listHtml) : html`<p>Ingen sager venter på sletning.</p>`}`,
    );
    root.querySelector('h1')?.focus();
  };
  const specs = () =>
    lists.flatMap((list) => [
      approvalForm(list),
      ...list.cases.filter((entry) => !entry.legalHold).map((entry) => legalHoldForm(entry.caseId, false)),
    ]);
  handleForms(
    root,
    specs,
    (spec) =>
      spec.listId
        ? `/api/retention-lists/${encodeURIComponent(spec.listId)}/approval`
        : `/api/cases/${encodeURIComponent(spec.caseId)}/legal-hold`,
    (answer) =>
      show(
        answer.listId
          ? `${answer.erased} ${answer.erased === 1 ? 'sag er slettet' : 'sager er slettet'}.`
          : 'Sletningsstop er sat: sagen slettes ikke.',
      ),
  );
  await show();
}
