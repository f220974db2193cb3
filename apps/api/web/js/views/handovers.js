import { api, query } from '../api.js';
import { decisionForm } from '../case-forms.js';
import { formHtml, handleForms } from '../forms.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { warningAt } from '../reference.js';
import { caseHref, deadlineState, heading, notice, pager, problemText } from './common.js';
import { preparedHandover } from './handover-preparation.js';

/** The police exit unit's inbox: handovers waiting for its decision, oldest deadline first, decided here. */
const TITLE = 'Overdragelser';
const INTRO = 'Sager overdraget til din politikreds ved løsladelse. Tag stilling til hver inden fristen.';
/** The handover's decision form, as the server offers it on the case (held for operations: none). */
function decisionFormOf(item) {
  const decision = item.availableDecisions.find((candidate) => candidate.name === 'handover-decision');
  if (!decision) return undefined;
  return {
    ...decisionForm('exit-courses', decision, item),
    id: `handover-decision-${item.caseId}`,
    caseId: item.caseId,
  };
}

function card(item) {
  const seconds = (Date.now() - Date.parse(item.dueAt)) / 1000;
  const state = {
    overdue: item.overdue,
    dueAt: item.dueAt,
    warningAt: warningAt('handover_decision', item.dueAt),
    latenessSeconds: seconds,
    remainingSeconds: -seconds,
  };
  return html`<article class="handover ${item.overdue ? 'is-overdue' : ''}" aria-labelledby="handover-${item.caseId}">
    <header class="handover-head">
      <h2 id="handover-${item.caseId}">
        ${item.personName ?? html`Person <span class="mono">${item.personRef}</span>`}
      </h2>
      <p class="step-state">${deadlineState(state)}</p>
    </header>
    <dl class="facts inline">
      <div>
        <dt>Fra</dt>
        <dd>${item.institution.name}</dd>
      </div>
      <div>
        <dt>Løsladt</dt>
        <dd>${formatDateTime(item.releasedAt)}</dd>
      </div>
      <div>
        <dt>Frist for afgørelse</dt>
        <dd>${formatDateTime(item.dueAt)}</dd>
      </div>
      <div>
        <dt>Prøveløsladelse</dt>
        <dd>${item.paroleLinked ? 'ja (Bander bag tremmer)' : 'nej'}</dd>
      </div>
    </dl>
    <details class="handover-prepared">
      <summary>Overdragelsesrapport og udtalelser</summary>
      ${preparedHandover(item.handoverPreparation)}
    </details>
    <p><a href="${caseHref('exit_course', item.caseId)}">Åbn sagen med historik</a></p>
    ${
      decisionFormOf(item)
        ? html`<details class="decision">
            <summary>Træf afgørelse</summary>
            ${formHtml(decisionFormOf(item))}
          </details>`
        : html`<p class="muted">Sagen kan ikke afgøres lige nu.</p>`
    }
  </article>`;
}

export async function handoversView(root, { params, focus }) {
  const page = Number(params.get('page') ?? 1) || 1;
  let answer;
  let flash;
  const load = async () => {
    try {
      answer = await api.get(`/api/handovers${query({ page, pageSize: 20 })}`);
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(TITLE, INTRO)}${flash ? notice('success', flash) : ''}
      ${answer.items.length ? html`<div class="handovers">${answer.items.map(card)}</div>` : html`<p class="empty">Ingen overdragelser venter på en afgørelse.</p>`}
      ${pager(answer.page, answer.pageSize, answer.total, (target) => `#/overdragelser${query({ page: target })}`)}`,
    );
  };
  await load();
  handleForms(
    root,
    () => (answer?.items ?? []).map(decisionFormOf).filter(Boolean),
    (spec) => `/api/exit-courses/${encodeURIComponent(spec.caseId)}/${spec.action}`,
    async (detail) => {
      flash = `Afgørelsen er registreret: forløbet er nu ${detail.statusText}.`;
      await load();
      focus();
    },
  );
}
