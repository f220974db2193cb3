import { api, download } from '../api.js';
import { formHtml, handleForms } from '../forms.js';
import { capitalised, formatDate, formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { choices } from '../reference.js';
import { heading, notice, problemText } from './common.js';

/**
 * A person's right of access, for the data-protection officer: register a request by CPR number, the list with
 * each request's deadline (a calendar month after receipt, overdue marked), and one request with its export
 * (»Hent som JSON« / »Hent som PDF«), the answer and the extension of the deadline.
 */
const TITLE = 'Indsigtsanmodninger';
const INTRO =
  'En person kan bede om indsigt i de oplysninger, organisationen har om vedkommende. Svaret skal gives senest en måned efter modtagelsen.';

const options = (list) => choices(list).map(([value, label]) => [value, capitalised(label)]);

const REGISTER_FORM = () => ({
  id: 'access-request-register',
  fields: [
    { name: 'cpr', label: 'CPR-nummer', type: 'text', hint: 'DDMMÅÅ-XXXX.' },
    { name: 'channel', label: 'Kanal', type: 'select', options: [['', 'Vælg …'], ...options('accessRequestChannels')] },
    {
      name: 'receivedAt',
      label: 'Modtaget',
      type: 'datetime',
      optional: true,
      hint: 'Tom: nu. Fristen på en måned regnes herfra.',
    },
  ],
  submitLabel: 'Registrér anmodningen',
});

const DECISION_FORM = (request) => ({
  id: `access-request-decision-${request.id}`,
  fields: [
    { name: 'outcome', label: 'Udfald', type: 'radio', options: options('accessRequestOutcomes') },
    {
      name: 'withholdingGround',
      label: 'Retlig grund til at undtage oplysninger',
      type: 'select',
      optional: true,
      hint: 'Kun ved delvis indsigt eller afslag.',
      options: [['', 'Ingen'], ...options('withholdingGrounds')],
    },
    {
      name: 'reason',
      label: 'Begrundelse',
      type: 'textarea',
      optional: true,
      hint: 'Skal udfyldes, når oplysninger undtages.',
    },
    { name: 'decidedAt', label: 'Tidspunkt for svaret', type: 'datetime', optional: true, hint: 'Tom: nu.' },
  ],
  submitLabel: 'Registrér svaret',
  confirm: {
    text: 'Svaret afslutter anmodningen og kan ikke ændres bagefter.',
    label: 'Ja, registrér svaret',
    missing: 'Bekræft, at svaret skal registreres.',
  },
});

const EXTENSION_FORM = (request) => ({
  id: `access-request-extension-${request.id}`,
  fields: [
    {
      name: 'months',
      label: 'Forlæng med',
      type: 'radio',
      options: [
        ['1', '1 måned'],
        ['2', '2 måneder'],
      ],
    },
    { name: 'reason', label: 'Begrundelse', type: 'textarea', hint: 'Personen skal have besked om forlængelsen.' },
  ],
  body: (values) => ({ ...values, months: values.months === undefined ? undefined : Number(values.months) }),
  submitLabel: 'Forlæng fristen',
});

function deadline(request) {
  if (request.closedAt) return html`<span class="badge ok"><span aria-hidden="true">✓</span> Besvaret</span>`;
  if (request.overdue) return html`<span class="badge overdue"><span aria-hidden="true">⚠</span> Overskredet</span>`;
  return html`<span class="badge ok"><span aria-hidden="true">○</span> I gang</span>`;
}

function listItem(request) {
  return html`<li class="access-request">
    <a href="#/indsigt/${encodeURIComponent(request.id)}"><span class="mono">${request.maskedCpr}</span></a>
    <span>Modtaget ${formatDate(request.receivedAt)} (${request.channelText})</span>
    <span>Frist ${formatDateTime(request.dueAt)}</span>
    ${deadline(request)}
    <span class="muted">${capitalised(request.statusText)}</span>
  </li>`;
}

async function listView(root, { focus }) {
  const load = async () => {
    let page;
    try {
      page = await api.get('/api/access-requests?pageSize=100');
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(TITLE, INTRO)}
        <section aria-labelledby="access-request-new">
          <h2 id="access-request-new">Ny anmodning</h2>
          ${formHtml(REGISTER_FORM())}
        </section>
        <section aria-labelledby="access-request-list">
          <h2 id="access-request-list">Anmodninger</h2>
          ${
            page.items.length
              ? html`<ul class="access-requests">
                  ${page.items.map(listItem)}
                </ul>`
              : html`<p class="empty">Ingen anmodninger om indsigt.</p>`
          }
        </section>`,
    );
  };
  await load();
  handleForms(
    root,
    () => [REGISTER_FORM()],
    () => '/api/access-requests',
    async (answer) => {
      location.hash = `#/indsigt/${encodeURIComponent(answer.id)}`;
      focus();
    },
  );
}

function answerFacts(request) {
  if (!request.answer) return '';
  const { answer } = request;
  return html`<div>
      <dt>Svar</dt>
      <dd>${answer.outcomeText} (${formatDateTime(answer.decidedAt)})</dd>
    </div>
    ${
      answer.withholdingGroundText
        ? html`<div>
            <dt>Retlig grund</dt>
            <dd>${answer.withholdingGroundText}</dd>
          </div>`
        : ''
    }
    ${
      answer.reason
        ? html`<div>
            <dt>Begrundelse</dt>
            <dd>${answer.reason}</dd>
          </div>`
        : ''
    }`;
}

async function detailView(root, id, { focus }) {
  let flash;
  let request;
  const load = async () => {
    try {
      request = await api.get(`/api/access-requests/${encodeURIComponent(id)}`);
    } catch (problem) {
      render(root, html`${heading('Indsigtsanmodning')}${notice('error', problemText(problem))}`);
      return;
    }
    const decisions = request.availableDecisions.map((decision) => decision.name);
    render(
      root,
      html`${heading(`Indsigtsanmodning ${request.cpr}`)}
        <p><a href="#/indsigt">← Alle anmodninger</a></p>
        ${flash ? notice('success', flash) : ''}
        <dl class="facts">
          <div>
            <dt>CPR-nummer</dt>
            <dd class="mono">${request.cpr}</dd>
          </div>
          <div>
            <dt>Modtaget</dt>
            <dd>${formatDateTime(request.receivedAt)} (${request.channelText})</dd>
          </div>
          <div>
            <dt>Svarfrist</dt>
            <dd>
              ${formatDateTime(request.dueAt)}${
                request.extensionMonths
                  ? ` (forlænget med ${request.extensionMonths} ${request.extensionMonths === 1 ? 'måned' : 'måneder'})`
                  : ''
              }
              ${deadline(request)}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>${capitalised(request.statusText)}</dd>
          </div>
          ${answerFacts(request)}
        </dl>
        <section aria-labelledby="access-export">
          <h2 id="access-export">Udtræk</h2>
          <p>
            Alt, hvad organisationen har om personen: registret, sager, hændelser, notater, dokumentliste,
            mentorkontakter, beskeder og hvem der har læst dem. Hvert udtræk logges.
          </p>
          <div class="form-actions">
            <button type="button" class="button" data-export="json">Hent som JSON</button>
            <button type="button" class="button" data-export="pdf">Hent som PDF</button>
          </div>
          <div id="access-export-problem" role="alert"></div>
        </section>
        ${
          decisions.includes('access-request-decision')
            ? html`<section aria-labelledby="access-answer">
                <h2 id="access-answer">Svar på anmodningen</h2>
                ${formHtml(DECISION_FORM(request))}
              </section>`
            : ''
        }
        ${
          decisions.includes('access-request-extension')
            ? html`<details class="decision">
                <summary>Forlæng fristen (højst to måneder)</summary>
                ${formHtml(EXTENSION_FORM(request))}
              </details>`
            : ''
        }`,
    );
  };
  await load();
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-export]');
    if (!button) return;
    const format = button.dataset.export;
    const slot = root.querySelector('#access-export-problem');
    try {
      await download(
        `/api/access-requests/${encodeURIComponent(id)}/export?format=${format}`,
        `indsigt-${id}.${format}`,
        format === 'pdf' ? 'application/pdf' : 'application/json',
      );
      render(slot, '');
    } catch (problem) {
      render(slot, notice('error', problemText(problem)));
    }
  });
  handleForms(
    root,
    () => (request ? [DECISION_FORM(request), EXTENSION_FORM(request)] : []),
    (spec) =>
      `/api/access-requests/${encodeURIComponent(id)}/${spec.id.startsWith('access-request-decision') ? 'access-request-decision' : 'access-request-extension'}`,
    async (_answer, spec) => {
      flash = spec.id.startsWith('access-request-decision') ? 'Svaret er registreret.' : 'Fristen er forlænget.';
      await load();
      focus();
    },
  );
}

export async function accessRequestsView(root, context) {
  const [id] = context.segments;
  if (id) await detailView(root, id, context);
  else await listView(root, context);
}
