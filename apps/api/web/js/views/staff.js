import { api, query } from '../api.js';
import { formatDate, todayInDenmark } from '../format.js';
import { clearProblems, showProblem } from '../forms.js';
import { html, render } from '../html.js';
import { unitName } from '../reference.js';
import { colleagues } from './assignment.js';
import { heading, notice, problemText } from './common.js';

/**
 * "Arbejdsbyrde": a supervisor's caseworkers with their open cases, open steps, overdue and due soon, and
 * the unassigned queue (`GET /api/workload`). "Fravær": one's own absences and, for a supervisor, the
 * staff's — recorded with a substitute, listed, cancelled (`/api/absences`).
 */
const figureCells = (row, assignee) =>
  html`<td class="number" data-label="Åbne sager">
      <a href="#/sager${query({ assignee, state: 'open' })}">${row.openCases}</a>
    </td>
    <td class="number" data-label="Åbne trin">${row.openSteps}</td>
    <td class="number" data-label="Overskredne">
      ${row.overdue ? html`<a href="#/tavle${query({ assignee })}">${row.overdue}</a>` : '0'}
    </td>
    <td class="number" data-label="Snart forfaldne">${row.dueSoon}</td>`;

export async function workloadView(root) {
  const title = 'Arbejdsbyrde';
  const intro = 'Sagsbehandlerne i dine enheder: åbne sager, åbne trin, overskredne og snart forfaldne.';
  let answer;
  try {
    answer = await api.get('/api/workload');
  } catch (problem) {
    render(root, html`${heading(title, intro)}${notice('error', problemText(problem))}`);
    return;
  }
  render(
    root,
    html`${heading(title, intro)}
      <p class="summary">Enheder: ${answer.units.map(unitName).join(', ') || '–'}</p>
      <div class="table-wrap">
        <table class="stack workload">
          <caption class="visually-hidden">
            Arbejdsbyrde pr. sagsbehandler
          </caption>
          <thead>
            <tr>
              <th scope="col">Sagsbehandler</th>
              <th scope="col">Åbne sager</th>
              <th scope="col">Åbne trin</th>
              <th scope="col">Overskredne</th>
              <th scope="col">Snart forfaldne</th>
              <th scope="col">Fravær</th>
            </tr>
          </thead>
          <tbody>
            ${answer.items.map(
              (row) =>
                html`<tr data-user-id="${row.user.id}" class="${row.overdue ? 'is-overdue' : ''}">
                  <th scope="row">${row.user.displayName}<span class="muted small"> · ${row.roleLabel}</span></th>
                  ${figureCells(row, row.user.id)}
                  <td data-label="Fravær">
                    ${
                      row.absence
                        ? html`Til ${formatDate(row.absence.to)} · stedfortræder ${row.absence.substitute.displayName}`
                        : '–'
                    }
                  </td>
                </tr>`,
            )}
            <tr data-user-id="none">
              <th scope="row">Ufordelte sager</th>
              ${figureCells(answer.unassigned, 'none')}
              <td data-label="Fravær">–</td>
            </tr>
          </tbody>
        </table>
      </div>`,
  );
}

function absenceRows(items, user) {
  return html`<div class="table-wrap">
    <table class="stack absences">
      <caption class="visually-hidden">
        Fravær
      </caption>
      <thead>
        <tr>
          <th scope="col">Fraværende</th>
          <th scope="col">Periode</th>
          <th scope="col">Stedfortræder</th>
          <th scope="col">Status</th>
          <th scope="col">Handling</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (item) =>
            html`<tr data-absence-id="${item.id}">
              <th scope="row">${item.user.id === user.id ? 'Dig' : item.user.displayName}</th>
              <td data-label="Periode">${formatDate(item.from)} – ${formatDate(item.to)}</td>
              <td data-label="Stedfortræder">
                ${item.substitute.id === user.id ? 'Dig' : item.substitute.displayName}
              </td>
              <td data-label="Status">
                ${item.cancelledAt ? 'Aflyst' : item.current ? html`<span class="badge soon">I dag</span>` : 'Kommende'}
              </td>
              <td data-label="Handling">
                ${
                  // The substitute sees the absence; the absent user and the unit's supervisor cancel it.
                  item.cancelledAt || (item.user.id !== user.id && user.role !== 'supervisor')
                    ? '–'
                    : html`<button type="button" class="button" data-cancel="${item.id}">
                        Aflys<span class="visually-hidden"> fraværet ${formatDate(item.from)}</span>
                      </button>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function absenceForm(user, staff) {
  const isSupervisor = user.role === 'supervisor';
  const workers = staff.filter((member) => member.role !== 'supervisor');
  const substitutes = staff.filter(
    (member) => member.id !== user.id && (isSupervisor ? member.role !== 'supervisor' : member.role === user.role),
  );
  const field = (name, label, control) =>
    html`<div class="field">
      <label for="absence-${name}">${label}</label>${control}
      <p class="field-error" id="absence-${name}-error" data-error-for="${name}"></p>
    </div>`;
  const options = (members) =>
    html`<option value="">Vælg …</option>
      ${members.map((member) => html`<option value="${member.id}">${member.displayName}</option>`)}`;
  return html`<form class="decision-form" id="absence-form" novalidate aria-describedby="absence-problem">
    ${
      isSupervisor
        ? field(
            'userId',
            'Medarbejder',
            html`<select id="absence-userId" name="userId">
              ${options(workers)}
            </select>`,
          )
        : ''
    }
    ${field('from', 'Første fraværsdag', html`<input id="absence-from" name="from" type="date" value="${todayInDenmark()}" />`)}
    ${field('to', 'Sidste fraværsdag', html`<input id="absence-to" name="to" type="date" />`)}
    ${field(
      'substituteId',
      'Stedfortræder',
      html`<select id="absence-substituteId" name="substituteId">
        ${options(substitutes)}
      </select>`,
    )}
    <div class="form-problem" id="absence-problem" role="alert" aria-live="assertive"></div>
    <div class="form-actions"><button type="submit" class="button primary">Registrér fraværet</button></div>
  </form>`;
}

export async function absencesView(root, { user, focus }) {
  const title = 'Fravær';
  const intro =
    user.role === 'supervisor'
      ? 'Medarbejdernes fravær med stedfortræder. Imens går beskeder til stedfortræderen med dig som kopimodtager.'
      : 'Dit fravær med stedfortræder: imens får stedfortræderen dine beskeder og ser dine sager i Mine opgaver.';
  const staff = await colleagues(user);
  let flash;
  const load = async () => {
    let answer;
    try {
      answer = await api.get('/api/absences?pageSize=100');
    } catch (problem) {
      render(root, html`${heading(title, intro)}${notice('error', problemText(problem))}`);
      return;
    }
    render(
      root,
      html`${heading(title, intro)}${flash ? notice(flash.kind, flash.text) : ''}
        <section class="panel" aria-labelledby="absence-new-heading">
          <h2 id="absence-new-heading">Registrér fravær</h2>
          ${absenceForm(user, staff)}
        </section>
        <section aria-labelledby="absence-list-heading">
          <h2 id="absence-list-heading">Aktuelt og kommende fravær</h2>
          ${answer.items.length ? absenceRows(answer.items, user) : html`<p class="empty">Intet fravær registreret.</p>`}
        </section>`,
    );
  };
  await load();
  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('#absence-form');
    if (!form) return;
    event.preventDefault();
    const body = Object.fromEntries(
      [...new FormData(form)].map(([key, value]) => [key, String(value).trim()]).filter(([, value]) => value !== ''),
    );
    clearProblems(form);
    try {
      await api.post('/api/absences', body);
      flash = { kind: 'success', text: 'Fraværet er registreret.' };
      await load();
      focus();
    } catch (problem) {
      showProblem(form, problem);
    }
  });
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-cancel]');
    if (!button) return;
    button.disabled = true;
    try {
      await api.post(`/api/absences/${encodeURIComponent(button.dataset.cancel)}/cancellation`);
      flash = { kind: 'success', text: 'Fraværet er aflyst.' };
    } catch (problem) {
      flash = { kind: 'error', text: problemText(problem) };
    }
    await load();
    focus();
  });
}
