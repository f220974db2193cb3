import { api, query } from '../api.js';
import { html, raw, render } from '../html.js';
import { roleLabel, rolesOfOrganisation, unitName, unitsOfOrganisation } from '../reference.js';
import { heading, notice, pager, problemText } from './common.js';

/**
 * The administrator's users (`GET /api/admin/users`, own organisation): role, units, active or not; each
 * can be changed (role and units) and deactivated or reactivated (`PATCH /api/admin/users/:id`, audited).
 * The API refuses what may not be done (oneself deactivated, the last administrator); the page says why.
 */
const TITLE = 'Brugere';
const INTRO =
  'Din organisations brugere med rolle og enheder. Ændringer gælder med det samme og registreres i revisionssporet.';
const PAGE_SIZE = 50;

function editForm(user, organisation) {
  const prefix = `user-${user.id}`;
  return html`<details class="decision">
    <summary>Ret rolle, enheder og e-mail<span class="visually-hidden"> for ${user.username}</span></summary>
    <form class="user-change decision-form" data-user="${user.id}" aria-label="Ret ${user.username}" novalidate>
      <div class="form-problem" role="alert"></div>
      <div class="field">
        <label for="${prefix}-role">Rolle</label>
        <select id="${prefix}-role" name="role">
          ${rolesOfOrganisation(organisation).map(
            ([code, label]) =>
              html`<option value="${code}" ${code === user.role ? raw(' selected') : ''}>${label}</option>`,
          )}
        </select>
      </div>
      <fieldset class="field">
        <legend>Enheder</legend>
        <div class="choices">
          ${unitsOfOrganisation(organisation).map(
            ([code, name]) =>
              html`<label class="choice"
                ><input
                  type="checkbox"
                  name="units"
                  value="${code}"
                  ${user.units.includes(code) ? raw(' checked') : ''}
                />
                ${name}</label
              >`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="${prefix}-email">E-mailadresse</label>
        <p class="hint" id="${prefix}-email-hint">
          Beskeder om brugerens egne sager sendes hertil. Tom: enhedens postkasse.
        </p>
        <input
          id="${prefix}-email"
          name="email"
          type="email"
          autocomplete="off"
          value="${user.email ?? ''}"
          aria-describedby="${prefix}-email-hint"
        />
      </div>
      <div class="form-actions"><button type="submit" class="button primary">Gem ændringer</button></div>
    </form>
  </details>`;
}

function usersTable(users, self) {
  return html`<div class="table-wrap">
    <table class="stack users">
      <caption class="visually-hidden">
        Brugere
      </caption>
      <thead>
        <tr>
          <th scope="col">Brugernavn</th>
          <th scope="col">Navn</th>
          <th scope="col">Rolle</th>
          <th scope="col">Enheder</th>
          <th scope="col">Adgang</th>
          <th scope="col">Handling</th>
        </tr>
      </thead>
      <tbody>
        ${users.map(
          (user) =>
            html`<tr data-username="${user.username}">
              <th scope="row">${user.username}</th>
              <td data-label="Navn">${user.displayName}</td>
              <td data-label="Rolle">${roleLabel(user.role)}</td>
              <td data-label="Enheder">
                ${user.units.length ? user.units.map(unitName).join(', ') : '–'}
                ${user.email ? html`<span class="muted small">${user.email}</span>` : ''}
              </td>
              <td data-label="Adgang">
                ${
                  user.active
                    ? html`<span class="badge ok"><span aria-hidden="true">✓</span> Aktiv</span>`
                    : html`<span class="badge late"><span aria-hidden="true">✕</span> Deaktiveret</span>`
                }
              </td>
              <td data-label="Handling">
                <div class="row-actions">
                  ${
                    user.id === self.id
                      ? html`<span class="muted small">Det er dig</span>`
                      : html`<button
                          type="button"
                          class="button"
                          data-toggle="${user.id}"
                          data-active="${user.active ? 'false' : 'true'}"
                        >
                          ${user.active ? 'Deaktiver' : 'Genaktiver'}<span class="visually-hidden">
                            ${user.username}</span
                          >
                        </button>`
                  }
                </div>
                ${editForm(user, self.organisation)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export async function usersView(root, { params, user, focus }) {
  const page = Number(params.get('side') ?? 1) || 1;
  let flash;
  const load = async () => {
    let answer;
    try {
      answer = await api.get(`/api/admin/users${query({ page, pageSize: PAGE_SIZE })}`);
    } catch (problem) {
      render(root, html`${heading(TITLE, INTRO)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(TITLE, INTRO)}${flash ? notice(flash.kind, flash.text) : ''}
        <section aria-labelledby="users-heading">
          <h2 id="users-heading">${answer.total} ${answer.total === 1 ? 'bruger' : 'brugere'}</h2>
          ${answer.items.length ? usersTable(answer.items, user) : html`<p class="empty">Ingen brugere.</p>`}
          ${pager(answer.page, answer.pageSize, answer.total, (target) => `#/brugere${query({ side: target })}`)}
        </section>`,
    );
  };
  const change = async (id, body, problemBox) => {
    try {
      const changed = await api.patch(`/api/admin/users/${encodeURIComponent(id)}`, body);
      flash = {
        kind: 'success',
        text: `${changed.username} er gemt: ${roleLabel(changed.role)}, ${changed.active ? 'aktiv' : 'deaktiveret'}.`,
      };
    } catch (problem) {
      if (problemBox) {
        render(problemBox, html`<p class="form-problem-message">${problemText(problem)}</p>`);
        return;
      }
      flash = { kind: 'error', text: problemText(problem) };
    }
    await load();
    focus();
  };
  await load();
  root.addEventListener('click', (event) => {
    const button = event.target.closest('[data-toggle]');
    if (!button) return;
    button.disabled = true;
    change(button.dataset.toggle, { active: button.dataset.active === 'true' });
  });
  root.addEventListener('submit', (event) => {
    const form = event.target.closest('form.user-change');
    if (!form) return;
    event.preventDefault();
    const data = new FormData(form);
    change(
      form.dataset.user,
      { role: data.get('role'), units: data.getAll('units'), email: String(data.get('email') ?? '').trim() },
      form.querySelector('.form-problem'),
    );
  });
}
