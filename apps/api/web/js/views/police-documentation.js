import { api, can, query } from '../api.js';
import { capitalised, formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { choiceLabel } from '../reference.js';
import { caseHref, heading, notice, pager, problemText } from './common.js';

/**
 * The police's documentation that a youth is suspected or charged: the municipality's inbox of what arrived
 * (newest first, each with its network council), and the police unit's list of what it sent, with the
 * council's status only — the council itself is the municipality's.
 */
const isMunicipality = (user) => user.organisation === 'kommune';
const titleOf = (user) => (isMunicipality(user) ? 'Indbakke: dokumentation fra politiet' : 'Sendt dokumentation');
const introOf = (user) =>
  isMunicipality(user)
    ? 'Dokumentation, politiet har sendt om unge under 18. Modtagelsen starter netværkssamrådet: det skal indkaldes inden 7 dage.'
    : 'Den dokumentation, din politikreds har sendt til kommunerne, og om netværkssamrådet er indkaldt.';

function facts(item) {
  return html`<dl class="facts inline">
    <div>
      <dt>Modtaget</dt>
      <dd>${formatDateTime(item.sentAt)}</dd>
    </div>
    <div>
      <dt>Fra</dt>
      <dd>${item.sender.name} (${choiceLabel('policeSenderFunctions', item.senderFunction)})</dd>
    </div>
    <div>
      <dt>Til</dt>
      <dd>${item.municipality.name}</dd>
    </div>
    <div>
      <dt>Mistanke</dt>
      <dd>${capitalised(choiceLabel('suspicions', item.suspicion))}</dd>
    </div>
    <div>
      <dt>Netværkssamråd</dt>
      <dd>${item.councilStatusText}</dd>
    </div>
  </dl>`;
}

function card(item, user) {
  return html`<article class="documentation" aria-labelledby="documentation-${item.caseId}">
    <h2 id="documentation-${item.caseId}">Person <span class="mono">${item.personRef.slice(0, 8)}</span></h2>
    ${facts(item)}
    <p>
      <a href="#/dokumentation/${encodeURIComponent(item.caseId)}">Se dokumentationen</a>
      ${can(user, 'council:decide') ? html` · <a href="${caseHref('network_council', item.caseId)}">Åbn netværkssamrådet</a>` : ''}
    </p>
  </article>`;
}

async function oneDocumentation(root, user, caseId) {
  let item;
  try {
    item = await api.get(`/api/police-documentation/${encodeURIComponent(caseId)}`);
  } catch (problem) {
    render(root, html`${heading('Dokumentationen kunne ikke vises')}${notice('error', problemText(problem))}`);
    return;
  }
  render(
    root,
    html`${heading('Dokumentation fra politiet')}
      <section class="panel" aria-labelledby="offence-heading">
        ${facts(item)}
        <h2 id="offence-heading">Lovovertrædelse</h2>
        <p class="offence">${item.offence}</p>
        <p>
          <a href="#/dokumentation">Tilbage til listen</a>
          ${can(user, 'council:decide') ? html` · <a href="${caseHref('network_council', item.caseId)}">Åbn netværkssamrådet</a>` : ''}
        </p>
      </section>`,
  );
}

export async function policeDocumentationView(root, { segments, params, user }) {
  if (segments[0]) return oneDocumentation(root, user, segments[0]);
  const page = Number(params.get('page') ?? 1) || 1;
  let answer;
  try {
    answer = await api.get(`/api/police-documentation${query({ page, pageSize: 20 })}`);
  } catch (problem) {
    render(root, html`${heading(titleOf(user), introOf(user))}${notice('error', problemText(problem))}`);
    return;
  }
  render(
    root,
    html`${heading(titleOf(user), introOf(user))}
    ${answer.items.length ? html`<div class="documentations">${answer.items.map((item) => card(item, user))}</div>` : html`<p class="empty">Ingen dokumentation endnu.</p>`}
    ${pager(answer.page, answer.pageSize, answer.total, (target) => `#/dokumentation${query({ page: target })}`)}`,
  );
}
