import { api, can, query, session } from '../api.js';
import { formatDateTime } from '../format.js';
import { html, render } from '../html.js';
import { caseHref, problemText } from './common.js';

/**
 * Who read a case or a person (`GET /api/cases/:id/access-log`, `GET /api/persons/:personRef/access-log`), for
 * users with `access-log:read`: a paged table, newest first, on the case page and on the person's page.
 */
const PAGE_SIZE = 20;

const SUBJECTS = {
  case: { title: 'Hvem har læst sagen', path: (id) => `/api/cases/${encodeURIComponent(id)}/access-log` },
  person: {
    title: 'Hvem har læst oplysningerne om personen',
    path: (ref) => `/api/persons/${encodeURIComponent(ref)}/access-log`,
  },
};

/** The section's place on the page (filled by {@link attachAccessLog}); nothing for a user without the permission. */
export function accessLogSection(subject) {
  if (!can(session.user, 'access-log:read')) return '';
  return html`<section class="panel access-log" aria-labelledby="access-log-heading" data-access-log="${subject}">
    <h2 id="access-log-heading">${SUBJECTS[subject].title}</h2>
    <div class="access-log-body" data-access-log-body><p class="loading">Henter …</p></div>
  </section>`;
}

const unitsText = (units) => units.map((unit) => unit.name).join(', ') || '–';

function table(page, subject) {
  if (!page.items.length)
    return html`<p class="empty">Ingen har læst ${subject === 'case' ? 'sagen' : 'oplysningerne'} endnu.</p>`;
  const pages = Math.ceil(page.total / page.pageSize);
  return html`<p class="muted small">
      ${page.total === 1 ? '1 læsning' : `${page.total} læsninger`}, nyeste først. Din visning logges også.
    </p>
    <div class="table-wrap">
      <table class="stack access-log-table">
        <caption class="visually-hidden">
          ${SUBJECTS[subject].title}
        </caption>
        <thead>
          <tr>
            <th scope="col">Hvornår</th>
            <th scope="col">Hvem</th>
            <th scope="col">Rolle</th>
            <th scope="col">Enhed</th>
            <th scope="col">Hvad</th>
            ${subject === 'person' ? html`<th scope="col">Sag</th>` : ''}
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (row) =>
              html`<tr data-access-log-row="${row.id}">
                <th scope="row" class="nowrap"><time datetime="${row.at}">${formatDateTime(row.at)}</time></th>
                <td data-label="Hvem">${row.user.displayName ?? `Bruger ${row.user.id.slice(0, 8)}`}</td>
                <td data-label="Rolle">${row.user.roleLabel}</td>
                <td data-label="Enhed">${unitsText(row.user.units)}</td>
                <td data-label="Hvad">${row.actionLabel}</td>
                ${subject === 'person' ? html`<td data-label="Sag">${row.case ? html`<a href="${caseHref(row.case.caseType, row.case.id)}">${row.case.caseTypeLabel}</a>` : '–'}</td>` : ''}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="Sider i adgangsloggen">
            ${page.page > 1 ? html`<button type="button" class="button" data-access-log-page="${page.page - 1}">← Forrige</button>` : html`<span></span>`}
            <span>Side ${page.page} af ${pages}</span>
            ${page.page < pages ? html`<button type="button" class="button" data-access-log-page="${page.page + 1}">Næste →</button>` : html`<span></span>`}
          </nav>`
        : ''
    }`;
}

/** Loads the log into the section (when the page has one) and pages it in place. */
export async function attachAccessLog(root, id) {
  const section = root.querySelector('[data-access-log]');
  if (!section) return;
  const subject = section.getAttribute('data-access-log');
  const body = section.querySelector('[data-access-log-body]');
  const show = async (page) => {
    try {
      render(
        body,
        table(await api.get(`${SUBJECTS[subject].path(id)}${query({ page, pageSize: PAGE_SIZE })}`), subject),
      );
    } catch (problem) {
      render(body, html`<p class="field-error" role="alert">${problemText(problem)}</p>`);
    }
  };
  section.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-access-log-page]');
    if (!button) return;
    button.disabled = true;
    await show(Number(button.getAttribute('data-access-log-page')));
    section.querySelector('[data-access-log-page]')?.focus();
  });
  await show(1);
}
