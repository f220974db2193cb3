import { api, query } from '../api.js';
import { formatDateTime } from '../format.js';
import { html, raw, render } from '../html.js';
import { stepKindLabel, unitName } from '../reference.js';
import { heading, notice, pager, problemText } from './common.js';
import { NOTICE_KINDS } from './operations.js';

/**
 * The notice outbox (`GET /api/admin/notices`): what fails (the default), waits, was sent or withdrawn,
 * with the count of each; per notice its unit, kind, step, attempts and last error. No case contents.
 */
const TITLE = 'Udsendelser';
const INTRO = 'Beskeder til enhederne: hvad der fejler, venter, er sendt eller trukket tilbage. Ingen sagsindhold.';
const STATES = [
  ['failing', 'Fejler'],
  ['pending', 'Venter'],
  ['sent', 'Sendt'],
  ['withdrawn', 'Trukket tilbage'],
];
const PAGE_SIZE = 25;

function noticesTable(items, stateLabel) {
  return html`<div class="table-wrap">
    <table class="stack notices">
      <caption class="visually-hidden">
        Beskeder: ${stateLabel}
      </caption>
      <thead>
        <tr>
          <th scope="col">Besked</th>
          <th scope="col">Til</th>
          <th scope="col">Trin</th>
          <th scope="col">Forsøg</th>
          <th scope="col">Sidste fejl</th>
          <th scope="col">Oprettet</th>
          <th scope="col">Næste forsøg / sendt</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (item) =>
            html`<tr data-notice="${item.id}">
              <th scope="row">
                ${NOTICE_KINDS[item.kind] ?? item.kind}<span class="case-ref muted small mono">sag ${item.caseId}</span>
              </th>
              <td data-label="Til">${unitName(item.recipientUnit)}</td>
              <td data-label="Trin">${item.stepKind ? stepKindLabel(item.stepKind) : '–'}</td>
              <td data-label="Forsøg" class="num">${item.attempts}</td>
              <td data-label="Sidste fejl" class="mono">${item.lastError ?? '–'}</td>
              <td data-label="Oprettet" class="nowrap">${formatDateTime(item.createdAt)}</td>
              <td data-label="Næste forsøg / sendt" class="nowrap">
                ${
                  item.sentAt
                    ? html`Sendt ${formatDateTime(item.sentAt)}`
                    : item.withdrawnAt
                      ? html`Trukket tilbage ${formatDateTime(item.withdrawnAt)}`
                      : formatDateTime(item.nextAttemptAt)
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export async function outboxView(root, { params }) {
  const state = STATES.some(([code]) => code === params.get('vis')) ? params.get('vis') : 'failing';
  const page = Number(params.get('side') ?? 1) || 1;
  let answer;
  try {
    answer = await api.get(`/api/admin/notices${query({ state, page, pageSize: PAGE_SIZE })}`);
  } catch (problem) {
    render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
    return;
  }
  const stateLabel = STATES.find(([code]) => code === state)[1];
  render(
    root,
    html`${heading(TITLE, INTRO)}
      <nav aria-label="Beskeder efter tilstand">
        <ul class="state-tabs">
          ${STATES.map(
            ([code, label]) =>
              html`<li>
                <a
                  class="button"
                  href="#/udsendelser${query({ vis: code })}"
                  ${code === state ? raw(' aria-current="page"') : ''}
                  >${label} (${answer.counts[code]})</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">${stateLabel}: ${answer.total} ${answer.total === 1 ? 'besked' : 'beskeder'}</h2>
        ${answer.items.length ? noticesTable(answer.items, stateLabel) : html`<p class="empty">Ingen beskeder her.</p>`}
        ${pager(answer.page, answer.pageSize, answer.total, (target) => `#/udsendelser${query({ vis: state, side: target })}`)}
      </section>`,
  );
}
