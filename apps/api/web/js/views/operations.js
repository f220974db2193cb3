import { api, query } from '../api.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { heading, notice, pager, problemText } from './common.js';

/**
 * Operations' page: cases whose read model refused a registration (they wait with it, readable as they
 * were) and the notices the outbox cannot deliver. Ids, kinds and error codes only — never case contents.
 */
const TITLE = 'Drift';
const INTRO = 'Sager, der venter på driften, og beskeder, der ikke kan sendes. Ingen sagsindhold vises her.';

/** The outbox's notice kinds in Danish (also the Udsendelser view's). */
export const NOTICE_KINDS = {
  deadline_warning: 'Frist nærmer sig',
  deadline_overdue: 'Frist overskredet',
  deadline_changed: 'Frist sat i bero, genoptaget eller forlænget',
  prison_transfer: 'Overført til andet fængsel',
  release_notice: 'Varsel om løsladelse',
  release_date_changed: 'Løsladelsesdato ændret',
  release: 'Løsladt',
  handover: 'Overdraget',
  case_needs_attention: 'Sag kræver opmærksomhed',
  case_assigned: 'Sag tildelt',
};

const errorText = (item) => [item.errorClass, item.errorCode, item.schemaObject].filter(Boolean).join(' · ');

function attentionCard(item, resolved) {
  return html`<article class="attention-case" aria-labelledby="attention-${item.caseId}">
    <h3 id="attention-${item.caseId}">${item.caseTypeLabel} <span class="mono">${item.caseId}</span></h3>
    <dl class="facts inline">
      <div>
        <dt>Trin</dt>
        <dd>${item.stepLabel ?? 'Ikke knyttet til et trin'}</dd>
      </div>
      <div>
        <dt>Fejl</dt>
        <dd class="mono">${errorText(item)}</dd>
      </div>
      <div>
        <dt>Registrering nr.</dt>
        <dd>${item.transitionSeq}</dd>
      </div>
      <div>
        <dt>Afvist</dt>
        <dd>
          ${item.failures === 1 ? '1 gang' : `${item.failures} gange`}, første gang
          ${formatDateTime(item.firstFailedAt)}
        </dd>
      </div>
      <div>
        <dt>Sendt igen</dt>
        <dd>${item.redrivenAt ? formatDateTime(item.redrivenAt) : 'Ikke endnu'}</dd>
      </div>
      ${
        resolved
          ? html`<div>
              <dt>Gemt</dt>
              <dd>${formatDateTime(item.resolvedAt)}</dd>
            </div>`
          : ''
      }
    </dl>
    ${
      resolved
        ? ''
        : html`<form class="redrive" data-case="${item.caseId}">
            <button type="submit" class="button">Send igen</button>
            <span class="muted small">Når årsagen er rettet (fx en ny version eller en databaseændring).</span>
          </form>`
    }
  </article>`;
}

function noticeCard(item) {
  return html`<article class="attention-case outbox-notice">
    <h3>${NOTICE_KINDS[item.kind] ?? item.kind} <span class="muted small">til</span> ${item.recipientUnit}</h3>
    <dl class="facts inline">
      <div>
        <dt>Sag</dt>
        <dd class="mono">${item.caseId}</dd>
      </div>
      <div>
        <dt>Forsøg</dt>
        <dd>${item.attempts}</dd>
      </div>
      <div>
        <dt>Sidste fejl</dt>
        <dd>${item.lastError ?? '–'}</dd>
      </div>
      <div>
        <dt>Næste forsøg</dt>
        <dd>${formatDateTime(item.nextAttemptAt)}</dd>
      </div>
    </dl>
  </article>`;
}

export async function operationsView(root, { params, focus }) {
  const state = params.get('vis') === 'loeste' ? 'resolved' : 'pending';
  const page = Number(params.get('side') ?? 1) || 1;
  let flash;
  const load = async () => {
    let attention;
    let outbox;
    try {
      [attention, outbox] = await Promise.all([
        api.get(`/api/admin/attention${query({ state, page, pageSize: 20 })}`),
        api.get(`/api/admin/notices${query({ state: 'failing', pageSize: 20 })}`),
      ]);
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    const resolved = state === 'resolved';
    render(
      root,
      html`${heading(TITLE, INTRO)}${flash ? notice(flash.kind, flash.text) : ''}
        <p>
          <button type="button" class="button" id="open-temporal-ui">Åbn Temporal UI</button>
          <span class="muted">Temporal UI kan så vise de dekrypterede data i 10 minutter; hver visning logges.</span>
        </p>
        <section aria-labelledby="attention-heading">
          <h2 id="attention-heading">
            ${resolved ? 'Sendt igen og gemt' : `Sager, der venter på driften (${attention.pending})`}
          </h2>
          <p class="muted">
            ${
              resolved
                ? html`<a href="#/drift">Vis sager, der venter</a>`
                : html`En registrering, som databasen afviste, holdes med alt efter den, så intet går tabt. Sagen kan
                    læses, som den var. <a href="#/drift?vis=loeste">Vis løste</a>`
            }
          </p>
          ${
            attention.items.length
              ? html`<div class="attention-list">${attention.items.map((item) => attentionCard(item, resolved))}</div>`
              : html`<p class="empty">${resolved ? 'Ingen løste endnu.' : 'Ingen sager venter på driften.'}</p>`
          }
          ${pager(attention.page, attention.pageSize, attention.total, (target) => `#/drift${query({ vis: resolved ? 'loeste' : undefined, side: target })}`)}
        </section>
        <section aria-labelledby="outbox-heading">
          <h2 id="outbox-heading">Beskeder, der ikke kan sendes (${outbox.counts.failing})</h2>
          ${outbox.items.length ? html`<div class="attention-list">${outbox.items.map(noticeCard)}</div>` : html`<p class="empty">Alle beskeder er sendt eller venter på deres tur.</p>`}
        </section>`,
    );
  };
  await load();
  root.addEventListener('click', async (event) => {
    if (!event.target.closest('#open-temporal-ui')) return;
    flash = undefined;
    try {
      const credential = await api.post('/api/codec/credential');
      if (credential.temporalUiUrl) window.open(credential.temporalUiUrl, '_blank', 'noopener');
      else flash = { kind: 'error', text: 'Temporal UI er ikke sat op (TEMPORAL_UI_UPSTREAM).' };
    } catch (problem) {
      flash = { kind: 'error', text: problemText(problem) };
    }
    if (flash) {
      await load();
      focus();
    }
  });
  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('form.redrive');
    if (!form) return;
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const result = await api.post(`/api/admin/attention/${encodeURIComponent(form.dataset.case)}/redrive`);
      flash = result.caughtUp
        ? { kind: 'success', text: `Sagen ${form.dataset.case} er indhentet: alt, den har registreret, er gemt.` }
        : {
            kind: 'error',
            text: `Sagen ${form.dataset.case} blev afvist igen (${errorText(result.attention)}). Ret årsagen, og prøv igen.`,
          };
    } catch (problem) {
      flash = { kind: 'error', text: problemText(problem) };
    }
    await load();
    focus();
  });
}
